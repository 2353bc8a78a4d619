// What one person's chat client holds (ChatState), how views hear about changes, and what a closed
// socket means. The engine (engine.ts) is the only writer.
import type { PairStatus } from "../../../../shared/api/pairs.ts";
import { CLOSE } from "../../../../shared/protocol-constants.ts";
import type { ChatMessage } from "./frames.ts";
import type { OutboxItem } from "./outbox.ts";

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

export type SendResult = { ok: true; clientId: string } | { ok: false; reason: "empty" | "too_long" };

/** What a closed socket means for this client: try again, or stop and why. */
export type CloseOutcome = "reconnect" | "blocked" | "signed_out" | "removed" | "replaced";

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

/** The state, replaced (never mutated) on every change, and the listeners that hear each change. */
export class StateHolder {
  private current: ChatState;
  private readonly listeners = new Set<(patch: Partial<ChatState>) => void>();
  private batchDepth = 0;
  private batchedPatch: Partial<ChatState> = {};

  constructor(initial: ChatState) {
    this.current = initial;
  }

  get state(): Readonly<ChatState> {
    return this.current;
  }

  /** Hears every change of state, as the changed fields. */
  subscribe(listener: (patch: Partial<ChatState>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  set(patch: Partial<ChatState>) {
    this.current = { ...this.current, ...patch };
    if (this.batchDepth > 0) this.batchedPatch = { ...this.batchedPatch, ...patch };
    else for (const listener of this.listeners) listener(patch);
  }

  /** Runs `fn` and tells listeners about all of its changes at once, so no view sees a halfway state. */
  batch<T>(fn: () => T): T {
    this.batchDepth += 1;
    try {
      return fn();
    } finally {
      this.batchDepth -= 1;
      if (this.batchDepth === 0 && Object.keys(this.batchedPatch).length) {
        const patch = this.batchedPatch;
        this.batchedPatch = {};
        for (const listener of this.listeners) listener(patch);
      }
    }
  }
}
