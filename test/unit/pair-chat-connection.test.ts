// The connection layer over partysocket, with a fake WebSocket class: the heartbeat's exact text, and
// what each of the room's close codes does (reconnect or not, sign-in, reload, blocked, replaced).
import { afterEach, expect, it } from "vitest";
import { CLOSE, PING_FRAME, PONG_FRAME } from "../../shared/protocol-constants.ts";
import { ChatConnection, type ConnectionOptions } from "../../web/src/lib/pair-chat/connection.ts";
import { ChatEngine } from "../../web/src/lib/pair-chat/engine.ts";
import { memoryStorage, Outbox } from "../../web/src/lib/pair-chat/outbox.ts";

class FakeSocket extends EventTarget {
  static all: FakeSocket[] = [];
  readyState = 0;
  binaryType = "blob";
  readonly sent: string[] = [];
  readonly url: string;
  constructor(url: string) {
    super();
    this.url = url;
    FakeSocket.all.push(this);
  }
  accept() {
    this.readyState = 1;
    this.dispatchEvent(new Event("open"));
  }
  receive(data: string) {
    this.dispatchEvent(new MessageEvent("message", { data }));
  }
  /** The room closes the socket with this code. */
  closeFromRoom(code: number) {
    this.readyState = 3;
    this.dispatchEvent(Object.assign(new Event("close"), { code, reason: "" }));
  }
  send(text: string) {
    this.sent.push(text);
  }
  close() {
    this.readyState = 3;
  }
}

const live: ChatConnection[] = [];
afterEach(() => {
  for (const connection of live.splice(0)) connection.stop();
  FakeSocket.all = [];
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(condition: () => boolean, what: string) {
  const deadline = Date.now() + 2_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

function setup(extra: Partial<ConnectionOptions> = {}) {
  const storage = memoryStorage();
  const engine = new ChatEngine({
    userId: "me",
    initial: { messages: [], hasMore: false, room: { status: "active", blocked: false, readCursors: {} } },
    outbox: new Outbox("outbox:pair:me", storage),
  });
  const calls: string[] = [];
  const connection = new ChatConnection(engine, {
    url: (after) => `ws://room.test/ws?after=${after}`,
    WebSocket: FakeSocket,
    backoff: { minMs: 10, maxMs: 20, grow: 1, connectTimeoutMs: 1_000 },
    onSignedOut: () => calls.push("signed_out"),
    onRemoved: () => calls.push("removed"),
    ...extra,
  });
  live.push(connection);
  connection.start();
  return { engine, connection, calls, storage };
}

async function openSocket() {
  await until(() => FakeSocket.all.length > 0, "a socket");
  const socket = FakeSocket.all.at(-1)!;
  socket.accept();
  socket.receive(JSON.stringify({ type: "hello", userId: "me", status: "active", lastSeq: 0, online: ["me"], readCursors: {}, blocked: false }));
  socket.receive(JSON.stringify({ type: "synced", lastSeq: 0 }));
  return socket;
}

it("sends the heartbeat as exactly PING_FRAME and takes PONG_FRAME as its answer", async () => {
  const { engine } = setup({ heartbeatMs: 15 });
  const socket = await openSocket();
  await until(() => socket.sent.length >= 2, "two pings");
  expect(socket.sent.every((text) => text === PING_FRAME)).toBe(true);
  expect(PING_FRAME).toBe('{"type":"ping"}');
  const frames: unknown[] = [];
  engine.onFrame((frame) => frames.push(frame));
  const before = engine.lastFrameAt;
  await sleep(5);
  socket.receive(PONG_FRAME);
  expect(engine.lastFrameAt).toBeGreaterThan(before);
  expect(frames).toEqual([]);
});

it("replaces a socket that has been silent too long", async () => {
  setup({ heartbeatMs: 10, silenceMs: 30 });
  await openSocket();
  await until(() => FakeSocket.all.length >= 2, "a new socket after the silence");
});

it("reconnects after an ordinary drop, asking for what came after its cursor", async () => {
  const { engine } = setup();
  const socket = await openSocket();
  socket.receive(JSON.stringify({ type: "message", seq: 1, clientId: "c1", senderId: "other", body: "hi", sentAt: 1 }));
  socket.closeFromRoom(1006);
  expect(engine.state.connection).toBe("reconnecting");
  await until(() => FakeSocket.all.length === 2, "a second socket");
  expect(FakeSocket.all[1]!.url).toBe("ws://room.test/ws?after=1");
});

it.each([
  { code: CLOSE.sessionRevoked, connection: "closed", calls: ["signed_out"], blocked: false },
  { code: CLOSE.blocked, connection: "blocked", calls: [], blocked: true },
  { code: CLOSE.removed, connection: "closed", calls: ["removed"], blocked: false },
  { code: CLOSE.tooManySockets, connection: "replaced", calls: [], blocked: false },
])("close code $code: no reconnect, connection $connection, then $calls", async (expected) => {
  const { engine, calls, storage } = setup();
  const socket = await openSocket();
  // A message the room has not acknowledged yet: it must survive in the outbox.
  engine.send("not acknowledged yet");
  socket.closeFromRoom(expected.code);
  await sleep(100);
  expect(FakeSocket.all).toHaveLength(1);
  expect(engine.state.connection).toBe(expected.connection);
  expect(engine.state.blocked).toBe(expected.blocked);
  expect(calls).toEqual(expected.calls);
  expect(JSON.parse(storage.getItem("outbox:pair:me") ?? "[]")).toHaveLength(1);
  expect(engine.state.pending.map((item) => item.body)).toEqual(["not acknowledged yet"]);
});

it("asks over HTTP why an attempt never opened, and stops when it is blocked", async () => {
  const probes: string[] = [];
  const { engine } = setup({
    probe: async () => {
      probes.push("probe");
      return "blocked";
    },
  });
  await until(() => FakeSocket.all.length > 0, "a socket");
  FakeSocket.all[0]!.closeFromRoom(1006); // refused before opening
  await until(() => engine.state.connection === "blocked", "blocked");
  await sleep(50);
  expect(probes).toEqual(["probe"]);
  expect(FakeSocket.all).toHaveLength(1);
});

it("goes to sign-in when the probe finds the session gone, and keeps trying on a plain failure", async () => {
  const answers: ("retry" | "signed_out")[] = ["retry", "signed_out"];
  const { engine, calls } = setup({ probe: async () => answers.shift() ?? "retry" });
  await until(() => FakeSocket.all.length > 0, "a socket");
  FakeSocket.all[0]!.closeFromRoom(1006);
  await until(() => FakeSocket.all.length === 2, "a retry");
  FakeSocket.all[1]!.closeFromRoom(1006);
  await until(() => engine.state.connection === "closed", "closed");
  expect(calls).toEqual(["signed_out"]);
});
