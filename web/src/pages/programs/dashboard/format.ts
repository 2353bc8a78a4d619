// Dates and times for the admin pages, in the interface language. Relative times ("2 days ago") come
// from Intl.RelativeTimeFormat, so every language gets its own grammar without a dictionary entry.
import { createSignal, onCleanup } from "solid-js";
import { language, t } from "../../../i18n/index.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

/**
 * Which unit to count in, by how long ago: days up to two weeks (the health thresholds are 7 and 14
 * days, so "9 days ago" says more than "last week"), then weeks, months and years.
 */
const UNITS: [limit: number, unit: Intl.RelativeTimeFormatUnit, size: number][] = [
  [HOUR, "minute", MINUTE],
  [DAY, "hour", HOUR],
  [14 * DAY, "day", DAY],
  [8 * WEEK, "week", WEEK],
  [YEAR, "month", MONTH],
  [Infinity, "year", YEAR],
];

/** "2 days ago", "yesterday", "just now", in the interface language. Reactive on the language. */
export function relativeTime(at: number, now: number): string {
  const elapsed = Math.max(0, now - at);
  if (elapsed < MINUTE) return t("dashboard.justNow");
  const format = new Intl.RelativeTimeFormat(language(), { numeric: "auto" });
  const [, unit, size] = UNITS.find(([limit]) => elapsed < limit)!;
  return format.format(-Math.floor(elapsed / size), unit);
}

/** "12 May 2026" in the interface language. */
export function formatDate(at: number | string): string {
  return new Intl.DateTimeFormat(language(), { dateStyle: "medium" }).format(new Date(at));
}

/** "12 May 2026, 14:05" in the interface language. */
export function formatDateTime(at: number | string): string {
  return new Intl.DateTimeFormat(language(), { dateStyle: "medium", timeStyle: "short" }).format(new Date(at));
}

/** For a <time datetime>. */
export const isoString = (at: number | string) => new Date(at).toISOString();

/** The current time, updated every minute while the page is open, so "2 minutes ago" stays true. */
export function useNow(): () => number {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), MINUTE);
  onCleanup(() => clearInterval(timer));
  return now;
}
