// Accounts people control, where they meet the pair rooms: revocation closing live sockets (code 4001)
// within 2 seconds, the streamed export of a pair space, and account deletion erasing a person from D1
// and from every room they were in.
import { env } from "cloudflare:workers";
import { createMessageBatch, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { CLOSE } from "../../shared/protocol.ts";
import { handleDeadLetters } from "../../worker/notifications/consumer.ts";
import { pairRoom } from "../../worker/pair-room/stub.ts";
import { ORIGIN, PASSWORD, TestClient, apply, createProgram, joinGroup, pairUp, programWithApplicants, signUp } from "./helpers.ts";
import { connect } from "./socket.ts";

const REVOCATION_DEADLINE_MS = 2000;

async function activePair() {
  const f = await programWithApplicants(2);
  const pair = await pairUp(f.admin, f.programId, f.mentor, f.mentee);
  return { ...f, pairId: pair.id };
}

async function signInAgain(email: string) {
  const client = new TestClient({ "CF-Connecting-IP": `10.60.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });
  const res = await client.post("/auth/login", { email, password: PASSWORD });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
  return client;
}

/** Waits for the socket to close and says how long it took from `since`. */
async function closedWithin(socket: Awaited<ReturnType<typeof connect>>, since: number) {
  const closed = await socket.waitForClose(REVOCATION_DEADLINE_MS + 1000);
  return { ...closed, ms: Date.now() - since };
}

describe("revocation reaches live sockets", () => {
  it("logout closes that session's pair socket with 4001 within 2 seconds; the other person's stays open", async () => {
    const f = await activePair();
    const mine = await connect(f.mentee.client, f.pairId);
    const theirs = await connect(f.mentor.client, f.pairId);
    const start = Date.now();
    expect((await f.mentee.client.post("/auth/logout")).status).toBe(204);
    const closed = await closedWithin(mine, start);
    expect(closed.code).toBe(CLOSE.sessionRevoked);
    expect(closed.ms).toBeLessThan(REVOCATION_DEADLINE_MS);
    expect(theirs.closed).toBeNull();
    theirs.close();
  });

  it("revoking one session closes only the sockets opened with it", async () => {
    const f = await activePair();
    const phone = await signInAgain(f.mentee.email);
    const onPhone = await connect(phone, f.pairId);
    const onLaptop = await connect(f.mentee.client, f.pairId);
    const sessions = (await f.mentee.client.get("/me/sessions")).json.sessions as { id: string; current: boolean }[];
    const start = Date.now();
    expect((await f.mentee.client.delete(`/me/sessions/${sessions.find((s) => !s.current)!.id}`)).status).toBe(204);
    const closed = await closedWithin(onPhone, start);
    expect(closed.code).toBe(CLOSE.sessionRevoked);
    expect(closed.ms).toBeLessThan(REVOCATION_DEADLINE_MS);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(onLaptop.closed).toBeNull();
    onLaptop.close();
  });

  it("logout-everywhere closes every socket of that person, in every pair", async () => {
    const f = await activePair();
    const phone = await signInAgain(f.mentor.email);
    const sockets = [await connect(f.mentor.client, f.pairId), await connect(phone, f.pairId)];
    const start = Date.now();
    expect((await phone.post("/auth/logout-everywhere")).status).toBe(204);
    for (const socket of sockets) {
      const closed = await closedWithin(socket, start);
      expect(closed.code).toBe(CLOSE.sessionRevoked);
      expect(closed.ms).toBeLessThan(REVOCATION_DEADLINE_MS);
    }
  });

  it("a password change closes the other sessions' sockets and keeps this one's", async () => {
    const f = await activePair();
    const phone = await signInAgain(f.mentee.email);
    const onPhone = await connect(phone, f.pairId);
    const here = await connect(f.mentee.client, f.pairId);
    const start = Date.now();
    expect((await f.mentee.client.post("/me/password", { currentPassword: PASSWORD, newPassword: "quiet lantern orchard 42" })).status).toBe(204);
    const closed = await closedWithin(onPhone, start);
    expect(closed.code).toBe(CLOSE.sessionRevoked);
    expect(closed.ms).toBeLessThan(REVOCATION_DEADLINE_MS);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(here.closed).toBeNull();
    here.close();
  });

  it("account deletion closes the person's sockets with 4001 within 2 seconds and ends the pair for the other", async () => {
    const f = await activePair();
    const mine = await connect(f.mentor.client, f.pairId);
    const theirs = await connect(f.mentee.client, f.pairId);
    const start = Date.now();
    expect((await f.mentor.client.fetch("DELETE", "/me", { password: PASSWORD })).status).toBe(204);
    const closed = await closedWithin(mine, start);
    expect(closed.code).toBe(CLOSE.sessionRevoked);
    expect(closed.ms).toBeLessThan(REVOCATION_DEADLINE_MS);
    await theirs.waitFor("status", (frame) => frame.status === "ended");
    const detail = await f.mentee.client.get(`/pairs/${f.pairId}`);
    expect(detail.json.pair.status).toBe("ended");
    expect(detail.json.pair.endReason).toBe("account_deleted");
    expect(detail.json.other.deleted).toBe(true);
    expect(detail.json.other.displayName).toBe("Deleted member");
    theirs.close();
  });

  it("a revoked session cannot open a socket, even while an isolate still has it cached", async () => {
    const f = await activePair();
    const copy = new TestClient();
    copy.cookie = f.mentee.client.cookie;
    expect((await copy.get("/me")).status).toBe(200); // now cached in this isolate
    // Revoked behind the cache's back, as another isolate would.
    await env.DB.prepare("DELETE FROM sessions WHERE user_id = ?1").bind(f.mentee.user.id).run();
    const headers = new Headers({ Upgrade: "websocket", Origin: ORIGIN, Cookie: copy.cookie! });
    const res = await (await import("cloudflare:workers")).exports.default.fetch(new Request(`${ORIGIN}/api/pairs/${f.pairId}/ws`, { headers }));
    expect(res.status).toBe(401);
  });
});

describe("export of a pair space", () => {
  it("streams a space of 10,000 messages in under 5 seconds, in many small chunks", async () => {
    const f = await activePair();
    const stub = pairRoom(env, f.pairId);
    await runInDurableObject(stub, (_instance, state) => {
      const now = Date.now();
      for (let seq = 1; seq <= 10_000; seq++) {
        state.storage.sql.exec(
          "INSERT INTO messages (seq, client_id, sender_id, body, sent_at) VALUES (?, ?, ?, ?, ?)",
          seq,
          `c${seq}`,
          seq % 2 ? f.mentor.user.id : f.mentee.user.id,
          `Message number ${seq}: ${"a thoughtful reply about goals and next steps ".repeat(4)}`,
          now - (10_000 - seq) * 1000,
        );
      }
    });
    const started = Date.now();
    const res = await f.mentee.client.fetch("GET", "/me/export", undefined, { raw: undefined });
    const elapsed = Date.now() - started;
    expect(res.status).toBe(200);
    expect(elapsed).toBeLessThan(5000);
    const data = JSON.parse(res.text);
    const space = data.pairs[0].space;
    expect(space.messages).toHaveLength(10_000);
    expect(space.messages[9_999].seq).toBe(10_000);
    expect(space.steps.length).toBeGreaterThan(0);
    for (const part of ["members", "posts", "comments", "checkins", "readCursors"]) expect(space, part).toHaveProperty(part);
    console.log(`export of 10,000 messages: ${elapsed} ms, ${(res.text.length / 1e6).toFixed(1)} MB`);
  });

  it("is never built whole: the body arrives as a stream of chunks far smaller than the file", async () => {
    const f = await activePair();
    await runInDurableObject(pairRoom(env, f.pairId), (_instance, state) => {
      for (let seq = 1; seq <= 3_000; seq++) {
        state.storage.sql.exec(
          "INSERT INTO messages (seq, client_id, sender_id, body, sent_at) VALUES (?, ?, ?, ?, ?)",
          seq,
          `c${seq}`,
          f.mentor.user.id,
          "x".repeat(400),
          seq,
        );
      }
    });
    const headers = new Headers({ Cookie: f.mentor.client.cookie! });
    const res = await (await import("cloudflare:workers")).exports.default.fetch(new Request(`${ORIGIN}/api/me/export`, { headers }));
    const reader = res.body!.getReader();
    let chunks = 0;
    let largest = 0;
    let total = 0;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      chunks++;
      largest = Math.max(largest, value.byteLength);
      total += value.byteLength;
    }
    expect(total).toBeGreaterThan(1_200_000);
    expect(chunks).toBeGreaterThan(5);
    expect(largest).toBeLessThan(total / 4);
  });

  it("holds only what the person can read: another pair's space is not in it", async () => {
    const f = await activePair();
    const mentorSocket = await connect(f.mentor.client, f.pairId);
    mentorSocket.send({ type: "send", clientId: "m1", body: "A message in our pair" });
    await mentorSocket.waitFor("ack");
    mentorSocket.close();
    const outsider = await f.outsider.client.get("/me/export");
    expect(outsider.status).toBe(200);
    expect(outsider.text).not.toContain("A message in our pair");
    expect(JSON.parse(outsider.text).pairs).toEqual([]);
  });
});

describe("account deletion erases the person everywhere", () => {
  it("after using every feature, nothing of them is left in any D1 table or pair room, outside the documented retention", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    const name = `Zephyrine Quillfeather ${tag}`;
    const phrase = `marmalade-orbit-${tag}`;
    const f = await programWithApplicants(2);
    // The person: a member of the group who also owns (then hands over) a group of their own.
    const person = await signUp("zephyrine", { displayName: name });
    const { email } = person;
    const userId = person.user.id;
    await joinGroup(f.admin, f.groupId, person);
    const own = await person.client.post("/groups", { name: `Group of ${tag}`, description: phrase, focus: "other" });
    await joinGroup(person, own.json.group.id, f.member);
    await person.client.patch(`/groups/${own.json.group.id}/members/${f.member.user.id}`, { role: "owner" });
    await person.client.post(`/groups/${own.json.group.id}/invites`, {});
    // Applies as a mentee and is paired with the mentor; a second program where they apply only.
    await apply(person, f.programId, "mentee", { answers: {} });
    const pair = await pairUp(f.admin, f.programId, f.mentor, person);
    const second = await createProgram(f.admin, f.groupId, "skill-development");
    await apply(person, second.programId, "mentor", { capacity: 1 });
    // Uses the pair space: messages, a read cursor, a post, comments both ways, a check-in, a step.
    const socket = await connect(person.client, pair.id);
    socket.send({ type: "send", clientId: "p1", body: `Hello, ${phrase}` });
    await socket.waitFor("ack");
    const mentorSocket = await connect(f.mentor.client, pair.id);
    mentorSocket.send({ type: "send", clientId: "m1", body: "Welcome! Tell me your goals." });
    await mentorSocket.waitFor("ack");
    socket.send({ type: "read", seq: 2 });
    const post = await person.client.post(`/pairs/${pair.id}/posts`, { clientId: "post1", title: `Post ${phrase}`, body: phrase });
    await f.mentor.client.post(`/pairs/${pair.id}/posts/${post.json.post.id}/comments`, { clientId: "mc1", body: "Nice find." });
    const mentorPost = await f.mentor.client.post(`/pairs/${pair.id}/posts`, { clientId: "mpost", title: "Reading list", body: "Three books." });
    await person.client.post(`/pairs/${pair.id}/posts/${mentorPost.json.post.id}/comments`, { clientId: "pc1", body: `Comment ${phrase}` });
    await person.client.post(`/pairs/${pair.id}/checkins`, { clientId: "ci1", mood: 4, note: `Check-in ${phrase}` });
    const steps = (await person.client.get(`/pairs/${pair.id}`)).json.room.steps;
    await person.client.put(`/pairs/${pair.id}/steps/${steps[0].id}`, { done: true });
    // Safety: reports both ways (the mentor reports one of their messages), and a block of a third member.
    await person.client.post("/reports", { pairId: pair.id, seq: 2, reason: "test report by them" });
    await f.mentor.client.post("/reports", { pairId: pair.id, seq: 1, reason: "test report about them" });
    await person.client.post(`/users/${f.outsider.user.id}/block`).catch(() => undefined);
    await person.client.post(`/users/${f.member.user.id}/block`);
    await person.client.get("/me/export");
    socket.close();
    mentorSocket.close();
    // Two notifications that failed their last attempt: one to them, one to the mentor naming them.
    const deadLetters = createMessageBatch("mentorship-notifications-dlq", [
      {
        id: `dead-to-${tag}`,
        timestamp: new Date(),
        attempts: 1,
        body: { message: { type: "security_email", id: "s1", userId, to: email, template: "password_reset", data: {} }, errors: ["down"] },
      },
      {
        id: `dead-about-${tag}`,
        timestamp: new Date(),
        attempts: 1,
        body: { message: { type: "notification", id: "n1", userId: f.mentor.user.id, kind: "messages_waiting", data: { fromName: name } }, errors: ["down"] },
      },
    ]);
    await handleDeadLetters(deadLetters, env);

    expect((await person.client.fetch("DELETE", "/me", { password: PASSWORD })).status).toBe(204);
    // The outbox has delivered every effect (the erasure included) once it is empty.
    for (let i = 0; i < 50; i++) {
      const left = await env.DB.prepare("SELECT COUNT(*) AS n FROM room_outbox").first<{ n: number }>();
      if (left!.n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const needles = [userId, email, name, phrase];
    const found: string[] = [];
    const { results: tables } = await env.DB.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'",
    ).all<{ name: string }>();
    for (const { name: table } of tables) {
      const { results: rows } = await env.DB.prepare(`SELECT * FROM "${table}"`).all<Record<string, unknown>>();
      for (const row of rows) {
        const text = JSON.stringify(row);
        for (const needle of needles) {
          if (!text.includes(needle)) continue;
          // Documented retention: the report about them keeps the copied message until its purge date.
          const retained =
            (table === "reports" && row.reason === "test report about them" && typeof row.purge_after === "number" && needle === phrase) ||
            // A group they created and handed over belongs to its remaining owners, description included.
            (table === "groups" && row.created_by === null && needle === phrase);
          if (!retained) found.push(`D1 ${table}: ${needle} in ${text.slice(0, 200)}`);
        }
      }
    }
    await runInDurableObject(pairRoom(env, pair.id), (_instance, state) => {
      const roomTables = state.storage.sql
        .exec<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'")
        .toArray();
      for (const { name: table } of roomTables) {
        for (const row of state.storage.sql.exec(`SELECT * FROM "${table}"`).toArray()) {
          const text = JSON.stringify(row);
          for (const needle of needles) if (text.includes(needle)) found.push(`room ${table}: ${needle} in ${text.slice(0, 200)}`);
        }
      }
      // The other person's content stays.
      expect(state.storage.sql.exec("SELECT COUNT(*) AS n FROM messages").one().n).toBe(1);
    });
    expect(found).toEqual([]);
    // The mentor's dead letter stays for the operator, with the placeholder's name.
    const kept = await env.DB.prepare("SELECT body FROM notification_dead_letters WHERE id = ?1").bind(`dead-about-${tag}`).first<{ body: string }>();
    expect(kept?.body).toContain("Deleted member");

    // The retained reports: the one they filed is kept without their identity; the one about them until its purge date.
    const reports = await env.DB.prepare("SELECT reason, reporter_id, reported_id, purge_after FROM reports WHERE pair_id = ?1 ORDER BY reason")
      .bind(pair.id)
      .all<Record<string, unknown>>();
    expect(reports.results).toHaveLength(2);
    const about = reports.results.find((r) => r.reason === "test report about them")!;
    expect(String(about.reported_id)).toMatch(/^deleted-/);
    expect(Number(about.purge_after)).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    const filed = reports.results.find((r) => r.reason === "test report by them")!;
    expect(String(filed.reporter_id)).toMatch(/^deleted-/);
    // The mentor still reads the space, without anything the person wrote.
    const detail = await f.mentor.client.get(`/pairs/${pair.id}`);
    expect(detail.status).toBe(200);
    expect(detail.json.other.deleted).toBe(true);
    const history = await f.mentor.client.get(`/pairs/${pair.id}/messages`);
    expect(JSON.stringify(history.json)).not.toContain(phrase);
    expect(history.json.messages).toHaveLength(1);
    const posts = await f.mentor.client.get(`/pairs/${pair.id}/posts`);
    expect(posts.json.posts.map((p: { title: string }) => p.title)).toEqual(["Reading list"]);
    expect(posts.json.posts[0].comments).toEqual([]);
  });
});
