// Small formatting helpers shared by the sign-up, applicants, applications and notifications pages:
// dates, lists and language names in the interface language, translated error messages per page, and
// match reasons as sentences built from each reason's kind and data (never the API's English `text`).
import type { Question } from "../../../../../shared/api/programs.ts";
import { hasMessage, language, t } from "../../../i18n/index.ts";
import { ApiError } from "../../../lib/api.ts";
import { errorMessage } from "../../../lib/errors.ts";
import type { Reason } from "./api.ts";

export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(language(), { dateStyle: "medium" }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return new Intl.DateTimeFormat(language(), { dateStyle: "medium", timeStyle: "short" }).format(date);
  } catch {
    return date.toISOString().slice(0, 16).replace("T", " ");
  }
}

/** "a, b and c" in the interface language. */
export function formatList(items: string[]): string {
  try {
    return new Intl.ListFormat(language(), { style: "long", type: "conjunction" }).format(items);
  } catch {
    return items.join(", ");
  }
}

/** "fr" → "French" (or "français" in French); unknown codes stay as they are. */
export function languageName(code: string): string {
  try {
    const name = new Intl.DisplayNames([language()], { type: "language" }).of(code);
    return name && name !== code ? name : code;
  } catch {
    return code;
  }
}

/** "Europe/Paris" → "Europe / Paris", as on the profile page. */
export const zoneLabel = (zone: string) => zone.replaceAll("_", " ").replaceAll("/", " / ");

/**
 * A translated sentence for an API error: the page's own message for its code (`<namespace>.errors.<code>`)
 * when there is one, else the app-wide one.
 */
export function pageError(namespace: "apply" | "applicants" | "applications" | "notifications" | "pairsList", error: unknown): string {
  if (error instanceof ApiError) {
    const key = `${namespace}.errors.${error.code}`;
    if (hasMessage(key)) return t(key);
  }
  return errorMessage(error);
}

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
