import { env } from "cloudflare:workers";
import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { RATE_LIMIT } from "../../shared/protocol.ts";
import { pairUp, programWithApplicants } from "./helpers.ts";
import { connect, openSocket } from "./socket.ts";

async function pairedRoom() {
  const f = await programWithApplicants();
  const pair = await pairUp(f.admin, f.programId, f.mentor, f.mentee);
  const stub = env.PAIR_ROOM.get(env.PAIR_ROOM.idFromName(pair.id));
  return { ...f, pairId: pair.id, stub };
}

describe("chat over the socket", () => {
  it("delivers each message to the other person and acks the sender after the write, with gap-free seqs in write order", async () => {
    const r = await pairedRoom();
    const mentor = await connect(r.mentor.client, r.pairId);
    const mentee = await connect(r.mentee.client, r.pairId);
    for (let i = 1; i <= 5; i++) mentor.send({ type: "send", clientId: `m-${i}`, body: `hello ${i}` });
    for (let i = 1; i <= 5; i++) mentee.send({ type: "send", clientId: `e-${i}`, body: `hi ${i}` });
    await mentee.waitFor("ack", (f) => f.clientId === "e-5");
    await mentor.waitFor("ack", (f) => f.clientId === "m-5");
    await mentee.waitFor("message", (f) => f.clientId === "m-5");
    await mentor.waitFor("message", (f) => f.clientId === "e-5");

    // Each side's view: the other's messages as `message` frames, its own as acks.
    const view = (socket: typeof mentor) =>
      [...socket.of("message").map((m) => [m.seq, m.clientId] as const), ...socket.of("ack").map((a) => [a.seq, a.clientId] as const)].sort(
        (a, b) => a[0] - b[0],
      );
    expect(view(mentor).map(([seq]) => seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(view(mentee)).toEqual(view(mentor));
    // The sending socket gets no echo of its own message.
    expect(mentor.of("message").every((m) => m.senderId === r.mentee.user.id)).toBe(true);
    // Each sender's own order is kept.
    expect(mentee.of("message").map((m) => m.body)).toEqual(["hello 1", "hello 2", "hello 3", "hello 4", "hello 5"]);
    const acked = mentor.of("ack").find((a) => a.clientId === "m-3")!;
    expect(acked.sentAt).toBeGreaterThan(Date.now() - 60_000);
    await runInDurableObject(r.stub, (_i, state) => {
      const row = state.storage.sql.exec("SELECT body, sent_at FROM messages WHERE seq = ?", acked.seq).one();
      expect(row.body).toBe("hello 3");
      expect(row.sent_at).toBe(acked.sentAt);
    });
  });

  it("the sender's other tabs get the message too", async () => {
    const r = await pairedRoom();
    const tab1 = await connect(r.mentor.client, r.pairId);
    const tab2 = await connect(r.mentor.client, r.pairId);
    tab1.send({ type: "send", clientId: "t1", body: "from tab 1" });
    await tab1.waitFor("ack");
    expect((await tab2.waitFor("message")).body).toBe("from tab 1");
    expect(tab1.of("message")).toEqual([]);
  });

  it("a resend with the same clientId stores nothing new and gets the same ack", async () => {
    const r = await pairedRoom();
    const mentor = await connect(r.mentor.client, r.pairId);
    const mentee = await connect(r.mentee.client, r.pairId);
    mentor.send({ type: "send", clientId: "same", body: "once" });
    const first = await mentor.waitFor("ack", (a) => a.clientId === "same");
    mentor.send({ type: "send", clientId: "same", body: "once" });
    await mentor.waitFor("ack", (a) => a !== first && a.clientId === "same");
    mentor.send({ type: "send", clientId: "next", body: "after" });
    await mentee.waitFor("message", (m) => m.clientId === "next");
    expect(
      mentor
        .of("ack")
        .filter((a) => a.clientId === "same")
        .map((a) => a.seq),
    ).toEqual([first.seq, first.seq]);
    expect(mentee.of("message").map((m) => m.body)).toEqual(["once", "after"]);
    await runInDurableObject(r.stub, (_i, state) => {
      expect(state.storage.sql.exec("SELECT COUNT(*) AS n FROM messages").one().n).toBe(2);
    });
  });

  it("catches up after a reconnect: everything after `after`, then live", async () => {
    const r = await pairedRoom();
    const mentor = await connect(r.mentor.client, r.pairId);
    // Written straight into storage: the rate limit would stop a real sender long before 450.
    await runInDurableObject(r.stub, (_i, state) => {
      for (let i = 1; i <= 450; i++) {
        state.storage.sql.exec(
          "INSERT INTO messages (client_id, sender_id, body, sent_at) VALUES (?, ?, ?, ?)",
          `c-${i}`,
          r.mentor.user.id,
          `message ${i}`,
          Date.now() - 60_000,
        );
      }
    });
    mentor.close();
    const back = await connect(r.mentee.client, r.pairId, 100);
    const history = back.of("history");
    expect(history.length).toBeGreaterThan(1); // paged
    const seqs = history.flatMap((h) => h.messages.map((m) => m.seq));
    expect(seqs).toEqual(Array.from({ length: 350 }, (_, i) => 101 + i));
    expect((await back.waitFor("synced")).lastSeq).toBe(450);
    await r.stub.sendMessage(r.mentor.user.id, "live", "live one");
    expect((await back.waitFor("message", (m) => m.clientId === "live")).seq).toBe(451);
  });

  it("state survives eviction of the object", async () => {
    const r = await pairedRoom();
    const mentor = await connect(r.mentor.client, r.pairId);
    mentor.send({ type: "send", clientId: "keep", body: "remember me" });
    await mentor.waitFor("ack");
    await r.mentee.client.put(`/pairs/${r.pairId}/steps/week-1`, { done: true });
    mentor.close();
    await evictDurableObject(r.stub);
    const page = await r.mentee.client.get(`/pairs/${r.pairId}/messages`);
    expect(page.json.messages.map((m: { body: string }) => m.body)).toEqual(["remember me"]);
    const again = await connect(r.mentee.client, r.pairId);
    expect(again.of("history")[0]!.messages[0]!.body).toBe("remember me");
  });

  it("limits a member to 30 messages per 10 seconds: past that, rate_limited and nothing stored", async () => {
    const r = await pairedRoom();
    const mentor = await connect(r.mentor.client, r.pairId);
    for (let i = 1; i <= RATE_LIMIT.messages + 3; i++) mentor.send({ type: "send", clientId: `r-${i}`, body: `spam ${i}` });
    await mentor.waitFor("error", (e) => e.clientId === `r-${RATE_LIMIT.messages + 3}`);
    expect(mentor.of("ack")).toHaveLength(RATE_LIMIT.messages);
    expect(mentor.of("error").map((e) => e.code)).toEqual(["rate_limited", "rate_limited", "rate_limited"]);
    await runInDurableObject(r.stub, (_i, state) => {
      expect(state.storage.sql.exec("SELECT COUNT(*) AS n FROM messages").one().n).toBe(RATE_LIMIT.messages);
    });
    // The other member is not limited by it.
    const mentee = await connect(r.mentee.client, r.pairId);
    mentee.send({ type: "send", clientId: "ok", body: "fine" });
    await mentee.waitFor("ack", (a) => a.clientId === "ok");
  });

  it("answers bad and oversized frames with an error frame, changes nothing, and keeps the socket open", async () => {
    const r = await pairedRoom();
    const mentor = await connect(r.mentor.client, r.pairId);
    mentor.send("not json");
    mentor.send({ type: "shout", body: "x" });
    mentor.send({ type: "send", clientId: "", body: "empty id" });
    mentor.send({ type: "send", clientId: "no-body" });
    mentor.send({ type: "send", clientId: "big", body: "x".repeat(17 * 1024) });
    mentor.send({ type: "send", clientId: "long", body: "y".repeat(4001) });
    // The exact heartbeat is answered by the runtime, ahead of the frames before it: frames handled
    // in code keep their order, so a valid send after the bad ones is the point where all were seen.
    mentor.send({ type: "send", clientId: "good", body: "still here" });
    expect((await mentor.waitFor("ack")).seq).toBe(1);
    expect(mentor.of("error").map((e) => e.code)).toEqual(["bad_frame", "bad_frame", "bad_frame", "bad_frame", "frame_too_large", "bad_frame"]);
    expect(mentor.of("error").find((e) => e.clientId === "no-body")?.code).toBe("bad_frame");
    mentor.send({ type: "ping" });
    await mentor.waitFor("pong");
    expect(mentor.closed).toBeNull();
  });

  it("shares presence, typing and read receipts", async () => {
    const r = await pairedRoom();
    const mentor = await connect(r.mentor.client, r.pairId);
    const mentee = await connect(r.mentee.client, r.pairId);
    await mentor.waitFor("presence", (p) => p.userId === r.mentee.user.id && p.online);
    mentee.send({ type: "typing", typing: true });
    await mentor.waitFor("typing", (t) => t.userId === r.mentee.user.id && t.typing);
    expect(mentee.of("typing")).toEqual([]); // not echoed to the typist
    mentor.send({ type: "send", clientId: "a", body: "read me" });
    await mentee.waitFor("message");
    mentee.send({ type: "read", seq: 1 });
    await mentor.waitFor("read", (f) => f.userId === r.mentee.user.id && f.seq === 1);
    mentee.close();
    await mentor.waitFor("presence", (p) => p.userId === r.mentee.user.id && !p.online);
    const detail = await r.mentor.client.get(`/pairs/${r.pairId}`);
    expect(detail.json.room.readCursors[r.mentee.user.id]).toBe(1);
  });

  it("older history pages through GET /messages?before=", async () => {
    const r = await pairedRoom();
    for (let i = 1; i <= 30; i++) await r.stub.sendMessage(i % 2 ? r.mentor.user.id : r.mentee.user.id, `h-${i}`, `n${i}`); // 15 each: under the limit
    const latest = await r.mentee.client.get(`/pairs/${r.pairId}/messages?limit=10`);
    expect(latest.json.messages.map((m: { seq: number }) => m.seq)).toEqual([21, 22, 23, 24, 25, 26, 27, 28, 29, 30]);
    expect(latest.json.hasMore).toBe(true);
    const older = await r.mentee.client.get(`/pairs/${r.pairId}/messages?before=21&limit=25`);
    expect(older.json.messages).toHaveLength(20);
    expect(older.json.hasMore).toBe(false);
  });
});

describe("steps, posts and check-ins", () => {
  it("one member ticks an activity and marks a step done; the other sees it live", async () => {
    const r = await pairedRoom();
    const mentee = await connect(r.mentee.client, r.pairId);
    const detail = await r.mentor.client.get(`/pairs/${r.pairId}`);
    const step = detail.json.room.steps[0];
    expect(detail.json.room.currentWeek).toBe(1);
    const tick = await r.mentor.client.fetch("PUT", `/pairs/${r.pairId}/steps/${step.id}/activities/${step.activities[0].id}`, { done: true });
    expect(tick.status).toBe(200);
    const live = await mentee.waitFor("steps", (f) => f.steps[0]!.activities[0]!.done);
    expect(live.steps[0]!.activities[0]!.doneBy).toBe(r.mentor.user.id);
    await r.mentor.client.fetch("PUT", `/pairs/${r.pairId}/steps/${step.id}`, { done: true });
    await mentee.waitFor("steps", (f) => f.steps[0]!.done);
    expect((await r.mentee.client.get(`/pairs/${r.pairId}`)).json.room.steps[0].done).toBe(true);
    expect((await r.mentor.client.fetch("PUT", `/pairs/${r.pairId}/steps/nope`, { done: true })).status).toBe(404);
  });

  it("the current week follows the start date and the cadence", async () => {
    const r = await pairedRoom();
    await runInDurableObject(r.stub, (_i, state) => {
      state.storage.sql.exec("UPDATE meta SET value = ? WHERE key = 'started_at'", new Date(Date.now() - 15 * 86_400_000).toISOString());
    });
    expect((await r.mentee.client.get(`/pairs/${r.pairId}`)).json.room.currentWeek).toBe(3);
  });

  it("posts and comments are live for both and idempotent by clientId", async () => {
    const r = await pairedRoom();
    const mentor = await connect(r.mentor.client, r.pairId);
    const body = { clientId: "p1", title: "A talk on negotiation", body: "Worth 20 minutes", url: "https://example.org/talk" };
    const post = await r.mentee.client.post(`/pairs/${r.pairId}/posts`, body);
    expect(post.status).toBe(201);
    expect((await r.mentee.client.post(`/pairs/${r.pairId}/posts`, body)).json.post.id).toBe(post.json.post.id);
    await mentor.waitFor("post", (f) => f.post.id === post.json.post.id);
    const comment = await r.mentor.client.post(`/pairs/${r.pairId}/posts/${post.json.post.id}/comments`, { clientId: "c1", body: "Great one" });
    expect(comment.status).toBe(201);
    const list = await r.mentee.client.get(`/pairs/${r.pairId}/posts`);
    expect(list.json.posts).toHaveLength(1);
    expect(list.json.posts[0].comments.map((c: { body: string }) => c.body)).toEqual(["Great one"]);
    expect((await r.mentee.client.post(`/pairs/${r.pairId}/posts`, { clientId: "p2", title: "x", url: "javascript:alert(1)" })).status).toBe(422);
  });

  it("check-ins take a mood from 1 to 5 and a note", async () => {
    const r = await pairedRoom();
    const res = await r.mentee.client.post(`/pairs/${r.pairId}/checkins`, { clientId: "k1", mood: 4, note: "Good week" });
    expect(res.status).toBe(201);
    expect((await r.mentee.client.post(`/pairs/${r.pairId}/checkins`, { clientId: "k2", mood: 6, note: "" })).status).toBe(422);
    expect((await r.mentor.client.get(`/pairs/${r.pairId}`)).json.room.checkins[0]).toMatchObject({ mood: 4, note: "Good week" });
  });

  it("the reminder alarm notifies both when a week passes without a check-in, and stops when the pair ends", async () => {
    const r = await pairedRoom();
    await runInDurableObject(r.stub, (_i, state) => {
      state.storage.sql.exec("UPDATE meta SET value = ? WHERE key = 'started_at'", new Date(Date.now() - 8 * 86_400_000).toISOString());
    });
    expect(await runDurableObjectAlarm(r.stub)).toBe(true);
    for (const person of [r.mentor, r.mentee]) {
      const notes = (await person.client.get("/notifications")).json.notifications;
      expect(notes.map((n: { kind: string }) => n.kind)).toContain("checkin_reminder");
    }
    // A check-in now moves the next reminder a full week away: firing early sends nothing.
    await r.mentee.client.post(`/pairs/${r.pairId}/checkins`, { clientId: "k", mood: 3, note: "" });
    await runDurableObjectAlarm(r.stub);
    const count = async () =>
      (await r.mentee.client.get("/notifications")).json.notifications.filter((n: { kind: string }) => n.kind === "checkin_reminder").length;
    expect(await count()).toBe(1);

    await r.mentee.client.post(`/pairs/${r.pairId}/end`, { outcome: "completed" });
    expect(await runDurableObjectAlarm(r.stub)).toBe(false); // no alarm left
  });
});

describe("block, report, end", () => {
  it("blocking closes the blocked person's open socket at once and refuses their sends", async () => {
    const r = await pairedRoom();
    const mentor = await connect(r.mentor.client, r.pairId);
    const mentee = await connect(r.mentee.client, r.pairId);
    const started = Date.now();
    expect((await r.mentee.client.post(`/users/${r.mentor.user.id}/block`)).status).toBe(204);
    const closed = await mentor.waitForClose(2000);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(closed.code).toBe(4003);
    expect((await mentee.waitFor("status", (s) => s.blocked)).blocked).toBe(true);
    const again = await openSocket(r.mentor.client, r.pairId);
    expect(again.status).toBe(403);
    const post = await r.mentor.client.post(`/pairs/${r.pairId}/posts`, { clientId: "x", title: "still here?" });
    expect(post.status).toBe(409);
    expect(post.json.error.code).toBe("blocked");
    mentee.send({ type: "send", clientId: "after-block", body: "hello?" });
    expect((await mentee.waitFor("error")).code).toBe("blocked");
    expect((await r.mentee.client.get(`/pairs/${r.pairId}`)).json.room).toMatchObject({ blocked: true, blockedMe: false });
    expect((await r.mentor.client.get(`/pairs/${r.pairId}`)).json.room).toMatchObject({ blocked: true, blockedMe: true });
  });

  it("unblocking lets contact resume", async () => {
    const r = await pairedRoom();
    await r.mentee.client.post(`/users/${r.mentor.user.id}/block`);
    expect((await r.mentee.client.delete(`/users/${r.mentor.user.id}/block`)).status).toBe(204);
    const mentor = await connect(r.mentor.client, r.pairId);
    mentor.send({ type: "send", clientId: "back", body: "hi again" });
    expect((await mentor.waitFor("ack")).seq).toBe(1);
  });

  it("a report copies only the reported message into the group's queue", async () => {
    const r = await pairedRoom();
    await r.stub.sendMessage(r.mentor.user.id, "1", "first, fine");
    const bad = await r.stub.sendMessage(r.mentor.user.id, "2", "the rude one");
    await r.stub.sendMessage(r.mentor.user.id, "3", "third, fine");
    const seq = (bad as { ok: true; value: { seq: number } }).value.seq;
    const res = await r.mentee.client.post("/reports", { pairId: r.pairId, seq, reason: "Insulting" });
    expect(res.status).toBe(201);
    const queue = await r.admin.client.get(`/groups/${r.groupId}/reports`);
    expect(queue.json.reports).toHaveLength(1);
    expect(queue.json.reports[0]).toMatchObject({ reason: "Insulting", message: { seq, body: "the rude one" }, reported: { id: r.mentor.user.id } });
    expect(JSON.stringify(queue.json)).not.toContain("fine");
    // One's own message cannot be reported; nor can a message of a pair one is not in.
    expect((await r.mentor.client.post("/reports", { pairId: r.pairId, seq, reason: "x" })).json.error.code).toBe("own_message");
    expect((await r.member.client.post("/reports", { pairId: r.pairId, seq, reason: "x" })).status).toBe(404);
    expect((await r.member.client.get(`/groups/${r.groupId}/reports`)).status).toBe(403);
    const resolved = await r.admin.client.post(`/reports/${res.json.report.id}/resolve`);
    expect(resolved.json.report.status).toBe("resolved");
  });

  it("after the end, the room is readable and refuses every write with pair_ended", async () => {
    const r = await pairedRoom();
    await r.stub.sendMessage(r.mentor.user.id, "before", "before the end");
    const mentee = await connect(r.mentee.client, r.pairId);
    await r.mentor.client.post(`/pairs/${r.pairId}/end`, { outcome: "completed" });
    await mentee.waitFor("status", (s) => s.status === "completed");
    mentee.send({ type: "send", clientId: "late", body: "too late" });
    expect((await mentee.waitFor("error")).code).toBe("pair_ended");
    const writes = [
      r.mentee.client.post(`/pairs/${r.pairId}/posts`, { clientId: "p", title: "late" }),
      r.mentee.client.post(`/pairs/${r.pairId}/checkins`, { clientId: "c", mood: 3 }),
      r.mentee.client.fetch("PUT", `/pairs/${r.pairId}/steps/week-1`, { done: true }),
    ];
    for (const res of await Promise.all(writes)) expect(res.json.error.code).toBe("pair_ended");
    expect((await r.mentee.client.get(`/pairs/${r.pairId}/messages`)).json.messages.map((m: { body: string }) => m.body)).toEqual(["before the end"]);
    const reconnect = await connect(r.mentor.client, r.pairId);
    expect(reconnect.of("hello")[0]!.status).toBe("completed");
  });
});

describe("pair health for admins", () => {
  it("the dashboard shows progress, streak, last activity and health, and never content", async () => {
    const r = await pairedRoom();
    await r.stub.sendMessage(r.mentor.user.id, "secret", "a very private sentence");
    await r.mentee.client.post(`/pairs/${r.pairId}/posts`, { clientId: "p", title: "private post title", body: "private body" });
    await r.mentee.client.post(`/pairs/${r.pairId}/checkins`, { clientId: "c", mood: 2, note: "private note" });
    await r.mentee.client.fetch("PUT", `/pairs/${r.pairId}/steps/week-1`, { done: true });
    const res = await r.admin.client.get(`/programs/${r.programId}/dashboard`);
    expect(res.status).toBe(200);
    expect(res.json.pairs).toHaveLength(1);
    expect(res.json.pairs[0].health).toMatchObject({ stepsDone: 1, checkinStreak: 1, state: "active", currentWeek: 1 });
    expect(res.json.pairs[0].health.lastActivityAt).toBeGreaterThan(Date.now() - 60_000);
    const text = JSON.stringify(res.json);
    for (const secret of ["private", "a very private sentence", "Get to know"]) expect(text).not.toContain(secret);
  });

  it("flags a pair with no check-in for two weeks, and a quiet one", async () => {
    const r = await pairedRoom();
    await runInDurableObject(r.stub, (_i, state) => {
      state.storage.sql.exec("UPDATE meta SET value = ? WHERE key = 'started_at'", new Date(Date.now() - 15 * 86_400_000).toISOString());
    });
    expect((await r.stub.health()).state).toBe("no_checkin_2_weeks");
    await r.mentee.client.post(`/pairs/${r.pairId}/checkins`, { clientId: "c", mood: 3 });
    await runInDurableObject(r.stub, (_i, state) => {
      state.storage.sql.exec("UPDATE checkins SET created_at = ?", Date.now() - 8 * 86_400_000);
      state.storage.sql.exec("UPDATE meta SET value = ? WHERE key = 'last_activity_at'", String(Date.now() - 8 * 86_400_000));
    });
    expect((await r.stub.health()).state).toBe("quiet");
  });
});
