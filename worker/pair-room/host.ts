import type { RoomErrorCode, ServerFrame } from "../../shared/protocol.ts";
import type { Env } from "../env.ts";

export type RoomResult<T> = { ok: true; value: T } | { ok: false; code: RoomErrorCode; message: string };
export const ok = <T>(value: T): RoomResult<T> => ({ ok: true, value });
export const fail = <T = never>(code: RoomErrorCode, message: string): RoomResult<T> => ({ ok: false, code, message });

export const DAY_MS = 86_400_000;

/** What a socket remembers across hibernation: who opened it, and with which session. */
export type SocketAttachment = { userId: string; sessionHash: string };

/**
 * The narrow surface every capability module works through. The Durable Object class implements it;
 * modules never see the class, so each one can be read (and tested) on its own.
 */
export interface RoomHost {
  readonly sql: SqlStorage;
  readonly storage: DurableObjectStorage;
  readonly env: Env;
  now(): number;
  /** Open sockets, all of them or one person's (sockets are tagged with the user id). */
  sockets(userId?: string): WebSocket[];
  /** Accepts a hibernatable socket, tagged with its person's id. */
  accept(ws: WebSocket, userId: string): void;
  send(ws: WebSocket, frame: ServerFrame): void;
  broadcast(frame: ServerFrame, except?: WebSocket): void;
  waitUntil(promise: Promise<unknown>): void;
}

export function attachmentOf(ws: WebSocket): SocketAttachment {
  return ws.deserializeAttachment() as SocketAttachment;
}

/** The host a PairRoom gives its modules: its storage, its sockets and the clock. */
export function createRoomHost(ctx: DurableObjectState, env: Env): RoomHost {
  const send = (ws: WebSocket, frame: ServerFrame) => {
    try {
      ws.send(JSON.stringify(frame));
    } catch {
      // The socket is closing; its close handler cleans up.
    }
  };
  return {
    sql: ctx.storage.sql,
    storage: ctx.storage,
    env,
    now: () => Date.now(),
    sockets: (userId) => (userId === undefined ? ctx.getWebSockets() : ctx.getWebSockets(userId)),
    accept: (ws, userId) => ctx.acceptWebSocket(ws, [userId]),
    send,
    broadcast(frame, except) {
      const text = JSON.stringify(frame);
      for (const ws of ctx.getWebSockets()) {
        if (ws === except) continue;
        try {
          ws.send(text);
        } catch {
          // closing
        }
      }
    },
    waitUntil: (promise) => ctx.waitUntil(promise),
  };
}
