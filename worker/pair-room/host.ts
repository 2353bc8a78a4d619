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

/**
 * Attachments read since this object woke, so a frame does not pay for deserializing its socket's
 * attachment each time. Written only through setAttachment, which keeps this in step; after an eviction
 * the sockets are new objects and the attachments are read again.
 */
const attachments = new WeakMap<WebSocket, SocketAttachment>();

export function attachmentOf(ws: WebSocket): SocketAttachment {
  let attachment = attachments.get(ws);
  if (!attachment) {
    attachment = ws.deserializeAttachment() as SocketAttachment;
    attachments.set(ws, attachment);
  }
  return attachment;
}

export function setAttachment<T extends SocketAttachment>(ws: WebSocket, attachment: T): void {
  ws.serializeAttachment(attachment);
  attachments.set(ws, attachment);
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
