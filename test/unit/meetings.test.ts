import { describe, expect, it } from "vitest";
import { bothLocalTimes, checkOptions, dueReminders, nextReminderAt, transition, type MeetingState } from "../../shared/rules/meetings.ts";

const HOUR = 3_600_000;
const proposed = (): MeetingState => ({
  status: "proposed",
  proposedBy: "jonas",
  options: [
    { id: "a", startsAt: Date.UTC(2026, 11, 8, 17) },
    { id: "b", startsAt: Date.UTC(2026, 11, 9, 17) },
  ],
  acceptedOptionId: null,
  sequence: 0,
});

describe("the meeting state machine", () => {
  it("lets the other person accept one option, raising the sequence", () => {
    const next = transition(proposed(), { type: "accept", by: "lea", optionId: "b" });
    expect(next).toEqual({ ok: true, state: { ...proposed(), status: "accepted", acceptedOptionId: "b", sequence: 1 } });
  });

  it("refuses the proposer accepting their own proposal", () => {
    expect(transition(proposed(), { type: "accept", by: "jonas", optionId: "a" })).toMatchObject({ ok: false, code: "forbidden" });
  });

  it("answers meeting_changed for accepting a cancelled, declined or already accepted proposal", () => {
    for (const status of ["cancelled", "declined", "accepted"] as const) {
      expect(transition({ ...proposed(), status }, { type: "accept", by: "lea", optionId: "a" })).toMatchObject({ ok: false, code: "meeting_changed" });
    }
  });

  it("answers meeting_changed for an option replaced by a reschedule", () => {
    const rescheduled = transition(proposed(), { type: "reschedule", by: "lea", options: [{ id: "c", startsAt: Date.UTC(2026, 11, 10, 9) }] });
    expect(rescheduled).toMatchObject({ ok: true, state: { status: "proposed", proposedBy: "lea", sequence: 1 } });
    if (!rescheduled.ok) throw new Error("unreachable");
    expect(transition(rescheduled.state, { type: "accept", by: "jonas", optionId: "a" })).toMatchObject({ ok: false, code: "meeting_changed" });
    expect(transition(rescheduled.state, { type: "accept", by: "jonas", optionId: "c" })).toMatchObject({
      ok: true,
      state: { status: "accepted", sequence: 2 },
    });
  });

  it("lets either person cancel a proposed or accepted meeting, once", () => {
    const accepted = transition(proposed(), { type: "accept", by: "lea", optionId: "a" });
    if (!accepted.ok) throw new Error("unreachable");
    const cancelled = transition(accepted.state, { type: "cancel", by: "jonas" });
    expect(cancelled).toMatchObject({ ok: true, state: { status: "cancelled", sequence: 2 } });
    if (!cancelled.ok) throw new Error("unreachable");
    expect(transition(cancelled.state, { type: "cancel", by: "lea" })).toMatchObject({ ok: false, code: "meeting_changed" });
    expect(transition(cancelled.state, { type: "reschedule", by: "lea", options: [] })).toMatchObject({ ok: false, code: "meeting_changed" });
  });

  it("lets only the other person decline", () => {
    expect(transition(proposed(), { type: "decline", by: "jonas", note: "" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(transition(proposed(), { type: "decline", by: "lea", note: "busy" })).toMatchObject({ ok: true, state: { status: "declined" } });
  });
});

describe("checkOptions", () => {
  const now = Date.UTC(2026, 11, 1);
  it("accepts one to three future times of 15 minutes to 8 hours", () => {
    expect(checkOptions([now + HOUR], 15, now)).toEqual([]);
    expect(checkOptions([now + HOUR, now + 2 * HOUR, now + 3 * HOUR], 480, now)).toEqual([]);
  });
  it("names the field of each problem", () => {
    expect(checkOptions([], 30, now)).toEqual([{ path: "options", message: expect.any(String) }]);
    expect(
      checkOptions(
        [1, 2, 3, 4].map((h) => now + h * HOUR),
        30,
        now,
      ).map((i) => i.path),
    ).toEqual(["options"]);
    expect(checkOptions([now - 1], 30, now).map((i) => i.path)).toEqual(["options.0.startsAt"]);
    expect(checkOptions([now + HOUR, now + HOUR], 30, now).map((i) => i.path)).toEqual(["options.1.startsAt"]);
    expect(checkOptions([now + HOUR], 14, now).map((i) => i.path)).toEqual(["durationMinutes"]);
    expect(checkOptions([now + HOUR], 481, now).map((i) => i.path)).toEqual(["durationMinutes"]);
  });
});

describe("bothLocalTimes", () => {
  it("shows a Paris evening as the same morning in Montreal", () => {
    // Tuesday 8 December 2026, 17:00 UTC: 18:00 in Paris, 12:00 in Montreal.
    const at = Date.UTC(2026, 11, 8, 17);
    expect(bothLocalTimes(at, "en", "Europe/Paris", "America/Montreal")).toEqual({ mine: "Tue 18:00", theirs: "12:00", date: "Dec 8" });
    expect(bothLocalTimes(at, "en", "America/Montreal", "Europe/Paris")).toEqual({ mine: "Tue 12:00", theirs: "18:00", date: "Dec 8" });
  });
  it("names the weekday of the other person when it is another day there", () => {
    const at = Date.UTC(2026, 11, 9, 1); // 02:00 Wed in Paris, 20:00 Tue in Montreal
    expect(bothLocalTimes(at, "en", "America/Montreal", "Europe/Paris")).toMatchObject({ mine: "Tue 20:00", theirs: "Wed 02:00" });
  });
  it("follows daylight saving time", () => {
    // 1 July: Paris UTC+2, Montreal UTC-4.
    expect(bothLocalTimes(Date.UTC(2027, 6, 1, 16), "en", "Europe/Paris", "America/Montreal")).toMatchObject({ mine: "Thu 18:00", theirs: "12:00" });
  });
  it("speaks the viewer's language and leaves out a missing or unknown zone", () => {
    expect(bothLocalTimes(Date.UTC(2026, 11, 8, 17), "fr", "Europe/Paris", null)).toMatchObject({ mine: "mar. 18:00", theirs: null });
    expect(bothLocalTimes(Date.UTC(2026, 11, 8, 17), "de", "Europe/Berlin", "Mars/Olympus")).toMatchObject({ mine: "Di., 18:00", theirs: null });
  });
});

describe("reminders", () => {
  const startsAt = Date.UTC(2026, 11, 8, 17);
  it("are due 24 hours and 1 hour before, each once", () => {
    expect(dueReminders(startsAt, [], startsAt - 25 * HOUR)).toEqual([]);
    expect(dueReminders(startsAt, [], startsAt - 24 * HOUR)).toEqual([24 * HOUR]);
    expect(dueReminders(startsAt, [24 * HOUR], startsAt - 30 * 60_000)).toEqual([HOUR]);
    expect(dueReminders(startsAt, [24 * HOUR, HOUR], startsAt - 60_000)).toEqual([]);
    expect(dueReminders(startsAt, [], startsAt + 1)).toEqual([]);
  });
  it("schedule the next one", () => {
    expect(nextReminderAt(startsAt, [], startsAt - 48 * HOUR)).toBe(startsAt - 24 * HOUR);
    expect(nextReminderAt(startsAt, [24 * HOUR], startsAt - 20 * HOUR)).toBe(startsAt - HOUR);
    expect(nextReminderAt(startsAt, [24 * HOUR, HOUR], startsAt - 20 * 60_000)).toBeNull();
  });
});

describe("wallTimeToUtc", () => {
  it("reads a typed time in the profile's zone, whatever the browser's", async () => {
    const { wallTimeToUtc } = await import("../../shared/rules/meetings.ts");
    expect(wallTimeToUtc("2026-12-08T18:00", "Europe/Paris")).toBe(Date.UTC(2026, 11, 8, 17));
    expect(wallTimeToUtc("2026-12-08T12:00", "America/Montreal")).toBe(Date.UTC(2026, 11, 8, 17));
    expect(wallTimeToUtc("2027-07-01T18:00", "Europe/Paris")).toBe(Date.UTC(2027, 6, 1, 16));
    expect(wallTimeToUtc("2027-03-28T02:30", "Europe/Paris")).toBe(Date.UTC(2027, 2, 28, 1, 30)); // skipped hour: 03:30 CEST
    expect(wallTimeToUtc("tomorrow", "Europe/Paris")).toBeNull();
    expect(wallTimeToUtc("2026-12-08T18:00", "Nowhere/Else")).toBeNull();
  });
});
