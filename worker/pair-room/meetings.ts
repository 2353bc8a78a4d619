import type { Meeting } from "../../shared/api/rhythm.ts";
import { checkOptions, dueReminders, nextReminderAt, transition, type MeetingAction, type MeetingState } from "../../shared/rules/meetings.ts";
import { fail, ok, type RhythmHost, type RhythmResult } from "./rhythm-host.ts";
import type { RhythmNotice } from "./rhythm-notices.ts";

type MeetingRow = {
  id: string;
  client_id: string;
  created_by: string;
  status: Meeting["status"];
  proposed_by: string;
  options: string;
  accepted_option_id: string | null;
  starts_at: number | null;
  ends_at: number | null;
  duration_minutes: number;
  place: string | null;
  agenda: string;
  decline_note: string | null;
  changed_by: string;
  sequence: number;
  reminders_sent: string;
  created_at: number;
  updated_at: number;
};

const toMeeting = (r: MeetingRow): Meeting => ({
  id: r.id,
  status: r.status,
  proposedBy: r.proposed_by,
  options: JSON.parse(r.options) as Meeting["options"],
  acceptedOptionId: r.accepted_option_id,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  durationMinutes: r.duration_minutes,
  place: r.place,
  agenda: r.agenda,
  declineNote: r.decline_note,
  changedBy: r.changed_by,
  sequence: r.sequence,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export type ProposeInput = { clientId: string; startsAt: number[]; durationMinutes: number; place: string | null; agenda: string };
export type MeetingChange =
  | { type: "accept"; optionId: string }
  | { type: "decline"; note: string }
  | { type: "cancel" }
  | { type: "reschedule"; startsAt: number[]; durationMinutes: number };

/**
 * Meetings of the pair, in the room's SQLite. Every change raises the meeting's sequence (its calendar
 * SEQUENCE), reaches both screens as a `meeting` frame, and moves the reminders.
 */
export class Meetings {
  constructor(private readonly host: RhythmHost) {}

  private row(id: string): MeetingRow | undefined {
    return this.host.sql.exec<MeetingRow>("SELECT * FROM meetings WHERE id = ?", id).toArray()[0];
  }

  list(): Meeting[] {
    return this.host.sql.exec<MeetingRow>("SELECT * FROM meetings ORDER BY created_at DESC, id").toArray().map(toMeeting);
  }

  get(id: string): Meeting | null {
    const row = this.row(id);
    return row ? toMeeting(row) : null;
  }

  /** The next agreed meeting that has not ended yet. */
  next(now = this.host.now()): Meeting | null {
    const row = this.host.sql.exec<MeetingRow>("SELECT * FROM meetings WHERE status = 'accepted' AND ends_at > ? ORDER BY starts_at LIMIT 1", now).toArray()[0];
    return row ? toMeeting(row) : null;
  }

  /** End times of agreed meetings (held once they are past), for the program report. */
  agreedEnds(): number[] {
    return this.host.sql
      .exec<{ ends_at: number }>("SELECT ends_at FROM meetings WHERE status = 'accepted' ORDER BY ends_at")
      .toArray()
      .map((r) => r.ends_at);
  }

  propose(userId: string, input: ProposeInput): RhythmResult<Meeting> {
    const existing = this.host.sql.exec<MeetingRow>("SELECT * FROM meetings WHERE created_by = ? AND client_id = ?", userId, input.clientId).toArray()[0];
    if (existing && this.host.isMember(userId)) return ok(toMeeting(existing));
    const allowed = this.host.canWrite(userId);
    if (!allowed.ok) return allowed;
    const now = this.host.now();
    const issue = checkOptions(input.startsAt, input.durationMinutes, now)[0];
    if (issue) return fail("validation_failed", issue.message, issue.path);
    const id = crypto.randomUUID();
    const options = input.startsAt.map((startsAt) => ({ id: crypto.randomUUID(), startsAt }));
    this.host.sql.exec(
      `INSERT INTO meetings (id, client_id, created_by, status, proposed_by, options, duration_minutes, place, agenda, changed_by, sequence, created_at, updated_at)
       VALUES (?, ?, ?, 'proposed', ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
      id,
      input.clientId,
      userId,
      userId,
      JSON.stringify(options),
      input.durationMinutes,
      input.place,
      input.agenda,
      userId,
      now,
      now,
    );
    this.host.touch(now);
    return ok(this.get(id)!);
  }

  change(userId: string, meetingId: string, change: MeetingChange): RhythmResult<Meeting> {
    const allowed = this.host.canWrite(userId);
    if (!allowed.ok) return allowed;
    const row = this.row(meetingId);
    if (!row) return fail("not_found", "There is no such meeting in this pair.");
    const now = this.host.now();
    let action: MeetingAction;
    let durationMinutes = row.duration_minutes;
    if (change.type === "reschedule") {
      const issue = checkOptions(change.startsAt, change.durationMinutes, now)[0];
      if (issue) return fail("validation_failed", issue.message, issue.path);
      durationMinutes = change.durationMinutes;
      action = { type: "reschedule", by: userId, options: change.startsAt.map((startsAt) => ({ id: crypto.randomUUID(), startsAt })) };
    } else if (change.type === "accept") {
      action = { type: "accept", by: userId, optionId: change.optionId };
    } else if (change.type === "decline") {
      action = { type: "decline", by: userId, note: change.note };
    } else {
      action = { type: "cancel", by: userId };
    }
    const state: MeetingState = {
      status: row.status,
      proposedBy: row.proposed_by,
      options: JSON.parse(row.options) as MeetingState["options"],
      acceptedOptionId: row.accepted_option_id,
      sequence: row.sequence,
    };
    const next = transition(state, action);
    if (!next.ok) return fail(next.code, next.message);
    const s = next.state;
    // The agreed time stays while a new one is being agreed (calendars show it as tentative).
    let startsAt = row.starts_at;
    let endsAt = row.ends_at;
    let remindersSent = row.reminders_sent;
    if (change.type === "accept") {
      startsAt = s.options.find((o) => o.id === s.acceptedOptionId)!.startsAt;
      endsAt = startsAt + durationMinutes * 60_000;
      remindersSent = "[]";
    }
    this.host.sql.exec(
      `UPDATE meetings SET status = ?, proposed_by = ?, options = ?, accepted_option_id = ?, starts_at = ?, ends_at = ?,
         duration_minutes = ?, decline_note = ?, changed_by = ?, sequence = ?, reminders_sent = ?, updated_at = ? WHERE id = ?`,
      s.status,
      s.proposedBy,
      JSON.stringify(s.options),
      s.acceptedOptionId,
      startsAt,
      endsAt,
      durationMinutes,
      change.type === "decline" ? change.note : null,
      userId,
      s.sequence,
      remindersSent,
      now,
      meetingId,
    );
    this.host.touch(now);
    return ok(this.get(meetingId)!);
  }

  /** When the next reminder of any agreed meeting falls due. */
  nextDueAt(now = this.host.now()): number | null {
    const dues = this.host.sql
      .exec<{ starts_at: number; reminders_sent: string }>("SELECT starts_at, reminders_sent FROM meetings WHERE status = 'accepted' AND starts_at > ?", now)
      .toArray()
      .map((r) => nextReminderAt(r.starts_at, JSON.parse(r.reminders_sent) as number[], now))
      .filter((at): at is number => at !== null);
    return dues.length ? Math.min(...dues) : null;
  }

  /** Reminders due now, to both people; each lead time goes out once per agreed time. */
  dueReminders(now = this.host.now()): RhythmNotice[] {
    const notices: RhythmNotice[] = [];
    const members = this.host.members();
    const rows = this.host.sql.exec<MeetingRow>("SELECT * FROM meetings WHERE status = 'accepted' AND starts_at > ?", now).toArray();
    for (const row of rows) {
      const sent = JSON.parse(row.reminders_sent) as number[];
      const due = dueReminders(row.starts_at!, sent, now);
      if (!due.length) continue;
      this.host.sql.exec("UPDATE meetings SET reminders_sent = ? WHERE id = ?", JSON.stringify([...sent, ...due]), row.id);
      // One notice per person even when both lead times are due (the room slept through the first).
      const lead = Math.min(...due);
      for (const member of members) {
        const other = members.find((m) => m.userId !== member.userId);
        notices.push({
          id: `meeting_reminder:${this.host.pairId()}:${row.id}:${row.starts_at}:${lead}:${member.userId}`,
          userId: member.userId,
          kind: "meeting_reminder",
          data: {
            pairId: this.host.pairId(),
            meetingId: row.id,
            startsAt: row.starts_at,
            hoursBefore: Math.round(lead / 3_600_000),
            otherName: other?.displayName ?? "",
          },
        });
      }
    }
    return notices;
  }
}
