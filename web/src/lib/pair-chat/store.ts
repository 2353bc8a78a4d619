// The pair chat for Solid: the engine's state mirrored into a store, and the browser's pieces (the
// page's URL, localStorage, window events, the REST API) given to the engine and its connection.
// Import it only from the lazily loaded pair page, so partysocket and zod/mini stay out of the entry chunk.
import { batch } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import type { PairDetailResponse } from "../../../../shared/api/room.ts";
import type { PairStatus } from "../../../../shared/api/pairs.ts";
import { api, ApiError } from "../api.ts";
import { ChatConnection, type Probe } from "./connection.ts";
import { ChatEngine } from "./engine.ts";
import type { ChatState, SendResult } from "./state.ts";
import type { ChatMessage, ServerFrame } from "./frames.ts";
import { Outbox, outboxKey, type OutboxStorage } from "./outbox.ts";

export type { ChatMessage };
export type { OutboxItem } from "./outbox.ts";

export type PairChatOptions = {
  pairId: string;
  /** The signed-in person. */
  userId: string;
  /** The latest page of messages, as GET /api/pairs/:pairId/messages returned it, and the room snapshot. */
  initial: { messages: ChatMessage[]; hasMore: boolean; room: Pick<PairDetailResponse["room"], "status" | "blocked" | "readCursors"> };
  /** The session is gone: go to sign-in. */
  onSignedOut?: () => void;
  /** I am no longer part of this pair: read the pair again (it shows read-only, or not found). */
  onRemoved?: () => void;
};

function browserStorage(): OutboxStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // Storage disabled: the outbox lives in memory for this page.
  }
}

/**
 * One person's live view of a pair's chat. Create it once the first page of messages is loaded, call
 * `start()`, and `stop()` when leaving the page. Its `state` is a Solid store.
 */
export class PairChat {
  readonly state: ChatState;
  readonly engine: ChatEngine;
  private readonly connection: ChatConnection;

  constructor(options: PairChatOptions) {
    const pairPath = `/pairs/${encodeURIComponent(options.pairId)}`;
    this.engine = new ChatEngine({
      userId: options.userId,
      initial: options.initial,
      outbox: new Outbox(outboxKey(options.pairId, options.userId), browserStorage()),
      loadPage: (before, limit) => api.get<{ messages: unknown; hasMore: boolean }>(`${pairPath}/messages?before=${before}&limit=${limit}`),
    });
    const [state, setState] = createStore<ChatState>({ ...this.engine.state });
    this.state = state;
    this.engine.subscribe((patch) =>
      batch(() => {
        const { pending, ...rest } = patch;
        if (Object.keys(rest).length) setState(rest);
        if (pending) setState("pending", reconcile(pending, { key: "clientId" }));
      }),
    );
    this.connection = new ChatConnection(this.engine, {
      url: (after) => `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/api${pairPath}/ws?after=${after}`,
      probe: async (): Promise<Probe> => {
        try {
          const detail = await api.get<PairDetailResponse>(pairPath);
          this.engine.noteRoomState({ status: detail.room.status, blocked: detail.room.blocked });
          // The room is reachable over HTTP and says contact is blocked, yet my socket was refused: I am
          // the one who was blocked (whoever blocked keeps their socket).
          return detail.room.blocked ? "blocked" : "retry";
        } catch (error) {
          if (error instanceof ApiError && error.status === 401) return "signed_out";
          if (error instanceof ApiError && error.status === 404) return "gone";
          return "retry";
        }
      },
      events: window,
      isOffline: () => navigator.onLine === false,
      onSignedOut: options.onSignedOut,
      onRemoved: options.onRemoved,
    });
  }

  get userId() {
    return this.engine.userId;
  }

  /** Listens to every valid frame from the room (after the chat itself has applied it). */
  onFrame(listener: (frame: ServerFrame) => void): () => void {
    return this.engine.onFrame(listener);
  }

  start() {
    this.connection.start();
  }

  stop() {
    this.connection.stop();
  }

  send(text: string): SendResult {
    return this.engine.send(text);
  }

  retry(clientId: string) {
    this.engine.retry(clientId);
  }

  discard(clientId: string) {
    this.engine.discard(clientId);
  }

  setTyping(typing: boolean) {
    this.engine.setTyping(typing);
  }

  markRead(seq: number) {
    this.engine.markRead(seq);
  }

  latestSeq(): number {
    return this.engine.latestSeq();
  }

  loadOlder() {
    return this.engine.loadOlder();
  }

  noteRoomState(update: { status?: PairStatus; blocked?: boolean }) {
    this.engine.noteRoomState(update);
  }

  reconnectNow() {
    this.connection.reconnectNow();
  }
}
