// Client-side checks on the API's own limits (shared/rules/limits.ts), so people hear about a mistake
// before a round trip. The server stays the authority: it runs the same rules again and its answer wins.
import { isAdult, parseCalendarDate } from "../../../shared/rules/age.ts";
import { DISPLAY_NAME_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../../../shared/rules/limits.ts";
import { t, type MessageKey, type MessageParams } from "../i18n/index.ts";

export { ABOUT_MAX_LENGTH, DISPLAY_NAME_MAX_LENGTH, LANGUAGES_MAX, PASSWORD_MIN_LENGTH, TOPIC_MAX_LENGTH, TOPICS_MAX } from "../../../shared/rules/limits.ts";

/** A message that re-translates itself when the language changes. */
export type Message = () => string;
export const message =
  (key: MessageKey, params?: MessageParams): Message =>
  () =>
    t(key, params);

// Deliberately loose: the server decides; this only catches obvious slips like a missing "@".
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkEmail(value: string): Message | undefined {
  const email = value.trim();
  if (!email) return message("validation.emailRequired");
  if (!EMAIL_SHAPE.test(email)) return message("validation.emailInvalid");
  return undefined;
}

export function checkNewPassword(value: string): Message | undefined {
  if (!value) return message("validation.passwordRequired");
  if (value.length < PASSWORD_MIN_LENGTH) return message("validation.passwordShort", { min: PASSWORD_MIN_LENGTH });
  return undefined;
}

export function checkDisplayName(value: string): Message | undefined {
  const name = value.trim();
  if (!name) return message("validation.displayNameRequired");
  if (name.length > DISPLAY_NAME_MAX_LENGTH) return message("validation.displayNameLong", { max: DISPLAY_NAME_MAX_LENGTH });
  return undefined;
}

/** Today as YYYY-MM-DD in UTC, which is how the API compares dates. */
export const todayIso = () => new Date().toISOString().slice(0, 10);

export function checkBirthDate(value: string, today = new Date()): Message | undefined {
  if (!value) return message("validation.birthDateRequired");
  if (!parseCalendarDate(value)) return message("validation.birthDateInvalid");
  if (value > today.toISOString().slice(0, 10)) return message("validation.birthDateFuture");
  if (!isAdult(value, today)) return message("errors.underage");
  return undefined;
}

/** "careers, Public speaking ,careers" → ["careers", "Public speaking"]: trimmed, no blanks, no repeats. */
export function splitList(value: string, normalise: (item: string) => string = (item) => item): string[] {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const raw of value.split(",")) {
    const item = normalise(raw.trim());
    const key = item.toLowerCase();
    if (!item || seen.has(key)) continue;
    seen.add(key);
    items.push(item);
  }
  return items;
}

export const LANGUAGE_CODE = /^[a-z]{2,3}$/;
