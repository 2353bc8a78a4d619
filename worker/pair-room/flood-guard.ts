import { CLOSE, type ClientFrame } from "../../shared/protocol.ts";
import { ROOM_LIMITS } from "../../shared/rules/write-limits.ts";
import type { Chat } from "./chat.ts";
import { attachmentOf, setAttachment, type RoomHost, type SocketAttachment } from "./host.ts";
import type { RoomState } from "./state.ts";

/** A socket's attachment once the guard has stamped it with when it opened (for "oldest first"). */
type StampedAttachment = SocketAttachment & { openedAt?: number };

type Pending = { typing?: boolean; read?: number; timer?: ReturnType<typeof setTimeout> };

/**
 * Keeps one person from flooding the other (issue 13): at most ROOM_LIMITS.socketsPerPerson sockets per
 * person (the oldest closes with CLOSE.tooManySockets), typing and read frames relayed at most once per
 * ROOM_LIMITS.signalIntervalMs per person and kind with the latest state winning, and read cursors
 * written at most once per ROOM_LIMITS.readCursorWriteMs. Chat sends have their own window (chat.ts).
 *
 * The pending state lives in memory: while a flush timer is set the object stays awake, and a read
 * cursor not yet written when the object is evicted is only as stale as one interval.
 */
export class FloodGuard {
  private readonly lastTyping = new Map<string, number>();
  private readonly lastRead = new Map<string, number>();
  private readonly lastCursorWrite = new Map<string, number>();
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly host: RoomHost,
    private readonly state: RoomState,
    private readonly chat: Chat,
  ) {}

  /** After an upgrade: stamps new sockets with their opening time and closes this person's oldest beyond the cap. */
  capSockets(userId: string): void {
    const now = this.host.now();
    const open = this.host.sockets(userId).filter((ws) => ws.readyState === WebSocket.OPEN);
    const stamped = open.map((ws) => {
      const attachment = attachmentOf(ws) as StampedAttachment;
      if (attachment.openedAt === undefined) setAttachment<StampedAttachment>(ws, { ...attachment, openedAt: now });
      return { ws, openedAt: attachment.openedAt ?? now };
    });
    const excess = stamped.length - ROOM_LIMITS.socketsPerPerson;
    if (excess <= 0) return;
    stamped.sort((a, b) => a.openedAt - b.openedAt);
    for (const { ws } of stamped.slice(0, excess)) {
      this.host.send(ws, {
        type: "error",
        code: "rate_limited",
        message: `At most ${ROOM_LIMITS.socketsPerPerson} connections per person: this one was replaced by a newer one.`,
      });
      try {
        ws.close(CLOSE.tooManySockets, "too_many_sockets");
      } catch {
        // already closing
      }
    }
  }

  /** Takes typing and read frames (returns true); every other frame is left to the socket dispatcher. */
  handle(ws: WebSocket, frame: ClientFrame): boolean {
    if (frame.type !== "typing" && frame.type !== "read") return false;
    const { userId } = attachmentOf(ws);
    if (frame.type === "typing") {
      if (!this.state.canWrite(userId).ok) return true;
      this.entry(userId).typing = frame.typing;
    } else {
      if (!this.state.canRead(userId).ok) return true;
      const seq = Math.min(frame.seq, this.chat.lastSeq());
      const entry = this.entry(userId);
      entry.read = Math.max(entry.read ?? 0, seq);
    }
    this.flush(userId);
    return true;
  }

  private entry(userId: string): Pending {
    let entry = this.pending.get(userId);
    if (!entry) {
      entry = {};
      this.pending.set(userId, entry);
    }
    return entry;
  }

  /** Relays what is due now, and sets one timer for whatever has to wait. */
  private flush(userId: string) {
    const entry = this.pending.get(userId);
    if (!entry) return;
    const now = this.host.now();
    let wait = Number.POSITIVE_INFINITY;
    if (entry.typing !== undefined) {
      const due = (this.lastTyping.get(userId) ?? 0) + ROOM_LIMITS.signalIntervalMs;
      if (now >= due) {
        this.lastTyping.set(userId, now);
        this.relay({ type: "typing", userId, typing: entry.typing }, userId);
        entry.typing = undefined;
      } else wait = Math.min(wait, due - now);
    }
    if (entry.read !== undefined) {
      const writeDue = (this.lastCursorWrite.get(userId) ?? 0) + ROOM_LIMITS.readCursorWriteMs;
      const relayDue = (this.lastRead.get(userId) ?? 0) + ROOM_LIMITS.signalIntervalMs;
      if (now >= writeDue) {
        this.lastCursorWrite.set(userId, now);
        this.lastRead.set(userId, now);
        this.host.broadcast({ type: "read", userId, seq: this.chat.markRead(userId, entry.read) });
        entry.read = undefined;
      } else {
        // The receipt can go out before the cursor is stored; the write follows within a second.
        if (now >= relayDue) {
          this.lastRead.set(userId, now);
          const stored = this.chat.readCursors()[userId] ?? 0;
          this.host.broadcast({ type: "read", userId, seq: Math.max(stored, entry.read) });
        }
        wait = Math.min(wait, writeDue - now);
      }
    }
    if (entry.timer !== undefined) clearTimeout(entry.timer);
    entry.timer = undefined;
    if (wait !== Number.POSITIVE_INFINITY) entry.timer = setTimeout(() => this.flush(userId), wait);
    else this.pending.delete(userId);
  }

  /** Typing goes to everyone but the typist's own sockets. */
  private relay(frame: { type: "typing"; userId: string; typing: boolean }, userId: string) {
    const text = JSON.stringify(frame);
    for (const ws of this.host.sockets()) {
      if ((attachmentOf(ws) as StampedAttachment).userId === userId) continue;
      try {
        ws.send(text);
      } catch {
        // closing
      }
    }
  }
}
