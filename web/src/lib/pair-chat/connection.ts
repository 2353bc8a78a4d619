// The thin layer between the chat engine and the network: one reconnecting socket (partysocket) with
// backoff, a heartbeat, an HTTP probe when an attempt is refused, and the device's online/offline and
// storage events. Every decision about frames, the outbox and close codes is the engine's.
import { WebSocket as PartySocket } from "partysocket";
import { PING_FRAME } from "../../../../shared/protocol-constants.ts";
import type { ChatEngine } from "./engine.ts";
import { closeOutcome } from "./state.ts";

/** What the room said, over plain HTTP, when a connection attempt failed. */
export type Probe = "retry" | "blocked" | "gone" | "signed_out";

export type ConnectionOptions = {
  /** The socket's URL for a connection that asks for the messages after `after`. */
  url: (after: number) => string;
  /**
   * Asks over plain HTTP why the last attempt never opened (a browser hides the status of a refused
   * upgrade). Without it, every failure is retried.
   */
  probe?: () => Promise<Probe>;
  /** The WebSocket class; in Node, one that adds the session's headers. */
  WebSocket?: unknown;
  /** Where "online", "offline" and "storage" events come from: `window` in the browser. */
  events?: EventTarget | null;
  /** Whether the device says it is offline (navigator.onLine === false). */
  isOffline?: () => boolean;
  backoff?: { minMs?: number; maxMs?: number; grow?: number; connectTimeoutMs?: number };
  heartbeatMs?: number;
  /** With no frame at all for this long (pongs included), the socket is presumed dead and replaced. */
  silenceMs?: number;
  /** The session is gone (a 401, or close code 4001): go to sign-in. The outbox is kept. */
  onSignedOut?: () => void;
  /** This person is no longer part of the pair (a 404, or close code 4004): reload the pair. */
  onRemoved?: () => void;
};

const HEARTBEAT_EVERY_MS = 25_000;
/** Longer than a minute, because background tabs may run timers only once a minute. */
const SILENCE_LIMIT_MS = 90_000;
const OPEN = 1;

export class ChatConnection {
  private socket: PartySocket | null = null;
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private attemptOpened = true;

  private readonly engine: ChatEngine;
  private readonly options: ConnectionOptions;

  constructor(engine: ChatEngine, options: ConnectionOptions) {
    this.engine = engine;
    this.options = options;
  }

  private offline() {
    return this.options.isOffline?.() ?? false;
  }

  start() {
    if (this.socket || this.engine.isStopped) return;
    const backoff = this.options.backoff ?? {};
    this.socket = new PartySocket(() => this.nextUrl(), undefined, {
      WebSocket: this.options.WebSocket,
      minReconnectionDelay: backoff.minMs ?? 1_000,
      maxReconnectionDelay: backoff.maxMs ?? 15_000,
      reconnectionDelayGrowFactor: backoff.grow ?? 1.6,
      connectionTimeout: backoff.connectTimeoutMs ?? 8_000,
      // Close codes that mean "do not come back" stop the retries; the engine decides which those are.
      shouldReconnectOnClose: (event) => !this.engine.isStopped && closeOutcome(event.code) === "reconnect",
    });
    this.socket.addEventListener("open", this.handleOpen);
    this.socket.addEventListener("message", this.handleMessage);
    this.socket.addEventListener("close", this.handleClose);
    const events = this.options.events;
    events?.addEventListener("online", this.handleOnline);
    events?.addEventListener("offline", this.handleOffline);
    events?.addEventListener("storage", this.handleStorage);
    this.heartbeat = setInterval(this.beat, this.options.heartbeatMs ?? HEARTBEAT_EVERY_MS);
  }

  /** Leaves: closes the socket and stops the engine (its outbox stays in storage). */
  stop(state?: Parameters<ChatEngine["stop"]>[0]) {
    if (!this.engine.isStopped) this.engine.stop(state);
    this.shutdown();
  }

  /** Skips the backoff: used by the "Reconnect now" button, and when the device is back online. */
  reconnectNow() {
    if (this.engine.isStopped || !this.socket) return;
    this.socket.reconnect();
  }

  private shutdown() {
    clearInterval(this.heartbeat);
    const events = this.options.events;
    events?.removeEventListener("online", this.handleOnline);
    events?.removeEventListener("offline", this.handleOffline);
    events?.removeEventListener("storage", this.handleStorage);
    this.socket?.close(1000, "leaving");
  }

  private nextUrl = async (): Promise<string> => {
    // The previous attempt never opened: ask over plain HTTP why. Blocked (403), signed out (401) or
    // gone (404) must stop the retries.
    if (!this.attemptOpened && this.options.probe) {
      const probe = await this.options.probe();
      if (probe !== "retry") this.halt(probe);
    }
    const url = this.options.url(this.engine.cursor);
    // Halted (here or meanwhile): partysocket sees its socket closed and opens nothing with this URL.
    if (this.engine.isStopped) return url;
    this.attemptOpened = false;
    this.engine.connecting(this.offline());
    return url;
  };

  private halt(reason: Exclude<Probe, "retry">) {
    if (reason === "blocked") {
      this.engine.noteRoomState({ blocked: true });
      this.stop("blocked");
      return;
    }
    this.stop("closed");
    if (reason === "signed_out") this.options.onSignedOut?.();
    if (reason === "gone") this.options.onRemoved?.();
  }

  private handleOpen = () => {
    this.attemptOpened = true;
    const socket = this.socket;
    this.engine.opened((text) => {
      if (!socket || socket.readyState !== OPEN) return false;
      socket.send(text);
      return true;
    });
  };

  private handleMessage = (event: MessageEvent) => this.engine.received(event.data);

  private handleClose = (event: Event) => {
    if (this.engine.isStopped) return;
    const outcome = this.engine.closed((event as CloseEvent).code, this.offline());
    if (outcome === "reconnect") return;
    this.shutdown();
    if (outcome === "signed_out") this.options.onSignedOut?.();
    if (outcome === "removed") this.options.onRemoved?.();
  };

  private handleOnline = () => {
    if (this.engine.isStopped) return;
    this.engine.cameOnline();
    // Back online: try at once instead of waiting out the backoff.
    if (this.socket && this.socket.readyState !== OPEN) this.socket.reconnect();
  };

  private handleOffline = () => {
    if (this.engine.isStopped) return;
    this.engine.wentOffline();
    // The old connection cannot be trusted any more (a laptop's socket can linger for minutes without
    // noticing). Drop it; partysocket retries with backoff, and "online" retries at once.
    this.socket?.reconnect();
  };

  private handleStorage = (event: Event) => {
    if ((event as StorageEvent).key === this.engine.outboxKey) this.engine.outboxChanged();
  };

  private beat = () => {
    if (!this.socket || this.socket.readyState !== OPEN) return;
    if (Date.now() - this.engine.lastFrameAt > (this.options.silenceMs ?? SILENCE_LIMIT_MS)) {
      this.socket.reconnect();
      return;
    }
    // Exactly this text: the room answers it without waking up.
    this.socket.send(PING_FRAME);
  };
}
