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
//
// The parts: state.ts (the state and its listeners, the close policy), timeline.ts (messages by seq and
// the catch-up cursor), receipts.ts (typing and read receipts), outbox.ts (what is not yet stored).
import type { PairStatus } from "../../../../shared/api/pairs.ts";
import { PONG_FRAME } from "../../../../shared/protocol-constants.ts";
import { MAX_FRAME_BYTES, MESSAGE_MAX_CHARS } from "../../../../shared/rules/limits.ts";
import type { ClientFrame } from "../../../../shared/protocol.ts";
import { parseServerFrame, validMessages, type ChatMessage, type ServerFrame } from "./frames.ts";
import type { Outbox, OutboxItem, SendFailure } from "./outbox.ts";
import { MySignals, TypingList } from "./receipts.ts";
import { type ChatState, type CloseOutcome, closeOutcome, type ConnectionState, type SendResult, StateHolder } from "./state.ts";
import { dedupeBySeq, mergeMessages, SeqCursor } from "./timeline.ts";

/** How many older messages one "Load older messages" brings. */
const OLDER_PAGE_SIZE = 50;
const RATE_LIMIT_RETRY_MS = 3_000;

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
  private readonly holder: StateHolder;
  private readonly frameListeners = new Set<(frame: ServerFrame) => void>();
  private readonly outbox: Outbox;
  private readonly now: () => number;
  private readonly newClientId: () => string;

  /** Writes a frame on the open socket; null while there is none. Never queues: the outbox is the only queue. */
  private write: ((text: string) => boolean) | null = null;
  private readonly seqs: SeqCursor;
  /** Sends written to the current socket and not yet answered. Cleared on every new connection. */
  private readonly inFlight = new Set<string>();
  private synced = false;
  private readonly mine: MySignals;
  private readonly typing: TypingList;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
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
    this.seqs = new SeqCursor(sorted);
    this.mine = new MySignals(room.readCursors[options.userId] ?? 0);
    this.typing = new TypingList(
      () => this.current.typing,
      (typing) => this.set({ typing }),
    );
    this.holder = new StateHolder({
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
    });
    // What a previous visit left unsent is shown at once, and sent as soon as the room is reached.
    this.reconcilePending(this.outbox.read());
  }

  /** The current state. Replaced (never mutated) on every change; `subscribe` hears each change. */
  get state(): Readonly<ChatState> {
    return this.holder.state;
  }

  private get current(): Readonly<ChatState> {
    return this.holder.state;
  }

  get userId() {
    return this.options.userId;
  }

  /** The `after` of the next connection: the highest seq up to which this client holds every message. */
  get cursor() {
    return this.seqs.cursor;
  }

  get isStopped() {
    return this.stopped;
  }

  /** Hears every change of state, as the changed fields. */
  subscribe(listener: (patch: Partial<ChatState>) => void): () => void {
    return this.holder.subscribe(listener);
  }

  /** Hears every valid frame from the room, after the engine has applied it. */
  onFrame(listener: (frame: ServerFrame) => void): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  private set(patch: Partial<ChatState>) {
    this.holder.set(patch);
  }

  private batch<T>(fn: () => T): T {
    return this.holder.batch(fn);
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
    this.mine.connectionLost();
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
    this.timers.clear();
    this.typing.stop();
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
    if (!this.mine.typingDue(typing, now)) return;
    if (typing && (this.current.status !== "active" || this.current.blocked)) return;
    if (this.writeFrame({ type: "typing", typing })) this.mine.typingWasSent(typing, now);
  }

  /** Moves my read cursor forward (never back). Call it while the conversation is on screen. */
  markRead(seq: number) {
    if (!this.mine.readDue(seq) || !this.synced) return;
    if (this.writeFrame({ type: "read", seq })) this.mine.readAt(seq);
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
        this.mine.readAt(frame.readCursors[this.options.userId] ?? 0);
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
        this.seqs.syncedTo(frame.lastSeq);
        this.synced = true;
        this.set({ connection: "live" });
        this.flush();
        return;
      case "message": {
        const { type: _type, ...message } = frame;
        this.addMessages([message]);
        this.typing.clear(message.senderId);
        return;
      }
      case "ack":
        return this.acknowledge(frame);
      case "error":
        return this.refused(frame);
      case "presence": {
        const online = this.current.online;
        this.set({ online: frame.online ? [...new Set([...online, frame.userId])] : online.filter((id) => id !== frame.userId) });
        if (!frame.online) this.typing.clear(frame.userId);
        return;
      }
      case "typing":
        if (frame.userId === this.options.userId) return;
        if (frame.typing) this.typing.show(frame.userId);
        else this.typing.clear(frame.userId);
        return;
      case "read":
        this.set({ readCursors: { ...this.current.readCursors, [frame.userId]: Math.max(this.current.readCursors[frame.userId] ?? 0, frame.seq) } });
        if (frame.userId === this.options.userId) this.mine.readAt(frame.seq);
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
      this.seqs.hold([frame.seq]);
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

  /** Messages from the room: stored by seq, and my own ones taken out of the outbox. */
  private addMessages(messages: ChatMessage[]) {
    if (!messages.length) return;
    this.seqs.hold(messages.map((message) => message.seq));
    this.insertMessages(messages);
    // My message came back before (or instead of) its ack: the write happened, so it is done.
    const mine = messages.filter((message) => message.senderId === this.options.userId).map((message) => message.clientId);
    if (mine.length && this.current.pending.some((item) => mine.includes(item.clientId))) {
      for (const clientId of mine) this.inFlight.delete(clientId);
      this.reconcilePending(this.outbox.remove(mine));
    }
  }

  private insertMessages(incoming: ChatMessage[]) {
    this.set({ messages: mergeMessages(this.current.messages, incoming) });
  }

  /** The pending list is the outbox, minus anything the room already holds. */
  private reconcilePending(items: OutboxItem[]) {
    const stored = new Set(this.current.messages.filter((message) => message.senderId === this.options.userId).map((message) => message.clientId));
    const already = items.filter((item) => stored.has(item.clientId));
    const pending = already.length ? this.outbox.remove(already.map((item) => item.clientId)) : items;
    this.set({ pending });
  }
}

/** The room refuses frames over MAX_FRAME_BYTES; check the whole encoded frame, not just its length. */
function fitsInFrame(body: string): boolean {
  const frame: ClientFrame = { type: "send", clientId: "00000000-0000-0000-0000-000000000000", body };
  return new TextEncoder().encode(JSON.stringify(frame)).byteLength <= MAX_FRAME_BYTES;
}
