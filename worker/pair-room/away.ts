import { notify } from "../notifications/notify.ts";
import type { RoomHost } from "./host.ts";
import type { RoomState } from "./state.ts";

/** A message unread this long, with the recipient nowhere in the pair, becomes one email. */
export const AWAY_AFTER_MS = 15 * 60 * 1000;
const PREVIEWS = 3;
const PREVIEW_CHARS = 200;

type Unread = { seq: number; body: string; sent_at: number };

/**
 * "New messages while away": when a message stays unread for 15 minutes and its recipient has no open
 * socket in this room, one notification "N new messages from <name>" goes out (email and push, by the
 * recipient's preferences). Never one per message: after a notice, nothing more is sent to that person
 * until they have read up to what they were told about. State lives in the room's meta, per recipient's
 * role (never their id, so an erased account leaves nothing here): `away_due:<role>` (when to look) and
 * `away_told:<role>` (the last seq they were told about).
 * The room has one alarm, shared with the check-in reminder: this module only ever brings it forward.
 */
export class AwayNotices {
  constructor(
    private readonly host: RoomHost,
    private readonly state: RoomState,
    private readonly readCursors: () => Record<string, number>,
  ) {}

  /**
   * Roles with a notice already due, as far as this object has seen: while one is due, a new message to
   * that person has nothing to add, so the chat's hot path skips the lookups. Only this module clears a
   * due notice (onAlarm), and it forgets the role there.
   */
  private readonly dueKnown = new Set<string>();

  /** Called after a new chat message is stored. */
  messageStored(at: number, senderId: string): void {
    const recipient = this.state.members().find((m) => m.user_id !== senderId);
    if (!recipient || this.dueKnown.has(recipient.role)) return;
    if (this.state.meta(`away_due:${recipient.role}`)) {
      this.dueKnown.add(recipient.role);
      return;
    }
    // Told already and not back since: stay quiet.
    const told = Number(this.state.meta(`away_told:${recipient.role}`) ?? 0);
    if (told > 0 && (this.readCursors()[recipient.user_id] ?? 0) < told) return;
    this.state.setMeta(`away_due:${recipient.role}`, String(at + AWAY_AFTER_MS));
    this.dueKnown.add(recipient.role);
    this.host.waitUntil(this.ensureAlarm());
  }

  /** Brings the room's alarm forward to the earliest due notice, never later. */
  async ensureAlarm(): Promise<void> {
    const due = this.nextDue();
    if (due === null) return;
    const current = await this.host.storage.getAlarm();
    if (current === null || due < current) await this.host.storage.setAlarm(due);
  }

  private nextDue(): number | null {
    const dues = this.host.sql
      .exec<{ value: string }>("SELECT value FROM meta WHERE key LIKE 'away_due:%'")
      .toArray()
      .map((row) => Number(row.value));
    return dues.length ? Math.min(...dues) : null;
  }

  /** Runs on every alarm, after the check-in reminder's own logic. */
  async onAlarm(): Promise<void> {
    const pairId = this.state.pairId;
    if (!pairId) return;
    const now = this.host.now();
    const members = this.state.members();
    for (const member of members) {
      const dueKey = `away_due:${member.role}`;
      this.dueKnown.delete(member.role);
      const due = Number(this.state.meta(dueKey) ?? 0);
      if (!due || due > now) continue;
      const other = members.find((m) => m.user_id !== member.user_id);
      const from = Math.max(this.readCursors()[member.user_id] ?? 0, Number(this.state.meta(`away_told:${member.role}`) ?? 0));
      const unread = this.host.sql
        .exec<Unread>("SELECT seq, body, sent_at FROM messages WHERE seq > ? AND sender_id != ? ORDER BY seq", from, member.user_id)
        .toArray();
      const here = this.host.sockets(member.user_id).some((ws) => ws.readyState === WebSocket.OPEN);
      if (!unread.length || this.state.status !== "active") {
        this.host.sql.exec("DELETE FROM meta WHERE key = ?", dueKey);
        continue;
      }
      if (here || unread[0]!.sent_at > now - AWAY_AFTER_MS + 1000) {
        // They are in the pair (or the oldest unread one is not old enough yet): look again later.
        this.state.setMeta(dueKey, String(Math.max(now, unread[0]!.sent_at) + AWAY_AFTER_MS));
        continue;
      }
      const lastSeq = unread[unread.length - 1]!.seq;
      await notify(this.host.env, this.host, [
        {
          id: `away:${pairId}:${member.role}:${lastSeq}`,
          userId: member.user_id,
          kind: "messages_waiting",
          inApp: false,
          data: {
            pairId,
            count: unread.length,
            fromName: other?.display_name ?? "",
            // Dropped by the consumer unless the recipient turned previews on.
            previews: unread.slice(-PREVIEWS).map((m) => (m.body.length > PREVIEW_CHARS ? `${m.body.slice(0, PREVIEW_CHARS - 1)}…` : m.body)),
          },
        },
      ]);
      this.state.setMeta(`away_told:${member.role}`, String(lastSeq));
      this.host.sql.exec("DELETE FROM meta WHERE key = ?", dueKey);
    }
    await this.ensureAlarm();
  }
}
