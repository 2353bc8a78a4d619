// Meeting times as both people read them: "Tue 18:00 for you, 12:00 for Jonas".
import { bothLocalTimes } from "../../../shared/rules/meetings.ts";
import { language, t } from "../i18n/index.ts";
import { session } from "./session.ts";

export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/** My zone: the profile's, or the browser's while the profile has none. */
export const myTimeZone = () => session.user?.timeZone || browserTimeZone();

export function bothTimes(at: number, otherName: string, otherTimeZone: string | null): { date: string; text: string } {
  const { mine, theirs, date } = bothLocalTimes(at, language(), myTimeZone(), otherTimeZone);
  return { date, text: theirs ? t("rhythm.bothTimes", { mine, theirs, name: otherName }) : t("rhythm.onlyMine", { mine, name: otherName }) };
}

/** A full line for a meeting time: "Dec 8, Tue 18:00 for you, 12:00 for Jonas". */
export function meetingLine(at: number, otherName: string, otherTimeZone: string | null): string {
  const { date, text } = bothTimes(at, otherName, otherTimeZone);
  return t("rhythm.nextMeetingLine", { date, times: text });
}

/** The value an `<input type="datetime-local">` shows for an instant, in my zone. */
export function toWallTime(at: number, timeZone = myTimeZone()): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}

/** A meeting time in my zone only: "Dec 8, Tue 18:00" (home, where the other person's zone is not loaded). */
export function myMeetingTime(at: number): string {
  const { mine, date } = bothLocalTimes(at, language(), myTimeZone(), null);
  return t("rhythm.nextMeetingLine", { date, times: mine });
}
