import type { FeedbackAnswer, FeedbackBody, MyFeedback } from "../../shared/api/rhythm.ts";
import { openFeedbackRounds, type FeedbackCounts, type FeedbackRound } from "../../shared/rules/rhythm.ts";
import { fail, ok, type RhythmHost, type RhythmResult } from "./rhythm-host.ts";

type FeedbackRow = {
  user_id: string;
  round: FeedbackRound;
  rating: number;
  goal_met: FeedbackAnswer["goalMet"];
  again: number | null;
  comment: string;
  answered_at: number;
};

/**
 * "How is your mentorship going?" at the midpoint and at the end. Each person's answers are theirs alone:
 * the other person never sees them, and admins get only counts (pair_feedback_counts), never a comment.
 * Answering stays possible after the end: that is when the end round is asked.
 */
export class Feedback {
  constructor(private readonly host: RhythmHost) {}

  openRounds(now = this.host.now()): FeedbackRound[] {
    return openFeedbackRounds({ startedAt: this.host.startedAt(), programDays: this.host.programDays(), ended: !this.host.isActive() }, now);
  }

  mine(userId: string): MyFeedback {
    const answers = this.host.sql
      .exec<FeedbackRow>("SELECT * FROM feedback WHERE user_id = ? ORDER BY answered_at", userId)
      .toArray()
      .map((r) => ({
        round: r.round,
        rating: r.rating,
        goalMet: r.goal_met,
        again: r.again === null ? null : r.again === 1,
        comment: r.comment,
        answeredAt: r.answered_at,
      }));
    return { open: this.openRounds(), answers };
  }

  /** One answer per person and round; answering again replaces it. */
  answer(userId: string, input: FeedbackBody): RhythmResult<MyFeedback> {
    if (!this.host.isMember(userId)) return fail("not_found", "This pair does not exist.");
    if (!this.openRounds().includes(input.round)) {
      return fail(
        "not_open",
        input.round === "end" ? "The end feedback opens when the mentorship ends." : "The midpoint feedback opens halfway through the program.",
      );
    }
    this.host.sql.exec(
      `INSERT INTO feedback (user_id, round, rating, goal_met, again, comment, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (user_id, round) DO UPDATE SET rating = excluded.rating, goal_met = excluded.goal_met, again = excluded.again,
         comment = excluded.comment, answered_at = excluded.answered_at`,
      userId,
      input.round,
      input.rating,
      input.round === "end" ? (input.goalMet ?? null) : null,
      input.round === "end" && input.again !== undefined ? (input.again ? 1 : 0) : null,
      input.comment,
      this.host.now(),
    );
    return ok(this.mine(userId));
  }

  /** How many people gave each answer: all admins may ever learn, and only summed over a program. */
  counts(): FeedbackCounts {
    const counts: FeedbackCounts = [];
    const add = (question: FeedbackCounts[number]["question"], value: string | null) => {
      if (value === null) return;
      const entry = counts.find((c) => c.question === question && c.value === value);
      if (entry) entry.count += 1;
      else counts.push({ question, value, count: 1 });
    };
    for (const r of this.host.sql.exec<FeedbackRow>("SELECT * FROM feedback").toArray()) {
      add(r.round === "midpoint" ? "rating_midpoint" : "rating_end", String(r.rating));
      if (r.round === "end") {
        add("goal_met", r.goal_met);
        add("again", r.again === null ? null : r.again === 1 ? "yes" : "no");
      }
    }
    return counts;
  }

  /** Who has not answered an open round yet, for the one request per round (kept in meta). */
  requestsDue(): { userId: string; round: FeedbackRound }[] {
    const due: { userId: string; round: FeedbackRound }[] = [];
    for (const round of this.openRounds()) {
      if (this.host.meta(`feedback_requested_${round}`)) continue;
      for (const m of this.host.members()) due.push({ userId: m.userId, round });
    }
    return due;
  }

  /** The midpoint, when the round opens on its own (the end round opens with the end). */
  midpointAt(): number {
    return this.host.startedAt() + (this.host.programDays() * 86_400_000) / 2;
  }
}
