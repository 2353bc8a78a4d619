// Dates and times in the interface language. Reading language() makes each call reactive in JSX.
import { language, t } from "../../i18n/index.ts";

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const lang = language();
  const key = `${lang}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, options);
    cache.set(key, format);
  }
  return format;
}

export const formatTime = (at: number) => formatter({ hour: "numeric", minute: "2-digit" }).format(at);

/** Full date and time, for a tooltip or a screen reader. */
export const formatDateTime = (at: number) => formatter({ dateStyle: "full", timeStyle: "short" }).format(at);

export const formatShortDate = (at: number) => {
  const sameYear = new Date(at).getFullYear() === new Date().getFullYear();
  return formatter(sameYear ? { day: "numeric", month: "short" } : { day: "numeric", month: "short", year: "numeric" }).format(at);
};

/** "Today", "Yesterday", or the date: the separators between days in the chat. */
export function dayLabel(at: number, now = Date.now()): string {
  const day = startOfDay(at);
  const today = startOfDay(now);
  if (day === today) return t("pair.chat.today");
  if (today - day <= 36 * 3_600_000 && today - day > 0) return t("pair.chat.yesterday");
  return formatter({ weekday: "long", day: "numeric", month: "long" }).format(at);
}

export function startOfDay(at: number): number {
  const date = new Date(at);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}
