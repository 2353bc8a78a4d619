// The pair chat's rules, with no framework, no socket and no browser: what one person's client holds,
// what it sends, and what it does with each frame from the room. The connection layer (connection.ts)
// feeds it socket events; the Solid store (store.ts) mirrors its state; unit tests drive it against a
// fake room over a faulty link, and the fault test drives it from Node against the real worker.
//
// The guarantees, and what each one rests on:
// - Nothing typed is lost. A message goes into the outbox (storage) *before* it is sent, and leaves it
//   only when the room's `ack` (sent after the write is durable) or the message itself comes back. After
//   every (re)connect, and after a page reload, whatever is still in the outbox is sent again, in order.
// - Nothing is duplicated. The room stores a message once per (sender, clientId) and answers a resend
//   with the original seq; here messages are kept by seq, so a message seen twice is shown once.
// - Nothing is missed. Every connection asks for the messages `after` the cursor, the last seq up to which
//   this client holds everything; the room replays them before any live frame and then says `synced`.
import type { PairStatus } from "../../../../shared/api/pairs.ts";
import { CLOSE, PONG_FRAME } from "../../../../shared/protocol-constants.ts";
import { MAX_FRAME_BYTES, MESSAGE_MAX_CHARS } from "../../../../shared/rules/limits.ts";
import type { ClientFrame } from "../../../../shared/protocol.ts";
import { parseServerFrame, validMessages, type ChatMessage, type ServerFrame } from "./frames.ts";
import type { Outbox, OutboxItem, SendFailure } from "./outbox.ts";

/** How many older messages one "Load older messages" brings. */
const OLDER_PAGE_SIZE = 50;
const RATE_LIMIT_RETRY_MS = 3_000;
/** Another person's "typing" fades on its own if their "stopped typing" never arrives. */
const TYPING_FADES_AFTER_MS = 8_000;
/** While someone keeps typing, "typing: true" is repeated at most this often. */
const TYPING_REPEAT_MS = 3_000;

export type ConnectionState =
  /** First connection (or catch-up after one) under way. */
  | "connecting"
  /** Connected and caught up: live. */
  | "live"
  /** Lost and trying again, with backoff. */
  | "reconnecting"
  /** The browser says it is offline; trying again as soon as it is back. */
  | "offline"
  /** The other person blocked me: the room refused or closed my socket. Never retried. */
  | "blocked"
  /** A newer socket of mine (another tab) replaced this one. Not retried from this tab. */
  | "replaced"
  /** Stopped for good: signed out, no longer a member, or the page was left. */
  | "closed";

export type ChatState = {
  connection: ConnectionState;
  /** Acknowledged messages, ordered by seq, each seq once. */
  messages: ChatMessage[];
  /** My unacknowledged messages, oldest first. */
  pending: OutboxItem[];
  hasOlder: boolean;
  loadingOlder: boolean;
  olderError: unknown;
  /** User ids with an open socket in this room. */
  online: string[];
  /** The other people typing right now. */
  typing: string[];
  readCursors: Record<string, number>;
  status: PairStatus;
  /** Contact in this pair is blocked (by either person). */
  blocked: boolean;
};

/** What a closed socket means for this client: try again, or stop and why. */
type CloseOutcome = "reconnect" | "blocked" | "signed_out" | "removed" | "replaced";

/** The policy for the room's close codes (see CLOSE in shared/protocol-constants.ts). */
export function closeOutcome(code: number): CloseOutcome {
  switch (code) {
    case CLOSE.sessionRevoked:
      return "signed_out";
    case CLOSE.blocked:
      return "blocked";
    case CLOSE.removed:
      return "removed";
    case CLOSE.tooManySockets:
      return "replaced";
    default:
      return "reconnect";
  }
}

export type SendResult = { ok: true; clientId: string } | { ok: false; reason: "empty" | "too_long" };

type ChatEngineOptions = {
  /** The signed-in person. */
  userId: string;
  /** The latest page of messages, as GET /api/pairs/:pairId/messages returned it, and the room snapshot. */
  initial: { messages: ChatMessage[]; hasMore: boolean; room: { status: PairStatus; blocked: boolean; readCursors: Record<string, number> } };
  outbox: Outbox;
  /** Fetches the page of messages before a seq (GET /api/pairs/:pairId/messages?before=). */
  loadPage?: (before: number, limit: number) => Promise<{ messages: unknown; hasMore: boolean }>;
  now?: () => number;
  newClientId?: () => string;
};

type Frame<T extends ServerFrame["type"]> = Extract<ServerFrame, { type: T }>;

export class ChatEngine {
  private current: ChatState;
  private readonly stateListeners = new Set<(patch: Partial<ChatState>) => void>();
  private readonly frameListeners = new Set<(frame: ServerFrame) => void>();
  private readonly outbox: Outbox;
  private readonly now: () => number;
  private readonly newClientId: () => string;

  /** Writes a frame on the open socket; null while there is none. Never queues: the outbox is the only queue. */
  private write: ((text: string) => boolean) | null = null;
  /** Every seq this client holds: received from the room, or my own message completed by its ack. */
  private readonly heldSeqs = new Set<number>();
  private cursorSeq = 0;
  /** Sends written to the current socket and not yet answered. Cleared on every new connection. */
  private readonly inFlight = new Set<string>();
  private synced = false;
  private lastReadSent = 0;
  private typingSent = false;
  private typingSentAt = 0;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private stopped = false;
  /** When the last frame of any kind (pongs included) arrived. */
  lastFrameAt = 0;

  private readonly options: ChatEngineOptions;

  constructor(options: ChatEngineOptions) {
    this.options = options;
    this.outbox = options.outbox;
    this.now = options.now ?? Date.now;
    this.newClientId = options.newClientId ?? (() => crypto.randomUUID());
    const { messages, hasMore, room } = options.initial;
    const sorted = dedupeBySeq(validMessages(messages));
    for (const message of sorted) this.heldSeqs.add(message.seq);
    this.cursorSeq = sorted.at(-1)?.seq ?? 0;
    this.lastReadSent = room.readCursors[options.userId] ?? 0;
    this.current = {
      connection: "connecting",
      messages: sorted,
      pending: [],
      hasOlder: hasMore,
      loadingOlder: false,
      olderError: null,
      online: [],
      typing: [],
      readCursors: { ...room.readCursors },
      status: room.status,
      blocked: room.blocked,
    };
    // What a previous visit left unsent is shown at once, and sent as soon as the room is reached.
    this.reconcilePending(this.outbox.read());
  }

  /** The current state. Replaced (never mutated) on every change; `subscribe` hears each change. */
  get state(): Readonly<ChatState> {
    return this.current;
  }

  get userId() {
    return this.options.userId;
  }

  /** The `after` of the next connection: the highest seq up to which this client holds every message. */
  get cursor() {
    return this.cursorSeq;
  }

  get isStopped() {
    return this.stopped;
  }

  /** Hears every change of state, as the changed fields. */
  subscribe(listener: (patch: Partial<ChatState>) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Hears every valid frame from the room, after the engine has applied it. */
  onFrame(listener: (frame: ServerFrame) => void): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  private set(patch: Partial<ChatState>) {
    this.current = { ...this.current, ...patch };
    if (this.batchDepth > 0) this.batchedPatch = { ...this.batchedPatch, ...patch };
    else for (const listener of this.stateListeners) listener(patch);
  }

  private batchDepth = 0;
  private batchedPatch: Partial<ChatState> = {};

  /** Runs `fn` and tells listeners about all of its changes at once, so no view sees a halfway state. */
  private batch<T>(fn: () => T): T {
    this.batchDepth += 1;
    try {
      return fn();
    } finally {
      this.batchDepth -= 1;
      if (this.batchDepth === 0 && Object.keys(this.batchedPatch).length) {
        const patch = this.batchedPatch;
        this.batchedPatch = {};
        for (const listener of this.stateListeners) listener(patch);
      }
    }
  }

  // -------------------------------------------------------------------------------------------------
  // The connection's side

  /** A connection attempt is starting. */
  connecting(offline: boolean) {
    if (this.stopped) return;
    const connection = this.current.connection;
    if (connection !== "live" && connection !== "connecting") this.set({ connection: offline ? "offline" : "reconnecting" });
  }

  /** A socket opened; `write` sends one text frame on it and says whether it could. */
  opened(write: (text: string) => boolean) {
    this.write = write;
    this.synced = false;
    this.inFlight.clear();
    this.lastFrameAt = this.now();
    // Still "connecting" until the room has replayed what was missed (`synced`).
  }

  /** One frame from the room, as received. Anything invalid is ignored rather than trusted. */
  received(raw: unknown) {
    this.lastFrameAt = this.now();
    // The heartbeat's answer, given by the platform without waking the room: nothing to apply.
    if (raw === PONG_FRAME) return;
    const frame = parseServerFrame(raw);
    if (!frame || this.stopped) return;
    this.batch(() => this.apply(frame));
    for (const listener of this.frameListeners) listener(frame);
  }

  /** The socket closed with this code. Says whether to try again; for any other outcome the engine stops. */
  closed(code: number, offline = false): CloseOutcome {
    return this.batch(() => this.handleClose(code, offline));
  }

  private handleClose(code: number, offline: boolean): CloseOutcome {
    this.write = null;
    this.synced = false;
    this.inFlight.clear();
    this.typingSent = false;
    if (this.stopped) return "reconnect";
    const outcome = closeOutcome(code);
    switch (outcome) {
      case "blocked":
        this.set({ blocked: true });
        this.stop("blocked");
        break;
      case "replaced":
        this.stop("replaced");
        break;
      case "signed_out":
      case "removed":
        // The outbox stays in storage: after signing in again (or if the pair comes back) it is sent.
        this.stop("closed");
        break;
      case "reconnect":
        this.set({
          connection: offline ? "offline" : "reconnecting",
          typing: [],
          // Presence is unknown while disconnected; the next `hello` says who is there.
          online: this.current.online.filter((id) => id === this.options.userId),
        });
        break;
    }
    return outcome;
  }

  /** The device went offline. */
  wentOffline() {
    if (!this.stopped) this.set({ connection: "offline" });
  }

  /** The device is back online. */
  cameOnline() {
    if (!this.stopped && this.current.connection === "offline") this.set({ connection: "reconnecting" });
  }

  /** Another tab of mine changed the outbox: show the same pending messages, and help send them. */
  outboxChanged() {
    this.reconcilePending(this.outbox.read());
    this.flush();
  }

  get outboxKey() {
    return this.outbox.key;
  }

  /** Stops for good: no more writes, timers cleared. The outbox stays in storage. */
  stop(state: ConnectionState = "closed") {
    this.stopped = true;
    this.write = null;
    for (const timer of this.timers) clearTimeout(timer);
    for (const timer of this.typingTimers.values()) clearTimeout(timer);
    this.timers.clear();
    this.typingTimers.clear();
    this.set({ connection: state, typing: [] });
  }

  // -------------------------------------------------------------------------------------------------
  // The person's side

  /** Queues a message: stored in the outbox first, then sent when (or as soon as) the room is reachable. */
  send(text: string): SendResult {
    return this.batch(() => this.queue(text));
  }

  private queue(text: string): SendResult {
    // The room trims too; trimming here keeps the optimistic copy identical to what will be stored.
    const body = text.trim();
    if (!body) return { ok: false, reason: "empty" };
    if (body.length > MESSAGE_MAX_CHARS || !fitsInFrame(body)) return { ok: false, reason: "too_long" };
    const item: OutboxItem = { clientId: this.newClientId(), body, createdAt: this.now() };
    this.reconcilePending(this.outbox.add(item));
    this.setTyping(false);
    this.flush();
    return { ok: true, clientId: item.clientId };
  }

  /** Tries a failed message again (for example after an unblock). */
  retry(clientId: string) {
    this.reconcilePending(this.outbox.update(clientId, undefined));
    this.flush();
  }

  /** Gives up on a failed message. */
  discard(clientId: string) {
    this.inFlight.delete(clientId);
    this.reconcilePending(this.outbox.remove([clientId]));
  }

  /** Tells the other person I am (or stopped) typing. Repeats "true" only every few seconds. */
  setTyping(typing: boolean) {
    const now = this.now();
    if (typing === this.typingSent && (!typing || now - this.typingSentAt < TYPING_REPEAT_MS)) return;
    if (typing && (this.current.status !== "active" || this.current.blocked)) return;
    if (this.writeFrame({ type: "typing", typing })) {
      this.typingSent = typing;
      this.typingSentAt = now;
    }
  }

  /** Moves my read cursor forward (never back). Call it while the conversation is on screen. */
  markRead(seq: number) {
    if (seq <= this.lastReadSent || !this.synced) return;
    if (this.writeFrame({ type: "read", seq })) this.lastReadSent = seq;
  }

  /** The seq of the newest message held. */
  latestSeq(): number {
    return this.current.messages.at(-1)?.seq ?? 0;
  }

  async loadOlder() {
    const loadPage = this.options.loadPage;
    if (!loadPage || this.current.loadingOlder || !this.current.hasOlder) return;
    const oldest = this.current.messages[0]?.seq;
    if (oldest === undefined) return;
    this.set({ loadingOlder: true, olderError: null });
    try {
      const page = await loadPage(oldest, OLDER_PAGE_SIZE);
      this.batch(() => {
        this.addMessages(validMessages(page.messages));
        this.set({ hasOlder: page.hasMore, loadingOlder: false });
      });
    } catch (error) {
      this.set({ loadingOlder: false, olderError: error });
    }
  }

  /**
   * What an HTTP answer just taught us (the end of the pair, a block), before or instead of the room's
   * own `status` frame, which a closed socket would miss.
   */
  noteRoomState(update: { status?: PairStatus; blocked?: boolean }) {
    this.set(update);
  }

  // -------------------------------------------------------------------------------------------------
  // Outbound

  private writeFrame(frame: ClientFrame): boolean {
    if (!this.write || this.stopped) return false;
    return this.write(JSON.stringify(frame));
  }

  /** Sends, in order, every pending message not already on its way over the current connection. */
  private flush() {
    if (!this.synced || this.stopped) return;
    for (const item of this.current.pending) {
      if (item.failed || this.inFlight.has(item.clientId)) continue;
      if (!this.writeFrame({ type: "send", clientId: item.clientId, body: item.body })) return;
      this.inFlight.add(item.clientId);
    }
  }

  private later(fn: () => void, ms: number) {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  // -------------------------------------------------------------------------------------------------
  // Inbound

  private apply(frame: ServerFrame) {
    switch (frame.type) {
      case "hello":
        this.synced = false;
        this.lastReadSent = Math.max(this.lastReadSent, frame.readCursors[this.options.userId] ?? 0);
        this.set({
          status: frame.status,
          blocked: frame.blocked,
          online: frame.online,
          readCursors: { ...this.current.readCursors, ...frame.readCursors },
          connection: this.current.connection === "live" ? "live" : "connecting",
        });
        return;
      case "history":
        this.addMessages(frame.messages);
        return;
      case "synced":
        // Everything up to lastSeq has now been delivered on this connection.
        this.cursorSeq = Math.max(this.cursorSeq, frame.lastSeq);
        this.synced = true;
        this.set({ connection: "live" });
        this.flush();
        return;
      case "message": {
        const { type: _type, ...message } = frame;
        this.addMessages([message]);
        this.clearTyping(message.senderId);
        return;
      }
      case "ack":
        return this.acknowledge(frame);
      case "error":
        return this.refused(frame);
      case "presence": {
        const online = this.current.online;
        this.set({ online: frame.online ? [...new Set([...online, frame.userId])] : online.filter((id) => id !== frame.userId) });
        if (!frame.online) this.clearTyping(frame.userId);
        return;
      }
      case "typing":
        if (frame.userId === this.options.userId) return;
        if (frame.typing) this.showTyping(frame.userId);
        else this.clearTyping(frame.userId);
        return;
      case "read":
        this.set({ readCursors: { ...this.current.readCursors, [frame.userId]: Math.max(this.current.readCursors[frame.userId] ?? 0, frame.seq) } });
        if (frame.userId === this.options.userId) this.lastReadSent = Math.max(this.lastReadSent, frame.seq);
        return;
      case "status":
        this.set({ status: frame.status, blocked: frame.blocked });
        // Unblocked: messages that failed because of the block may go now, if the person retries.
        if (frame.status === "active" && !frame.blocked) this.flush();
        return;
      default:
        return;
    }
  }

  private acknowledge(frame: Frame<"ack">) {
    this.inFlight.delete(frame.clientId);
    const item = this.current.pending.find((pending) => pending.clientId === frame.clientId);
    if (item) {
      // The room does not echo my message to this socket: the ack (seq, sentAt) plus what I sent is the
      // stored message, so it counts as held and moves the catch-up cursor.
      this.hold([frame.seq]);
      if (!this.current.messages.some((message) => message.seq === frame.seq)) {
        this.insertMessages([{ seq: frame.seq, clientId: item.clientId, senderId: this.options.userId, body: item.body, sentAt: frame.sentAt }]);
      }
    }
    this.reconcilePending(this.outbox.remove([frame.clientId]));
  }

  private refused(frame: Frame<"error">) {
    const clientId = frame.clientId ?? (frame.code === "bad_frame" || frame.code === "frame_too_large" ? this.inFlight.values().next().value : undefined);
    if (!clientId) {
      // Sent just before the room closes my socket with 4003.
      if (frame.code === "blocked") this.set({ blocked: true });
      return;
    }
    this.inFlight.delete(clientId);
    if (frame.code === "rate_limited") {
      // Kept in the outbox and tried again shortly, in order.
      this.later(() => this.flush(), RATE_LIMIT_RETRY_MS);
      return;
    }
    const failed: SendFailure = frame.code === "pair_ended" ? "pair_ended" : frame.code === "blocked" ? "blocked" : "rejected";
    if (failed === "blocked") this.set({ blocked: true });
    this.reconcilePending(this.outbox.update(clientId, failed));
  }

  private showTyping(userId: string) {
    clearTimeout(this.typingTimers.get(userId));
    this.typingTimers.set(
      userId,
      setTimeout(() => this.clearTyping(userId), TYPING_FADES_AFTER_MS),
    );
    if (!this.current.typing.includes(userId)) this.set({ typing: [...this.current.typing, userId] });
  }

  private clearTyping(userId: string) {
    clearTimeout(this.typingTimers.get(userId));
    this.typingTimers.delete(userId);
    if (this.current.typing.includes(userId)) this.set({ typing: this.current.typing.filter((id) => id !== userId) });
  }

  private hold(seqs: number[]) {
    for (const seq of seqs) this.heldSeqs.add(seq);
    while (this.heldSeqs.has(this.cursorSeq + 1)) this.cursorSeq += 1;
  }

  /** Messages from the room: stored by seq, and my own ones taken out of the outbox. */
  private addMessages(messages: ChatMessage[]) {
    if (!messages.length) return;
    this.hold(messages.map((message) => message.seq));
    this.insertMessages(messages);
    // My message came back before (or instead of) its ack: the write happened, so it is done.
    const mine = messages.filter((message) => message.senderId === this.options.userId).map((message) => message.clientId);
    if (mine.length && this.current.pending.some((item) => mine.includes(item.clientId))) {
      for (const clientId of mine) this.inFlight.delete(clientId);
      this.reconcilePending(this.outbox.remove(mine));
    }
  }

  private insertMessages(incoming: ChatMessage[]) {
    const messages = [...this.current.messages];
    for (const message of incoming) {
      const index = lowerBound(messages, message.seq);
      if (messages[index]?.seq === message.seq) {
        // Seen before: keep the object already held, so views keyed by identity do not redraw it.
        if (!sameMessage(messages[index]!, message)) messages[index] = message;
      } else messages.splice(index, 0, message);
    }
    this.set({ messages });
  }

  /** The pending list is the outbox, minus anything the room already holds. */
  private reconcilePending(items: OutboxItem[]) {
    const stored = new Set(this.current.messages.filter((message) => message.senderId === this.options.userId).map((message) => message.clientId));
    const already = items.filter((item) => stored.has(item.clientId));
    const pending = already.length ? this.outbox.remove(already.map((item) => item.clientId)) : items;
    this.set({ pending });
  }
}

function sameMessage(a: ChatMessage, b: ChatMessage) {
  return a.clientId === b.clientId && a.senderId === b.senderId && a.body === b.body && a.sentAt === b.sentAt;
}

function lowerBound(messages: ChatMessage[], seq: number): number {
  let low = 0;
  let high = messages.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (messages[mid]!.seq < seq) low = mid + 1;
    else high = mid;
  }
  return low;
}

function dedupeBySeq(messages: ChatMessage[]): ChatMessage[] {
  const bySeq = new Map<number, ChatMessage>();
  for (const message of messages) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The room refuses frames over MAX_FRAME_BYTES; check the whole encoded frame, not just its length. */
function fitsInFrame(body: string): boolean {
  const frame: ClientFrame = { type: "send", clientId: "00000000-0000-0000-0000-000000000000", body };
  return new TextEncoder().encode(JSON.stringify(frame)).byteLength <= MAX_FRAME_BYTES;
}
