// The pair room's authorization matrix: only the mentor and the mentee ever get a pair's content.
// Group admins, members of another pair, other members and anonymous visitors get 401/404 exactly as
// if the pair did not exist; a blocked person is refused the socket and every write.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { TestClient, apply, joinGroup, leftAsItWas, pairUp, person, programWithApplicants } from "./helpers.ts";
import { connect, openSocket } from "./socket.ts";

type Role = "anonymous" | "member" | "admin" | "owner" | "otherPair" | "mentor" | "mentee" | "blocked";
const ROLES: Role[] = ["anonymous", "member", "admin", "owner", "otherPair", "mentor", "mentee", "blocked"];

async function fixture() {
  const f = await programWithApplicants(2);
  const pair = await pairUp(f.admin, f.programId, f.mentor, f.mentee);
  // A second pair in the same program: its mentee must see nothing of the first.
  const otherMentee = await person("other-mentee");
  await joinGroup(f.admin, f.groupId, otherMentee);
  await apply(otherMentee, f.programId, "mentee");
  await pairUp(f.admin, f.programId, f.mentor, otherMentee);
  const stub = env.PAIR_ROOM.get(env.PAIR_ROOM.idFromName(pair.id));
  await stub.sendMessage(f.mentor.user.id, "m1", "private words");
  const post = await f.mentee.client.post(`/pairs/${pair.id}/posts`, { clientId: "p1", title: "private post" });
  return { ...f, pairId: pair.id, postId: post.json.post.id as string, otherMentee, stub };
}

type Fixture = Awaited<ReturnType<typeof fixture>>;

/**
 * "blocked" is the mentor after the mentee has blocked them: still one of the pair, cut off. It is the
 * last role of every cell, because the block changes the fixture.
 */
async function clientFor(role: Role, f: Fixture): Promise<TestClient> {
  switch (role) {
    case "anonymous":
      return new TestClient();
    case "otherPair":
      return f.otherMentee.client;
    case "blocked":
      await f.mentee.client.post(`/users/${f.mentor.user.id}/block`);
      return f.mentor.client;
    default:
      return f[role].client;
  }
}

const CONTENT_READS: { route: string; call: (c: TestClient, f: Fixture) => Promise<{ status: number; text: string }> }[] = [
  { route: "GET /pairs/:id", call: (c, f) => c.get(`/pairs/${f.pairId}`) },
  { route: "GET /pairs/:id/messages", call: (c, f) => c.get(`/pairs/${f.pairId}/messages`) },
  { route: "GET /pairs/:id/posts", call: (c, f) => c.get(`/pairs/${f.pairId}/posts`) },
];

const READ_EXPECT: Record<Role, number> = { anonymous: 401, member: 404, admin: 404, owner: 404, otherPair: 404, mentor: 200, mentee: 200, blocked: 200 };

const WRITES: { route: string; call: (c: TestClient, f: Fixture) => Promise<{ status: number }>; ok: number }[] = [
  { route: "POST /pairs/:id/posts", call: (c, f) => c.post(`/pairs/${f.pairId}/posts`, { clientId: crypto.randomUUID(), title: "t" }), ok: 201 },
  {
    route: "POST /pairs/:id/posts/:post/comments",
    call: (c, f) => c.post(`/pairs/${f.pairId}/posts/${f.postId}/comments`, { clientId: crypto.randomUUID(), body: "b" }),
    ok: 201,
  },
  { route: "PUT /pairs/:id/steps/:step", call: (c, f) => c.put(`/pairs/${f.pairId}/steps/week-1`, { done: true }), ok: 200 },
  {
    route: "PUT /pairs/:id/steps/:step/activities/:a",
    call: async (c, f) => {
      const steps = (await f.mentor.client.get(`/pairs/${f.pairId}`)).json?.room?.steps ?? [{ activities: [{ id: "x" }] }];
      return c.put(`/pairs/${f.pairId}/steps/week-1/activities/${steps[0].activities[0].id}`, { done: true });
    },
    ok: 200,
  },
  { route: "POST /pairs/:id/checkins", call: (c, f) => c.post(`/pairs/${f.pairId}/checkins`, { clientId: crypto.randomUUID(), mood: 3 }), ok: 201 },
  { route: "POST /reports (message)", call: (c, f) => c.post("/reports", { pairId: f.pairId, seq: 1, reason: "r" }), ok: 201 },
];

describe("authorization matrix: the pair room", () => {
  for (const read of CONTENT_READS) {
    it(read.route, async () => {
      let f: Fixture | null = null;
      for (const role of ROLES) {
        f ??= await fixture();
        const res = await read.call(await clientFor(role, f), f);
        expect(res.status, `${read.route} as ${role}`).toBe(READ_EXPECT[role]);
        if (res.status !== 200) expect(res.text).not.toContain("private");
        if (!leftAsItWas(read.route, res.status)) f = null;
      }
    });
  }

  for (const write of WRITES) {
    it(write.route, async () => {
      let f: Fixture | null = null;
      for (const role of ROLES) {
        f ??= await fixture();
        const res = await write.call(await clientFor(role, f), f);
        // The mentor reports their own message (seq 1): 422 own_message; the blocked mentor may still report nothing new.
        let expected: number;
        if (role === "anonymous") expected = 401;
        else if (role === "mentor" || role === "mentee") expected = write.route.startsWith("POST /reports") && role === "mentor" ? 422 : write.ok;
        else if (role === "blocked") expected = write.route.startsWith("POST /reports") ? 422 : 409;
        else expected = 404;
        expect(res.status, `${write.route} as ${role}`).toBe(expected);
        if (!leftAsItWas(write.route, res.status)) f = null;
      }
    });
  }

  it("GET /pairs/:id/ws", async () => {
    const expected: Record<Role, number> = { anonymous: 401, member: 404, admin: 404, owner: 404, otherPair: 404, mentor: 101, mentee: 101, blocked: 403 };
    let f: Fixture | null = null;
    for (const role of ROLES) {
      f ??= await fixture();
      const opened = await openSocket(await clientFor(role, f), f.pairId);
      expect(opened.status, `ws as ${role}`).toBe(expected[role]);
      expect(opened.body).not.toContain("private");
      opened.socket?.close();
      if (!leftAsItWas("GET /pairs/:id/ws", opened.status)) f = null;
    }
  });

  it("GET /pairs/:id/ws from a foreign Origin gets 403 even for the pair", async () => {
    const f = await fixture();
    const opened = await openSocket(f.mentor.client, f.pairId, { origin: "https://evil.example" });
    expect(opened.status).toBe(403);
  });

  it("GET /programs/:id/dashboard: admins only, and it holds no content", async () => {
    const expected: Record<Role, number> = { anonymous: 401, member: 403, admin: 200, owner: 200, otherPair: 403, mentor: 403, mentee: 403, blocked: 403 };
    let f: Fixture | null = null;
    for (const role of ROLES) {
      f ??= await fixture();
      const res = await (await clientFor(role, f)).get(`/programs/${f.programId}/dashboard`);
      expect(res.status, `dashboard as ${role}`).toBe(expected[role]);
      expect(res.text).not.toContain("private");
      if (!leftAsItWas("GET /programs/:id/dashboard", res.status)) f = null;
    }
  });

  it("every socket frame type, for the mentor and the mentee, and for the blocker once blocked", async () => {
    const f = await fixture();
    const mentor = await connect(f.mentor.client, f.pairId);
    const mentee = await connect(f.mentee.client, f.pairId);
    // send → ack + message to both
    mentor.send({ type: "send", clientId: "x1", body: "hello" });
    await mentee.waitFor("message", (m) => m.clientId === "x1");
    expect((await mentor.waitFor("ack", (a) => a.clientId === "x1")).seq).toBe(2);
    mentee.send({ type: "send", clientId: "y1", body: "hi" });
    await mentor.waitFor("message", (m) => m.clientId === "y1");
    // typing → the other
    mentor.send({ type: "typing", typing: true });
    await mentee.waitFor("typing", (t) => t.userId === f.mentor.user.id);
    mentee.send({ type: "typing", typing: true });
    await mentor.waitFor("typing", (t) => t.userId === f.mentee.user.id);
    // read → both
    mentee.send({ type: "read", seq: 2 });
    await mentor.waitFor("read", (r) => r.userId === f.mentee.user.id);
    mentor.send({ type: "read", seq: 3 });
    await mentee.waitFor("read", (r) => r.userId === f.mentor.user.id);
    // ping → pong
    mentor.send({ type: "ping" });
    mentee.send({ type: "ping" });
    await mentor.waitFor("pong");
    await mentee.waitFor("pong");

    // After the mentee blocks the mentor: the mentor's socket is gone; the mentee can read but not send.
    await f.mentee.client.post(`/users/${f.mentor.user.id}/block`);
    await mentor.waitForClose();
    mentee.send({ type: "send", clientId: "y2", body: "after" });
    expect((await mentee.waitFor("error", (e) => e.clientId === "y2")).code).toBe("blocked");
    const typingBefore = mentee.of("typing").length;
    mentee.send({ type: "typing", typing: true });
    mentee.send({ type: "ping" });
    await mentee.waitFor("pong", () => mentee.of("pong").length === 2);
    expect(mentee.of("typing").length).toBe(typingBefore);
  });
});
