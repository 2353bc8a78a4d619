import type { GroupRole } from "../../shared/api/groups.ts";
import type { DashboardResponse } from "../../shared/api/room.ts";
import { computeHealth } from "../../shared/rules/health.ts";

type DashboardRow = {
  id: string;
  status: "active" | "completed" | "ended";
  mentor_id: string;
  mentor_name: string;
  mentee_id: string;
  mentee_name: string;
  started_at: string;
  ended_at: string | null;
  end_reason: string | null;
  contact_blocked: number;

  steps_done: number | null;
  steps_total: number | null;
  activities_done: number | null;
  activities_total: number | null;
  checkin_times: string | null;
  last_activity_at: number | null;
  health_started_at: number | null;
  cadence_days: number | null;
  attention_after_days: number;
};

/**
 * The aggregates of a program's pairs, per isolate, for a few seconds: an admin's dashboard refreshing,
 * or several admins looking at once, cost one D1 read of the pairs instead of one each. Pairing and
 * ending a pair in this isolate drop the entry at once; the rooms' own figures are up to a minute old
 * anyway (see PairRoom.publishHealth).
 */
const DASHBOARD_CACHE_MS = 5_000;
const dashboardCache = new Map<string, { at: number; pairs: DashboardResponse["pairs"] }>();

export function forgetDashboard(programId: string) {
  dashboardCache.delete(programId);
}

/** The cached pairs of a program's dashboard, if they are fresh enough at `now`. */
export function cachedDashboard(programId: string, now: number): DashboardResponse["pairs"] | undefined {
  const cached = dashboardCache.get(programId);
  if (cached && now - cached.at < DASHBOARD_CACHE_MS) return cached.pairs;
  return undefined;
}

export function rememberDashboard(programId: string, now: number, pairs: DashboardResponse["pairs"]) {
  if (dashboardCache.size >= 500) dashboardCache.delete(dashboardCache.keys().next().value!);
  dashboardCache.set(programId, { at: now, pairs });
}

/** The program with the caller's role in its group (null role for a non-member). */
export function findProgramForDashboard(db: D1Database, programId: string, userId: string) {
  return db
    .prepare(
      `SELECT p.id, p.title, p.status, m.role FROM programs p
         LEFT JOIN group_members m ON m.group_id = p.group_id AND m.user_id = ?2 WHERE p.id = ?1`,
    )
    .bind(programId, userId)
    .first<{ id: string; title: string; status: string; role: GroupRole | null }>();
}

function toDashboardPair(row: DashboardRow, now: number) {
  const pair = {
    id: row.id,
    status: row.status,
    mentor: { id: row.mentor_id, displayName: row.mentor_name },
    mentee: { id: row.mentee_id, displayName: row.mentee_name },
    startedAt: row.started_at,
    endedAt: row.ended_at,
    endReason: row.end_reason,
    contactBlocked: row.contact_blocked === 1,
  };
  const health = computeHealth(
    {
      active: pair.status === "active",
      stepsDone: row.steps_done ?? 0,
      stepsTotal: row.steps_total ?? 0,
      activitiesDone: row.activities_done ?? 0,
      activitiesTotal: row.activities_total ?? 0,
      checkinTimes: JSON.parse(row.checkin_times ?? "[]") as number[],
      lastActivityAt: row.last_activity_at,
      startedAt: row.health_started_at ?? Date.parse(pair.startedAt),
      cadenceDays: row.cadence_days ?? 7,
      blocked: row.contact_blocked === 1,
    },
    now,
  );
  // "Needs attention": active and quiet for at least the program's attentionAfterDays (see the rhythm).
  const quietDays = Math.floor((now - Math.max(row.last_activity_at ?? 0, Date.parse(pair.startedAt) || 0)) / 86_400_000);
  const attention = pair.status === "active" && quietDays >= row.attention_after_days ? { quietDays } : null;
  return { pair, health, attention };
}

/** Every pair of the program with its health at `now`. */
export async function listDashboardPairs(db: D1Database, programId: string, now: number) {
  const { results } = await db
    .prepare(
      `SELECT x.id, x.status, x.mentor_id, a.display_name AS mentor_name, x.mentee_id, b.display_name AS mentee_name,
           x.started_at, x.ended_at, x.end_reason, h.steps_done, h.steps_total, h.activities_done, h.activities_total,
           h.checkin_times, h.last_activity_at, h.started_at AS health_started_at, h.cadence_days, p.attention_after_days,
           EXISTS (SELECT 1 FROM blocks k WHERE (k.blocker_id = x.mentor_id AND k.blocked_id = x.mentee_id)
                                           OR (k.blocker_id = x.mentee_id AND k.blocked_id = x.mentor_id)) AS contact_blocked
         FROM pairs x JOIN users a ON a.id = x.mentor_id JOIN users b ON b.id = x.mentee_id JOIN programs p ON p.id = x.program_id
         LEFT JOIN pair_health h ON h.pair_id = x.id
         WHERE x.program_id = ?1 ORDER BY x.started_at DESC`,
    )
    .bind(programId)
    .all<DashboardRow>();
  return results.map((row) => toDashboardPair(row, now));
}
