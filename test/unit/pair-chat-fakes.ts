// A fake pair room and a faulty link for the chat engine's unit tests. The room keeps the protocol's
// promises (shared/protocol.ts): one message per (sender, clientId), an ack with the original seq on a
// resend, `hello`, `history` after the cursor and `synced` on every connection, live frames after that.
// The link between it and each client loses, duplicates and reorders frames, as a seeded random choice.
import { PONG_FRAME, PING_FRAME } from "../../shared/protocol-constants.ts";
import type { ChatMessage, ClientFrame, ServerFrame } from "../../shared/protocol.ts";
import { ChatEngine } from "../../web/src/lib/pair-chat/engine.ts";
import { memoryStorage, Outbox, outboxKey, type OutboxStorage } from "../../web/src/lib/pair-chat/outbox.ts";

/** A small seeded generator (mulberry32), so a failing run can be replayed. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Faults = { drop: number; duplicate: number; reorder: number };
export const NO_FAULTS: Faults = { drop: 0, duplicate: 0, reorder: 0 };

type Connection = { userId: string; deliver: (text: string) => void; alive: boolean };

export class FakeRoom {
  readonly messages: ChatMessage[] = [];
  readonly received: ClientFrame[] = [];
  readonly pings: string[] = [];
  private readonly byClient = new Map<string, number>();
  private readonly connections = new Set<Connection>();
  readonly readCursors: Record<string, number> = {};
  clock = 1_700_000_000_000;
  historyPage = 3;

  get lastSeq() {
    return this.messages.at(-1)?.seq ?? 0;
  }

  connect(userId: string, after: number, deliver: (text: string) => void): Connection {
    const connection: Connection = { userId, deliver, alive: true };
    this.connections.add(connection);
    const send = (frame: ServerFrame) => deliver(JSON.stringify(frame));
    send({
      type: "hello",
      userId,
      status: "active",
      lastSeq: this.lastSeq,
      online: [...new Set([...this.connections].map((c) => c.userId))],
      readCursors: { ...this.readCursors },
      blocked: false,
    });
    const missed = this.messages.filter((message) => message.seq > after);
    for (let i = 0; i < missed.length; i += this.historyPage) send({ type: "history", messages: missed.slice(i, i + this.historyPage) });
    send({ type: "synced", lastSeq: this.lastSeq });
    return connection;
  }

  disconnect(connection: Connection) {
    connection.alive = false;
    this.connections.delete(connection);
  }

  /** One text frame from a client, as the room would handle it. */
  handle(connection: Connection, text: string) {
    if (!connection.alive) return;
    if (text === PING_FRAME) {
      this.pings.push(text);
      connection.deliver(PONG_FRAME);
      return;
    }
    const frame = JSON.parse(text) as ClientFrame;
    this.received.push(frame);
    const send = (target: Connection, out: ServerFrame) => target.deliver(JSON.stringify(out));
    switch (frame.type) {
      case "send": {
        const key = `${connection.userId}/${frame.clientId}`;
        const existing = this.byClient.get(key);
        if (existing !== undefined) {
          const message = this.messages.find((m) => m.seq === existing)!;
          send(connection, { type: "ack", clientId: frame.clientId, seq: message.seq, sentAt: message.sentAt });
          return;
        }
        const message: ChatMessage = {
          seq: this.lastSeq + 1,
          clientId: frame.clientId,
          senderId: connection.userId,
          body: frame.body.trim(),
          sentAt: (this.clock += 1),
        };
        this.messages.push(message);
        this.byClient.set(key, message.seq);
        send(connection, { type: "ack", clientId: frame.clientId, seq: message.seq, sentAt: message.sentAt });
        for (const other of this.connections) if (other !== connection) send(other, { type: "message", ...message });
        return;
      }
      case "read":
        this.readCursors[connection.userId] = Math.max(this.readCursors[connection.userId] ?? 0, frame.seq);
        for (const other of this.connections) send(other, { type: "read", userId: connection.userId, seq: this.readCursors[connection.userId]! });
        return;
      case "typing":
        for (const other of this.connections) if (other !== connection) send(other, { type: "typing", userId: connection.userId, typing: frame.typing });
        return;
      default:
        return;
    }
  }
}

/**
 * One client: the real engine, joined to the room by a link whose frames (both ways) go through a queue
 * that the test pumps. A lost frame takes its connection down with it (a WebSocket loses frames only
 * with its connection); the engine then hears a 1006 close and connects again with its cursor.
 */
export class FakeClient {
  readonly engine: ChatEngine;
  readonly produced: string[] = [];
  connects = 0;
  private connection: Connection | null = null;
  private generation = 0;

  readonly userId: string;
  readonly storage: OutboxStorage;
  private readonly room: FakeRoom;
  private readonly net: FakeNet;

  constructor(userId: string, room: FakeRoom, net: FakeNet, storage: OutboxStorage = memoryStorage(), pairId = "pair-1") {
    this.userId = userId;
    this.room = room;
    this.net = net;
    this.storage = storage;
    let ids = 0;
    this.engine = new ChatEngine({
      userId,
      initial: { messages: [], hasMore: false, room: { status: "active", blocked: false, readCursors: {} } },
      outbox: new Outbox(outboxKey(pairId, userId), storage),
      newClientId: () => `${userId}-${Date.now().toString(36)}-${++ids}-${Math.random().toString(36).slice(2, 6)}`,
    });
  }

  get online() {
    return this.connection !== null;
  }

  connect() {
    if (this.connection || this.engine.isStopped) return;
    this.connects += 1;
    const generation = ++this.generation;
    this.engine.connecting(false);
    // Every frame goes through the network queue, so the engine sees the socket open before any frame.
    const connection = this.room.connect(this.userId, this.engine.cursor, (text) => {
      this.net.carry(
        () => {
          if (this.generation !== generation) return "gone";
          this.engine.received(text);
          return "ok";
        },
        () => this.drop(generation),
      );
    });
    this.connection = connection;
    this.engine.opened((text) => {
      if (this.generation !== generation) return false;
      this.net.carry(
        () => {
          if (this.generation !== generation) return "gone";
          this.room.handle(connection, text);
          return "ok";
        },
        () => this.drop(generation),
        false,
      );
      return true;
    });
  }

  /** The connection dies: the room forgets it, the engine hears a close. */
  drop(generation = this.generation, code = 1006) {
    if (generation !== this.generation || !this.connection) return;
    this.room.disconnect(this.connection);
    this.connection = null;
    this.generation += 1;
    this.engine.closed(code);
  }

  write(body: string) {
    this.produced.push(body);
    const result = this.engine.send(body);
    if (!result.ok) throw new Error(`refused: ${result.reason}`);
    return result.clientId;
  }
}

/** The queue of frames in flight, with its faults. */
export class FakeNet {
  private queue: { deliver: () => "ok" | "gone"; kill: () => void; reorder: boolean }[] = [];
  faults: Faults = NO_FAULTS;
  readonly counts = { dropped: 0, duplicated: 0, reordered: 0, delivered: 0 };

  private readonly rand: () => number;

  constructor(rand: () => number) {
    this.rand = rand;
  }

  /**
   * Frames towards the room are lost or doubled but never overtaken: one socket is one ordered stream and
   * the room stores in arrival order, which is what each sender's order rests on. Frames towards a client
   * may also be reordered, which a client must survive (history, live messages and acks interleave).
   */
  carry(deliver: () => "ok" | "gone", kill: () => void, reorder = true) {
    this.queue.push({ deliver, kill, reorder });
  }

  get idle() {
    return this.queue.length === 0;
  }

  /** Delivers (or loses, or doubles, or swaps) the next frame in flight. */
  step(): boolean {
    const next = this.queue.shift();
    if (!next) return false;
    const roll = this.rand();
    const { drop, duplicate, reorder } = this.faults;
    if (roll < drop) {
      this.counts.dropped += 1;
      next.kill();
      return true;
    }
    if (roll < drop + reorder && next.reorder && this.queue[0]?.reorder) {
      this.counts.reordered += 1;
      const after = this.queue.shift()!;
      this.queue.unshift(next);
      this.queue.unshift(after);
      return true;
    }
    next.deliver();
    this.counts.delivered += 1;
    if (roll < drop + reorder + duplicate) {
      this.counts.duplicated += 1;
      next.deliver();
    }
    return true;
  }

  pump(limit = 1_000_000) {
    for (let i = 0; i < limit && this.step(); i++);
  }
}
