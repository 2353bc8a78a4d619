import { describe, expect, it } from "vitest";
import { findTemplate, localizeTemplate, PROGRAM_TEMPLATES } from "../../shared/templates/index.ts";
import type { LocalizedText, ProgramTemplate, TemplateQuestion } from "../../shared/templates/types.ts";
import { AVAILABILITY_CHOICES, TEMPLATE_IDS } from "../../shared/templates/types.ts";

const LOCALES = ["en", "fr", "de"] as const;
const CHOICE_KINDS = new Set(["single_choice", "multiple_choice"]);
// Activity and choice ids are stored in programs, which accept lowercase letters, digits and dashes.
const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;

const REQUIRED_QUESTIONS = {
  mentor: { help_with: "long_text", why_help: "long_text", topics: "multiple_choice", availability: "multiple_choice", contact: "long_text" },
  mentee: { need_help_with: "long_text", mentor_wanted: "long_text", topics: "multiple_choice", availability: "multiple_choice", contact: "long_text" },
} as const;

function isLocaleObject(value: object): boolean {
  return LOCALES.some((locale) => locale in value);
}

/** Every object in the tree that carries a locale key, with its path. */
function collectLocalizedTexts(value: unknown, path = "$", found: { path: string; text: Record<string, unknown> }[] = []) {
  if (Array.isArray(value)) {
    value.forEach((item, index) => collectLocalizedTexts(item, `${path}[${index}]`, found));
  } else if (value !== null && typeof value === "object") {
    if (isLocaleObject(value)) found.push({ path, text: value as Record<string, unknown> });
    else for (const [key, child] of Object.entries(value)) collectLocalizedTexts(child, `${path}.${key}`, found);
  }
  return found;
}

function words(text: string): number {
  return text.trim().split(/\s+/).length;
}

function question(template: ProgramTemplate, role: "mentor" | "mentee", id: string): TemplateQuestion {
  const found = template.questions[role].find((q) => q.id === id);
  if (!found) throw new Error(`${template.id}: no ${role} question "${id}"`);
  return found;
}

function choiceIds(q: TemplateQuestion): string[] {
  return (q.choices ?? []).map((choice) => choice.id);
}

describe("program templates", () => {
  it("has one template per TEMPLATE_ID, in order, with unique ids", () => {
    const ids = PROGRAM_TEMPLATES.map((template) => template.id);
    expect(ids).toEqual([...TEMPLATE_IDS]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("finds templates by id", () => {
    for (const template of PROGRAM_TEMPLATES) expect(findTemplate(template.id)).toBe(template);
    expect(findTemplate("no-such-template")).toBeUndefined();
  });

  describe.each(PROGRAM_TEMPLATES.map((template) => [template.id, template] as const))("%s", (_id, template) => {
    it("has at least 6 weekly steps numbered 1..n, matching durationWeeks", () => {
      expect(template.steps.length).toBeGreaterThanOrEqual(6);
      expect(template.steps.length).toBeLessThanOrEqual(8);
      expect(template.steps.map((step) => step.week)).toEqual(template.steps.map((_, index) => index + 1));
      expect(template.durationWeeks).toBe(template.steps.length);
    });

    it("gives each step 2 to 5 activities with ids unique within the step", () => {
      for (const step of template.steps) {
        expect(step.activities.length, `week ${step.week}`).toBeGreaterThanOrEqual(2);
        expect(step.activities.length, `week ${step.week}`).toBeLessThanOrEqual(5);
        const ids = step.activities.map((activity) => activity.id);
        expect(new Set(ids).size, `week ${step.week} activity ids`).toBe(ids.length);
        for (const id of ids) expect(id, `week ${step.week}`).toMatch(SLUG);
      }
    });

    it("starts with “Get to know each other”: introductions, goals, and how and when to talk", () => {
      const week1 = template.steps[0];
      expect(week1?.week).toBe(1);
      expect(week1?.title).toEqual({ en: "Get to know each other", fr: "Faire connaissance", de: "Einander kennenlernen" });
      const labels = week1?.activities.map((activity) => activity.label.en) ?? [];
      expect(labels.some((label) => /introduce yourselves/i.test(label))).toBe(true);
      expect(labels.some((label) => /share your goals/i.test(label))).toBe(true);
      expect(labels.some((label) => /how and when you will talk/i.test(label))).toBe(true);
    });

    it("writes guidance of 60 to 140 words in English for every step", () => {
      for (const step of template.steps) {
        const count = words(step.guidance.en);
        expect(count, `week ${step.week} has ${count} words`).toBeGreaterThanOrEqual(60);
        expect(count, `week ${step.week} has ${count} words`).toBeLessThanOrEqual(140);
      }
    });

    it("has non-empty en, fr and de text everywhere", () => {
      const texts = collectLocalizedTexts(template);
      expect(texts.length).toBeGreaterThan(50);
      for (const { path, text } of texts) {
        expect(Object.keys(text).sort(), path).toEqual([...LOCALES].sort());
        for (const locale of LOCALES) {
          const value = text[locale];
          expect(typeof value, `${path}.${locale}`).toBe("string");
          expect((value as string).trim(), `${path}.${locale}`).not.toBe("");
        }
      }
    });

    it("translates every step title and guidance (fr and de differ from en)", () => {
      for (const step of template.steps) {
        for (const field of ["title", "guidance"] as const) {
          const text: LocalizedText = step[field];
          expect(text.fr, `week ${step.week} ${field} fr`).not.toBe(text.en);
          expect(text.de, `week ${step.week} ${field} de`).not.toBe(text.en);
        }
      }
    });

    it("asks mentors and mentees the questions matching reads, with the right kinds", () => {
      for (const role of ["mentor", "mentee"] as const) {
        const questions = template.questions[role];
        expect(questions.length, role).toBeGreaterThanOrEqual(3);
        expect(questions.length, role).toBeLessThanOrEqual(7);
        const ids = questions.map((q) => q.id);
        expect(new Set(ids).size, `${role} question ids`).toBe(ids.length);
        for (const [id, kind] of Object.entries(REQUIRED_QUESTIONS[role])) {
          expect(question(template, role, id).kind, `${role}.${id}`).toBe(kind);
        }
      }
      expect(question(template, "mentor", "help_with").required).toBe(true);
      expect(question(template, "mentor", "topics").required).toBe(true);
      expect(question(template, "mentor", "contact").required).toBe(true);
      expect(question(template, "mentee", "need_help_with").required).toBe(true);
      expect(question(template, "mentee", "contact").required).toBe(true);
    });

    it("gives choice questions 2 to 12 choices with unique ids, and no choices to text questions", () => {
      for (const q of [...template.questions.mentor, ...template.questions.mentee]) {
        if (CHOICE_KINDS.has(q.kind)) {
          const ids = choiceIds(q);
          expect(ids.length, q.id).toBeGreaterThanOrEqual(2);
          expect(ids.length, q.id).toBeLessThanOrEqual(12);
          expect(new Set(ids).size, `${q.id} choice ids`).toBe(ids.length);
          for (const id of ids) expect(id, q.id).toMatch(SLUG);
        } else {
          expect(q.choices, q.id).toBeUndefined();
        }
      }
    });

    it("offers exactly AVAILABILITY_CHOICES and the same 5 to 10 topics to both roles", () => {
      for (const role of ["mentor", "mentee"] as const) {
        expect(choiceIds(question(template, role, "availability")), role).toEqual([...AVAILABILITY_CHOICES]);
      }
      const mentorTopics = choiceIds(question(template, "mentor", "topics"));
      expect(mentorTopics.length).toBeGreaterThanOrEqual(5);
      expect(mentorTopics.length).toBeLessThanOrEqual(10);
      expect(choiceIds(question(template, "mentee", "topics"))).toEqual(mentorTopics);
    });

    it("localizes to plain French strings without touching the template", () => {
      const before = JSON.stringify(template);
      const fr = localizeTemplate(template, "fr");
      expect(JSON.stringify(template)).toBe(before);
      expect(collectLocalizedTexts(fr)).toEqual([]);
      expect(fr.id).toBe(template.id);
      expect(fr.name).toBe(template.name.fr);
      expect(fr.description).toBe(template.description.fr);
      expect(fr.durationWeeks).toBe(template.durationWeeks);
      expect(fr.steps[0]?.title).toBe("Faire connaissance");
      expect(fr.steps.map((step) => step.guidance)).toEqual(template.steps.map((step) => step.guidance.fr));
      expect(fr.steps.map((step) => step.activities.map((a) => a.label))).toEqual(template.steps.map((step) => step.activities.map((a) => a.label.fr)));
      const availability = fr.questions.mentee.find((q) => q.id === "availability");
      expect(availability?.label).toBe(question(template, "mentee", "availability").label.fr);
      expect(availability?.choices?.map((choice) => choice.id)).toEqual([...AVAILABILITY_CHOICES]);
      expect(availability?.choices?.every((choice) => typeof choice.label === "string")).toBe(true);
    });
  });

  it("reminds the encouragement and support pair, early on, that mentors do not replace professional or emergency help", () => {
    const template = findTemplate("encouragement-support");
    const early = template?.steps.slice(0, 2) ?? [];
    expect(early.some((step) => /emergency services/i.test(step.guidance.en) && /professional/i.test(step.guidance.en))).toBe(true);
    expect(early.some((step) => /urgence/i.test(step.guidance.fr))).toBe(true);
    expect(early.some((step) => /Notruf/i.test(step.guidance.de))).toBe(true);
  });
});
