// Answers and match reasons as text: choice ids as their labels, and each match reason as a sentence
// built from its kind and data (never the API's English `text`). Apart from format.ts, which the home
// page uses, so that the matching strings stay with the applicants board.
import type { Question } from "../../../../../shared/api/programs.ts";
import { t } from "../../../i18n/index.ts";
import type { Reason } from "./api.ts";
import { formatList, languageName } from "./format.ts";

/** The label of a choice answer, or the raw id if the question changed since. */
function choiceLabel(question: Question | undefined, id: string): string {
  return question?.choices?.find((choice) => choice.id === id)?.label ?? id;
}

/** An answer as text: choice ids become their labels. Empty when unanswered. */
export function answerText(question: Question, value: string | string[] | undefined): string {
  if (value === undefined) return "";
  // Commas, not "and": choice labels often contain "and" themselves.
  if (Array.isArray(value)) return value.map((id) => choiceLabel(question, id)).join(", ");
  if (question.kind === "single_choice") return choiceLabel(question, value);
  return value;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []);

/**
 * One sentence per match reason. `availability` holds choice ids, shown with the labels of the
 * program's availability question. An unknown kind falls back to the server's English text.
 */
export function reasonSentence(reason: Reason, availability?: Question): string {
  switch (reason.kind) {
    case "shared_topics":
      return t("matching.sharedTopics", { topics: formatList(strings(reason.topics)) });
    case "shared_language":
      return t("matching.sharedLanguage", { languages: formatList(strings(reason.languages).map(languageName)) });
    case "no_shared_language":
      return t("matching.noSharedLanguage");
    case "time_zone": {
      const hours = typeof reason.hoursApart === "number" ? reason.hoursApart : 0;
      return hours === 0 ? t("matching.sameTimeZone") : t("matching.timeZoneApart", { count: hours });
    }
    case "availability":
      return t("matching.availability", { slots: formatList(strings(reason.slots).map((id) => choiceLabel(availability, id))) });
    case "asked_for":
      return t("matching.askedFor", { words: formatList(strings(reason.words)) });
    case "shared_words":
      return t("matching.sharedWords", { words: formatList(strings(reason.words)) });
    default:
      return reason.text;
  }
}

/** Whether a reason speaks against the match (shown with a warning style). */
export const isConcern = (reason: { kind: string; hoursApart?: unknown }) =>
  reason.kind === "no_shared_language" || (reason.kind === "time_zone" && typeof reason.hoursApart === "number" && reason.hoursApart > 5);
