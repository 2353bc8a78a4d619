import type { GroupRole } from "../../shared/api/groups.ts";
import type { RhythmSettings } from "../../shared/api/rhythm.ts";
import type { FeedbackCounts, FeedbackQuestion, GoalProgress, ReportPairInput } from "../../shared/rules/rhythm.ts";

const DAY_MS = 86_400_000;

// -----------------------------------------------------------------------------------------------------------
// What a room publishes about its rhythm (numbers and states only)

export type PairRhythmFigures = {
  nextMeetingAt: number | null;
  nextMeetingEndsAt: number | null;
  meetingEnds: number[];
  goalState: GoalProgress | null;
  firstMentorMessageAt: number | null;
  firstMenteeMessageAt: number | null;
  lastNudgeAt: number | null;
};

export function upsertPairRhythmStatement(db: D1Database, pairId: string, f: PairRhythmFigures, now = Date.now()) {
  return db
    .prepare(
      `INSERT INTO pair_rhythm (pair_id, next_meeting_at, next_meeting_ends_at, meeting_ends, goal_state,
         first_mentor_message_at, first_mentee_message_at, last_nudge_at, updated_at)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9 WHERE EXISTS (SELECT 1 FROM pairs WHERE id = ?1)
       ON CONFLICT (pair_id) DO UPDATE SET next_meeting_at = excluded.next_meeting_at,
         next_meeting_ends_at = excluded.next_meeting_ends_at, meeting_ends = excluded.meeting_ends,
         goal_state = excluded.goal_state, first_mentor_message_at = excluded.first_mentor_message_at,
         first_mentee_message_at = excluded.first_mentee_message_at, last_nudge_at = excluded.last_nudge_at,
         updated_at = excluded.updated_at`,
    )
    .bind(
      pairId,
      f.nextMeetingAt,
      f.nextMeetingEndsAt,
      JSON.stringify(f.meetingEnds),
      f.goalState,
      f.firstMentorMessageAt,
      f.firstMenteeMessageAt,
      f.lastNudgeAt,
      now,
    );
}

/** Replaces a pair's answer counts: the room recounts its own answers each time one changes. */
export function replaceFeedbackCountsStatements(db: D1Database, pairId: string, counts: FeedbackCounts) {
  return [
    db.prepare("DELETE FROM pair_feedback_counts WHERE pair_id = ?1").bind(pairId),
    ...counts.map((c) =>
      db
        .prepare(
          `INSERT INTO pair_feedback_counts (pair_id, question, value, count)
           SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM pairs WHERE id = ?1)`,
        )
        .bind(pairId, c.question, c.value, c.count),
    ),
  ];
}

/** A program's nudge settings, read by its rooms' alarms. */
export async function rhythmSettingsOfProgram(db: D1Database, programId: string): Promise<RhythmSettings | null> {
  const row = await db
    .prepare("SELECT nudge_after_days, attention_after_days FROM programs WHERE id = ?1")
    .bind(programId)
    .first<{ nudge_after_days: number; attention_after_days: number }>();
  return row ? { nudgeAfterDays: row.nudge_after_days, attentionAfterDays: row.attention_after_days } : null;
}

export function setRhythmSettingsStatement(db: D1Database, programId: string, settings: RhythmSettings) {
  return db
    .prepare("UPDATE programs SET nudge_after_days = ?2, attention_after_days = ?3, updated_at = ?4 WHERE id = ?1")
    .bind(programId, settings.nudgeAfterDays, settings.attentionAfterDays, new Date().toISOString());
}

// -----------------------------------------------------------------------------------------------------------
// Reads for members

/** The next agreed meeting of each of my active pairs, soonest first. */
export async function nextMeetingsOf(db: D1Database, userId: string, now = Date.now()) {
  const { results } = await db
    .prepare(
      `SELECT x.id AS pair_id, u.display_name AS other_name, r.next_meeting_at, r.next_meeting_ends_at
       FROM pairs x JOIN pair_rhythm r ON r.pair_id = x.id
       JOIN users u ON u.id = CASE WHEN x.mentor_id = ?1 THEN x.mentee_id ELSE x.mentor_id END
       WHERE (x.mentor_id = ?1 OR x.mentee_id = ?1) AND x.status = 'active' AND r.next_meeting_ends_at > ?2
       ORDER BY r.next_meeting_at`,
    )
    .bind(userId, now)
    .all<{ pair_id: string; other_name: string; next_meeting_at: number; next_meeting_ends_at: number }>();
  return results.map((r) => ({ pairId: r.pair_id, otherName: r.other_name, startsAt: r.next_meeting_at, endsAt: r.next_meeting_ends_at }));
}

/** Every pair a person is or was in, for their calendar feed. */
export async function pairIdsOf(db: D1Database, userId: string): Promise<string[]> {
  const { results } = await db.prepare("SELECT id FROM pairs WHERE mentor_id = ?1 OR mentee_id = ?1 ORDER BY started_at").bind(userId).all<{ id: string }>();
  return results.map((r) => r.id);
}

// -----------------------------------------------------------------------------------------------------------
// Calendar feeds

export async function calendarFeedOwner(db: D1Database, tokenHash: string): Promise<{ userId: string; displayName: string } | null> {
  const row = await db
    .prepare("SELECT f.user_id, u.display_name FROM calendar_feeds f JOIN users u ON u.id = f.user_id WHERE f.token_hash = ?1")
    .bind(tokenHash)
    .first<{ user_id: string; display_name: string }>();
  return row ? { userId: row.user_id, displayName: row.display_name } : null;
}

export async function calendarFeedOf(db: D1Database, userId: string): Promise<{ createdAt: string } | null> {
  const row = await db.prepare("SELECT created_at FROM calendar_feeds WHERE user_id = ?1").bind(userId).first<{ created_at: string }>();
  return row ? { createdAt: row.created_at } : null;
}

/** Makes the feed, or replaces its token: the old URL stops working at once. */
export async function resetCalendarFeed(db: D1Database, userId: string, tokenHash: string, createdAt: string) {
  await db
    .prepare(
      `INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES (?1, ?2, ?3)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at`,
    )
    .bind(userId, tokenHash, createdAt)
    .run();
}

// -----------------------------------------------------------------------------------------------------------
// Programs, for admins

export async function programWithRole(db: D1Database, programId: string, userId: string) {
  return db
    .prepare(
      `SELECT p.id, p.title, p.status, p.group_id, p.nudge_after_days, p.attention_after_days, m.role FROM programs p
       LEFT JOIN group_members m ON m.group_id = p.group_id AND m.user_id = ?2 WHERE p.id = ?1`,
    )
    .bind(programId, userId)
    .first<{ id: string; title: string; status: string; group_id: string; nudge_after_days: number; attention_after_days: number; role: GroupRole | null }>();
}

type ReportRow = {
  id: string;
  status: "active" | "completed" | "ended";
  end_reason: string | null;
  started_at: string;
  ended_at: string | null;
  mentor_name: string;
  mentee_name: string;
  first_mentor_message_at: number | null;
  first_mentee_message_at: number | null;
  meeting_ends: string | null;
  goal_state: GoalProgress | null;
  last_activity_at: number | null;
};

/** Everything the report needs about a program's pairs: names, dates, counts and states. */
export async function reportInputs(db: D1Database, programId: string, attentionAfterDays: number, now = Date.now()) {
  const [pairs, counts] = await db.batch([
    db
      .prepare(
        `SELECT x.id, x.status, x.end_reason, x.started_at, x.ended_at, a.display_name AS mentor_name, b.display_name AS mentee_name,
           r.first_mentor_message_at, r.first_mentee_message_at, r.meeting_ends, r.goal_state, h.last_activity_at
         FROM pairs x JOIN users a ON a.id = x.mentor_id JOIN users b ON b.id = x.mentee_id
         LEFT JOIN pair_rhythm r ON r.pair_id = x.id LEFT JOIN pair_health h ON h.pair_id = x.id
         WHERE x.program_id = ?1 ORDER BY x.started_at, x.id`,
      )
      .bind(programId),
    db
      .prepare(
        `SELECT c.question, c.value, SUM(c.count) AS count FROM pair_feedback_counts c JOIN pairs x ON x.id = c.pair_id
         WHERE x.program_id = ?1 GROUP BY c.question, c.value`,
      )
      .bind(programId),
  ]);
  const pairInputs: ReportPairInput[] = (pairs!.results as ReportRow[]).map((row) => {
    const startedAt = Date.parse(row.started_at);
    const quietSince = Math.max(row.last_activity_at ?? startedAt, startedAt);
    return {
      id: row.id,
      mentorName: row.mentor_name,
      menteeName: row.mentee_name,
      status: row.status,
      endReason: row.end_reason,
      startedAt,
      endedAt: row.ended_at ? Date.parse(row.ended_at) : null,
      firstMentorMessageAt: row.first_mentor_message_at,
      firstMenteeMessageAt: row.first_mentee_message_at,
      meetingEnds: JSON.parse(row.meeting_ends ?? "[]") as number[],
      goalState: row.goal_state,
      lastActivityAt: row.last_activity_at,
      needsAttention: now - quietSince >= attentionAfterDays * DAY_MS,
    };
  });
  const feedback = (counts!.results as { question: FeedbackQuestion; value: string; count: number }[]).map((r) => ({
    question: r.question,
    value: String(r.value),
    count: Number(r.count),
  }));
  return { pairs: pairInputs, feedback };
}

/**
 * Active pairs quiet for at least their program's `attentionAfterDays` (in one group, or in every group when
 * `groupId` is null): "needs attention: quiet for 2 weeks" in the admins' daily digest. Names and days only.
 */
export async function pairsNeedingAttention(db: D1Database, groupId: string | null, now = Date.now()) {
  const { results } = await db
    .prepare(
      `SELECT x.id AS pair_id, p.id AS program_id, p.title AS program_title, a.display_name AS mentor_name,
         b.display_name AS mentee_name, MAX(COALESCE(h.last_activity_at, 0), CAST(strftime('%s', x.started_at) AS INTEGER) * 1000) AS quiet_since
       FROM pairs x JOIN programs p ON p.id = x.program_id JOIN users a ON a.id = x.mentor_id JOIN users b ON b.id = x.mentee_id
       LEFT JOIN pair_health h ON h.pair_id = x.id
       WHERE (?1 IS NULL OR x.group_id = ?1) AND x.status = 'active'
         AND MAX(COALESCE(h.last_activity_at, 0), CAST(strftime('%s', x.started_at) AS INTEGER) * 1000) <= ?2 - p.attention_after_days * ?3
       ORDER BY quiet_since`,
    )
    .bind(groupId, now, DAY_MS)
    .all<{ pair_id: string; program_id: string; program_title: string; mentor_name: string; mentee_name: string; quiet_since: number }>();
  return results.map((r) => ({
    pairId: r.pair_id,
    programId: r.program_id,
    programTitle: r.program_title,
    mentorName: r.mentor_name,
    menteeName: r.mentee_name,
    quietDays: Math.floor((now - r.quiet_since) / DAY_MS),
  }));
}

/** A proposer's time zone goes to their profile when it has none yet (the SPA asks for one then). */
export function fillTimeZoneStatement(db: D1Database, userId: string, timeZone: string) {
  return db.prepare("UPDATE users SET time_zone = ?2 WHERE id = ?1 AND time_zone IS NULL").bind(userId, timeZone);
}
