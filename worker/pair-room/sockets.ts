import { ClientFrame, HISTORY_PAGE_SIZE, MAX_FRAME_BYTES } from "../../shared/protocol.ts";
import type { Chat } from "./chat.ts";
import { attachmentOf, setAttachment, type RoomHost, type SocketAttachment } from "./host.ts";
import type { RoomState } from "./state.ts";

/** Headers the worker sets on the upgrade after it authenticated the session and checked D1. */
export const UPGRADE_USER_HEADER = "X-Pair-User";
export const UPGRADE_SESSION_HEADER = "X-Pair-Session";

/**
 * The live sockets: the upgrade with its catch-up, frame parsing and dispatch, presence, and closing
 * sockets by person or by session. Sockets use the Hibernation API, so each one's identity lives in its
 * attachment and survives eviction.
 */
export class Sockets {
  constructor(
    private readonly host: RoomHost,
    private readonly state: RoomState,
    private readonly chat: Chat,
  ) {}

  upgrade(request: Request): Response {
    const userId = request.headers.get(UPGRADE_USER_HEADER) ?? "";
    const sessionHash = request.headers.get(UPGRADE_SESSION_HEADER) ?? "";
    if (!this.state.isMember(userId)) return new Response("Not found", { status: 404 });
    if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") return new Response("Expected a WebSocket", { status: 426 });
    if (this.state.isBlockedFor(userId)) return new Response("Blocked", { status: 403 });

    const after = Math.max(0, Number.parseInt(new URL(request.url).searchParams.get("after") ?? "0", 10) || 0);
    const [client, server] = Object.values(new WebSocketPair()) as [WebSocket, WebSocket];
    const wasOnline = this.host.sockets(userId).length > 0;
    this.host.accept(server, userId);
    setAttachment<SocketAttachment>(server, { userId, sessionHash });

    this.host.send(server, {
      type: "hello",
      userId,
      status: this.state.status,
      lastSeq: this.chat.lastSeq(),
      online: this.onlineUsers(),
      readCursors: this.chat.readCursors(),
      blocked: this.state.isBlocked(),
    });
    // Catch-up first, in pages, then live messages. Nothing can interleave: this runs synchronously.
    let cursor = after;
    for (;;) {
      const page = this.chat.after(cursor, HISTORY_PAGE_SIZE);
      if (!page.length) break;
      this.host.send(server, { type: "history", messages: page });
      cursor = page.at(-1)!.seq;
      if (page.length < HISTORY_PAGE_SIZE) break;
    }
    this.host.send(server, { type: "synced", lastSeq: this.chat.lastSeq() });
    if (!wasOnline) this.host.broadcast({ type: "presence", userId, online: true }, server);
    return new Response(null, { status: 101, webSocket: client });
  }

  /** Parses a frame; on bad input answers with an error frame (the socket stays open) and returns null. */
  parse(ws: WebSocket, raw: string | ArrayBuffer): ClientFrame | null {
    // A UTF-16 code unit is at most 3 bytes of UTF-8: only long frames need measuring.
    const size = typeof raw !== "string" ? raw.byteLength : raw.length * 3 <= MAX_FRAME_BYTES ? raw.length : new TextEncoder().encode(raw).byteLength;
    if (size > MAX_FRAME_BYTES) {
      this.host.send(ws, { type: "error", code: "frame_too_large", message: `Frames are limited to ${MAX_FRAME_BYTES} bytes.` });
      return null;
    }
    let json: unknown;
    try {
      json = JSON.parse(typeof raw === "string" ? raw : new TextDecoder().decode(raw));
    } catch {
      this.host.send(ws, { type: "error", code: "bad_frame", message: "Frames must be JSON." });
      return null;
    }
    const parsed = ClientFrame.safeParse(json);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    // Name the send that failed, when the frame says which one it was.
    const named = (json as { clientId?: unknown } | null)?.clientId;
    const clientId = typeof named === "string" ? named.slice(0, 64) : undefined;
    this.host.send(ws, {
      type: "error",
      code: "bad_frame",
      message: `Invalid frame: ${issue?.path.join(".") || "type"} ${issue?.message ?? ""}`.trim(),
      ...(clientId ? { clientId } : {}),
    });
    return null;
  }

  /** Handles one valid frame from a member's socket. */
  dispatch(ws: WebSocket, frame: ClientFrame) {
    const { userId } = attachmentOf(ws);
    switch (frame.type) {
      case "send": {
        const result = this.chat.write(userId, frame.clientId, frame.body);
        if (!result.ok) return this.host.send(ws, { type: "error", code: result.code, message: result.message, clientId: frame.clientId });
        // The ack goes out only after the write: output gates hold it until the row is durable. It
        // carries what the sender lacks (seq, sentAt), so the sending socket gets no echo; the other
        // person and the sender's other tabs get the message, first: the sender already shows it.
        const { message, created } = result.value;
        if (created) this.host.broadcast({ type: "message", ...message }, ws);
        this.host.send(ws, { type: "ack", clientId: message.clientId, seq: message.seq, sentAt: message.sentAt });
        return;
      }
      case "typing":
        if (this.state.canWrite(userId).ok) this.host.broadcast({ type: "typing", userId, typing: frame.typing }, ws);
        return;
      case "read":
        this.host.broadcast({ type: "read", userId, seq: this.chat.markRead(userId, frame.seq) });
        return;
      case "ping":
        // Only a ping written differently from PING_FRAME gets here; the exact text is answered
        // by the runtime without waking the room.
        return this.host.send(ws, { type: "pong" });
    }
  }

  closed(ws: WebSocket, code: number, reason: string) {
    // Reciprocate, or the client sees 1006 instead of a clean close.
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
    } catch {
      // already closed
    }
    this.announceIfOffline(ws);
  }

  errored(ws: WebSocket) {
    this.announceIfOffline(ws);
  }

  /** Closes every socket that matches, with a code the client understands (CLOSE in shared/protocol.ts). */
  closeWhere(match: (attachment: SocketAttachment) => boolean, code: number, reason: string): number {
    let closed = 0;
    for (const ws of this.host.sockets()) {
      if (!match(attachmentOf(ws))) continue;
      try {
        ws.close(code, reason);
        closed++;
      } catch {
        // already closing
      }
      this.announceIfOffline(ws);
    }
    return closed;
  }

  private announceIfOffline(closing: WebSocket) {
    const { userId } = attachmentOf(closing);
    const stillOpen = this.host.sockets(userId).some((ws) => ws !== closing && ws.readyState === WebSocket.OPEN);
    if (!stillOpen) this.host.broadcast({ type: "presence", userId, online: false }, closing);
  }

  onlineUsers(): string[] {
    const users = new Set<string>();
    for (const ws of this.host.sockets()) if (ws.readyState === WebSocket.OPEN) users.add(attachmentOf(ws).userId);
    return [...users];
  }
}
