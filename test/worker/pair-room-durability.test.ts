import { evictDurableObject, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { PING_FRAME, PONG_FRAME, RATE_LIMIT } from "../../shared/protocol.ts";
import { pairUp, programWithApplicants } from "./helpers.ts";
import { connect } from "./socket.ts";

async function pairedRoom() {
  const f = await programWithApplicants();
  const pair = await pairUp(f.admin, f.programId, f.mentor, f.mentee);
  return { ...f, pairId: pair.id, stub: env.PAIR_ROOM.get(env.PAIR_ROOM.idFromName(pair.id)) };
}

describe("hibernation", () => {
  it("answers the heartbeat without waking a hibernated room", async () => {
    const r = await pairedRoom();
    const mentor = await connect(r.mentor.client, r.pairId);
    await evictDurableObject(r.stub, { webSockets: "hibernate" });
    for (let i = 0; i < 5; i++) mentor.ws.send(PING_FRAME);
    await waitUntil(() => mentor.of("pong").length === 5);
    // Evicting only succeeds on a running object: the pings did not wake it.
    await expect(evictDurableObject(r.stub)).rejects.toThrow();
    expect(mentor.closed).toBeNull();
    expect(PONG_FRAME).toBe(JSON.stringify({ type: "pong" }));
  });

  it("keeps sockets open across an eviction: a send on the same socket is stored, acked and delivered", async () => {
    const r = await pairedRoom();
    const mentor = await connect(r.mentor.client, r.pairId);
    const mentee = await connect(r.mentee.client, r.pairId);
    mentor.send({ type: "send", clientId: "before", body: "before the eviction" });
    await mentee.waitFor("message", (m) => m.clientId === "before");
    await evictDurableObject(r.stub, { webSockets: "hibernate" });

    mentor.send({ type: "send", clientId: "after", body: "after the eviction" });
    const ack = await mentor.waitFor("ack", (a) => a.clientId === "after");
    expect(ack.seq).toBe(2);
    const delivered = await mentee.waitFor("message", (m) => m.clientId === "after");
    expect(delivered).toMatchObject({ seq: 2, body: "after the eviction", senderId: r.mentor.user.id });
    await runInDurableObject(r.stub, (_instance, state) => {
      expect(
        state.storage.sql
          .exec("SELECT body FROM messages ORDER BY seq")
          .toArray()
          .map((row) => row.body),
      ).toEqual(["before the eviction", "after the eviction"]);
    });
    expect(mentor.closed).toBeNull();
    expect(mentee.closed).toBeNull();
  });

  it("keeps the chat rate limit across an eviction, with the partner's messages stored after the sender's", async () => {
    const r = await pairedRoom();
    const mentor = await connect(r.mentor.client, r.pairId);
    const mentee = await connect(r.mentee.client, r.pairId);
    const sent = RATE_LIMIT.messages - 5;
    for (let i = 1; i <= sent; i++) mentor.send({ type: "send", clientId: `m-${i}`, body: `mentor ${i}` });
    await mentor.waitFor("ack", (a) => a.clientId === `m-${sent}`);
    for (let i = 1; i <= 10; i++) mentee.send({ type: "send", clientId: `e-${i}`, body: `mentee ${i}` });
    await mentee.waitFor("ack", (a) => a.clientId === "e-10");
    await evictDurableObject(r.stub, { webSockets: "hibernate" });

    // The woken room rebuilds the mentor's window from storage: 5 more fit, the next 3 do not.
    for (let i = sent + 1; i <= sent + 8; i++) mentor.send({ type: "send", clientId: `m-${i}`, body: `mentor ${i}` });
    await mentor.waitFor("error", (e) => e.clientId === `m-${sent + 8}`);
    expect(mentor.of("ack")).toHaveLength(RATE_LIMIT.messages);
    expect(mentor.of("error").map((e) => [e.code, e.clientId])).toEqual([6, 7, 8].map((i) => ["rate_limited", `m-${sent + i}`]));
    // The mentee's own window is theirs alone.
    mentee.send({ type: "send", clientId: "e-11", body: "mentee 11" });
    expect((await mentee.waitFor("ack", (a) => a.clientId === "e-11")).seq).toBe(RATE_LIMIT.messages + 11);
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("the room's own migrations", () => {
  it("refuse a history whose applied order differs from the code's, and apply only what is new", async () => {
    const { runRoomMigrations } = await import("../../worker/pair-room/migrations.ts");
    const stub = env.PAIR_ROOM.get(env.PAIR_ROOM.idFromName(crypto.randomUUID()));
    await runInDurableObject(stub, (_instance, state) => {
      const sql = state.storage.sql;
      const ids = () =>
        sql
          .exec<{ id: string }>("SELECT id FROM _migrations ORDER BY rowid")
          .toArray()
          .map((row) => row.id);
      const before = ids();
      expect(before.length).toBeGreaterThan(1);
      // A new migration appended to the code runs once.
      const next = [...before.map((id) => ({ id, sql: "SELECT 1" })), { id: "999_test_table", sql: "CREATE TABLE test_only (x INTEGER)" }];
      runRoomMigrations(sql, next);
      runRoomMigrations(sql, next);
      expect(ids()).toEqual([...before, "999_test_table"]);
      // The same entries in another order are refused, and nothing runs.
      const swapped = [next[1]!, next[0]!, ...next.slice(2)];
      expect(() => runRoomMigrations(sql, swapped)).toThrow(/differs from the code at position 1/);
      // A history that lost an entry in the code is refused too.
      expect(() => runRoomMigrations(sql, next.slice(1))).toThrow(/differs/);
    });
  });
});
