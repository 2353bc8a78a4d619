import type { Checkin } from "../../shared/protocol.ts";
import { notify } from "../notifications/notify.ts";
import { ok, type RoomHost, type RoomResult } from "./host.ts";
import type { RoomState } from "./state.ts";

type CheckinRow = { id: string; client_id: string; author_id: string; mood: number; note: string; created_at: number };
const toCheckin = (r: CheckinRow): Checkin => ({ id: r.id, clientId: r.client_id, authorId: r.author_id, mood: r.mood, note: r.note, createdAt: r.created_at });

/** The weekly check-in, and the reminder that goes out when a cadence passes without one. */
export class Checkins {
  constructor(
    private readonly host: RoomHost,
    private readonly state: RoomState,
    private readonly onChange: () => Promise<void>,
  ) {}

  list(limit = 50): Checkin[] {
    return this.host.sql.exec<CheckinRow>("SELECT * FROM checkins ORDER BY created_at DESC LIMIT ?", limit).toArray().map(toCheckin);
  }

  times(limit: number): number[] {
    return this.host.sql
      .exec<{ created_at: number }>("SELECT created_at FROM checkins ORDER BY created_at DESC LIMIT ?", limit)
      .toArray()
      .map((r) => r.created_at);
  }

  async create(userId: string, input: { clientId: string; mood: number; note: string }): Promise<RoomResult<Checkin>> {
    const existing = this.host.sql.exec<CheckinRow>("SELECT * FROM checkins WHERE author_id = ? AND client_id = ?", userId, input.clientId).toArray()[0];
    if (existing && this.state.isMember(userId)) return ok(toCheckin(existing));
    const allowed = this.state.canWrite(userId);
    if (!allowed.ok) return allowed;
    const checkin: Checkin = {
      id: crypto.randomUUID(),
      clientId: input.clientId,
      authorId: userId,
      mood: input.mood,
      note: input.note,
      createdAt: this.host.now(),
    };
    this.host.sql.exec(
      "INSERT INTO checkins (id, client_id, author_id, mood, note, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      checkin.id,
      checkin.clientId,
      userId,
      checkin.mood,
      checkin.note,
      checkin.createdAt,
    );
    this.state.touch(checkin.createdAt);
    // The next reminder is due one cadence after this check-in.
    await this.host.storage.setAlarm(checkin.createdAt + this.state.cadenceMs());
    this.host.broadcast({ type: "checkin", checkin });
    await this.onChange();
    return ok(checkin);
  }

  /** The first reminder is due one cadence after the pair started. */
  async scheduleFirstReminder() {
    await this.host.storage.setAlarm(this.state.startedAt() + this.state.cadenceMs());
  }

  /**
   * The weekly reminder. Alarms are the room's only timer: when a cadence passes without a check-in,
   * both people get an in-app notification, and the next alarm is set. An ended pair sets no more.
   */
  async onAlarm(): Promise<void> {
    const pairId = this.state.pairId;
    if (!pairId || this.state.status !== "active") return;
    const now = this.host.now();
    const cadence = this.state.cadenceMs();
    const last = this.times(1)[0] ?? this.state.startedAt();
    if (now - last < cadence - 60_000) {
      await this.host.storage.setAlarm(last + cadence);
      return;
    }
    const members = this.state.members();
    const programTitle = this.state.meta("program_title") ?? "";
    // In-app, plus email and push by each person's preferences. The id names the cadence period, so a
    // retried alarm notifies once.
    const period = Math.floor((now - this.state.startedAt()) / cadence);
    await notify(
      this.host.env,
      this.host,
      members.map((member) => ({
        id: `checkin_reminder:${pairId}:${member.user_id}:${period}`,
        userId: member.user_id,
        kind: "checkin_reminder" as const,
        data: { pairId, programTitle, otherName: members.find((m) => m.user_id !== member.user_id)?.display_name ?? "" },
      })),
    );
    this.state.setMeta("last_reminder_at", String(now));
    await this.host.storage.setAlarm(now + cadence);
  }
}
