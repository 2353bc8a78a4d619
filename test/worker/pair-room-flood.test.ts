// The pair room's own limits (issue 13, worker/pair-room/flood-guard.ts): at most 8 sockets per person
// per pair, typing and read frames coalesced (the latest state wins), read cursors written at most once
// a second. The partner's latency during a flood is measured against the real wrangler dev in
// test/faults/flood.test.ts (workerd's clock only moves on I/O, so it cannot time a round trip here).
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { CLOSE } from "../../shared/protocol.ts";
import { ROOM_LIMITS } from "../../shared/rules/write-limits.ts";
import { pairUp, programWithApplicants } from "./helpers.ts";
import { connect, type RoomSocket } from "./socket.ts";

async function pairedRoom() {
  const f = await programWithApplicants();
  const pair = await pairUp(f.admin, f.programId, f.mentor, f.mentee);
  return { ...f, pairId: pair.id, stub: env.PAIR_ROOM.get(env.PAIR_ROOM.idFromName(pair.id)) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the room's flood guard", () => {
  it(`a ${ROOM_LIMITS.socketsPerPerson + 1}th socket of one person closes their oldest with ${CLOSE.tooManySockets}; the partner's stays open`, async () => {
    const r = await pairedRoom();
    const partner = await connect(r.mentee.client, r.pairId);
    const sockets: RoomSocket[] = [];
    for (let i = 0; i < ROOM_LIMITS.socketsPerPerson; i++) sockets.push(await connect(r.mentor.client, r.pairId));
    await sleep(50);
    expect(sockets.every((s) => s.closed === null)).toBe(true);
    const ninth = await connect(r.mentor.client, r.pairId);
    const closed = await sockets[0]!.waitForClose(2000);
    expect(closed.code).toBe(CLOSE.tooManySockets);
    expect(sockets[0]!.of("error").at(-1)).toMatchObject({ code: "rate_limited" });
    await sleep(50);
    expect(sockets.slice(1).every((s) => s.closed === null)).toBe(true);
    expect(ninth.closed).toBeNull();
    expect(partner.closed).toBeNull();
    // The newest still works.
    ninth.send({ type: "send", clientId: "after-cap", body: "still here" });
    await partner.waitFor("message", (m) => m.clientId === "after-cap");
    for (const s of [...sockets, ninth, partner]) s.close();
  });

  it("500 typing frames reach the partner as a few, and the last state wins", async () => {
    const r = await pairedRoom();
    const flooder = await connect(r.mentor.client, r.pairId);
    const partner = await connect(r.mentee.client, r.pairId);
    const started = Date.now();
    for (let i = 0; i < 500; i++) flooder.send({ type: "typing", typing: i % 2 === 0 });
    flooder.send({ type: "typing", typing: true });
    // Frames of one socket are handled in order: once this message is through, so is every typing frame.
    flooder.send({ type: "send", clientId: "marker", body: "done" });
    await partner.waitFor("message", (m) => m.clientId === "marker", 10_000);
    await sleep(ROOM_LIMITS.signalIntervalMs * 2 + 100);
    const relayed = partner.of("typing");
    const elapsed = Date.now() - started;
    expect(relayed.length).toBeLessThanOrEqual(Math.ceil(elapsed / ROOM_LIMITS.signalIntervalMs) + 1);
    expect(relayed.at(-1)).toMatchObject({ userId: r.mentor.user.id, typing: true });
    flooder.close();
    partner.close();
  });

  it("500 read frames: a few receipts, cursor writes at most once a second, and the highest cursor is stored", async () => {
    const r = await pairedRoom();
    for (let i = 1; i <= 20; i++) await r.stub.sendMessage(r.mentee.user.id, `m${i}`, `message ${i}`);
    const flooder = await connect(r.mentor.client, r.pairId);
    const partner = await connect(r.mentee.client, r.pairId);
    let writes = 0;
    await runInDurableObject(r.stub, (instance) => {
      const chat = (instance as unknown as { chat: { markRead: (...args: unknown[]) => number } }).chat;
      const original = chat.markRead.bind(chat);
      chat.markRead = (...args: unknown[]) => {
        writes++;
        return original(...args);
      };
    });
    const started = Date.now();
    for (let i = 0; i < 500; i++) flooder.send({ type: "read", seq: Math.min(20, 1 + Math.floor(i / 25)) });
    await partner.waitFor("read", (f) => f.seq === 20, 10_000);
    await sleep(ROOM_LIMITS.readCursorWriteMs + 200);
    const elapsed = Date.now() - started;
    expect(writes).toBeLessThanOrEqual(Math.ceil(elapsed / ROOM_LIMITS.readCursorWriteMs) + 1);
    expect(partner.of("read").length).toBeLessThanOrEqual(Math.ceil(elapsed / ROOM_LIMITS.signalIntervalMs) + 2);
    const detail = await r.mentee.client.get(`/pairs/${r.pairId}`);
    expect(detail.json.room.readCursors[r.mentor.user.id]).toBe(20);
    flooder.close();
    partner.close();
  });

  it("typing is not relayed after the end, and reads still are", async () => {
    const r = await pairedRoom();
    const flooder = await connect(r.mentor.client, r.pairId);
    const partner = await connect(r.mentee.client, r.pairId);
    await r.mentee.client.post(`/pairs/${r.pairId}/end`, { outcome: "completed" });
    await flooder.waitFor("status", (f) => f.status === "completed");
    flooder.send({ type: "typing", typing: true });
    flooder.send({ type: "read", seq: 0 });
    await partner.waitFor("read", (f) => f.userId === r.mentor.user.id);
    expect(partner.of("typing")).toEqual([]);
    flooder.close();
    partner.close();
  });
});
