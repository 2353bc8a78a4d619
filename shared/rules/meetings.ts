/**
 * Meetings of a pair: the limits, the state machine and the two-time-zone display. Pure functions, used by
 * the room (which enforces them), the API schemas (which name the bad field) and the SPA (which shows them).
 *
 * A meeting keeps one id for its whole life, so calendars see one event (stable UID) whose SEQUENCE rises on
 * every change:
 *
 *   proposed --accept(other person, one option)--> accepted
 *   proposed --decline(other person, note)-------> declined
 *   proposed|accepted --cancel(either)-----------> cancelled
 *   proposed|accepted --reschedule(either)-------> proposed (new options with new ids, the proposer swaps)
 *
 * Accepting an option that is no longer on offer (the proposal was cancelled, declined, accepted or
 * rescheduled meanwhile) is the conflict `meeting_changed`.
 */
export const MEETING_LIMITS = {
  maxOptions: 3,
  minMinutes: 15,
  maxMinutes: 8 * 60,
  placeMaxChars: 500,
  agendaMaxChars: 2000,
  noteMaxChars: 1000,
  /** Reminders go out this long before a meeting. */
  remindersBeforeMs: [24 * 3_600_000, 3_600_000],
} as const;

export const MEETING_STATUSES = ["proposed", "accepted", "declined", "cancelled"] as const;
type MeetingStatus = (typeof MEETING_STATUSES)[number];

type MeetingOption = { id: string; startsAt: number };

export type MeetingState = {
  status: MeetingStatus;
  proposedBy: string;
  options: MeetingOption[];
  acceptedOptionId: string | null;
  sequence: number;
};

export type MeetingAction =
  | { type: "accept"; by: string; optionId: string }
  | { type: "decline"; by: string; note: string }
  | { type: "cancel"; by: string }
  | { type: "reschedule"; by: string; options: MeetingOption[] };

export type MeetingTransition = { ok: true; state: MeetingState } | { ok: false; code: "meeting_changed" | "forbidden"; message: string };

/**
 * The next state of a meeting, or why the action is refused. The caller has already checked that `by` is
 * one of the pair and that the space is writable.
 */
export function transition(state: MeetingState, action: MeetingAction): MeetingTransition {
  const changed = (message: string) => ({ ok: false as const, code: "meeting_changed" as const, message });
  switch (action.type) {
    case "accept": {
      if (state.status !== "proposed") return changed(`This meeting is already ${state.status}.`);
      if (action.by === state.proposedBy) return { ok: false, code: "forbidden", message: "The other person accepts or declines your proposal." };
      if (!state.options.some((o) => o.id === action.optionId)) return changed("That time is no longer proposed: the meeting was changed.");
      return { ok: true, state: { ...state, status: "accepted", acceptedOptionId: action.optionId, sequence: state.sequence + 1 } };
    }
    case "decline": {
      if (state.status !== "proposed") return changed(`This meeting is already ${state.status}.`);
      if (action.by === state.proposedBy) return { ok: false, code: "forbidden", message: "Cancel your own proposal instead of declining it." };
      return { ok: true, state: { ...state, status: "declined", sequence: state.sequence + 1 } };
    }
    case "cancel": {
      if (state.status !== "proposed" && state.status !== "accepted") return changed(`This meeting is already ${state.status}.`);
      return { ok: true, state: { ...state, status: "cancelled", sequence: state.sequence + 1 } };
    }
    case "reschedule": {
      if (state.status !== "proposed" && state.status !== "accepted") return changed(`This meeting is already ${state.status}.`);
      return {
        ok: true,
        state: { ...state, status: "proposed", proposedBy: action.by, options: action.options, acceptedOptionId: null, sequence: state.sequence + 1 },
      };
    }
  }
}

/** Problems with proposed times, each naming its field as the API reports it. */
export function checkOptions(startsAt: number[], durationMinutes: number, now: number): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (startsAt.length < 1) issues.push({ path: "options", message: "Propose at least one time." });
  if (startsAt.length > MEETING_LIMITS.maxOptions) issues.push({ path: "options", message: `Propose at most ${MEETING_LIMITS.maxOptions} times.` });
  startsAt.forEach((at, i) => {
    if (!Number.isFinite(at)) issues.push({ path: `options.${i}.startsAt`, message: "Give a date and time." });
    else if (at <= now) issues.push({ path: `options.${i}.startsAt`, message: "This time is in the past." });
    else if (startsAt.indexOf(at) !== i) issues.push({ path: `options.${i}.startsAt`, message: "This time is proposed twice." });
  });
  if (!Number.isInteger(durationMinutes) || durationMinutes < MEETING_LIMITS.minMinutes) {
    issues.push({ path: "durationMinutes", message: `A meeting lasts at least ${MEETING_LIMITS.minMinutes} minutes.` });
  } else if (durationMinutes > MEETING_LIMITS.maxMinutes) {
    issues.push({ path: "durationMinutes", message: "A meeting lasts at most 8 hours." });
  }
  return issues;
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Calendar day of `at` in a zone, as "YYYY-MM-DD", to tell whether two local times fall on the same day. */
function localDay(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/**
 * One time as both people read it: the viewer's weekday and time, and the other person's time (with the
 * weekday too when it falls on another day there). The SPA words it: "Tue 18:00 for you, 09:00 for Jonas".
 * With no zone for the other person, `theirs` is null and the SPA says so.
 */
export function bothLocalTimes(
  at: number,
  locale: string,
  myTimeZone: string,
  otherTimeZone: string | null,
): { mine: string; theirs: string | null; date: string } {
  const weekdayTime = (timeZone: string) =>
    new Intl.DateTimeFormat(locale, { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
  const time = (timeZone: string) => new Intl.DateTimeFormat(locale, { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
  const date = new Intl.DateTimeFormat(locale, { timeZone: myTimeZone, day: "numeric", month: "short" }).format(at);
  if (!otherTimeZone || !isTimeZone(otherTimeZone)) return { mine: weekdayTime(myTimeZone), theirs: null, date };
  const sameDay = localDay(at, myTimeZone) === localDay(at, otherTimeZone);
  return { mine: weekdayTime(myTimeZone), theirs: sameDay ? time(otherTimeZone) : weekdayTime(otherTimeZone), date };
}

/**
 * Which reminders (by their lead time) are due at `now` for a meeting starting at `startsAt`, given those
 * already sent. A reminder whose moment passed while the room slept still goes out, unless the meeting began.
 */
export function dueReminders(startsAt: number, sent: number[], now: number): number[] {
  if (now >= startsAt) return [];
  return MEETING_LIMITS.remindersBeforeMs.filter((lead) => !sent.includes(lead) && now >= startsAt - lead);
}

/** When the next reminder for this meeting falls due, or null when none is left. */
export function nextReminderAt(startsAt: number, sent: number[], now: number): number | null {
  const pending = MEETING_LIMITS.remindersBeforeMs.filter((lead) => !sent.includes(lead)).map((lead) => startsAt - lead);
  const future = pending.filter((at) => at > now && at < startsAt);
  if (dueReminders(startsAt, sent, now).length) return now;
  return future.length ? Math.min(...future) : null;
}

/** The UTC offset of a zone at an instant, in minutes (Paris in winter: 60). */
function offsetMinutes(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(at / 1000) * 1000) / 60_000);
}

/**
 * A wall-clock time typed in a form ("2026-12-08T18:00", as `<input type="datetime-local">` gives it) read in
 * the person's profile zone, which may differ from the browser's. A time skipped by a DST change moves forward.
 */
export function wallTimeToUtc(wall: string, timeZone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall);
  if (!match || !isTimeZone(timeZone)) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  // Two passes settle the offset on either side of a DST change.
  let at = naive - offsetMinutes(naive, timeZone) * 60_000;
  at = naive - offsetMinutes(at, timeZone) * 60_000;
  return at;
}
