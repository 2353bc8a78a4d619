/**
 * The pair's weekly rhythm beyond meetings: when a quiet pair is nudged, when feedback is asked, what admins
 * may see of the answers, and the program report. Pure functions over numbers and states, never content.
 */
const DAY_MS = 86_400_000;

export const NUDGE_DEFAULTS = { nudgeAfterDays: 7, attentionAfterDays: 14 } as const;

/** Fewer answers than this and an aggregate could point at a person: admins see nothing for that question. */
const ANONYMITY_THRESHOLD = 3;

export const GOAL_PROGRESS = ["not_started", "on_track", "at_risk", "achieved"] as const;
export type GoalProgress = (typeof GOAL_PROGRESS)[number];

export const FEEDBACK_ROUNDS = ["midpoint", "end"] as const;
export type FeedbackRound = (typeof FEEDBACK_ROUNDS)[number];
export const GOAL_MET = ["yes", "partly", "no"] as const;
export type GoalMet = (typeof GOAL_MET)[number];

// -----------------------------------------------------------------------------------------------------------
// Nudges

export type QuietInputs = {
  /** The last message, post, step, check-in or meeting; null before the first. */
  lastActivityAt: number | null;
  startedAt: number;
  lastNudgeAt: number | null;
  nudgeAfterDays: number;
  attentionAfterDays: number;
};

export type QuietState = {
  quietSince: number;
  quietDays: number;
  /** Both people get a nudge now. */
  nudgeDue: boolean;
  /** Admins see "needs attention: quiet for 2 weeks". */
  needsAttention: boolean;
  /** When to look again (the room's alarm), assuming nothing happens meanwhile. */
  nextCheckAt: number;
};

/**
 * A pair that stays quiet is nudged once every `nudgeAfterDays` (at 7, 14, 21 days by default), and needs
 * attention from `attentionAfterDays` on. Any activity starts the count again.
 */
export function quietState(input: QuietInputs, now: number): QuietState {
  const quietSince = Math.max(input.lastActivityAt ?? input.startedAt, input.startedAt);
  const nudgeEvery = input.nudgeAfterDays * DAY_MS;
  const attentionAt = quietSince + input.attentionAfterDays * DAY_MS;
  // Nudges already sent in this quiet stretch count; one from before the last activity does not.
  const lastNudge = input.lastNudgeAt !== null && input.lastNudgeAt >= quietSince ? input.lastNudgeAt : null;
  const nextNudgeAt = lastNudge === null ? quietSince + nudgeEvery : lastNudge + nudgeEvery;
  const nudgeDue = now >= nextNudgeAt;
  const candidates = [nudgeDue ? now + nudgeEvery : nextNudgeAt];
  if (now < attentionAt) candidates.push(attentionAt);
  return {
    quietSince,
    quietDays: Math.floor((now - quietSince) / DAY_MS),
    nudgeDue,
    needsAttention: now >= attentionAt,
    nextCheckAt: Math.min(...candidates),
  };
}

// -----------------------------------------------------------------------------------------------------------
// Feedback

/**
 * The midpoint round opens halfway through the program; the end round when the pair ends, early or not (a
 * pair that ends before its midpoint is asked only at the end).
 */
export function openFeedbackRounds(input: { startedAt: number; programDays: number; ended: boolean }, now: number): FeedbackRound[] {
  const rounds: FeedbackRound[] = [];
  if (now >= input.startedAt + (input.programDays * DAY_MS) / 2) rounds.push("midpoint");
  if (input.ended) rounds.push("end");
  return rounds;
}

const FEEDBACK_QUESTIONS = ["rating_midpoint", "rating_end", "goal_met", "again"] as const;
export type FeedbackQuestion = (typeof FEEDBACK_QUESTIONS)[number];

/** How many people gave each answer to each question, in one pair or summed over a program. */
export type FeedbackCounts = { question: FeedbackQuestion; value: string; count: number }[];

type RatingAggregate = { answers: number; average: number | null };
type ChoiceAggregate<V extends string> = { answers: number; counts: Record<V, number> | null };

export type FeedbackAggregates = {
  threshold: number;
  ratingMidpoint: RatingAggregate;
  ratingEnd: RatingAggregate;
  goalMet: ChoiceAggregate<GoalMet>;
  again: ChoiceAggregate<"yes" | "no">;
};

/**
 * What admins see of feedback: per question, the number of answers, and the average or the split only once
 * at least ANONYMITY_THRESHOLD people answered it.
 */
export function aggregateFeedback(counts: FeedbackCounts, threshold = ANONYMITY_THRESHOLD): FeedbackAggregates {
  const of = (question: FeedbackQuestion) => counts.filter((c) => c.question === question && c.count > 0);
  const rating = (question: FeedbackQuestion): RatingAggregate => {
    const rows = of(question);
    const answers = rows.reduce((n, r) => n + r.count, 0);
    const sum = rows.reduce((n, r) => n + Number(r.value) * r.count, 0);
    return { answers, average: answers >= threshold ? Math.round((sum / answers) * 100) / 100 : null };
  };
  const choice = <V extends string>(question: FeedbackQuestion, values: readonly V[]): ChoiceAggregate<V> => {
    const rows = of(question);
    const answers = rows.reduce((n, r) => n + r.count, 0);
    if (answers < threshold) return { answers, counts: null };
    const split = Object.fromEntries(values.map((v) => [v, rows.filter((r) => r.value === v).reduce((n, r) => n + r.count, 0)])) as Record<V, number>;
    return { answers, counts: split };
  };
  return {
    threshold,
    ratingMidpoint: rating("rating_midpoint"),
    ratingEnd: rating("rating_end"),
    goalMet: choice("goal_met", GOAL_MET),
    again: choice("again", ["yes", "no"] as const),
  };
}

// -----------------------------------------------------------------------------------------------------------
// The program report

export type ReportPairInput = {
  id: string;
  mentorName: string;
  menteeName: string;
  status: "active" | "completed" | "ended";
  endReason: string | null;
  startedAt: number;
  endedAt: number | null;
  firstMentorMessageAt: number | null;
  firstMenteeMessageAt: number | null;
  /** End times of accepted, not cancelled meetings. */
  meetingEnds: number[];
  goalState: GoalProgress | null;
  lastActivityAt: number | null;
  needsAttention: boolean;
};

type ReportRow = {
  pairId: string;
  mentor: string;
  mentee: string;
  status: "active" | "completed" | "ended";
  startedAt: string;
  endedAt: string | null;
  daysToFirstMessageBothWays: number | null;
  meetingsHeld: number;
  goalState: GoalProgress | null;
  lastActivityAt: string | null;
  needsAttention: boolean;
};

export type ProgramReport = {
  pairsMade: number;
  active: number;
  completed: number;
  endedEarly: number;
  endedEarlyByReason: { reason: string | null; count: number }[];
  /** Median days from pairing to the mentor's first message, and to the mentee's. */
  medianDaysToFirstMessage: { mentor: number | null; mentee: number | null };
  /** Share (0 to 1) of pairs where both people wrote within 7 days of pairing. */
  bothWaysWithin7Days: number | null;
  meetingsHeldPerPair: number | null;
  goalsSet: number;
  goalsAchieved: number;
  needsAttention: number;
  feedback: FeedbackAggregates;
  rows: ReportRow[];
};

export function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const days = (ms: number) => Math.round((ms / DAY_MS) * 10) / 10;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function computeReport(pairs: ReportPairInput[], feedback: FeedbackCounts, now: number): ProgramReport {
  const reasons = new Map<string | null, number>();
  for (const pair of pairs.filter((p) => p.status === "ended")) {
    const reason = pair.endReason?.trim() || null;
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  const rows: ReportRow[] = pairs.map((pair) => {
    const bothWays =
      pair.firstMentorMessageAt !== null && pair.firstMenteeMessageAt !== null ? Math.max(pair.firstMentorMessageAt, pair.firstMenteeMessageAt) : null;
    return {
      pairId: pair.id,
      mentor: pair.mentorName,
      mentee: pair.menteeName,
      status: pair.status,
      startedAt: iso(pair.startedAt)!,
      endedAt: iso(pair.endedAt),
      daysToFirstMessageBothWays: bothWays === null ? null : days(bothWays - pair.startedAt),
      meetingsHeld: pair.meetingEnds.filter((end) => end <= now).length,
      goalState: pair.goalState,
      lastActivityAt: iso(pair.lastActivityAt),
      needsAttention: pair.status === "active" && pair.needsAttention,
    };
  });
  const firsts = (pick: (p: ReportPairInput) => number | null) => pairs.flatMap((p) => (pick(p) === null ? [] : [days(pick(p)! - p.startedAt)]));
  return {
    pairsMade: pairs.length,
    active: pairs.filter((p) => p.status === "active").length,
    completed: pairs.filter((p) => p.status === "completed").length,
    endedEarly: pairs.filter((p) => p.status === "ended").length,
    endedEarlyByReason: [...reasons].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
    medianDaysToFirstMessage: { mentor: median(firsts((p) => p.firstMentorMessageAt)), mentee: median(firsts((p) => p.firstMenteeMessageAt)) },
    bothWaysWithin7Days: pairs.length
      ? Math.round((rows.filter((r) => r.daysToFirstMessageBothWays !== null && r.daysToFirstMessageBothWays <= 7).length / pairs.length) * 1000) / 1000
      : null,
    meetingsHeldPerPair: pairs.length ? Math.round((rows.reduce((n, r) => n + r.meetingsHeld, 0) / pairs.length) * 100) / 100 : null,
    goalsSet: pairs.filter((p) => p.goalState !== null).length,
    goalsAchieved: pairs.filter((p) => p.goalState === "achieved").length,
    needsAttention: rows.filter((r) => r.needsAttention).length,
    feedback: aggregateFeedback(feedback),
    rows,
  };
}

/** One CSV cell: quoted when needed, and never read as a formula by a spreadsheet (names are user input). */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const REPORT_CSV_COLUMNS = [
  "pair_id",
  "mentor",
  "mentee",
  "status",
  "started_at",
  "ended_at",
  "days_to_first_message_both_ways",
  "meetings_held",
  "goal_state",
  "last_activity_at",
  "needs_attention",
] as const;

/** Per-pair rows of names, dates, counts and states only: no end reason, goal text, agenda or comment. */
export function reportCsv(report: ProgramReport): string {
  const lines = [REPORT_CSV_COLUMNS.join(",")];
  for (const r of report.rows) {
    lines.push(
      [
        r.pairId,
        r.mentor,
        r.mentee,
        r.status,
        r.startedAt,
        r.endedAt,
        r.daysToFirstMessageBothWays,
        r.meetingsHeld,
        r.goalState,
        r.lastActivityAt,
        r.needsAttention,
      ]
        .map(csvCell)
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
