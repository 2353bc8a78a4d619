// The fault test: two clients exchange messages while sockets drop, the pair's Durable Object is
// evicted, and the whole `wrangler dev` process group is killed with SIGKILL and started again on the
// same state. Each client is the SPA's own chat engine and connection layer (web/src/lib/pair-chat/),
// run from Node with its global WebSocket and an in-memory storage for the outbox. At the end every
// acknowledged message must be stored exactly once, with no seq missing, each sender's order kept, and
// both clients holding the same history as the room's storage.
// `npm test` runs a short form; `npm run test:faults` runs 5,000 messages.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { ChatMessage } from "../../shared/protocol.ts";
import { ChatConnection } from "../../web/src/lib/pair-chat/connection.ts";
import { ChatEngine } from "../../web/src/lib/pair-chat/engine.ts";
import { memoryStorage, Outbox, outboxKey } from "../../web/src/lib/pair-chat/outbox.ts";
import type { ApiPerson } from "../../worker/dev/api-client.ts";
import { applyMigrations, BENCH_WRANGLER_CONFIG, freePort, startWranglerDev, type WranglerDev } from "../../worker/dev/wrangler-dev.ts";
import { createPairs, personHeaders, roomUrl, sleep } from "../bench/lib.ts";

const MESSAGES = Number(process.env.FAULT_MESSAGES ?? 600);
const KILLS = Math.max(1, Math.round(MESSAGES / 2500));
const VARS = { SIGNUPS_PER_HOUR_PER_CLIENT: "100000", CHAT_RATE_LIMIT_PER_10S: "1000000" };

let state: string;
let port: number;
let server: WranglerDev;

beforeAll(async () => {
  state = mkdtempSync(join(tmpdir(), "mentorship-faults-"));
  // The fault test speaks only to the API: a placeholder page stands in for the SPA.
  mkdirSync(join(state, "web"));
  writeFileSync(join(state, "web", "index.html"), "<!doctype html>");
  applyMigrations(state);
  port = await freePort();
  server = await startWranglerDev({ port, persistTo: state, assets: join(state, "web"), vars: VARS, config: BENCH_WRANGLER_CONFIG });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  if (state) rmSync(state, { recursive: true, force: true });
});

async function restart() {
  for (let attempt = 0; ; attempt++) {
    try {
      server = await startWranglerDev({ port, persistTo: state, assets: join(state, "web"), vars: VARS, config: BENCH_WRANGLER_CONFIG });
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await sleep(500); // the port may still be held for a moment after SIGKILL
    }
  }
}

/** One person's chat client: the real engine and connection, with faults injected from outside. */
function chatClient(baseUrl: string, pairId: string, person: ApiPerson) {
  const headers = personHeaders(person);
  const sockets: WebSocket[] = [];
  // Node's WebSocket takes headers (the session cookie, the Origin) where a browser sends them itself.
  class WithSession extends WebSocket {
    constructor(url: string | URL) {
      super(url, { headers } as unknown as string[]);
      sockets.push(this);
    }
  }
  const engine = new ChatEngine({
    userId: person.userId,
    initial: { messages: [], hasMore: false, room: { status: "active", blocked: false, readCursors: {} } },
    outbox: new Outbox(outboxKey(pairId, person.userId), memoryStorage()),
  });
  const connection = new ChatConnection(engine, {
    url: (after) => roomUrl(baseUrl, pairId, after),
    WebSocket: WithSession,
    backoff: { minMs: 20, maxMs: 500, grow: 1.5, connectTimeoutMs: 4_000 },
  });
  // A message is confirmed stored by its ack or, when the ack was lost with its socket, by coming back in
  // the catch-up of the next connection (the engine then takes it out of the outbox without resending).
  const acked = new Map<string, number>();
  let confirmedByCatchUp = 0;
  engine.onFrame((frame) => {
    if (frame.type === "ack") acked.set(frame.clientId, frame.seq);
    if (frame.type === "history") {
      for (const message of frame.messages) {
        if (message.senderId !== person.userId || acked.has(message.clientId)) continue;
        acked.set(message.clientId, message.seq);
        confirmedByCatchUp += 1;
      }
    }
  });
  const produced: string[] = [];
  return {
    userId: person.userId,
    engine,
    acked,
    produced,
    get confirmedByCatchUp() {
      return confirmedByCatchUp;
    },
    start: () => connection.start(),
    stop: () => connection.stop(),
    get reconnects() {
      return Math.max(0, sockets.length - 1);
    },
    write(body: string) {
      const result = engine.send(body);
      if (!result.ok) throw new Error(`not sent: ${result.reason}`);
      produced.push(result.clientId);
    },
    /** A fault: the connection drops without warning (from the app's point of view). */
    dropSocket: () => sockets.at(-1)?.close(4000, "fault injected"),
  };
}

async function storedMessages(baseUrl: string, person: { call: (m: string, p: string) => Promise<any> }, pairId: string) {
  const all: ChatMessage[] = [];
  let before: number | undefined;
  for (;;) {
    const page = await person.call("GET", `/pairs/${pairId}/messages?limit=200${before ? `&before=${before}` : ""}`);
    all.unshift(...page.messages);
    if (!page.hasMore || !page.messages.length) break;
    before = page.messages[0].seq;
  }
  void baseUrl;
  return all;
}

it(`loses and duplicates nothing across socket drops, evictions and SIGKILL (${MESSAGES} messages)`, async () => {
  const { pairs } = await createPairs(server.url, 1, 1);
  const { pairId, mentor, mentee } = pairs[0]!;
  const baseUrl = server.url;
  const clients = [mentor, mentee].map((person) => chatClient(baseUrl, pairId, person));
  clients.forEach((client) => client.start());

  const faults = { socketDrops: 0, evictions: 0, kills: 0 };
  const killAt = new Set(Array.from({ length: KILLS }, (_, i) => Math.floor(((i + 1) * MESSAGES) / (KILLS + 1))));
  // At least two evictions at fixed points, and more at random.
  const evictAt = new Set([Math.floor(MESSAGES / 4), Math.floor((3 * MESSAGES) / 4)]);
  for (let i = 0; i < MESSAGES; i++) {
    clients[i % 2]!.write(`message ${i} from ${i % 2 ? "mentee" : "mentor"}`);
    if (killAt.has(i)) {
      // Let some writes be in flight, then take the whole process group down without warning.
      await sleep(20);
      process.kill(-server.child.pid!, "SIGKILL");
      await new Promise((resolve) => server.child.once("exit", resolve));
      faults.kills++;
      await restart();
    } else if (Math.random() < 0.01) {
      clients[Math.floor(Math.random() * 2)]!.dropSocket();
      faults.socketDrops++;
    } else if (evictAt.has(i) || Math.random() < 0.004) {
      await fetch(`${baseUrl}/api/bench/pairs/${pairId}/evict`, { method: "POST", headers: { Origin: baseUrl } });
      faults.evictions++;
    }
    if (i % 10 === 0) await sleep(2); // a steady exchange rather than one burst
  }

  // Quiet period: every client reconnects, flushes its outbox and catches up.
  const deadline = Date.now() + 60_000;
  let storage: ChatMessage[] = [];
  for (;;) {
    const flushed = clients.every((c) => c.engine.state.pending.length === 0);
    if (flushed) {
      storage = await storedMessages(baseUrl, mentor, pairId);
      const last = storage.at(-1)?.seq ?? 0;
      if (clients.every((c) => c.engine.cursor === last && c.engine.latestSeq() === last)) break;
    }
    if (Date.now() > deadline) throw new Error(`did not settle: outboxes ${clients.map((c) => c.engine.state.pending.length)}`);
    await sleep(100);
  }
  clients.forEach((c) => c.stop());

  const produced = clients.flatMap((c) => c.produced.map((clientId) => ({ clientId, senderId: c.userId })));
  const acked = clients.reduce((sum, c) => sum + c.acked.size, 0);
  const stored = new Map<string, number>();
  for (const m of storage) stored.set(`${m.senderId}/${m.clientId}`, (stored.get(`${m.senderId}/${m.clientId}`) ?? 0) + 1);
  const lost = produced.filter((m) => !stored.has(`${m.senderId}/${m.clientId}`)).length;
  const duplicated = [...stored.values()].filter((n) => n > 1).length;
  console.log(
    `fault test: sent ${produced.length}, confirmed ${acked} (by catch-up ${clients.reduce((sum, c) => sum + c.confirmedByCatchUp, 0)}), stored ${storage.length}, faults ${faults.socketDrops + faults.evictions + faults.kills} ` +
      `(socket drops ${faults.socketDrops}, evictions ${faults.evictions}, SIGKILLs ${faults.kills}), reconnects ${clients.map((c) => c.reconnects).join("+")}, ` +
      `lost ${lost}, duplicated ${duplicated}`,
  );

  expect(faults.kills).toBeGreaterThanOrEqual(1);
  expect(lost).toBe(0);
  expect(duplicated).toBe(0);
  expect(acked).toBe(produced.length);
  // Every acknowledged message is stored, at the seq the ack named.
  for (const client of clients) {
    for (const [clientId, seq] of client.acked) {
      const message = storage.find((m) => m.seq === seq);
      expect(message?.clientId, `ack ${clientId}`).toBe(clientId);
    }
  }
  // No seq is missing.
  expect(storage.map((m) => m.seq)).toEqual(Array.from({ length: storage.length }, (_, i) => i + 1));
  // Each sender's order is kept.
  for (const client of clients) {
    const order = storage.filter((m) => m.senderId === client.userId).map((m) => m.clientId);
    expect(order).toEqual(client.produced);
  }
  // Both clients hold exactly the room's history.
  for (const client of clients) {
    expect(client.engine.state.messages).toEqual(storage);
  }
}, 600_000);
