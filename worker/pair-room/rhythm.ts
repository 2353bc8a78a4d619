import type { FeedbackBody, GoalProgressBody, Meeting, MyFeedback, RhythmSnapshot, SetGoalBody, Goal } from "../../shared/api/rhythm.ts";
import { replaceFeedbackCountsStatements, upsertPairRhythmStatement } from "../db/rhythm.ts";
import { Feedback } from "./feedback.ts";
import { PairGoal } from "./goal.ts";
import { Meetings, type MeetingChange, type ProposeInput } from "./meetings.ts";
import { Nudges } from "./nudges.ts";
import { fail, ok, type RhythmHost, type RhythmResult } from "./rhythm-host.ts";
import { sendRhythmNotices, type RhythmNotice } from "./rhythm-notices.ts";

/**
 * The pair's weekly rhythm inside the room: meetings, the goal, private feedback and nudges. The room calls
 * this facade from a few one-line methods, its alarm and its end; every change reaches both screens, moves
 * the alarm, and publishes the content-free figures to D1 (pair_rhythm, pair_feedback_counts).
 */
export class Rhythm {
  readonly meetings: Meetings;
  readonly goal: PairGoal;
  readonly feedback: Feedback;
  readonly nudges: Nudges;

  constructor(private readonly host: RhythmHost) {
    this.meetings = new Meetings(host);
    this.goal = new PairGoal(host);
    this.feedback = new Feedback(host);
    this.nudges = new Nudges(host);
  }

  snapshot(userId: string): RhythmResult<RhythmSnapshot> {
    if (!this.host.isMember(userId)) return fail("not_found", "This pair does not exist.");
    return ok({ meetings: this.meetings.list(), goal: this.goal.get(), feedback: this.feedback.mine(userId) });
  }

  async proposeMeeting(userId: string, input: ProposeInput): Promise<RhythmResult<Meeting>> {
    return this.afterMeeting(this.meetings.propose(userId, input));
  }

  async changeMeeting(userId: string, meetingId: string, change: MeetingChange): Promise<RhythmResult<Meeting>> {
    return this.afterMeeting(this.meetings.change(userId, meetingId, change));
  }

  private async afterMeeting(result: RhythmResult<Meeting>): Promise<RhythmResult<Meeting>> {
    if (!result.ok) return result;
    this.host.broadcast({ type: "meeting", meeting: result.value });
    await this.publish();
    await this.host.rescheduleAlarm();
    return result;
  }

  /** Meetings that have (or had) an agreed time, with the two names: what a calendar shows. */
  calendar(userId: string): RhythmResult<{ meetings: Meeting[]; names: string[] }> {
    if (!this.host.isMember(userId)) return fail("not_found", "This pair does not exist.");
    return ok({ meetings: this.meetings.list().filter((m) => m.startsAt !== null), names: this.host.members().map((m) => m.displayName) });
  }

  async setGoal(userId: string, input: SetGoalBody): Promise<RhythmResult<Goal>> {
    return this.afterGoal(this.goal.set(userId, input));
  }

  async setGoalProgress(userId: string, input: GoalProgressBody): Promise<RhythmResult<Goal>> {
    return this.afterGoal(this.goal.setProgress(userId, input));
  }

  private async afterGoal(result: RhythmResult<Goal>): Promise<RhythmResult<Goal>> {
    if (!result.ok) return result;
    this.host.broadcast({ type: "goal", goal: result.value });
    await this.publish();
    return result;
  }

  async answerFeedback(userId: string, input: FeedbackBody): Promise<RhythmResult<MyFeedback>> {
    const result = this.feedback.answer(userId, input);
    if (!result.ok) return result;
    // Private: only the sockets of the person who answered hear of it.
    this.host.sendToUser(userId, { type: "feedback", feedback: result.value });
    await this.publish();
    return result;
  }

  /** The earliest moment the rhythm needs the alarm: a reminder, a quiet check, or the feedback midpoint. */
  nextAlarmAt(now = this.host.now()): number | null {
    if (!this.host.isActive()) return null;
    const times = [this.meetings.nextDueAt(now), this.nudges.nextCheckAt()];
    if (!this.host.meta("feedback_requested_midpoint")) times.push(this.feedback.midpointAt());
    const due = times.filter((t): t is number => t !== null);
    return due.length ? Math.min(...due) : null;
  }

  /** Called by the room's alarm: reminders, nudges and feedback requests that are due. */
  async alarm(now = this.host.now()): Promise<void> {
    if (!this.host.isActive()) return;
    const notices: RhythmNotice[] = [...this.meetings.dueReminders(now)];
    if ((this.nudges.nextCheckAt() ?? Infinity) <= now) notices.push(...(await this.nudges.check(now)));
    notices.push(...this.feedbackRequests());
    await sendRhythmNotices(this.host.env, this.host, notices);
    await this.publish();
  }

  /** Called once the pair has ended: the end feedback is asked, and nothing more is scheduled. */
  async ended(): Promise<void> {
    // The end itself has happened; a failed notice must not undo or retry it.
    await sendRhythmNotices(this.host.env, this.host, this.feedbackRequests()).catch((error) =>
      console.error("feedback requests failed", this.host.pairId(), error),
    );
    await this.publish();
  }

  private feedbackRequests(): RhythmNotice[] {
    const due = this.feedback.requestsDue();
    for (const round of new Set(due.map((d) => d.round))) this.host.setMeta(`feedback_requested_${round}`, String(this.host.now()));
    const pairId = this.host.pairId();
    // No partner's name: the end round also follows an account deletion, after D1 has forgotten that name.
    return due.map((d) => ({
      id: `feedback_requested:${pairId}:${d.round}:${d.userId}`,
      userId: d.userId,
      kind: "feedback_requested" as const,
      data: { pairId, round: d.round },
    }));
  }

  /**
   * Moves the room's alarm earlier when the rhythm needs it sooner than what is set (the check-in
   * reminder sets its own time; whichever is due first wins, and each module re-arms on its turn).
   */
  async scheduleAlarm(storage: DurableObjectStorage): Promise<void> {
    const next = this.nextAlarmAt();
    if (next === null) return;
    const current = await storage.getAlarm();
    if (current === null || next < current) await storage.setAlarm(next);
  }

  /** Members whose first message time is already published: their later messages cost nothing here. */
  private readonly firstKnown = new Set<string>();

  /** After a chat message: the report's first-message times are published once per person. */
  chatActivity(senderId: string): void {
    if (this.firstKnown.has(senderId)) return;
    const members = this.host.members();
    const firsts = members.map((m) => this.host.firstMessageAt(m.userId));
    const key = JSON.stringify(firsts);
    if (this.host.meta("published_first_messages") !== key) {
      this.host.setMeta("published_first_messages", key);
      this.host.waitUntil(this.publish());
    }
    members.forEach((m, i) => {
      if (firsts[i] !== null) this.firstKnown.add(m.userId);
    });
  }

  /**
   * Account deletion (for the room's `erase_user` effect, before erasure.ts replaces the member): the
   * person's feedback goes, a goal they wrote goes, and their meeting agendas, places and notes lose their
   * words. Meetings themselves stay, for the other person's calendar.
   */
  async eraseUser(userId: string): Promise<void> {
    this.firstKnown.clear();
    const placeholder = `deleted-${crypto.randomUUID()}`;
    const sql = this.host.sql;
    sql.exec("DELETE FROM feedback WHERE user_id = ?", userId);
    sql.exec("DELETE FROM goal WHERE set_by = ?", userId);
    sql.exec("UPDATE goal SET progress_note = '', updated_by = ? WHERE updated_by = ?", placeholder, userId);
    sql.exec("UPDATE meetings SET decline_note = NULL WHERE changed_by = ? AND status = 'declined'", userId);
    sql.exec("UPDATE meetings SET agenda = '', place = NULL WHERE created_by = ?", userId);
    for (const column of ["created_by", "proposed_by", "changed_by"]) {
      sql.exec(`UPDATE meetings SET ${column} = ? WHERE ${column} = ?`, placeholder, userId);
    }
    await this.publish();
  }

  /** Numbers and states only, to D1: never a meeting's place or agenda, the goal's words, or a comment. */
  async publish(): Promise<void> {
    const db = this.host.env.DB;
    const pairId = this.host.pairId();
    const members = this.host.members();
    const next = this.meetings.next();
    const mentor = members.find((m) => m.role === "mentor");
    const mentee = members.find((m) => m.role === "mentee");
    await db
      .batch([
        upsertPairRhythmStatement(db, pairId, {
          nextMeetingAt: next?.startsAt ?? null,
          nextMeetingEndsAt: next?.endsAt ?? null,
          meetingEnds: this.meetings.agreedEnds(),
          goalState: this.goal.get()?.progress ?? null,
          firstMentorMessageAt: mentor ? this.host.firstMessageAt(mentor.userId) : null,
          firstMenteeMessageAt: mentee ? this.host.firstMessageAt(mentee.userId) : null,
          lastNudgeAt: this.nudges.lastNudgeAt(),
        }),
        ...replaceFeedbackCountsStatements(db, pairId, this.feedback.counts()),
      ])
      .catch((error) => console.error("publishing the pair's rhythm failed", pairId, error));
  }
}
