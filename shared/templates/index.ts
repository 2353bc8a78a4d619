import type { Locale } from "../api/users.ts";
import { careerAdvancement } from "./career-advancement.ts";
import { encouragementSupport } from "./encouragement-support.ts";
import { skillDevelopment } from "./skill-development.ts";
import type { LocalizedText, ProgramTemplate, QuestionKind, TemplateActivity, TemplateId, TemplateQuestion, TemplateStep } from "./types.ts";

/** Every template, in the order the template picker shows them. */
export const PROGRAM_TEMPLATES: readonly ProgramTemplate[] = [careerAdvancement, skillDevelopment, encouragementSupport];

export function findTemplate(id: string): ProgramTemplate | undefined {
  return PROGRAM_TEMPLATES.find((template) => template.id === id);
}

type LocalizedActivity = { id: string; label: string };

type LocalizedStep = {
  week: number;
  title: string;
  guidance: string;
  activities: LocalizedActivity[];
};

type LocalizedQuestion = {
  id: string;
  kind: QuestionKind;
  label: string;
  help?: string;
  required: boolean;
  choices?: { id: string; label: string }[];
};

/** A ProgramTemplate with every LocalizedText replaced by the text for one locale. */
export type LocalizedTemplate = {
  id: TemplateId;
  name: string;
  summary: string;
  description: string;
  durationWeeks: number;
  steps: LocalizedStep[];
  questions: { mentor: LocalizedQuestion[]; mentee: LocalizedQuestion[] };
};

function text(value: LocalizedText, locale: Locale): string {
  return value[locale];
}

function localizeActivity(activity: TemplateActivity, locale: Locale): LocalizedActivity {
  return { id: activity.id, label: text(activity.label, locale) };
}

function localizeStep(step: TemplateStep, locale: Locale): LocalizedStep {
  return {
    week: step.week,
    title: text(step.title, locale),
    guidance: text(step.guidance, locale),
    activities: step.activities.map((activity) => localizeActivity(activity, locale)),
  };
}

function localizeQuestion(question: TemplateQuestion, locale: Locale): LocalizedQuestion {
  const localized: LocalizedQuestion = {
    id: question.id,
    kind: question.kind,
    label: text(question.label, locale),
    required: question.required,
  };
  if (question.help) localized.help = text(question.help, locale);
  if (question.choices) localized.choices = question.choices.map((choice) => ({ id: choice.id, label: text(choice.label, locale) }));
  return localized;
}

/** Pure: returns a new object and leaves the template untouched. */
export function localizeTemplate(template: ProgramTemplate, locale: Locale): LocalizedTemplate {
  return {
    id: template.id,
    name: text(template.name, locale),
    summary: text(template.summary, locale),
    description: text(template.description, locale),
    durationWeeks: template.durationWeeks,
    steps: template.steps.map((step) => localizeStep(step, locale)),
    questions: {
      mentor: template.questions.mentor.map((question) => localizeQuestion(question, locale)),
      mentee: template.questions.mentee.map((question) => localizeQuestion(question, locale)),
    },
  };
}
