import type { Report } from "../../shared/api/room.ts";

export function blockStatement(db: D1Database, blockerId: string, blockedId: string, now: string) {
  return db.prepare("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING").bind(blockerId, blockedId, now);
}

export function unblockStatement(db: D1Database, blockerId: string, blockedId: string) {
  return db.prepare("DELETE FROM blocks WHERE blocker_id = ?1 AND blocked_id = ?2").bind(blockerId, blockedId);
}

/** Every block where one of `userIds` is the blocker or the blocked. */
export async function listBlocksInvolving(db: D1Database, userIds: string[]): Promise<{ blocker_id: string; blocked_id: string }[]> {
  const { results } = await blocksInvolvingStatement(db, userIds).all<{ blocker_id: string; blocked_id: string }>();
  return results;
}

/** The statement behind listBlocksInvolving, to put in a batch. */
export function blocksInvolvingStatement(db: D1Database, userIds: string[]) {
  return db
    .prepare(
      "SELECT blocker_id, blocked_id FROM blocks WHERE blocker_id IN (SELECT value FROM json_each(?1)) OR blocked_id IN (SELECT value FROM json_each(?1))",
    )
    .bind(JSON.stringify(userIds));
}

export type ReportRow = {
  id: string;
  group_id: string;
  pair_id: string;
  reporter_id: string;
  reporter_name: string;
  reported_id: string;
  reported_name: string;
  reason: string;
  message_seq: number | null;
  message_body: string | null;
  message_sent_at: number | null;
  status: "open" | "resolved";
  created_at: string;
  escalated_at?: string | null;
};

export function toReport(row: ReportRow): Report {
  return {
    id: row.id,
    groupId: row.group_id,
    pairId: row.pair_id,
    reporter: { id: row.reporter_id, displayName: row.reporter_name },
    reported: { id: row.reported_id, displayName: row.reported_name },
    reason: row.reason,
    message: row.message_seq === null ? null : { seq: row.message_seq, body: row.message_body ?? "", sentAt: row.message_sent_at ?? 0 },
    status: row.status,
    createdAt: row.created_at,
    escalatedAt: row.escalated_at ?? null,
  };
}

const REPORT_SELECT = `SELECT r.*, a.display_name AS reporter_name, b.display_name AS reported_name
  FROM reports r JOIN users a ON a.id = r.reporter_id JOIN users b ON b.id = r.reported_id`;

export async function insertReport(
  db: D1Database,
  report: {
    id: string;
    groupId: string;
    pairId: string;
    reporterId: string;
    reportedId: string;
    reason: string;
    messageSeq: number | null;
    messageBody: string | null;
    messageSentAt: number | null;
    now: string;
  },
): Promise<void> {
  await db
    .prepare(
      `INSERT INTO reports (id, group_id, pair_id, reporter_id, reported_id, reason, message_seq, message_body, message_sent_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)`,
    )
    .bind(
      report.id,
      report.groupId,
      report.pairId,
      report.reporterId,
      report.reportedId,
      report.reason,
      report.messageSeq,
      report.messageBody,
      report.messageSentAt,
      report.now,
    )
    .run();
}

export function findReport(db: D1Database, reportId: string) {
  return db.prepare(`${REPORT_SELECT} WHERE r.id = ?1`).bind(reportId).first<ReportRow>();
}

export async function listReportsOfGroup(db: D1Database, groupId: string, status: string | null): Promise<ReportRow[]> {
  const { results } = await db
    .prepare(`${REPORT_SELECT} WHERE r.group_id = ?1 AND (?2 IS NULL OR r.status = ?2) ORDER BY r.created_at DESC`)
    .bind(groupId, status)
    .all<ReportRow>();
  return results;
}

export async function resolveReport(db: D1Database, reportId: string, resolvedBy: string, now: string): Promise<void> {
  await db.prepare("UPDATE reports SET status = 'resolved', resolved_at = ?2, resolved_by = ?3 WHERE id = ?1").bind(reportId, now, resolvedBy).run();
}

/** True when `blockerId` has blocked `blockedId` (one direction only). */
export async function hasBlocked(db: D1Database, blockerId: string, blockedId: string): Promise<boolean> {
  const row = await db.prepare("SELECT 1 AS x FROM blocks WHERE blocker_id = ?1 AND blocked_id = ?2").bind(blockerId, blockedId).first();
  return row !== null;
}
