import { RATE_LIMIT, type ChatMessage } from "../../shared/protocol.ts";
import { fail, ok, type RoomHost, type RoomResult } from "./host.ts";
import type { RoomState } from "./state.ts";

type MessageRow = { seq: number; client_id: string; sender_id: string; body: string; sent_at: number };
const toMessage = (row: MessageRow): ChatMessage => ({
  seq: row.seq,
  clientId: row.client_id,
  senderId: row.sender_id,
  body: row.body,
  sentAt: row.sent_at,
});

/**
 * The chat: messages with gapless seqs, idempotent by (sender, clientId), a per-member rate limit,
 * history pages and read cursors.
 */
export class Chat {
  private readonly recentSends = new Map<string, number[]>();

  constructor(
    private readonly host: RoomHost,
    private readonly state: RoomState,
    /** Called after a new message is stored (the health aggregates hear of chat activity from here). */
    private readonly onStored: (at: number, senderId: string) => void,
  ) {}

  lastSeq(): number {
    return this.host.sql.exec<{ seq: number | null }>("SELECT MAX(seq) AS seq FROM messages").one().seq ?? 0;
  }

  /** When the newest message was sent (seqs follow the order of writes, so this reads one row). */
  lastMessageAt(): number | null {
    return this.host.sql.exec<{ at: number }>("SELECT sent_at AS at FROM messages ORDER BY seq DESC LIMIT 1").toArray()[0]?.at ?? null;
  }

  /** When this person first wrote in the chat. */
  firstMessageAt(userId: string): number | null {
    return this.host.sql.exec<{ at: number }>("SELECT sent_at AS at FROM messages WHERE sender_id = ? ORDER BY seq LIMIT 1", userId).toArray()[0]?.at ?? null;
  }

  private find(userId: string, clientId: string): ChatMessage | null {
    const row = this.host.sql.exec<MessageRow>("SELECT * FROM messages WHERE sender_id = ? AND client_id = ?", userId, clientId).toArray()[0];
    return row ? toMessage(row) : null;
  }

  /**
   * Stores a message once per (sender, clientId): a resend gets the original seq back and stores
   * nothing. Seqs come from SQLite's rowid in write order, so they have no gaps.
   */
  write(userId: string, clientId: string, body: string): RoomResult<{ message: ChatMessage; created: boolean }> {
    const refused = this.state.canWrite(userId);
    const now = this.host.now();
    const limited = refused.ok && !this.withinRateLimit(userId, now);
    if (!refused.ok || limited) {
      // A resend of a message that was already stored still gets its ack, even after the end or when
      // the sender is over the limit: it was written, so it must not look lost.
      const existing = this.find(userId, clientId);
      if (existing) return ok({ message: existing, created: false });
      if (!refused.ok) return refused;
      return fail("rate_limited", `Slow down: at most ${this.rateLimit()} messages per ${RATE_LIMIT.windowMs / 1000} seconds.`);
    }
    // One statement for the common path; a duplicate clientId inserts nothing and is looked up instead.
    // Only the seq comes back: the rest of the row is what was just written.
    const row = this.host.sql
      .exec<{ seq: number }>(
        "INSERT INTO messages (client_id, sender_id, body, sent_at) VALUES (?, ?, ?, ?) ON CONFLICT (sender_id, client_id) DO NOTHING RETURNING seq",
        clientId,
        userId,
        body,
        now,
      )
      .toArray()[0];
    if (!row) return ok({ message: this.find(userId, clientId)!, created: false });
    this.recentSends.get(userId)!.push(now);
    this.onStored(now, userId);
    return ok({ message: { seq: row.seq, clientId, senderId: userId, body, sentAt: now }, created: true });
  }

  private rateLimit(): number {
    const configured = Number(this.host.env.CHAT_RATE_LIMIT_PER_10S);
    return configured > 0 ? configured : RATE_LIMIT.messages;
  }

  /**
   * Sliding window of each member's stored messages, kept in memory and rebuilt from the messages
   * table the first time a member sends after the object wakes, so the limit holds across hibernation.
   * The rebuild reads only the newest rows by seq: each of the two members has at most `limit` messages
   * in any window, so the last 2 × limit rows hold every message of the window.
   */
  private withinRateLimit(userId: string, now: number): boolean {
    const since = now - RATE_LIMIT.windowMs;
    let window = this.recentSends.get(userId);
    if (!window) {
      window = this.host.sql
        .exec<{ sender_id: string; sent_at: number }>("SELECT sender_id, sent_at FROM messages ORDER BY seq DESC LIMIT ?", 2 * this.rateLimit())
        .toArray()
        .filter((row) => row.sender_id === userId && row.sent_at > since)
        .map((row) => row.sent_at)
        .reverse();
      this.recentSends.set(userId, window);
    }
    while (window.length && window[0]! <= since) window.shift();
    return window.length < this.rateLimit();
  }

  /** Messages after `after`, oldest first, at most `limit`: the catch-up after a reconnect. */
  after(after: number, limit: number): ChatMessage[] {
    return this.host.sql.exec<MessageRow>("SELECT * FROM messages WHERE seq > ? ORDER BY seq LIMIT ?", after, limit).toArray().map(toMessage);
  }

  before(userId: string, before: number | null, limit: number): RoomResult<{ messages: ChatMessage[]; hasMore: boolean }> {
    const readable = this.state.canRead(userId);
    if (!readable.ok) return readable;
    const rows = this.host.sql
      .exec<MessageRow>("SELECT * FROM messages WHERE seq < ? ORDER BY seq DESC LIMIT ?", before ?? Number.MAX_SAFE_INTEGER, limit + 1)
      .toArray();
    return ok({ messages: rows.slice(0, limit).reverse().map(toMessage), hasMore: rows.length > limit });
  }

  /** The one message a report hands over, and nothing else. */
  forReport(userId: string, seq: number): RoomResult<ChatMessage> {
    const readable = this.state.canRead(userId);
    if (!readable.ok) return readable;
    const row = this.host.sql.exec<MessageRow>("SELECT * FROM messages WHERE seq = ?", seq).toArray()[0];
    return row ? ok(toMessage(row)) : fail("not_found", "There is no such message in this pair.");
  }

  readCursors(): Record<string, number> {
    const cursors: Record<string, number> = {};
    for (const row of this.host.sql.exec<{ user_id: string; seq: number }>("SELECT user_id, seq FROM read_cursors")) cursors[row.user_id] = row.seq;
    return cursors;
  }

  /** Moves a reader's cursor forward (never back) and returns where it stands. */
  markRead(userId: string, seq: number): number {
    this.host.sql.exec(
      `INSERT INTO read_cursors (user_id, seq, at) VALUES (?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET seq = MAX(seq, excluded.seq), at = excluded.at`,
      userId,
      Math.min(seq, this.lastSeq()),
      this.host.now(),
    );
    return this.readCursors()[userId] ?? seq;
  }
}
