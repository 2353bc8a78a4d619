// The program editor's working copy and its rules. Numbers are kept as the text typed, so a field can
// be empty while someone edits it; `validateDraft` mirrors UpdateProgramBody in shared/api/programs.ts
// with translated messages, keyed by the same paths the API uses in its 422 issues ("steps.2.title").
import {
  ACTIVITY_MAX,
  CADENCE_MAX_DAYS as CADENCE_MAX,
  CHOICE_MAX,
  DURATION_MAX_WEEKS as DURATION_MAX,
  GUIDANCE_MAX,
  MAX_ACTIVITIES,
  MAX_CHOICES,
  MAX_QUESTIONS_PER_ROLE,
  MAX_STEPS,
  MENTOR_CAPACITY_LIMIT as CAPACITY_LIMIT,
  PROGRAM_DESCRIPTION_MAX as DESCRIPTION_MAX,
  PROGRAM_TITLE_MAX as TITLE_MAX,
  QUESTION_HELP_MAX,
  QUESTION_LABEL_MAX,
  STEP_TITLE_MAX,
} from "../../../../../shared/rules/limits.ts";
import { QUESTION_KINDS, type QuestionKind } from "../../../../../shared/rules/vocabulary.ts";
import type { Program, ProgramStep, Question, UpdateProgramBody } from "../../../lib/groups.ts";
import { message, type Message } from "../../../lib/validation.ts";

// The API's own limits (shared/rules/limits.ts), under the editor's names.
export {
  ACTIVITY_MAX,
  CADENCE_MAX,
  CAPACITY_LIMIT,
  CHOICE_MAX,
  DESCRIPTION_MAX,
  DURATION_MAX,
  GUIDANCE_MAX,
  MAX_ACTIVITIES,
  MAX_CHOICES,
  MAX_QUESTIONS_PER_ROLE,
  MAX_STEPS,
  QUESTION_HELP_MAX,
  QUESTION_KINDS,
  QUESTION_LABEL_MAX,
  STEP_TITLE_MAX,
  TITLE_MAX,
  type QuestionKind,
};
const QUESTION_ROLES = ["mentor", "mentee"] as const;
export type QuestionRole = (typeof QUESTION_ROLES)[number];

type DraftItem = { id: string; label: string };
export type DraftStep = { id: string; title: string; guidance: string; activities: DraftItem[] };
export type DraftQuestion = { id: string; kind: QuestionKind; label: string; help: string; required: boolean; choices: DraftItem[] };
export type Draft = {
  title: string;
  description: string;
  mentorCapacityDefault: string;
  mentorCapacityMax: string;
  durationWeeks: string;
  checkinCadenceDays: string;
  steps: DraftStep[];
  questions: Record<QuestionRole, DraftQuestion[]>;
};

export const isChoiceKind = (kind: QuestionKind) => kind === "single_choice" || kind === "multiple_choice";

const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** A new id such as `step-k3v9x2ab`, unique among `taken`, matching the API's id pattern. */
export function newId(prefix: "step" | "activity" | "question" | "choice", taken: Iterable<string> = []): string {
  const used = new Set(taken);
  for (;;) {
    const bytes = crypto.getRandomValues(new Uint8Array(6));
    const random = Array.from(bytes, (byte) => (byte % 36).toString(36)).join("");
    const id = `${prefix}-${random}`;
    if (ID_PATTERN.test(id) && !used.has(id)) return id;
  }
}

export function toDraft(program: Program): Draft {
  const question = (q: Question): DraftQuestion => ({
    id: q.id,
    kind: q.kind,
    label: q.label,
    help: q.help ?? "",
    required: q.required,
    choices: (q.choices ?? []).map((choice) => ({ ...choice })),
  });
  return {
    title: program.title,
    description: program.description,
    mentorCapacityDefault: String(program.mentorCapacityDefault),
    mentorCapacityMax: String(program.mentorCapacityMax),
    durationWeeks: String(program.durationWeeks),
    checkinCadenceDays: String(program.checkinCadenceDays),
    steps: program.steps.map((step) => ({ ...step, activities: step.activities.map((activity) => ({ ...activity })) })),
    questions: { mentor: program.questions.mentor.map(question), mentee: program.questions.mentee.map(question) },
  };
}

const toInt = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN);

/** The PATCH body: whole lists of steps and questions, trimmed, choices only on choice questions. */
export function toPatch(draft: Draft, version: number): UpdateProgramBody {
  const steps: ProgramStep[] = draft.steps.map((step) => ({
    id: step.id,
    title: step.title.trim(),
    guidance: step.guidance.trim(),
    activities: step.activities.map((activity) => ({ id: activity.id, label: activity.label.trim() })),
  }));
  const question = (q: DraftQuestion): Question => ({
    id: q.id,
    kind: q.kind,
    label: q.label.trim(),
    ...(q.help.trim() ? { help: q.help.trim() } : {}),
    required: q.required,
    ...(isChoiceKind(q.kind) ? { choices: q.choices.map((choice) => ({ id: choice.id, label: choice.label.trim() })) } : {}),
  });
  return {
    version,
    title: draft.title.trim(),
    description: draft.description.trim(),
    steps,
    questions: { mentor: draft.questions.mentor.map(question), mentee: draft.questions.mentee.map(question) },
    mentorCapacityDefault: toInt(draft.mentorCapacityDefault),
    mentorCapacityMax: toInt(draft.mentorCapacityMax),
    durationWeeks: toInt(draft.durationWeeks),
    checkinCadenceDays: toInt(draft.checkinCadenceDays),
  };
}

/** What "unsaved changes" compares: the body that Save would send, without the version. */
export const fingerprint = (draft: Draft) => JSON.stringify(toPatch(draft, 0));

export type Errors = Record<string, Message>;

function text(errors: Errors, path: string, value: string, max: number, options: { required?: boolean } = {}) {
  const trimmed = value.trim();
  if (options.required !== false && !trimmed) errors[path] = message("editor.validation.required");
  else if (trimmed.length > max) errors[path] = message("editor.validation.tooLong", { max });
}

function integer(errors: Errors, path: string, value: string, min: number, max: number) {
  const number = toInt(value);
  if (!Number.isInteger(number) || number < min || number > max) errors[path] = message("editor.validation.range", { min, max });
}

export function validateDraft(draft: Draft): Errors {
  const errors: Errors = {};
  text(errors, "title", draft.title, TITLE_MAX);
  text(errors, "description", draft.description, DESCRIPTION_MAX, { required: false });
  integer(errors, "mentorCapacityDefault", draft.mentorCapacityDefault, 1, CAPACITY_LIMIT);
  integer(errors, "mentorCapacityMax", draft.mentorCapacityMax, 1, CAPACITY_LIMIT);
  if (!errors.mentorCapacityDefault && !errors.mentorCapacityMax && toInt(draft.mentorCapacityDefault) > toInt(draft.mentorCapacityMax)) {
    errors.mentorCapacityDefault = message("editor.validation.capacityOverMax");
  }
  integer(errors, "durationWeeks", draft.durationWeeks, 1, DURATION_MAX);
  integer(errors, "checkinCadenceDays", draft.checkinCadenceDays, 1, CADENCE_MAX);

  if (draft.steps.length === 0) errors.steps = message("editor.validation.noSteps");
  if (draft.steps.length > MAX_STEPS) errors.steps = message("editor.validation.tooManySteps", { max: MAX_STEPS });
  draft.steps.forEach((step, i) => {
    text(errors, `steps.${i}.title`, step.title, STEP_TITLE_MAX);
    text(errors, `steps.${i}.guidance`, step.guidance, GUIDANCE_MAX, { required: false });
    if (step.activities.length === 0) errors[`steps.${i}.activities`] = message("editor.validation.noActivities");
    if (step.activities.length > MAX_ACTIVITIES) errors[`steps.${i}.activities`] = message("editor.validation.tooManyActivities", { max: MAX_ACTIVITIES });
    step.activities.forEach((activity, j) => {
      text(errors, `steps.${i}.activities.${j}.label`, activity.label, ACTIVITY_MAX);
    });
  });

  for (const role of QUESTION_ROLES) {
    const list = draft.questions[role];
    if (list.length > MAX_QUESTIONS_PER_ROLE) errors[`questions.${role}`] = message("editor.validation.tooManyQuestions", { max: MAX_QUESTIONS_PER_ROLE });
    list.forEach((q, i) => {
      const at = `questions.${role}.${i}`;
      text(errors, `${at}.label`, q.label, QUESTION_LABEL_MAX);
      text(errors, `${at}.help`, q.help, QUESTION_HELP_MAX, { required: false });
      if (!isChoiceKind(q.kind)) return;
      if (q.choices.length < 2) errors[`${at}.choices`] = message("editor.validation.fewChoices");
      if (q.choices.length > MAX_CHOICES) errors[`${at}.choices`] = message("editor.validation.tooManyChoices", { max: MAX_CHOICES });
      q.choices.forEach((choice, j) => {
        text(errors, `${at}.choices.${j}.label`, choice.label, CHOICE_MAX);
      });
    });
  }
  return errors;
}

/** Where an error sits, as the id of a step or question, so its card can open to show it. */
export function itemsWithErrors(draft: Draft, errors: Errors): Set<string> {
  const ids = new Set<string>();
  for (const path of Object.keys(errors)) {
    const parts = path.split(".");
    if (parts[0] === "steps" && parts[1] !== undefined) {
      const step = draft.steps[Number(parts[1])];
      if (step) ids.add(step.id);
    }
    if (parts[0] === "questions" && parts[2] !== undefined) {
      const q = draft.questions[parts[1] as QuestionRole]?.[Number(parts[2])];
      if (q) ids.add(q.id);
    }
  }
  return ids;
}

/** Moves the item at `from` to `to` in a copy of the list. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  if (item !== undefined) copy.splice(to, 0, item);
  return copy;
}
