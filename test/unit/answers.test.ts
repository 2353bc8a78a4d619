import { describe, expect, it } from "vitest";
import type { Question } from "../../shared/api/programs.ts";
import { normalizeAnswers, validateAnswers } from "../../shared/rules/answers.ts";
import { ageInYears, isAdult } from "../../shared/rules/age.ts";
import { canTransition } from "../../shared/rules/program-status.ts";

const questions: Question[] = [
  { id: "goal", kind: "long_text", label: "Your goal", required: true },
  { id: "years", kind: "short_text", label: "Years", required: false },
  {
    id: "format",
    kind: "single_choice",
    label: "Format",
    required: true,
    choices: [
      { id: "video", label: "Video" },
      { id: "chat", label: "Chat" },
    ],
  },
  {
    id: "areas",
    kind: "multiple_choice",
    label: "Areas",
    required: false,
    choices: [
      { id: "cv", label: "CV" },
      { id: "pay", label: "Pay" },
    ],
  },
];

describe("validateAnswers", () => {
  it("accepts complete, well-typed answers", () => {
    expect(validateAnswers(questions, { goal: "Get promoted", format: "video", areas: ["cv", "pay"] })).toEqual([]);
  });

  it("names each missing required question", () => {
    const issues = validateAnswers(questions, { goal: "   " });
    expect(issues.map((i) => i.questionId)).toEqual(["goal", "format"]);
    expect(issues[0]!.message).toContain('"Your goal"');
  });

  it("refuses unknown questions, unknown choices, wrong types and repeated choices", () => {
    expect(validateAnswers(questions, { goal: "x", format: "phone" })[0]!.questionId).toBe("format");
    expect(validateAnswers(questions, { goal: "x", format: "video", areas: ["cv", "cv"] })[0]!.questionId).toBe("areas");
    expect(validateAnswers(questions, { goal: ["x"], format: "video" })[0]!.questionId).toBe("goal");
    expect(validateAnswers(questions, { goal: "x", format: "video", shoe: "42" })[0]!.questionId).toBe("shoe");
    expect(validateAnswers(questions, { goal: "x", format: "video", years: "9".repeat(201) })[0]!.questionId).toBe("years");
  });

  it("normalizes by trimming and dropping empty optional answers", () => {
    expect(normalizeAnswers({ goal: "  Grow  ", years: " ", areas: [] })).toEqual({ goal: "Grow" });
  });
});

describe("age", () => {
  it("is 18 on the 18th birthday, not the day before", () => {
    expect(isAdult("2008-11-21", new Date("2026-11-21T00:00:00Z"))).toBe(true);
    expect(isAdult("2008-11-22", new Date("2026-11-21T23:59:59Z"))).toBe(false);
  });
  it("handles 29 February birthdays and impossible dates", () => {
    expect(ageInYears("2008-02-29", new Date("2026-02-28T12:00:00Z"))).toBe(17);
    expect(ageInYears("2008-02-29", new Date("2026-03-01T12:00:00Z"))).toBe(18);
    expect(ageInYears("2007-02-29", new Date())).toBeNull();
  });
});

describe("program status", () => {
  it("allows draft → open → closed → archived and reopening, nothing else", () => {
    expect(canTransition("draft", "open")).toBe(true);
    expect(canTransition("closed", "open")).toBe(true);
    expect(canTransition("open", "archived")).toBe(false);
    expect(canTransition("archived", "open")).toBe(false);
    expect(canTransition("draft", "closed")).toBe(false);
  });
});
