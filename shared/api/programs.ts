import { z } from "zod";
import {
  ACTIVITY_MAX,
  CADENCE_MAX_DAYS,
  CHOICE_MAX,
  DURATION_MAX_WEEKS,
  GUIDANCE_MAX,
  MAX_ACTIVITIES,
  MAX_CHOICES,
  MAX_QUESTIONS_PER_ROLE,
  MAX_STEPS,
  MENTOR_CAPACITY_LIMIT,
  PROGRAM_DESCRIPTION_MAX,
  PROGRAM_TITLE_MAX,
  QUESTION_HELP_MAX,
  QUESTION_LABEL_MAX,
  STEP_TITLE_MAX,
} from "../rules/limits.ts";
import { QUESTION_KINDS } from "../rules/vocabulary.ts";
import { Locale } from "./users.ts";

const PROGRAM_STATUSES = ["draft", "open", "closed", "archived"] as const;
export const ProgramStatus = z.enum(PROGRAM_STATUSES);
export type ProgramStatus = z.infer<typeof ProgramStatus>;

// The plain values live in shared/rules (no zod there, so the SPA imports them); re-exported for the worker.
export { MENTOR_CAPACITY_DEFAULT } from "../rules/limits.ts";

const Id = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "Use lowercase letters, digits, dashes and underscores.");
const Text = (max: number, what: string) =>
  z.string().trim().min(1, `${what} cannot be empty.`).max(max, `Keep ${what.toLowerCase()} under ${max} characters.`);

const Activity = z.object({ id: Id, label: Text(ACTIVITY_MAX, "The activity") });

export const ProgramStep = z
  .object({
    id: Id,
    title: Text(STEP_TITLE_MAX, "The title"),
    guidance: z
      .string()
      .trim()
      .max(GUIDANCE_MAX, `Keep the guidance under ${GUIDANCE_MAX.toLocaleString("en")} characters.`),
    activities: z.array(Activity).min(1, "Give each step at least one activity.").max(MAX_ACTIVITIES, `Use at most ${MAX_ACTIVITIES} activities per step.`),
  })
  .meta({ id: "ProgramStep" });
export type ProgramStep = z.infer<typeof ProgramStep>;

export const Question = z
  .object({
    id: Id,
    kind: z.enum(QUESTION_KINDS),
    label: Text(QUESTION_LABEL_MAX, "The question"),
    help: z.string().trim().max(QUESTION_HELP_MAX).optional(),
    required: z.boolean(),
    choices: z
      .array(z.object({ id: Id, label: Text(CHOICE_MAX, "The choice") }))
      .max(MAX_CHOICES)
      .optional(),
  })
  .superRefine((question, ctx) => {
    const isChoice = question.kind === "single_choice" || question.kind === "multiple_choice";
    if (isChoice && (question.choices?.length ?? 0) < 2) {
      ctx.addIssue({ code: "custom", path: ["choices"], message: "A choice question needs at least 2 choices." });
    }
    if (!isChoice && question.choices?.length) {
      ctx.addIssue({ code: "custom", path: ["choices"], message: "Only choice questions have choices." });
    }
    const ids = question.choices?.map((choice) => choice.id) ?? [];
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: "custom", path: ["choices"], message: "Choice ids must be unique." });
  })
  .meta({ id: "Question" });
export type Question = z.infer<typeof Question>;

function uniqueIds<T extends { id: string }>(items: T[], ctx: z.RefinementCtx, what: string) {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.id)) ctx.addIssue({ code: "custom", path: [index, "id"], message: `Two ${what} share the id "${item.id}".` });
    seen.add(item.id);
  });
}

const ProgramSteps = z
  .array(ProgramStep)
  .min(1, "A program needs at least one step.")
  .max(MAX_STEPS, `Use at most ${MAX_STEPS} steps.`)
  .superRefine((steps, ctx) => uniqueIds(steps, ctx, "steps"));

const QuestionList = z
  .array(Question)
  .max(MAX_QUESTIONS_PER_ROLE, `Use at most ${MAX_QUESTIONS_PER_ROLE} questions.`)
  .superRefine((questions, ctx) => uniqueIds(questions, ctx, "questions"));

export const ProgramQuestions = z.object({ mentor: QuestionList, mentee: QuestionList }).meta({ id: "ProgramQuestions" });
export type ProgramQuestions = z.infer<typeof ProgramQuestions>;

export const Program = z
  .object({
    id: z.string(),
    groupId: z.string(),
    templateId: z.string(),
    locale: Locale,
    title: z.string(),
    description: z.string(),
    status: ProgramStatus,
    steps: z.array(ProgramStep),
    questions: ProgramQuestions,
    mentorCapacityDefault: z.number().int(),
    mentorCapacityMax: z.number().int(),
    durationWeeks: z.number().int(),
    checkinCadenceDays: z.number().int(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Program" });
export type Program = z.infer<typeof Program>;

export const ProgramSummary = Program.pick({
  id: true,
  groupId: true,
  templateId: true,
  title: true,
  description: true,
  status: true,
  durationWeeks: true,
  createdAt: true,
})
  .extend({ stepCount: z.number().int() })
  .meta({ id: "ProgramSummary" });
export type ProgramSummary = z.infer<typeof ProgramSummary>;

const ProgramTitle = Text(PROGRAM_TITLE_MAX, "The title");
const ProgramDescription = z
  .string()
  .trim()
  .max(PROGRAM_DESCRIPTION_MAX, `Keep the description under ${PROGRAM_DESCRIPTION_MAX.toLocaleString("en")} characters.`);
const Capacity = z.number().int().min(1).max(MENTOR_CAPACITY_LIMIT);

export const CreateProgramBody = z
  .object({
    templateId: z.string(),
    locale: Locale.optional(),
    title: ProgramTitle.optional(),
    description: ProgramDescription.optional(),
  })
  .strict()
  .meta({ id: "CreateProgramBody" });

export const UpdateProgramBody = z
  .object({
    /** The version the editor started from; a stale one gets 409 version_conflict instead of overwriting. */
    version: z.number().int().optional(),
    title: ProgramTitle.optional(),
    description: ProgramDescription.optional(),
    steps: ProgramSteps.optional(),
    questions: ProgramQuestions.optional(),
    mentorCapacityDefault: Capacity.optional(),
    mentorCapacityMax: Capacity.optional(),
    durationWeeks: z.number().int().min(1).max(DURATION_MAX_WEEKS).optional(),
    checkinCadenceDays: z.number().int().min(1).max(CADENCE_MAX_DAYS).optional(),
  })
  .strict()
  .meta({ id: "UpdateProgramBody" });
export type UpdateProgramBody = z.infer<typeof UpdateProgramBody>;

export const ChangeProgramStatusBody = z.object({ status: ProgramStatus }).strict().meta({ id: "ChangeProgramStatusBody" });

export const ProgramResponse = z.object({ program: Program }).meta({ id: "ProgramResponse" });
export const ProgramDetailResponse = z
  .object({ program: Program, group: z.object({ id: z.string(), name: z.string() }), myRole: z.enum(["owner", "admin", "member"]) })
  .meta({ id: "ProgramDetailResponse" });
export type ProgramDetailResponse = z.infer<typeof ProgramDetailResponse>;
export const ProgramListResponse = z.object({ programs: z.array(ProgramSummary) }).meta({ id: "ProgramListResponse" });
