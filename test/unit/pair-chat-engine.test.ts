// The chat engine against a fake room over a link that loses, doubles and reorders frames: nothing typed
// is lost, nothing is stored or shown twice, each sender's order is kept, and both people end up holding
// exactly the room's history. Also: the outbox survives a reload, and the engine's own small rules.
import { afterEach, describe, expect, it, vi } from "vitest";
import { PONG_FRAME } from "../../shared/protocol-constants.ts";
import { MESSAGE_MAX_CHARS } from "../../shared/rules/limits.ts";
import { ChatEngine } from "../../web/src/lib/pair-chat/engine.ts";
import { memoryStorage, Outbox, outboxKey } from "../../web/src/lib/pair-chat/outbox.ts";
import { FakeClient, FakeNet, FakeRoom, NO_FAULTS, random } from "./pair-chat-fakes.ts";

afterEach(() => {
  vi.useRealTimers();
});

function converge(net: FakeNet, clients: FakeClient[]) {
  // The link heals: every client connects again and catches up, and its outbox drains.
  net.faults = NO_FAULTS;
  for (let round = 0; round < 20; round++) {
    for (const client of clients) client.connect();
    net.pump();
    if (clients.every((client) => client.online && client.engine.state.pending.length === 0)) return;
  }
  throw new Error(`did not converge: pending ${clients.map((c) => c.engine.state.pending.length)}`);
}

function expectConsistent(room: FakeRoom, clients: FakeClient[]) {
  // Stored once each, nothing lost, seqs without holes.
  const keys = room.messages.map((m) => `${m.senderId}/${m.clientId}`);
  expect(new Set(keys).size).toBe(keys.length);
  expect(room.messages.map((m) => m.seq)).toEqual(room.messages.map((_, i) => i + 1));
  for (const client of clients) {
    // Each sender's order is the order typed.
    expect(room.messages.filter((m) => m.senderId === client.userId).map((m) => m.body)).toEqual(client.produced);
    // Each client holds exactly the room's history, in seq order, each once.
    expect(client.engine.state.messages).toEqual(room.messages);
    expect(client.engine.state.pending).toEqual([]);
    expect(client.engine.cursor).toBe(room.lastSeq);
    // The outbox in storage is empty too.
    expect(client.storage.getItem(outboxKey("pair-1", client.userId))).toBeNull();
  }
}

describe.each([1, 2, 3, 4, 5, 6, 7, 8])("over a faulty link (seed %i)", (seed) => {
  it("loses, duplicates and reorders nothing that reaches the people", () => {
    const rand = random(seed);
    const room = new FakeRoom();
    const net = new FakeNet(rand);
    const clients = [new FakeClient("mentor", room, net), new FakeClient("mentee", room, net)];
    clients.forEach((client) => client.connect());
    net.pump();
    net.faults = { drop: 0.04, duplicate: 0.1, reorder: 0.15 };

    for (let i = 0; i < 300; i++) {
      const client = clients[Math.floor(rand() * 2)]!;
      client.write(`message ${i} from ${client.userId}`);
      // Some frames in flight, then a few steps of the network; now and then a client comes back.
      const steps = Math.floor(rand() * 6);
      for (let s = 0; s < steps; s++) net.step();
      for (const c of clients) if (!c.online && rand() < 0.3) c.connect();
      if (rand() < 0.02) clients[Math.floor(rand() * 2)]!.drop();
    }
    converge(net, clients);

    expect(net.counts.dropped).toBeGreaterThan(0);
    expect(net.counts.duplicated).toBeGreaterThan(0);
    expect(net.counts.reordered).toBeGreaterThan(0);
    expect(room.messages).toHaveLength(300);
    expectConsistent(room, clients);
  });
});

it("keeps the outbox across a reload and sends it, in order, once the room is reached", () => {
  const room = new FakeRoom();
  const net = new FakeNet(random(42));
  const storage = memoryStorage();
  // Typed while the room was unreachable, then the page was reloaded.
  const before = new FakeClient("mentee", room, net, storage);
  before.write("first");
  before.write("second");
  before.write("third");
  expect(before.engine.state.pending.map((item) => item.body)).toEqual(["first", "second", "third"]);
  before.engine.stop();

  const after = new FakeClient("mentee", room, net, storage);
  // Shown at once after the reload, before any connection.
  expect(after.engine.state.pending.map((item) => item.body)).toEqual(["first", "second", "third"]);
  after.produced.push("first", "second", "third");
  converge(net, [after]);
  expect(room.messages.map((m) => m.body)).toEqual(["first", "second", "third"]);
  expectConsistent(room, [after]);
});

it("after a reload, a message stored before its ack was lost is acknowledged with its seq, not stored again", () => {
  const room = new FakeRoom();
  const net = new FakeNet(random(7));
  const storage = memoryStorage();
  const before = new FakeClient("mentor", room, net, storage);
  before.connect();
  net.pump();
  before.write("hello");
  net.step(); // The send reaches the room and is stored...
  expect(room.messages).toHaveLength(1);
  before.engine.stop(); // ...and the page is reloaded before the ack arrives.

  const after = new FakeClient("mentor", room, net, storage);
  after.produced.push("hello");
  expect(after.engine.state.pending.map((item) => item.body)).toEqual(["hello"]);
  converge(net, [after]);
  expect(room.messages).toHaveLength(1);
  expectConsistent(room, [after]);
});

it("shows the pending items of another tab of the same person when storage says they changed", () => {
  const room = new FakeRoom();
  const net = new FakeNet(random(3));
  const storage = memoryStorage();
  const tab1 = new FakeClient("mentor", room, net, storage);
  const tab2 = new FakeClient("mentor", room, net, storage);
  tab1.write("from tab one");
  expect(tab2.engine.state.pending).toEqual([]);
  tab2.engine.outboxChanged();
  expect(tab2.engine.state.pending.map((item) => item.body)).toEqual(["from tab one"]);
});

describe("sending", () => {
  const engine = () =>
    new ChatEngine({
      userId: "me",
      initial: { messages: [], hasMore: false, room: { status: "active", blocked: false, readCursors: {} } },
      outbox: new Outbox("outbox:test", memoryStorage()),
    });

  it("refuses an empty message and one over the limit, and trims what it keeps", () => {
    const chat = engine();
    expect(chat.send("   ")).toEqual({ ok: false, reason: "empty" });
    expect(chat.send("x".repeat(MESSAGE_MAX_CHARS + 1))).toEqual({ ok: false, reason: "too_long" });
    // Within the character limit, but over the frame's byte limit once escaped in JSON.
    expect(chat.send("\u0001".repeat(MESSAGE_MAX_CHARS - 1))).toEqual({ ok: false, reason: "too_long" });
    expect(chat.send("  hi  ").ok).toBe(true);
    expect(chat.state.pending.map((item) => item.body)).toEqual(["hi"]);
  });

  it("writes nothing before the room has said `synced`, then sends the outbox in order", () => {
    const chat = engine();
    const written: string[] = [];
    chat.send("one");
    chat.send("two");
    chat.opened((text) => (written.push(text), true));
    chat.received(JSON.stringify({ type: "hello", userId: "me", status: "active", lastSeq: 0, online: ["me"], readCursors: {}, blocked: false }));
    expect(written).toEqual([]);
    chat.received(JSON.stringify({ type: "synced", lastSeq: 0 }));
    expect(written.map((text) => JSON.parse(text).body)).toEqual(["one", "two"]);
    expect(chat.state.connection).toBe("live");
  });

  it("keeps a rate-limited message and tries it again a few seconds later", () => {
    vi.useFakeTimers();
    const chat = engine();
    const written: string[] = [];
    chat.opened((text) => (written.push(text), true));
    chat.received(JSON.stringify({ type: "synced", lastSeq: 0 }));
    const sent = chat.send("too fast");
    if (!sent.ok) throw new Error("not sent");
    chat.received(JSON.stringify({ type: "error", code: "rate_limited", message: "Slow down", clientId: sent.clientId }));
    expect(chat.state.pending).toHaveLength(1);
    expect(chat.state.pending[0]!.failed).toBeUndefined();
    vi.advanceTimersByTime(3_000);
    expect(written.filter((text) => text.includes("too fast"))).toHaveLength(2);
  });

  it("marks a message refused because the pair ended as failed, and sends it again only when asked", () => {
    const chat = engine();
    const written: string[] = [];
    chat.opened((text) => (written.push(text), true));
    chat.received(JSON.stringify({ type: "synced", lastSeq: 0 }));
    const sent = chat.send("late");
    if (!sent.ok) throw new Error("not sent");
    chat.received(JSON.stringify({ type: "error", code: "pair_ended", message: "Ended", clientId: sent.clientId }));
    expect(chat.state.pending[0]!.failed).toBe("pair_ended");
    chat.received(JSON.stringify({ type: "synced", lastSeq: 0 }));
    expect(written).toHaveLength(1);
    chat.retry(sent.clientId);
    expect(written).toHaveLength(2);
    chat.discard(sent.clientId);
    expect(chat.state.pending).toEqual([]);
  });

  it("ignores malformed frames and treats the heartbeat's answer as a sign of life only", () => {
    const chat = engine();
    const changes: unknown[] = [];
    const frames: unknown[] = [];
    chat.subscribe((patch) => changes.push(patch));
    chat.onFrame((frame) => frames.push(frame));
    chat.received("not json");
    chat.received(JSON.stringify({ type: "message", seq: "1", clientId: "c", senderId: "x", body: "b", sentAt: 1 }));
    chat.received(JSON.stringify({ type: "unknown" }));
    chat.received(new ArrayBuffer(4));
    const before = chat.lastFrameAt;
    chat.received(PONG_FRAME);
    expect(chat.lastFrameAt).toBeGreaterThanOrEqual(before);
    expect(changes).toEqual([]);
    expect(frames).toEqual([]);
  });

  it("moves the read cursor forward only, once live", () => {
    const chat = engine();
    const written: string[] = [];
    chat.opened((text) => (written.push(text), true));
    chat.markRead(3);
    expect(written).toEqual([]);
    chat.received(JSON.stringify({ type: "synced", lastSeq: 5 }));
    chat.markRead(3);
    chat.markRead(2);
    chat.markRead(5);
    expect(written.map((text) => JSON.parse(text))).toEqual([
      { type: "read", seq: 3 },
      { type: "read", seq: 5 },
    ]);
  });
});
