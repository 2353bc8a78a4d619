// The room's side of notifications: messages waiting while away, the weekly reminder going out by
// email, and a password reset closing the person's open sockets.
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { CLOSE } from "../../shared/protocol.ts";
import { newTokenStatements } from "../../worker/db/email-tokens.ts";
import { AWAY_AFTER_MS } from "../../worker/pair-room/away.ts";
import { TestClient, pairUp, programWithApplicants, type Person } from "./helpers.ts";
import { connect } from "./socket.ts";

async function pairedRoom() {
  const f = await programWithApplicants();
  const pair = await pairUp(f.admin, f.programId, f.mentor, f.mentee);
  for (const person of [f.mentor, f.mentee]) {
    await env.DB.prepare("UPDATE users SET email_verified_at = ?2 WHERE id = ?1").bind(person.user.id, new Date().toISOString()).run();
  }
  return { ...f, pairId: pair.id, stub: env.PAIR_ROOM.get(env.PAIR_ROOM.idFromName(pair.id)) };
}

const deliveriesOf = (person: Person, kind: string) =>
  env.DB.prepare("SELECT * FROM notification_deliveries WHERE user_id = ?1 AND kind = ?2 AND channel = 'email'")
    .bind(person.user.id, kind)
    .all<any>()
    .then((r) => r.results);

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Moves the room's clock back: every message and due notice is `ms` older. */
const age = (stub: DurableObjectStub, ms: number) =>
  runInDurableObject(stub, (_instance, state) => {
    state.storage.sql.exec("UPDATE messages SET sent_at = sent_at - ?", ms);
    state.storage.sql.exec("UPDATE meta SET value = CAST(value AS INTEGER) - ? WHERE key LIKE 'away_due:%'", ms);
  });

describe("messages waiting while away", () => {
  it("one email 'N new messages' after 15 minutes unread with no socket open, never one per message", async () => {
    const r = await pairedRoom();
    const mentor = await connect(r.mentor.client, r.pairId);
    for (const [i, body] of ["Hello!", "Are you free on Tuesday?"].entries()) {
      mentor.send({ type: "send", clientId: `m${i}`, body });
      await mentor.waitFor("ack", (f) => f.clientId === `m${i}`);
    }
    // Not yet 15 minutes: nothing.
    await runDurableObjectAlarm(r.stub);
    expect(await deliveriesOf(r.mentee, "messages_waiting")).toHaveLength(0);

    await age(r.stub, AWAY_AFTER_MS + 1000);
    await runDurableObjectAlarm(r.stub);
    const sent = await eventually(
      () => deliveriesOf(r.mentee, "messages_waiting"),
      (rows) => rows.some((row) => row.status === "sent"),
    );
    expect(sent).toHaveLength(1);
    expect(await deliveriesOf(r.mentor, "messages_waiting")).toHaveLength(0);

    // More messages before the mentee comes back: no second email.
    mentor.send({ type: "send", clientId: "m3", body: "Ping" });
    await mentor.waitFor("ack", (f) => f.clientId === "m3");
    await age(r.stub, AWAY_AFTER_MS + 1000);
    await runDurableObjectAlarm(r.stub);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await deliveriesOf(r.mentee, "messages_waiting")).toHaveLength(1);
    mentor.close();
  });

  it("sends nothing while the recipient has a socket open in the pair", async () => {
    const r = await pairedRoom();
    const mentee = await connect(r.mentee.client, r.pairId);
    const mentor = await connect(r.mentor.client, r.pairId);
    mentor.send({ type: "send", clientId: "x1", body: "Hi" });
    await mentor.waitFor("ack");
    await age(r.stub, AWAY_AFTER_MS + 1000);
    await runDurableObjectAlarm(r.stub);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await deliveriesOf(r.mentee, "messages_waiting")).toHaveLength(0);
    mentee.close();
    mentor.close();
  });
});

describe("weekly reminder", () => {
  it("goes out by email to both, once per period", async () => {
    const r = await pairedRoom();
    await runInDurableObject(r.stub, (_i, state) => {
      state.storage.sql.exec("UPDATE meta SET value = ? WHERE key = 'started_at'", new Date(Date.now() - 8 * 86_400_000).toISOString());
    });
    await runDurableObjectAlarm(r.stub);
    for (const person of [r.mentor, r.mentee]) {
      const rows = await eventually(
        () => deliveriesOf(person, "checkin_reminder"),
        (found) => found.some((row) => row.status === "sent"),
      );
      expect(rows).toHaveLength(1);
    }
  });
});

describe("password reset", () => {
  it("closes the person's open pair sockets with 4001 within 2 seconds", async () => {
    const r = await pairedRoom();
    const socket = await connect(r.mentee.client, r.pairId);
    const { token, statements } = await newTokenStatements(env.DB, r.mentee.user.id, "reset", r.mentee.email);
    await env.DB.batch(statements);
    const started = Date.now();
    expect((await new TestClient().post("/auth/password-reset/confirm", { token, password: "Tandem-Sunrise-8642-quietly" })).status).toBe(204);
    const closed = await socket.waitForClose(2000);
    expect(closed.code).toBe(CLOSE.sessionRevoked);
    expect(Date.now() - started).toBeLessThan(2000);
    // The other person's socket stays.
    const mentor = await connect(r.mentor.client, r.pairId);
    expect(mentor.closed).toBeNull();
    mentor.close();
  });
});

describe("the weekly rhythm reaches people outside the app", () => {
  const iso = (ms: number) => new Date(ms).toISOString();
  const inApp = (person: Person, kind: string) =>
    env.DB.prepare("SELECT id, data FROM notifications WHERE user_id = ?1 AND kind = ?2")
      .bind(person.user.id, kind)
      .all<{ id: string; data: string }>()
      .then((r) => r.results);
  const sentTo = async (person: Person, kind: string) => {
    const rows = await eventually(
      () => deliveriesOf(person, kind),
      (found) => found.some((row) => row.status === "sent"),
    );
    return rows.filter((row) => row.status === "sent");
  };

  it("a meeting reminder goes out by email to both, once, as the same notification as in the app", async () => {
    const r = await pairedRoom();
    const proposed = await r.mentor.client.post(`/pairs/${r.pairId}/meetings`, {
      clientId: "meet-1",
      options: [{ startsAt: iso(Date.now() + 30 * 60_000) }],
      durationMinutes: 45,
    });
    expect(proposed.status).toBe(201);
    const meeting = proposed.json.meeting;
    expect((await r.mentee.client.post(`/pairs/${r.pairId}/meetings/${meeting.id}/accept`, { optionId: meeting.options[0].id })).status).toBe(200);
    await runDurableObjectAlarm(r.stub);
    for (const person of [r.mentor, r.mentee]) {
      const sent = await sentTo(person, "meeting_reminder");
      expect(sent).toHaveLength(1);
      expect(sent[0].notification_id).toBe((await inApp(person, "meeting_reminder"))[0]!.id);
    }
    // A second alarm run sends nothing more.
    await runDurableObjectAlarm(r.stub);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await deliveriesOf(r.mentee, "meeting_reminder")).toHaveLength(1);
  });

  it("a quiet pair's nudge and the end's feedback request go out by email, and an email preference turned off is honoured", async () => {
    const r = await pairedRoom();
    const off = (await r.mentor.client.get("/me/notification-preferences")).json.preferences;
    off.kinds.pair_nudge.email = "off";
    expect((await r.mentor.client.put("/me/notification-preferences", off)).status).toBe(200);
    await runInDurableObject(r.stub, (_i, state) => {
      state.storage.sql.exec("UPDATE meta SET value = ? WHERE key = 'started_at'", iso(Date.now() - 8 * 86_400_000));
      state.storage.sql.exec("DELETE FROM meta WHERE key IN ('last_activity_at', 'nudge_check_at')");
    });
    await runDurableObjectAlarm(r.stub);
    expect(await sentTo(r.mentee, "pair_nudge")).toHaveLength(1);
    const mentorNudge = await eventually(
      () => deliveriesOf(r.mentor, "pair_nudge"),
      (rows) => rows.length > 0,
    );
    expect(mentorNudge).toEqual([expect.objectContaining({ status: "skipped", detail: "turned off" })]);
    // The mentor still sees it in the app.
    expect(await inApp(r.mentor, "pair_nudge")).toHaveLength(1);

    expect((await r.mentor.client.post(`/pairs/${r.pairId}/end`, { outcome: "completed" })).status).toBe(200);
    for (const person of [r.mentor, r.mentee]) expect(await sentTo(person, "feedback_requested")).toHaveLength(1);
  });
});
