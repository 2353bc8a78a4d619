import { env } from "cloudflare:workers";
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { meetingUid } from "../../worker/calendar/ics.ts";
import { apply, joinGroup, pairUp, programWithApplicants, signUp, TestClient, type Person } from "./helpers.ts";
import { connect } from "./socket.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

async function pairedRoom() {
  const f = await programWithApplicants();
  const pair = await pairUp(f.admin, f.programId, f.mentor, f.mentee);
  const stub = env.PAIR_ROOM.get(env.PAIR_ROOM.idFromName(pair.id));
  return { ...f, pairId: pair.id, stub };
}

type Room = Awaited<ReturnType<typeof pairedRoom>>;

async function propose(r: Room, by: Person, startsAt: number[], extra: Record<string, unknown> = {}) {
  const res = await by.client.post(`/pairs/${r.pairId}/meetings`, {
    clientId: crypto.randomUUID(),
    options: startsAt.map((at) => ({ startsAt: iso(at) })),
    durationMinutes: 45,
    place: "https://meet.example.org/jonas-lea",
    agenda: "Secret agenda: CV review",
    ...extra,
  });
  expect(res.status, res.text).toBe(201);
  return res.json.meeting as { id: string; options: { id: string; startsAt: number }[]; sequence: number; status: string };
}

function parseEvents(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: vevent.getFirstPropertyValue("status"),
      start: event.startDate.toJSDate().getTime(),
      end: event.endDate.toJSDate().getTime(),
      summary: event.summary,
      location: event.location,
    };
  });
}

async function notificationsOf(userId: string, kind: string) {
  const { results } = await env.DB.prepare("SELECT data FROM notifications WHERE user_id = ?1 AND kind = ?2 ORDER BY created_at")
    .bind(userId, kind)
    .all<{ data: string }>();
  return results.map((r) => JSON.parse(r.data) as Record<string, unknown>);
}

describe("meetings", () => {
  it("follows the state machine: propose, accept one option, then meeting_changed for anything stale", async () => {
    const r = await pairedRoom();
    const t0 = Date.now() + 3 * DAY;
    const meeting = await propose(r, r.mentor, [t0, t0 + DAY]);
    expect(meeting).toMatchObject({ status: "proposed", sequence: 0 });
    expect(meeting.options).toHaveLength(2);

    // The proposer cannot accept their own proposal.
    const own = await r.mentor.client.post(`/pairs/${r.pairId}/meetings/${meeting.id}/accept`, { optionId: meeting.options[0]!.id });
    expect(own.status).toBe(403);

    const accepted = await r.mentee.client.post(`/pairs/${r.pairId}/meetings/${meeting.id}/accept`, { optionId: meeting.options[1]!.id });
    expect(accepted.status).toBe(200);
    expect(accepted.json.meeting).toMatchObject({
      status: "accepted",
      acceptedOptionId: meeting.options[1]!.id,
      startsAt: t0 + DAY,
      endsAt: t0 + DAY + 45 * 60_000,
      sequence: 1,
    });

    const again = await r.mentee.client.post(`/pairs/${r.pairId}/meetings/${meeting.id}/accept`, { optionId: meeting.options[0]!.id });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("meeting_changed");

    // Moving it offers new options; the old ones are gone.
    const moved = await r.mentee.client.post(`/pairs/${r.pairId}/meetings/${meeting.id}/reschedule`, {
      options: [{ startsAt: iso(t0 + 2 * DAY) }],
      durationMinutes: 30,
    });
    expect(moved.status).toBe(200);
    expect(moved.json.meeting).toMatchObject({ status: "proposed", proposedBy: r.mentee.user.id, sequence: 2, durationMinutes: 30 });
    const stale = await r.mentor.client.post(`/pairs/${r.pairId}/meetings/${meeting.id}/accept`, { optionId: meeting.options[1]!.id });
    expect(stale.json.error.code).toBe("meeting_changed");

    const cancelled = await r.mentor.client.post(`/pairs/${r.pairId}/meetings/${meeting.id}/cancel`);
    expect(cancelled.json.meeting).toMatchObject({ status: "cancelled", sequence: 3 });
    const afterCancel = await r.mentee.client.post(`/pairs/${r.pairId}/meetings/${meeting.id}/accept`, { optionId: moved.json.meeting.options[0].id });
    expect(afterCancel.status).toBe(409);
    expect(afterCancel.json.error.code).toBe("meeting_changed");
  });

  it("lets the other person decline with a note, and resending a proposal stores nothing new", async () => {
    const r = await pairedRoom();
    const body = { clientId: "same-proposal", options: [{ startsAt: iso(Date.now() + DAY) }], durationMinutes: 60 };
    const first = await r.mentor.client.post(`/pairs/${r.pairId}/meetings`, body);
    const second = await r.mentor.client.post(`/pairs/${r.pairId}/meetings`, body);
    expect(second.json.meeting.id).toBe(first.json.meeting.id);
    const declined = await r.mentee.client.post(`/pairs/${r.pairId}/meetings/${first.json.meeting.id}/decline`, { note: "Travelling that week" });
    expect(declined.json.meeting).toMatchObject({ status: "declined", declineNote: "Travelling that week" });
    const list = await r.mentee.client.get(`/pairs/${r.pairId}/rhythm`);
    expect(list.json.meetings).toHaveLength(1);
  });

  it("refuses bad input with a 422 naming the field, and changes nothing", async () => {
    const r = await pairedRoom();
    const soon = Date.now() + DAY;
    const cases: [Record<string, unknown>, string][] = [
      [{ options: [{ startsAt: iso(Date.now() - HOUR) }], durationMinutes: 30 }, "options.0.startsAt"],
      [{ options: [1, 2, 3, 4].map((h) => ({ startsAt: iso(soon + h * HOUR) })), durationMinutes: 30 }, "options"],
      [{ options: [{ startsAt: iso(soon) }], durationMinutes: 14 }, "durationMinutes"],
      [{ options: [{ startsAt: iso(soon) }], durationMinutes: 8 * 60 + 1 }, "durationMinutes"],
      [{ options: [{ startsAt: iso(soon) }], durationMinutes: 30, timeZone: "Mars/Olympus" }, "timeZone"],
      [{ options: [{ startsAt: "next tuesday" }], durationMinutes: 30 }, "options.0.startsAt"],
    ];
    for (const [body, field] of cases) {
      const res = await r.mentor.client.post(`/pairs/${r.pairId}/meetings`, { clientId: crypto.randomUUID(), ...body });
      expect(res.status, field).toBe(422);
      expect(
        res.json.error.issues.map((i: { path: string }) => i.path),
        field,
      ).toContain(field);
    }
    expect((await r.mentor.client.get(`/pairs/${r.pairId}/rhythm`)).json.meetings).toEqual([]);
  });

  it("saves the proposer's time zone to a profile that has none, and never overwrites one", async () => {
    const r = await pairedRoom();
    await propose(r, r.mentor, [Date.now() + DAY], { timeZone: "Europe/Paris" });
    expect((await r.mentor.client.get("/me")).json.user.timeZone).toBe("Europe/Paris");
    await propose(r, r.mentor, [Date.now() + 2 * DAY], { timeZone: "Asia/Tokyo" });
    expect((await r.mentor.client.get("/me")).json.user.timeZone).toBe("Europe/Paris");
  });

  it("reaches both screens live, and shows the next meeting on home", async () => {
    const r = await pairedRoom();
    const mentorSocket = await connect(r.mentor.client, r.pairId);
    const menteeSocket = await connect(r.mentee.client, r.pairId);
    const at = Date.now() + 2 * DAY;
    const meeting = await propose(r, r.mentor, [at]);
    await menteeSocket.waitFor("meeting", (f) => f.meeting.id === meeting.id && f.meeting.status === "proposed");
    await r.mentee.client.post(`/pairs/${r.pairId}/meetings/${meeting.id}/accept`, { optionId: meeting.options[0]!.id });
    await mentorSocket.waitFor("meeting", (f) => f.meeting.id === meeting.id && f.meeting.status === "accepted");
    const home = await r.mentee.client.get("/me/meetings/next");
    expect(home.json.meetings).toEqual([{ pairId: r.pairId, otherName: "mentor", startsAt: at, endsAt: at + 45 * 60_000 }]);
    mentorSocket.close();
    menteeSocket.close();
  });

  it("refuses meetings once the pair has ended", async () => {
    const r = await pairedRoom();
    const meeting = await propose(r, r.mentor, [Date.now() + DAY]);
    expect((await r.mentor.client.post(`/pairs/${r.pairId}/end`, { outcome: "completed" })).status).toBe(200);
    await waitFor(async () => (await r.mentor.client.get(`/pairs/${r.pairId}`)).json.room.status === "completed");
    const res = await r.mentee.client.post(`/pairs/${r.pairId}/meetings/${meeting.id}/accept`, { optionId: meeting.options[0]!.id });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("pair_ended");
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("calendars", () => {
  it("serves one .ics per agreed meeting with a stable UID and a SEQUENCE that rises", async () => {
    const r = await pairedRoom();
    // Whole minutes, as the form sends them: iCalendar times have no milliseconds.
    const at = Math.ceil((Date.now() + 2 * DAY) / 60_000) * 60_000;
    const meeting = await propose(r, r.mentor, [at]);
    expect((await r.mentee.client.get(`/pairs/${r.pairId}/meetings/${meeting.id}/calendar.ics`)).status).toBe(404);
    await r.mentee.client.post(`/pairs/${r.pairId}/meetings/${meeting.id}/accept`, { optionId: meeting.options[0]!.id });
    const file = await r.mentee.client.get(`/pairs/${r.pairId}/meetings/${meeting.id}/calendar.ics`);
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    expect(file.headers.get("Content-Disposition")).toMatch(/^attachment; filename="meeting-.+\.ics"$/);
    expect(parseEvents(file.text)).toEqual([
      {
        uid: meetingUid(meeting.id),
        sequence: 1,
        status: "CONFIRMED",
        start: at,
        end: at + 45 * 60_000,
        summary: "Mentorship: mentor & mentee",
        location: "https://meet.example.org/jonas-lea",
      },
    ]);
    await r.mentor.client.post(`/pairs/${r.pairId}/meetings/${meeting.id}/cancel`);
    const cancelled = parseEvents((await r.mentor.client.get(`/pairs/${r.pairId}/meetings/${meeting.id}/calendar.ics`)).text);
    expect(cancelled).toMatchObject([{ uid: meetingUid(meeting.id), sequence: 2, status: "CANCELLED" }]);
  });

  it("lists a person's meetings across pairs in a private feed whose reset kills the old URL", async () => {
    const r = await pairedRoom();
    // A second mentee for the same mentor, in the same program.
    const other = await signUp("mentee2");
    await joinGroup(r.admin, r.groupId, other);
    await apply(other, r.programId, "mentee");
    const second = await pairUp(r.admin, r.programId, r.mentor, other);

    const a = await propose(r, r.mentor, [Date.now() + 2 * DAY]);
    await r.mentee.client.post(`/pairs/${r.pairId}/meetings/${a.id}/accept`, { optionId: a.options[0]!.id });
    const bRes = await r.mentor.client.post(`/pairs/${second.id}/meetings`, {
      clientId: "b",
      options: [{ startsAt: iso(Date.now() + DAY) }],
      durationMinutes: 30,
    });
    const b = bRes.json.meeting;
    await other.client.post(`/pairs/${second.id}/meetings/${b.id}/accept`, { optionId: b.options[0].id });
    const c = await propose(r, r.mentee, [Date.now() + 5 * DAY]); // proposed only: no time yet, not in calendars

    expect((await r.mentor.client.get("/me/calendar")).json).toEqual({ exists: false, createdAt: null });
    const made = await r.mentor.client.post("/me/calendar/reset");
    expect(made.status).toBe(200);
    const url = new URL(made.json.url);
    expect(url.pathname).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{20,64}\.ics$/);

    // No cookie: calendar apps subscribe with the URL alone.
    const anonymous = new TestClient();
    const feed = await anonymous.get(url.pathname.slice("/api".length));
    expect(feed.status).toBe(200);
    expect(feed.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const events = parseEvents(feed.text);
    expect(events.map((e) => e.uid)).toEqual([meetingUid(b.id), meetingUid(a.id)]);
    expect(events.every((e) => e.status === "CONFIRMED" && e.sequence === 1)).toBe(true);
    expect(events.map((e) => e.uid)).not.toContain(meetingUid(c.id));
    // The mentee's own feed does not exist until she makes one, and never lists the other pair.
    const menteeFeed = await r.mentee.client.post("/me/calendar/reset");
    const menteeEvents = parseEvents((await anonymous.get(new URL(menteeFeed.json.url).pathname.slice(4))).text);
    expect(menteeEvents.map((e) => e.uid)).toEqual([meetingUid(a.id)]);

    const reset = await r.mentor.client.post("/me/calendar/reset");
    expect(reset.json.url).not.toBe(made.json.url);
    expect((await anonymous.get(url.pathname.slice(4))).status).toBe(404);
    expect((await anonymous.get(new URL(reset.json.url).pathname.slice(4))).status).toBe(200);
    expect((await anonymous.get("/calendar/not-a-token.ics")).status).toBe(404);
    expect((await r.mentor.client.get("/me/calendar")).json.exists).toBe(true);
  });
});

describe("reminders and nudges (room alarm)", () => {
  it("reminds both people before an agreed meeting, once per lead time", async () => {
    const r = await pairedRoom();
    // Starts in 30 minutes: both the 24 h and the 1 h reminders are due; one notice each goes out.
    const meeting = await propose(r, r.mentor, [Date.now() + 30 * 60_000]);
    await r.mentee.client.post(`/pairs/${r.pairId}/meetings/${meeting.id}/accept`, { optionId: meeting.options[0]!.id });
    expect(await runDurableObjectAlarm(r.stub)).toBe(true);
    for (const person of [r.mentor, r.mentee]) {
      const reminders = await notificationsOf(person.user.id, "meeting_reminder");
      expect(reminders).toEqual([expect.objectContaining({ pairId: r.pairId, meetingId: meeting.id, hoursBefore: 1 })]);
    }
    await runDurableObjectAlarm(r.stub);
    expect(await notificationsOf(r.mentee.user.id, "meeting_reminder")).toHaveLength(1);
    const sent = await runInDurableObject(
      r.stub,
      (_i, state) => state.storage.sql.exec<{ reminders_sent: string }>("SELECT reminders_sent FROM meetings").one().reminders_sent,
    );
    expect(JSON.parse(sent).sort()).toEqual([HOUR, DAY].sort());
  });

  it("schedules the alarm for the next reminder even after a check-in moves the weekly one", async () => {
    const r = await pairedRoom();
    const at = Date.now() + 3 * DAY;
    const meeting = await propose(r, r.mentor, [at]);
    await r.mentee.client.post(`/pairs/${r.pairId}/meetings/${meeting.id}/accept`, { optionId: meeting.options[0]!.id });
    await r.mentee.client.post(`/pairs/${r.pairId}/checkins`, { clientId: "c1", mood: 4, note: "" });
    const alarm = await runInDurableObject(r.stub, (_i, state) => state.storage.getAlarm());
    // The quiet check a day after the start comes first; the 24 h reminder is well before the next weekly check-in.
    expect(alarm).toBeLessThanOrEqual(at - DAY);
  });

  it("nudges both people with this week's step after the program's quiet days, and flags the pair", async () => {
    const r = await pairedRoom();
    expect((await r.admin.client.put(`/programs/${r.programId}/rhythm-settings`, { nudgeAfterDays: 3, attentionAfterDays: 5 })).status).toBe(200);
    // Four quiet days since the start, as if time had passed.
    await runInDurableObject(r.stub, (_i, state) => {
      state.storage.sql.exec("UPDATE meta SET value = ? WHERE key = 'started_at'", iso(Date.now() - 4 * DAY));
      state.storage.sql.exec("DELETE FROM meta WHERE key IN ('last_activity_at', 'nudge_check_at')");
    });
    await runDurableObjectAlarm(r.stub);
    for (const person of [r.mentor, r.mentee]) {
      const nudges = await notificationsOf(person.user.id, "pair_nudge");
      expect(nudges).toEqual([expect.objectContaining({ pairId: r.pairId, quietDays: 4, week: 1, stepTitle: expect.any(String) })]);
      expect((nudges[0]!.stepTitle as string).length).toBeGreaterThan(0);
    }
    // Not again until another nudgeAfterDays of quiet.
    await runInDurableObject(r.stub, (_i, state) => state.storage.sql.exec("UPDATE meta SET value = '0' WHERE key = 'nudge_check_at'"));
    await runDurableObjectAlarm(r.stub);
    expect(await notificationsOf(r.mentor.user.id, "pair_nudge")).toHaveLength(1);
  });

  it("does not nudge under the default 7 days, and never after the end", async () => {
    const r = await pairedRoom();
    await runInDurableObject(r.stub, (_i, state) => {
      state.storage.sql.exec("UPDATE meta SET value = ? WHERE key = 'started_at'", iso(Date.now() - 4 * DAY));
      state.storage.sql.exec("DELETE FROM meta WHERE key IN ('last_activity_at', 'nudge_check_at')");
    });
    await runDurableObjectAlarm(r.stub);
    expect(await notificationsOf(r.mentor.user.id, "pair_nudge")).toEqual([]);

    const ended = await pairedRoom();
    await runInDurableObject(ended.stub, (_i, state) => {
      state.storage.sql.exec("UPDATE meta SET value = ? WHERE key = 'started_at'", iso(Date.now() - 30 * DAY));
      state.storage.sql.exec("DELETE FROM meta WHERE key IN ('last_activity_at', 'nudge_check_at')");
    });
    await ended.mentor.client.post(`/pairs/${ended.pairId}/end`, { outcome: "ended", reason: "Moved away" });
    await waitFor(async () => (await ended.mentor.client.get(`/pairs/${ended.pairId}`)).json.room.status === "ended");
    expect(await runInDurableObject(ended.stub, (_i, state) => state.storage.getAlarm())).toBeNull();
    expect(await notificationsOf(ended.mentee.user.id, "pair_nudge")).toEqual([]);
    // The end asks both for their feedback instead.
    expect((await notificationsOf(ended.mentee.user.id, "feedback_requested")).map((d) => d.round)).toContain("end");
  });
});

describe("goal and feedback", () => {
  it("keeps one goal with its progress, live for the other person", async () => {
    const r = await pairedRoom();
    const menteeSocket = await connect(r.mentee.client, r.pairId);
    const steps = (await r.mentor.client.get(`/pairs/${r.pairId}`)).json.room.steps;
    const missing = await r.mentor.client.put(`/pairs/${r.pairId}/goal`, { what: "Land a senior role", byWhen: "2027-02-01", measure: "" });
    expect(missing.status).toBe(422);
    expect(missing.json.error.issues[0].path).toBe("measure");
    const set = await r.mentor.client.put(`/pairs/${r.pairId}/goal`, {
      what: "Land a senior role",
      why: "Growth",
      byWhen: "2027-02-01",
      measure: "An offer in hand",
      stepId: steps[1].id,
    });
    expect(set.status).toBe(200);
    expect(set.json.goal).toMatchObject({ progress: "not_started", stepId: steps[1].id, setBy: r.mentor.user.id });
    await menteeSocket.waitFor("goal", (f) => f.goal?.what === "Land a senior role");
    const progress = await r.mentee.client.put(`/pairs/${r.pairId}/goal/progress`, { progress: "on_track", note: "Two interviews" });
    expect(progress.json.goal).toMatchObject({ progress: "on_track", progressNote: "Two interviews", updatedBy: r.mentee.user.id, what: "Land a senior role" });
    const bad = await r.mentee.client.put(`/pairs/${r.pairId}/goal/progress`, { progress: "done" });
    expect(bad.status).toBe(422);
    expect(bad.json.error.issues[0].path).toBe("progress");
    menteeSocket.close();
  });

  it("asks feedback only when a round is open, privately, and requires the end questions", async () => {
    const r = await pairedRoom();
    const early = await r.mentor.client.post(`/pairs/${r.pairId}/feedback`, { round: "end", rating: 4, goalMet: "yes", again: true });
    expect(early.status).toBe(409);
    expect(early.json.error.code).toBe("not_open");
    await r.mentor.client.post(`/pairs/${r.pairId}/end`, { outcome: "completed" });
    await waitFor(async () => (await r.mentor.client.get(`/pairs/${r.pairId}/rhythm`)).json.feedback.open.includes("end"));
    const incomplete = await r.mentor.client.post(`/pairs/${r.pairId}/feedback`, { round: "end", rating: 4 });
    expect(incomplete.status).toBe(422);
    expect(incomplete.json.error.issues.map((i: { path: string }) => i.path)).toEqual(["goalMet", "again"]);

    const menteeSocket = await connect(r.mentee.client, r.pairId);
    const mentorSocket = await connect(r.mentor.client, r.pairId);
    const answered = await r.mentor.client.post(`/pairs/${r.pairId}/feedback`, {
      round: "end",
      rating: 4,
      goalMet: "partly",
      again: true,
      comment: "Private thoughts",
    });
    expect(answered.status).toBe(200);
    expect(answered.json.feedback.answers).toEqual([
      expect.objectContaining({ round: "end", rating: 4, goalMet: "partly", again: true, comment: "Private thoughts" }),
    ]);
    await mentorSocket.waitFor("feedback");
    // The other person hears nothing of it, and sees none of it.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(menteeSocket.of("feedback")).toEqual([]);
    expect((await r.mentee.client.get(`/pairs/${r.pairId}/rhythm`)).json.feedback.answers).toEqual([]);
    menteeSocket.close();
    mentorSocket.close();
  });
});

describe("program report", () => {
  async function endAndAnswer(
    r: Room,
    outcome: "completed" | "ended",
    answers: { person: Person; rating: number; goalMet: string; again: boolean }[],
    reason?: string,
  ) {
    await r.admin.client.post(`/pairs/${r.pairId}/end`, reason ? { outcome, reason } : { outcome });
    await waitFor(async () => (await r.mentor.client.get(`/pairs/${r.pairId}/rhythm`)).json.feedback.open.includes("end"));
    for (const a of answers) {
      const res = await a.person.client.post(`/pairs/${r.pairId}/feedback`, {
        round: "end",
        rating: a.rating,
        goalMet: a.goalMet,
        again: a.again,
        comment: "never for admins",
      });
      expect(res.status).toBe(200);
    }
  }

  it("counts pairs, first messages, meetings and goals, and shows ratings only from 3 answers on", async () => {
    const r = await pairedRoom();
    // Second pair in the same program.
    const [mentor2, mentee2] = await Promise.all([signUp("mentor2"), signUp("mentee2")]);
    await Promise.all([joinGroup(r.admin, r.groupId, mentor2), joinGroup(r.admin, r.groupId, mentee2)]);
    await apply(mentor2, r.programId, "mentor", { capacity: 1 });
    await apply(mentee2, r.programId, "mentee");
    const pair2 = await pairUp(r.admin, r.programId, mentor2, mentee2);
    const r2: Room = { ...r, pairId: pair2.id, mentor: mentor2, mentee: mentee2, stub: env.PAIR_ROOM.get(env.PAIR_ROOM.idFromName(pair2.id)) };

    // Pair 1 writes both ways, meets once (moved into the past), and reaches its goal.
    const mentorSocket = await connect(r.mentor.client, r.pairId);
    mentorSocket.send({ type: "send", clientId: "m1", body: "Hello!" });
    await mentorSocket.waitFor("ack");
    const menteeSocket = await connect(r.mentee.client, r.pairId);
    menteeSocket.send({ type: "send", clientId: "e1", body: "Hi!" });
    await menteeSocket.waitFor("ack");
    const meeting = await propose(r, r.mentor, [Date.now() + DAY]);
    await r.mentee.client.post(`/pairs/${r.pairId}/meetings/${meeting.id}/accept`, { optionId: meeting.options[0]!.id });
    await runInDurableObject(r.stub, (_i, state) => {
      state.storage.sql.exec("UPDATE meetings SET starts_at = ?, ends_at = ?", Date.now() - 2 * HOUR, Date.now() - HOUR);
    });
    await r.mentor.client.put(`/pairs/${r.pairId}/goal`, { what: "Secret goal text", byWhen: "2027-01-01", measure: "Secret measure" });
    await r.mentee.client.put(`/pairs/${r.pairId}/goal/progress`, { progress: "achieved", note: "Secret note" });
    mentorSocket.close();
    menteeSocket.close();

    await endAndAnswer(r, "completed", [
      { person: r.mentor, rating: 5, goalMet: "yes", again: true },
      { person: r.mentee, rating: 4, goalMet: "yes", again: true },
    ]);

    const member = r.member;
    expect((await member.client.get(`/programs/${r.programId}/report`)).status).toBe(403);
    const two = await r.admin.client.get(`/programs/${r.programId}/report`);
    expect(two.status).toBe(200);
    expect(two.json.feedback.ratingEnd).toEqual({ answers: 2, average: null });
    expect(two.json.feedback.goalMet).toEqual({ answers: 2, counts: null });

    await endAndAnswer(r2, "ended", [{ person: mentee2, rating: 3, goalMet: "no", again: false }], "Schedules did not match");
    const report = (await r.owner.client.get(`/programs/${r.programId}/report`)).json;
    expect(report).toMatchObject({
      program: { id: r.programId },
      settings: { nudgeAfterDays: 7, attentionAfterDays: 14 },
      pairsMade: 2,
      active: 0,
      completed: 1,
      endedEarly: 1,
      endedEarlyByReason: [{ reason: "Schedules did not match", count: 1 }],
      medianDaysToFirstMessage: { mentor: 0, mentee: 0 },
      bothWaysWithin7Days: 0.5,
      meetingsHeldPerPair: 0.5,
      goalsSet: 1,
      goalsAchieved: 1,
      feedback: {
        threshold: 3,
        ratingEnd: { answers: 3, average: 4 },
        ratingMidpoint: { answers: 0, average: null },
        goalMet: { answers: 3, counts: { yes: 2, partly: 0, no: 1 } },
        again: { answers: 3, counts: { yes: 2, no: 1 } },
      },
    });
    const row = report.rows.find((x: { pairId: string }) => x.pairId === r.pairId);
    expect(row).toMatchObject({
      mentor: "mentor",
      mentee: "mentee",
      status: "completed",
      meetingsHeld: 1,
      goalState: "achieved",
      daysToFirstMessageBothWays: 0,
    });
    // Never content: no goal text, note, agenda, place, comment or message.
    const text = JSON.stringify(report);
    for (const secret of ["Secret goal text", "Secret measure", "Secret note", "Secret agenda", "meet.example.org", "never for admins", "Hello!"]) {
      expect(text).not.toContain(secret);
    }

    const csv = await r.admin.client.get(`/programs/${r.programId}/report.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const lines = csv.text.trim().split("\r\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      "pair_id,mentor,mentee,status,started_at,ended_at,days_to_first_message_both_ways,meetings_held,goal_state,last_activity_at,needs_attention",
    );
    expect(csv.text).not.toContain("Schedules did not match");
    expect(csv.text).not.toContain("Secret");
  });
});

describe("authorization matrix for the rhythm's routes", () => {
  it("lets only the pair reach meetings, goal and feedback, and only admins the report and settings", async () => {
    const r = await pairedRoom();
    const meeting = await propose(r, r.mentor, [Date.now() + DAY]);
    const [other] = await Promise.all([pairedRoom()]);
    const anonymous = new TestClient();
    const pairRoutes: [string, string, unknown?][] = [
      ["GET", `/pairs/${r.pairId}/rhythm`],
      ["POST", `/pairs/${r.pairId}/meetings`, { clientId: "x", options: [{ startsAt: iso(Date.now() + DAY) }], durationMinutes: 30 }],
      ["POST", `/pairs/${r.pairId}/meetings/${meeting.id}/accept`, { optionId: meeting.options[0]!.id }],
      ["POST", `/pairs/${r.pairId}/meetings/${meeting.id}/decline`, { note: "" }],
      ["POST", `/pairs/${r.pairId}/meetings/${meeting.id}/cancel`],
      ["POST", `/pairs/${r.pairId}/meetings/${meeting.id}/reschedule`, { options: [{ startsAt: iso(Date.now() + DAY) }], durationMinutes: 30 }],
      ["GET", `/pairs/${r.pairId}/meetings/${meeting.id}/calendar.ics`],
      ["PUT", `/pairs/${r.pairId}/goal`, { what: "x", byWhen: "2027-01-01", measure: "y" }],
      ["PUT", `/pairs/${r.pairId}/goal/progress`, { progress: "on_track" }],
      ["POST", `/pairs/${r.pairId}/feedback`, { round: "midpoint", rating: 3 }],
    ];
    // Group admins, the owner, members, outsiders and another pair's people: all 404, as for no pair at all.
    for (const [method, path, body] of pairRoutes) {
      expect((await anonymous.fetch(method, path, body)).status, `${method} ${path} anonymous`).toBe(401);
      for (const [who, person] of [
        ["owner", r.owner],
        ["admin", r.admin],
        ["member", r.member],
        ["outsider", r.outsider],
        ["other mentor", other.mentor],
        ["other mentee", other.mentee],
      ] as const) {
        const res = await person.client.fetch(method, path, body);
        expect(res.status, `${method} ${path} as ${who}`).toBe(404);
        expect(res.text).not.toContain("Secret agenda");
      }
    }
    // Nothing changed through any of those.
    const after = (await r.mentee.client.get(`/pairs/${r.pairId}/rhythm`)).json;
    expect(after.meetings).toHaveLength(1);
    expect(after.meetings[0]).toMatchObject({ status: "proposed", sequence: 0 });
    expect(after.goal).toBeNull();

    const adminRoutes: [string, string, unknown?][] = [
      ["GET", `/programs/${r.programId}/report`],
      ["GET", `/programs/${r.programId}/report.csv`],
      ["GET", `/programs/${r.programId}/rhythm-settings`],
      ["PUT", `/programs/${r.programId}/rhythm-settings`, { nudgeAfterDays: 5, attentionAfterDays: 10 }],
    ];
    for (const [method, path, body] of adminRoutes) {
      expect((await anonymous.fetch(method, path, body)).status, `${method} ${path} anonymous`).toBe(401);
      expect((await r.outsider.client.fetch(method, path, body)).status, `${method} ${path} outsider`).toBe(404);
      for (const [who, person] of [
        ["member", r.member],
        ["the mentor", r.mentor],
        ["the mentee", r.mentee],
      ] as const) {
        expect((await person.client.fetch(method, path, body)).status, `${method} ${path} as ${who}`).toBe(403);
      }
      expect((await r.admin.client.fetch(method, path, body)).status, `${method} ${path} admin`).toBe(200);
      expect((await r.owner.client.fetch(method, path, body)).status, `${method} ${path} owner`).toBe(200);
    }
    const settings = await r.admin.client.put(`/programs/${r.programId}/rhythm-settings`, { nudgeAfterDays: 10, attentionAfterDays: 5 });
    expect(settings.status).toBe(422);
    expect(settings.json.error.issues[0].path).toBe("attentionAfterDays");

    // Mine across pairs: signed-in only.
    for (const path of ["/me/meetings/next", "/me/calendar"]) expect((await anonymous.get(path)).status).toBe(401);
    expect((await anonymous.post("/me/calendar/reset")).status).toBe(401);
  });

  it("limits calendar link resets", async () => {
    const person = await signUp("resetter");
    for (let i = 0; i < 10; i++) expect((await person.client.post("/me/calendar/reset")).status).toBe(200);
    const limited = await person.client.post("/me/calendar/reset");
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe("rate_limited");
    expect(limited.headers.get("Retry-After")).toBeTruthy();
  });
});

describe("quiet pairs for the admins' digest", () => {
  it("lists a group's active pairs quiet for the program's attentionAfterDays, with names and days only", async () => {
    const { pairsNeedingAttention } = await import("../../worker/db/rhythm.ts");
    const r = await pairedRoom();
    expect(await pairsNeedingAttention(env.DB, r.groupId)).toEqual([]);
    // The room last published activity 15 days ago.
    await env.DB.prepare("UPDATE pair_health SET last_activity_at = ?1 WHERE pair_id = ?2")
      .bind(Date.now() - 15 * DAY, r.pairId)
      .run();
    await env.DB.prepare("UPDATE pairs SET started_at = ?1 WHERE id = ?2")
      .bind(iso(Date.now() - 20 * DAY), r.pairId)
      .run();
    expect(await pairsNeedingAttention(env.DB, r.groupId)).toEqual([
      { pairId: r.pairId, programId: r.programId, programTitle: expect.any(String), mentorName: "mentor", menteeName: "mentee", quietDays: 15 },
    ]);
    await r.admin.client.put(`/programs/${r.programId}/rhythm-settings`, { nudgeAfterDays: 7, attentionAfterDays: 21 });
    expect(await pairsNeedingAttention(env.DB, r.groupId)).toEqual([]);
    const report = (await r.admin.client.get(`/programs/${r.programId}/report`)).json;
    expect(report.needsAttention).toBe(0);
    await r.admin.client.put(`/programs/${r.programId}/rhythm-settings`, { nudgeAfterDays: 7, attentionAfterDays: 14 });
    expect((await r.admin.client.get(`/programs/${r.programId}/report`)).json.rows[0].needsAttention).toBe(true);
  });
});

describe("needs attention on the dashboard", () => {
  it("flags an active pair quiet for the program's attentionAfterDays, and only then", async () => {
    const r = await pairedRoom();
    const entry = async () => (await r.admin.client.get(`/programs/${r.programId}/dashboard`)).json.pairs[0];
    expect((await entry()).attention).toBeNull();
    await env.DB.prepare("UPDATE pair_health SET last_activity_at = ?1 WHERE pair_id = ?2")
      .bind(Date.now() - 15 * DAY, r.pairId)
      .run();
    await env.DB.prepare("UPDATE pairs SET started_at = ?1 WHERE id = ?2")
      .bind(iso(Date.now() - 20 * DAY), r.pairId)
      .run();
    await new Promise((resolve) => setTimeout(resolve, 5_100)); // past the dashboard's 5 s cache
    expect((await entry()).attention).toEqual({ quietDays: 15 });
  });
});

describe("the midpoint feedback", () => {
  it("opens halfway through the program, asks both people once, and stays private per person", async () => {
    const r = await pairedRoom();
    expect((await r.mentor.client.get(`/pairs/${r.pairId}/rhythm`)).json.feedback.open).toEqual([]);
    // Move the start back past half of the program (its weeks of steps at the check-in cadence).
    const weeks = (await r.mentor.client.get(`/pairs/${r.pairId}`)).json.room.steps.length;
    await runInDurableObject(r.stub, (_i, state) => {
      state.storage.sql.exec("UPDATE meta SET value = ? WHERE key = 'started_at'", iso(Date.now() - (weeks / 2) * 7 * DAY - HOUR));
    });
    await runDurableObjectAlarm(r.stub);
    for (const person of [r.mentor, r.mentee]) {
      expect((await notificationsOf(person.user.id, "feedback_requested")).map((d) => d.round)).toEqual(["midpoint"]);
      expect((await person.client.get(`/pairs/${r.pairId}/rhythm`)).json.feedback.open).toEqual(["midpoint"]);
    }
    await runDurableObjectAlarm(r.stub);
    expect(await notificationsOf(r.mentor.user.id, "feedback_requested")).toHaveLength(1);
    const answered = await r.mentee.client.post(`/pairs/${r.pairId}/feedback`, { round: "midpoint", rating: 4 });
    expect(answered.json.feedback.answers).toEqual([expect.objectContaining({ round: "midpoint", rating: 4, goalMet: null, again: null })]);
    const report = (await r.admin.client.get(`/programs/${r.programId}/report`)).json;
    expect(report.feedback.ratingMidpoint).toEqual({ answers: 1, average: null });
  });
});

describe("data rights", () => {
  it("exports the pair's meetings and goal and only my own feedback, and erases what a deleted person wrote", async () => {
    const { PASSWORD } = await import("./helpers.ts");
    const r = await pairedRoom();
    const meeting = await propose(r, r.mentee, [Date.now() + DAY], { agenda: "Mentee agenda words" });
    await r.mentor.client.post(`/pairs/${r.pairId}/meetings/${meeting.id}/accept`, { optionId: meeting.options[0]!.id });
    await r.mentee.client.put(`/pairs/${r.pairId}/goal`, { what: "Mentee goal words", byWhen: "2027-01-01", measure: "Mentee measure" });
    await r.mentor.client.post(`/pairs/${r.pairId}/end`, { outcome: "completed" });
    await waitFor(async () => (await r.mentor.client.get(`/pairs/${r.pairId}/rhythm`)).json.feedback.open.includes("end"));
    await r.mentor.client.post(`/pairs/${r.pairId}/feedback`, { round: "end", rating: 5, goalMet: "yes", again: true, comment: "Mentor's private comment" });
    await r.mentee.client.post(`/pairs/${r.pairId}/feedback`, {
      round: "end",
      rating: 3,
      goalMet: "partly",
      again: false,
      comment: "Mentee's private comment",
    });

    const exported = JSON.parse((await r.mentee.client.get("/me/export")).text);
    const space = exported.pairs[0].space;
    expect(space.meetings).toEqual([expect.objectContaining({ id: meeting.id, status: "accepted", agenda: "Mentee agenda words" })]);
    expect(space.goal).toEqual([expect.objectContaining({ what: "Mentee goal words" })]);
    expect(space.myFeedback).toEqual([expect.objectContaining({ round: "end", rating: 3, comment: "Mentee's private comment" })]);
    expect(JSON.stringify(exported)).not.toContain("Mentor's private comment");

    expect((await r.mentee.client.fetch("DELETE", "/me", { password: PASSWORD })).status).toBe(204);
    await waitFor(async () => (await env.DB.prepare("SELECT COUNT(*) AS n FROM room_outbox").first<{ n: number }>())!.n === 0, 5000);
    await runInDurableObject(r.stub, (_i, state) => {
      for (const table of ["meetings", "goal", "feedback"]) {
        const text = JSON.stringify(state.storage.sql.exec(`SELECT * FROM "${table}"`).toArray());
        expect(text, table).not.toContain(r.mentee.user.id);
        expect(text, table).not.toMatch(/Mentee (agenda|goal) words|Mentee's private comment/);
      }
      expect(state.storage.sql.exec("SELECT COUNT(*) AS n FROM feedback").one().n).toBe(1);
    });
    // The mentor keeps the meeting in the calendar, and their own answer.
    const after = (await r.mentor.client.get(`/pairs/${r.pairId}/rhythm`)).json;
    expect(after.meetings).toEqual([expect.objectContaining({ id: meeting.id, status: "accepted", agenda: "" })]);
    expect(after.goal).toBeNull();
    expect(after.feedback.answers).toHaveLength(1);
  });

  it("ends cleanly when a member deletes their account: the end is delivered once and the other person is asked", async () => {
    const { PASSWORD } = await import("./helpers.ts");
    const r = await pairedRoom();
    expect((await r.mentee.client.fetch("DELETE", "/me", { password: PASSWORD })).status).toBe(204);
    await waitFor(async () => (await env.DB.prepare("SELECT COUNT(*) AS n FROM room_outbox").first<{ n: number }>())!.n === 0, 5000);
    expect((await notificationsOf(r.mentor.user.id, "feedback_requested")).map((d) => d.round)).toEqual(["end"]);
  });
});
