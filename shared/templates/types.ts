import type { Locale } from "../api/users.ts";

/** Text in every supported interface language. */
export type LocalizedText = Record<Locale, string>;

export type QuestionKind = "short_text" | "long_text" | "single_choice" | "multiple_choice";

export type TemplateQuestion = {
  /** Stable id, used as the key of the answer. Matching reads some ids by name (see below). */
  id: string;
  kind: QuestionKind;
  label: LocalizedText;
  help?: LocalizedText;
  required: boolean;
  /** For single_choice and multiple_choice only: 2 to 12 choices with stable ids. */
  choices?: { id: string; label: LocalizedText }[];
};

export type TemplateActivity = { id: string; label: LocalizedText };

export type TemplateStep = {
  week: number;
  title: LocalizedText;
  guidance: LocalizedText;
  /** 2 to 5 concrete things the pair ticks off. */
  activities: TemplateActivity[];
};

export const TEMPLATE_IDS = ["career-advancement", "skill-development", "encouragement-support"] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export type ProgramTemplate = {
  id: TemplateId;
  name: LocalizedText;
  /** One sentence for the template picker. */
  summary: LocalizedText;
  /** The program description members read before signing up (a short paragraph). */
  description: LocalizedText;
  durationWeeks: number;
  steps: TemplateStep[];
  questions: { mentor: TemplateQuestion[]; mentee: TemplateQuestion[] };
};

/**
 * Question ids that matching reads, shared by every template:
 * - mentor: "help_with" (long_text), "why_help" (long_text), "topics" (multiple_choice),
 *   "availability" (multiple_choice of AVAILABILITY_CHOICES), "contact" (long_text: how and when to reach them)
 * - mentee: "need_help_with" (long_text), "mentor_wanted" (long_text), "topics" (multiple_choice),
 *   "availability" (multiple_choice of AVAILABILITY_CHOICES), "contact" (long_text)
 */
export const AVAILABILITY_CHOICES = ["weekday-mornings", "weekday-daytime", "weekday-evenings", "weekends"] as const;
