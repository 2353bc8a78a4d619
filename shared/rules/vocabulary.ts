// The fixed word lists the API accepts, as plain values: the zod enums in shared/api are built from these,
// and the SPA lists the same options in its forms.

export const GROUP_FOCUSES = ["parenting", "professional", "personal", "other"] as const;
export type GroupFocus = (typeof GROUP_FOCUSES)[number];

export const QUESTION_KINDS = ["short_text", "long_text", "single_choice", "multiple_choice"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
