// Small formatting helpers shared by the sign-up, applicants, applications, notifications and home pages:
// dates, lists and language names in the interface language, and translated error messages per page.
// Answers and match reasons as text are in reasons.ts.
import { hasMessage, language, t } from "../../../i18n/index.ts";
import { ApiError } from "../../../lib/api.ts";
import { errorMessage } from "../../../lib/errors.ts";

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
