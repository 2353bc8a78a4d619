import type { Question } from "../api/programs.ts";

export type Answers = Record<string, string | string[]>;
export type AnswerIssue = { questionId: string; message: string };

export const SHORT_TEXT_MAX = 200;
export const LONG_TEXT_MAX = 4000;

/**
 * Checks answers against a program's own questions: every key is a known question, every value has the
 * question's type, choices are among the question's choices, and required questions are answered.
 * Returns one issue per bad question, naming it, so the form can show the message in place.
 */
export function validateAnswers(questions: Question[], answers: Answers): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const byId = new Map(questions.map((question) => [question.id, question]));
  for (const key of Object.keys(answers)) {
    if (!byId.has(key)) issues.push({ questionId: key, message: `There is no question "${key}" in this program.` });
  }
  for (const question of questions) {
    const value = answers[question.id];
    const label = `"${question.label}"`;
    const empty = value === undefined || (typeof value === "string" ? value.trim() === "" : value.length === 0);
    if (empty) {
      if (question.required) issues.push({ questionId: question.id, message: `${label} needs an answer.` });
      continue;
    }
    const choiceIds = new Set(question.choices?.map((choice) => choice.id) ?? []);
    switch (question.kind) {
      case "short_text":
      case "long_text": {
        const max = question.kind === "short_text" ? SHORT_TEXT_MAX : LONG_TEXT_MAX;
        if (typeof value !== "string") issues.push({ questionId: question.id, message: `${label} takes text.` });
        else if (value.length > max) issues.push({ questionId: question.id, message: `Keep the answer to ${label} under ${max} characters.` });
        break;
      }
      case "single_choice":
        if (typeof value !== "string" || !choiceIds.has(value)) {
          issues.push({ questionId: question.id, message: `Pick one of the choices for ${label}.` });
        }
        break;
      case "multiple_choice":
        if (!Array.isArray(value) || value.some((item) => typeof item !== "string" || !choiceIds.has(item))) {
          issues.push({ questionId: question.id, message: `Pick among the choices for ${label}.` });
        } else if (new Set(value).size !== value.length) {
          issues.push({ questionId: question.id, message: `Pick each choice for ${label} only once.` });
        }
        break;
    }
  }
  return issues;
}

/** Trims text answers and drops empty optional ones, so stored answers are clean. */
export function normalizeAnswers(answers: Answers): Answers {
  const clean: Answers = {};
  for (const [key, value] of Object.entries(answers)) {
    if (typeof value === "string") {
      if (value.trim()) clean[key] = value.trim();
    } else if (value.length) clean[key] = value;
  }
  return clean;
}
