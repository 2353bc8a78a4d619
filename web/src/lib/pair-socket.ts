// The pair room's live connection, seen from one person's browser: a reconnecting socket (partysocket),
// catch-up from the last message held, and an outbox that keeps every typed message until the room has
// acknowledged writing it.
//
// The guarantees, and what each one rests on:
// - Nothing typed is lost. A message goes into localStorage *before* it is sent, and leaves it only when
//   the room's `ack` (sent after the write is durable) or the message itself comes back. After every
//   (re)connect, and after a page reload, whatever is still in the outbox is sent again, in order.
// - Nothing is duplicated. The room stores a message once per (sender, clientId) and answers a resend
//   with the original seq; here messages are kept by seq, so a message seen twice is shown once.
// - Nothing is missed. Every connection asks for the messages `after` the last seq up to which this
//   client holds everything; the room replays them before any live frame.
//
// This module must only be imported by the lazily loaded pair page, so partysocket stays out of the
// entry chunk. It imports the protocol as types only: zod never reaches the SPA.
import { WebSocket as PartySocket } from "partysocket";
import { batch } from "solid-js";
import { createStore, produce, reconcile } from "solid-js/store";
import type { PairDetailResponse } from "../../../shared/api/room.ts";
import type { PairStatus } from "../../../shared/api/pairs.ts";
import type {
  ChatMessage,
  ClientFrame,
  CLOSE as ProtocolClose,
  MAX_FRAME_BYTES as ProtocolMaxFrameBytes,
  MESSAGE_MAX_CHARS as ProtocolMessageMaxChars,
  ServerFrame,
} from "../../../shared/protocol.ts";
import { api, ApiError } from "./api.ts";

// Typed as the protocol's constants: changing one side without the other fails the type check.
export const MESSAGE_MAX_CHARS: typeof ProtocolMessageMaxChars = 4000;
const MAX_FRAME_BYTES: typeof ProtocolMaxFrameBytes = 16 * 1024;
const CLOSE_BLOCKED: (typeof ProtocolClose)["blocked"] = 4003;
const CLOSE_NOT_MEMBER: (typeof ProtocolClose)["removed"] = 4004;

/** How many older messages one "Load older messages" brings. */
export const OLDER_PAGE_SIZE = 50;
const HEARTBEAT_EVERY_MS = 25_000;
/**
 * With no frame at all for this long (pongs included), the socket is presumed dead and replaced. Longer
 * than a minute, because background tabs may run timers only once a minute.
 */
const SILENCE_LIMIT_MS = 90_000;
const RATE_LIMIT_RETRY_MS = 3_000;
/** Another person's "typing" fades on its own if their "stopped typing" never arrives. */
const TYPING_FADES_AFTER_MS = 8_000;
/** While someone keeps typing, "typing: true" is repeated at most this often. */
const TYPING_REPEAT_MS = 3_000;

export type { ChatMessage, ServerFrame };

/** Why a message could not be sent and will not be retried on its own. */
export type SendFailure = "pair_ended" | "blocked" | "rejected";

/** A message of mine the room has not acknowledged yet: being sent, or failed and waiting for the person. */
export type OutboxItem = { clientId: string; body: string; createdAt: number; failed?: SendFailure };

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
  /** Stopped for good: signed out, no longer a member, or the page was left. */
  | "closed";

export type PairChatState = {
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

type Frame<T extends ServerFrame["type"]> = Extract<ServerFrame, { type: T }>;

// ---------------------------------------------------------------------------------------------------
// Inbound frames are checked at the edge, by hand: the SPA does not ship zod. A frame that does not
// match is ignored rather than trusted.

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;
const isInt = (value: unknown): value is number => Number.isInteger(value);
const isString = (value: unknown): value is string => typeof value === "string";
const isStatus = (value: unknown): value is PairStatus => value === "active" || value === "completed" || value === "ended";

function isChatMessage(value: unknown): value is ChatMessage {
  return isObject(value) && isInt(value.seq) && isString(value.clientId) && isString(value.senderId) && isString(value.body) && isInt(value.sentAt);
}

function isCursorRecord(value: unknown): value is Record<string, number> {
  return isObject(value) && Object.values(value).every(isInt);
}

/** Checks the fields this client relies on; panels check the rest of what they render. */
export function parseServerFrame(raw: unknown): ServerFrame | null {
  if (typeof raw !== "string") return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isObject(data) || !isString(data.type)) return null;
  const ok = (() => {
    switch (data.type) {
      case "hello":
        return isString(data.userId) && isStatus(data.status) && isInt(data.lastSeq) && Array.isArray(data.online) && data.online.every(isString) && isCursorRecord(data.readCursors) && typeof data.blocked === "boolean";
      case "history":
        return Array.isArray(data.messages) && data.messages.every(isChatMessage);
      case "synced":
        return isInt(data.lastSeq);
      case "message":
        return isChatMessage(data);
      case "ack":
        return isString(data.clientId) && isInt(data.seq);
      case "presence":
        return isString(data.userId) && typeof data.online === "boolean";
      case "typing":
        return isString(data.userId) && typeof data.typing === "boolean";
      case "read":
        return isString(data.userId) && isInt(data.seq);
      case "steps":
        return Array.isArray(data.steps) && data.steps.every((step) => isObject(step) && isString(step.id) && Array.isArray(step.activities));
      case "post":
        return isObject(data.post) && isString(data.post.id) && isString(data.post.title) && Array.isArray(data.post.comments);
      case "comment":
        return isObject(data.comment) && isString(data.comment.id) && isString(data.comment.postId) && isString(data.comment.body);
      case "checkin":
        return isObject(data.checkin) && isString(data.checkin.id) && isInt(data.checkin.mood);
      case "status":
        return isStatus(data.status) && typeof data.blocked === "boolean";
      case "pong":
        return true;
      case "error":
        return isString(data.code) && isString(data.message) && (data.clientId === undefined || isString(data.clientId));
      default:
        return false;
    }
  })();
  return ok ? (data as ServerFrame) : null;
}

// ---------------------------------------------------------------------------------------------------
// The outbox, in localStorage so that it survives a reload (and is shared by the person's tabs).

function isOutboxItem(value: unknown): value is OutboxItem {
  return (
    isObject(value) &&
    isString(value.clientId) &&
    isString(value.body) &&
    isInt(value.createdAt) &&
    (value.failed === undefined || value.failed === "pair_ended" || value.failed === "blocked" || value.failed === "rejected")
  );
}

export const outboxKey = (pairId: string, userId: string) => `outbox:${pairId}:${userId}`;

/**
 * Every change re-reads storage first, so two tabs of the same person do not overwrite each other's
 * items. When storage is unavailable (private mode, quota), the outbox lives in memory for this page.
 */
class Outbox {
  private memory: OutboxItem[] = [];
  private storageWorks = true;

  constructor(readonly key: string) {}

  read(): OutboxItem[] {
    if (!this.storageWorks) return [...this.memory];
    let raw: string | null;
    try {
      raw = localStorage.getItem(this.key);
    } catch {
      this.storageWorks = false;
      return [...this.memory];
    }
    try {
      const parsed: unknown = raw === null ? [] : JSON.parse(raw);
      return Array.isArray(parsed) ? parsed.filter(isOutboxItem) : [];
    } catch {
      return []; // Not ours, or damaged: the next write replaces it.
    }
  }

  private write(items: OutboxItem[]) {
    this.memory = items;
    if (!this.storageWorks) return;
    try {
      if (items.length) localStorage.setItem(this.key, JSON.stringify(items));
      else localStorage.removeItem(this.key);
    } catch {
      // Storage is full or disabled: from now on the outbox lives in memory, and is still sent from here.
      this.storageWorks = false;
    }
  }

  add(item: OutboxItem): OutboxItem[] {
    const items = this.read();
    if (!items.some((existing) => existing.clientId === item.clientId)) items.push(item);
    this.write(items);
    return items;
  }

  remove(clientIds: Iterable<string>): OutboxItem[] {
    const gone = new Set(clientIds);
    const items = this.read();
    const kept = items.filter((item) => !gone.has(item.clientId));
    if (kept.length !== items.length) this.write(kept);
    return kept;
  }

  update(clientId: string, failed: SendFailure | undefined): OutboxItem[] {
    const items = this.read().map((item) => {
      if (item.clientId !== clientId) return item;
      const { failed: _previous, ...rest } = item;
      return failed ? { ...rest, failed } : rest;
    });
    this.write(items);
    return items;
  }
}

// ---------------------------------------------------------------------------------------------------

export type PairChatOptions = {
  pairId: string;
  /** The signed-in person. */
  userId: string;
  /** The latest page of messages, as GET /api/pairs/:pairId/messages returned it, and the room snapshot. */
  initial: { messages: ChatMessage[]; hasMore: boolean; room: Pick<PairDetailResponse["room"], "status" | "blocked" | "readCursors"> };
  /** Called when a reconnect finds the session gone (401). */
  onSignedOut?: () => void;
};

/** What the room said when a connection attempt failed, found out over plain HTTP. */
type Probe = "retry" | "blocked" | "gone" | "signed_out";

export type SendResult = { ok: true; clientId: string } | { ok: false; reason: "empty" | "too_long" };

/**
 * One person's live view of a pair's chat. Create it once the first page of messages is loaded, call
 * `start()`, and `stop()` when leaving the page. Its `state` is a Solid store.
 */
export class PairChat {
  readonly state: PairChatState;
  private readonly setState: ReturnType<typeof createStore<PairChatState>>[1];
  private readonly outbox: Outbox;
  private socket: PartySocket | null = null;
  private listeners = new Set<(frame: ServerFrame) => void>();

  /** Every seq this client holds: received from the room, or my own message completed by its ack. */
  private readonly heldSeqs = new Set<number>();
  /** The highest seq up to which this client holds every message: the `after` of the next connection. */
  private cursor = 0;
  /** Sends written to the current socket and not yet answered. Cleared on every new connection. */
  private inFlight = new Set<string>();
  private synced = false;
  private attemptOpened = true;
  private lastFrameAt = 0;
  private lastReadSent = 0;
  private typingSent = false;
  private typingSentAt = 0;
  private timers = new Set<ReturnType<typeof setTimeout>>();
  private typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private stopped = false;

  constructor(private readonly options: PairChatOptions) {
    this.outbox = new Outbox(outboxKey(options.pairId, options.userId));
    const { messages, hasMore, room } = options.initial;
    const sorted = dedupeBySeq(messages);
    for (const message of sorted) this.heldSeqs.add(message.seq);
    this.cursor = sorted.at(-1)?.seq ?? 0;
    this.lastReadSent = room.readCursors[options.userId] ?? 0;
    const [state, setState] = createStore<PairChatState>({
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
    this.state = state;
    this.setState = setState;
    // What a previous visit left unsent is shown at once, and sent as soon as the room is reached.
    this.reconcilePending(this.outbox.read());
  }

  get userId() {
    return this.options.userId;
  }

  /** Listens to every valid frame from the room (after the chat itself has applied it). */
  onFrame(listener: (frame: ServerFrame) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start() {
    if (this.socket || this.stopped) return;
    this.socket = new PartySocket(() => this.nextUrl(), undefined, {
      minReconnectionDelay: 1_000,
      maxReconnectionDelay: 15_000,
      reconnectionDelayGrowFactor: 1.6,
      connectionTimeout: 8_000,
      // Closed because the other person blocked me, or because I am not (or no longer) of this pair:
      // trying again cannot help.
      shouldReconnectOnClose: (event) => event.code !== CLOSE_BLOCKED && event.code !== CLOSE_NOT_MEMBER,
    });
    this.socket.addEventListener("open", this.handleOpen);
    this.socket.addEventListener("message", this.handleMessage);
    this.socket.addEventListener("close", this.handleClose);
    window.addEventListener("online", this.handleOnline);
    window.addEventListener("offline", this.handleOffline);
    window.addEventListener("storage", this.handleStorage);
    this.heartbeat = setInterval(this.beat, HEARTBEAT_EVERY_MS);
  }

  stop(state: ConnectionState = "closed") {
    this.stopped = true;
    this.socket?.close(1000, "leaving");
    window.removeEventListener("online", this.handleOnline);
    window.removeEventListener("offline", this.handleOffline);
    window.removeEventListener("storage", this.handleStorage);
    clearInterval(this.heartbeat);
    for (const timer of this.timers) clearTimeout(timer);
    for (const timer of this.typingTimers.values()) clearTimeout(timer);
    this.timers.clear();
    this.typingTimers.clear();
    this.setState({ connection: state, typing: [] });
  }

  // -------------------------------------------------------------------------------------------------
  // Sending

  /** Queues a message: stored in the outbox first, then sent when (or as soon as) the room is reachable. */
  send(text: string): SendResult {
    // The room trims too; trimming here keeps the optimistic copy identical to what will be stored.
    const body = text.trim();
    if (!body) return { ok: false, reason: "empty" };
    if (body.length > MESSAGE_MAX_CHARS || !fitsInFrame(body)) return { ok: false, reason: "too_long" };
    const item: OutboxItem = { clientId: crypto.randomUUID(), body, createdAt: Date.now() };
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
    const now = Date.now();
    if (typing === this.typingSent && (!typing || now - this.typingSentAt < TYPING_REPEAT_MS)) return;
    if (typing && (this.state.status !== "active" || this.state.blocked)) return;
    if (this.write({ type: "typing", typing })) {
      this.typingSent = typing;
      this.typingSentAt = now;
    }
  }

  /** Moves my read cursor forward (never back). Call it while the conversation is on screen. */
  markRead(seq: number) {
    if (seq <= this.lastReadSent || !this.synced) return;
    if (this.write({ type: "read", seq })) this.lastReadSent = seq;
  }

  /** The seq of the newest message held. */
  latestSeq(): number {
    return this.state.messages.at(-1)?.seq ?? 0;
  }

  async loadOlder() {
    if (this.state.loadingOlder || !this.state.hasOlder) return;
    const oldest = this.state.messages[0]?.seq;
    if (oldest === undefined) return;
    this.setState({ loadingOlder: true, olderError: null });
    try {
      const page = await api.get<{ messages: ChatMessage[]; hasMore: boolean }>(
        `/pairs/${encodeURIComponent(this.options.pairId)}/messages?before=${oldest}&limit=${OLDER_PAGE_SIZE}`,
      );
      const messages = page.messages.filter(isChatMessage);
      batch(() => {
        this.addMessages(messages);
        this.setState({ hasOlder: page.hasMore, loadingOlder: false });
      });
    } catch (error) {
      this.setState({ loadingOlder: false, olderError: error });
    }
  }

  /**
   * What an HTTP answer just taught us (the end of the pair, a block), before or instead of the room's
   * own `status` frame, which a closed socket would miss.
   */
  noteRoomState(update: { status?: PairStatus; blocked?: boolean }) {
    this.setState(update);
  }

  /** Skips the backoff: used by the "Reconnect now" button. */
  reconnectNow() {
    if (this.stopped || !this.socket || this.state.connection === "blocked") return;
    this.socket.reconnect();
  }

  // -------------------------------------------------------------------------------------------------
  // Connection

  private nextUrl = async (): Promise<string> => {
    // The previous attempt never opened. A browser hides the HTTP status of a refused upgrade, so ask
    // over plain HTTP why: blocked (403), signed out (401) or gone (404) must stop the retries.
    if (!this.attemptOpened) {
      const probe = await this.probe();
      if (probe !== "retry") this.halt(probe);
    }
    const protocol = location.protocol === "https:" ? "wss:" : "ws:";
    const url = `${protocol}//${location.host}/api/pairs/${encodeURIComponent(this.options.pairId)}/ws?after=${this.cursor}`;
    // Halted (here or meanwhile): partysocket sees its socket closed and opens nothing with this URL.
    if (this.stopped) return url;
    this.attemptOpened = false;
    this.setState("connection", (current) => (current === "live" || current === "connecting" ? current : navigator.onLine === false ? "offline" : "reconnecting"));
    return url;
  };

  private async probe(): Promise<Probe> {
    try {
      const detail = await api.get<PairDetailResponse>(`/pairs/${encodeURIComponent(this.options.pairId)}`);
      this.setState({ status: detail.room.status, blocked: detail.room.blocked });
      // The room is reachable over HTTP and says contact is blocked, yet my socket was refused: I am the
      // one who was blocked (whoever blocked keeps their socket).
      return detail.room.blocked ? "blocked" : "retry";
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return "signed_out";
      if (error instanceof ApiError && error.status === 404) return "gone";
      return "retry";
    }
  }

  /** Stops reconnecting for good. */
  private halt(reason: Exclude<Probe, "retry">) {
    if (reason === "blocked") {
      this.setState({ blocked: true });
      this.stop("blocked");
      return;
    }
    this.stop("closed");
    if (reason === "signed_out") this.options.onSignedOut?.();
  }

  private handleOpen = () => {
    this.attemptOpened = true;
    this.synced = false;
    this.inFlight.clear();
    this.lastFrameAt = Date.now();
    // Still "connecting" until the room has replayed what was missed (`synced`).
  };

  private handleClose = (event: Event) => {
    this.synced = false;
    this.inFlight.clear();
    this.typingSent = false;
    const code = (event as CloseEvent).code;
    if (code === CLOSE_BLOCKED) {
      this.setState({ blocked: true });
      this.stop("blocked");
      return;
    }
    if (code === CLOSE_NOT_MEMBER) {
      this.stop("closed");
      return;
    }
    if (this.stopped) return;
    batch(() => {
      this.setState({ connection: navigator.onLine === false ? "offline" : "reconnecting", typing: [] });
      // Presence is unknown while disconnected; the next `hello` says who is there.
      this.setState("online", (online) => online.filter((id) => id === this.options.userId));
    });
  };

  private handleOnline = () => {
    if (this.stopped) return;
    this.setState("connection", (current) => (current === "offline" ? "reconnecting" : current));
    // Back online: try at once instead of waiting out the backoff.
    if (this.socket && this.socket.readyState !== WebSocket.OPEN) this.socket.reconnect();
  };

  private handleOffline = () => {
    if (this.stopped) return;
    this.setState("connection", "offline");
    // The old connection cannot be trusted any more (a laptop's socket can linger for minutes without
    // noticing). Drop it; partysocket retries with backoff, and "online" retries at once.
    this.socket?.reconnect();
  };

  /** Another tab of mine changed the outbox: show the same pending messages, and help send them. */
  private handleStorage = (event: StorageEvent) => {
    if (event.key !== this.outbox.key) return;
    this.reconcilePending(this.outbox.read());
    this.flush();
  };

  private beat = () => {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return;
    if (Date.now() - this.lastFrameAt > SILENCE_LIMIT_MS) {
      this.socket.reconnect();
      return;
    }
    this.write({ type: "ping" });
  };

  /** Writes a frame on an open socket; never queues (the outbox is the only queue). */
  private write(frame: ClientFrame): boolean {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  /** Sends, in order, every pending message not already on its way over the current connection. */
  private flush() {
    if (!this.synced || this.stopped) return;
    for (const item of this.state.pending) {
      if (item.failed || this.inFlight.has(item.clientId)) continue;
      if (!this.write({ type: "send", clientId: item.clientId, body: item.body })) return;
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

  private handleMessage = (event: MessageEvent) => {
    this.lastFrameAt = Date.now();
    const frame = parseServerFrame(event.data);
    if (!frame) return;
    this.apply(frame);
    for (const listener of this.listeners) listener(frame);
  };

  private apply(frame: ServerFrame) {
    switch (frame.type) {
      case "hello":
        this.synced = false;
        this.lastReadSent = Math.max(this.lastReadSent, frame.readCursors[this.options.userId] ?? 0);
        this.setState({
          status: frame.status,
          blocked: frame.blocked,
          online: frame.online,
          readCursors: { ...this.state.readCursors, ...frame.readCursors },
          connection: this.state.connection === "live" ? "live" : "connecting",
        });
        return;
      case "history":
        this.addMessages(frame.messages);
        return;
      case "synced":
        // Everything up to lastSeq has now been delivered on this connection.
        this.cursor = Math.max(this.cursor, frame.lastSeq);
        this.synced = true;
        this.setState("connection", "live");
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
      case "presence":
        this.setState("online", (online) => (frame.online ? [...new Set([...online, frame.userId])] : online.filter((id) => id !== frame.userId)));
        if (!frame.online) this.clearTyping(frame.userId);
        return;
      case "typing":
        if (frame.userId === this.options.userId) return;
        if (frame.typing) this.showTyping(frame.userId);
        else this.clearTyping(frame.userId);
        return;
      case "read":
        this.setState("readCursors", frame.userId, (seq) => Math.max(seq ?? 0, frame.seq));
        if (frame.userId === this.options.userId) this.lastReadSent = Math.max(this.lastReadSent, frame.seq);
        return;
      case "status":
        this.setState({ status: frame.status, blocked: frame.blocked });
        if (frame.status === "active" && !frame.blocked) {
          // Unblocked: messages that failed because of the block may go now, if the person retries.
          this.flush();
        }
        return;
      default:
        return;
    }
  }

  private acknowledge(frame: Frame<"ack">) {
    this.inFlight.delete(frame.clientId);
    const item = this.state.pending.find((pending) => pending.clientId === frame.clientId);
    batch(() => {
      if (item) {
        // The room does not echo my message to this socket: the ack (seq, sentAt) plus what I sent is
        // the stored message, so it counts as held and moves the catch-up cursor.
        this.heldSeqs.add(frame.seq);
        while (this.heldSeqs.has(this.cursor + 1)) this.cursor += 1;
        if (!this.state.messages.some((message) => message.seq === frame.seq)) {
          this.insertMessages([{ seq: frame.seq, clientId: item.clientId, senderId: this.options.userId, body: item.body, sentAt: frame.sentAt }]);
        }
      }
      this.reconcilePending(this.outbox.remove([frame.clientId]));
    });
  }

  private refused(frame: Frame<"error">) {
    const clientId = frame.clientId ?? (frame.code === "bad_frame" || frame.code === "frame_too_large" ? this.inFlight.values().next().value : undefined);
    if (!clientId) {
      if (frame.code === "blocked") {
        // Sent just before the room closes my socket with 4003.
        this.setState({ blocked: true });
      }
      return;
    }
    this.inFlight.delete(clientId);
    if (frame.code === "rate_limited") {
      // Kept in the outbox and tried again shortly, in order.
      this.later(() => this.flush(), RATE_LIMIT_RETRY_MS);
      return;
    }
    const failed: SendFailure = frame.code === "pair_ended" ? "pair_ended" : frame.code === "blocked" ? "blocked" : "rejected";
    if (failed === "blocked") this.setState("blocked", true);
    this.reconcilePending(this.outbox.update(clientId, failed));
  }

  private showTyping(userId: string) {
    clearTimeout(this.typingTimers.get(userId));
    this.typingTimers.set(
      userId,
      setTimeout(() => this.clearTyping(userId), TYPING_FADES_AFTER_MS),
    );
    if (!this.state.typing.includes(userId)) this.setState("typing", (typing) => [...typing, userId]);
  }

  private clearTyping(userId: string) {
    clearTimeout(this.typingTimers.get(userId));
    this.typingTimers.delete(userId);
    if (this.state.typing.includes(userId)) this.setState("typing", (typing) => typing.filter((id) => id !== userId));
  }

  /** Messages from the room: stored by seq, and my own ones taken out of the outbox. */
  private addMessages(messages: ChatMessage[]) {
    if (!messages.length) return;
    for (const message of messages) this.heldSeqs.add(message.seq);
    while (this.heldSeqs.has(this.cursor + 1)) this.cursor += 1;
    const mine = messages.filter((message) => message.senderId === this.options.userId).map((message) => message.clientId);
    batch(() => {
      this.insertMessages(messages);
      // My message came back before (or instead of) its ack: the write happened, so it is done.
      if (mine.length && this.state.pending.some((item) => mine.includes(item.clientId))) {
        for (const clientId of mine) this.inFlight.delete(clientId);
        this.reconcilePending(this.outbox.remove(mine));
      }
    });
  }

  private insertMessages(incoming: ChatMessage[]) {
    this.setState(
      "messages",
      produce((messages) => {
        for (const message of incoming) {
          const index = lowerBound(messages, message.seq);
          if (messages[index]?.seq === message.seq) messages[index] = message;
          else messages.splice(index, 0, message);
        }
      }),
    );
  }

  /** The pending list is the outbox, minus anything the room already holds. */
  private reconcilePending(items: OutboxItem[]) {
    const stored = new Set(this.state.messages.filter((message) => message.senderId === this.options.userId).map((message) => message.clientId));
    const already = items.filter((item) => stored.has(item.clientId));
    const pending = already.length ? this.outbox.remove(already.map((item) => item.clientId)) : items;
    this.setState("pending", reconcile(pending, { key: "clientId" }));
  }
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
  for (const message of messages) if (isChatMessage(message)) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** The room refuses frames over MAX_FRAME_BYTES; check the whole encoded frame, not just its length. */
function fitsInFrame(body: string): boolean {
  const frame: ClientFrame = { type: "send", clientId: "00000000-0000-0000-0000-000000000000", body };
  return new TextEncoder().encode(JSON.stringify(frame)).byteLength <= MAX_FRAME_BYTES;
}
