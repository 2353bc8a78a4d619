// D1 for the operator (issue 13): who the operators are (OPERATOR_EMAILS), every report across groups
// with only what it handed over, escalation, and suspension with its room effect.
import type { OperatorReport } from "../../shared/api/membership.ts";
import type { RoomEffect } from "../pair-room/effects.ts";
import { auditStatement } from "./membership.ts";
import { roomEffectStatements } from "./room-outbox.ts";

/** People whose email is in OPERATOR_EMAILS (comma separated, case-insensitive). */
function operatorEmails(configured: string | undefined): Set<string> {
  return new Set(
    (configured ?? "")
      .split(",")
      .map((email) => email.trim().toLowerCase())
      .filter(Boolean),
  );
}

export async function isOperator(db: D1Database, configured: string | undefined, userId: string): Promise<boolean> {
  const emails = operatorEmails(configured);
  if (!emails.size) return false;
  const row = await db.prepare("SELECT email FROM users WHERE id = ?1").bind(userId).first<{ email: string }>();
  return !!row && emails.has(row.email.toLowerCase());
}

export async function operatorIds(db: D1Database, configured: string | undefined): Promise<string[]> {
  const emails = [...operatorEmails(configured)];
  if (!emails.length) return [];
  const placeholders = emails.map((_, i) => `?${i + 1}`).join(", ");
  const { results } = await db
    .prepare(`SELECT id FROM users WHERE email IN (${placeholders})`)
    .bind(...emails)
    .all<{ id: string }>();
  return results.map((row) => row.id);
}

type OperatorReportRow = {
  id: string;
  group_id: string;
  group_name: string;
  reporter_id: string;
  reporter_name: string;
  reported_id: string;
  reported_name: string;
  reported_suspended_at: string | null;
  reason: string;
  message_seq: number | null;
  message_body: string | null;
  message_sent_at: number | null;
  status: "open" | "resolved";
  escalated_at: string | null;
  created_at: string;
};

const OPERATOR_REPORT_SELECT = `SELECT r.id, r.group_id, g.name AS group_name, r.reporter_id, a.display_name AS reporter_name,
    r.reported_id, b.display_name AS reported_name, b.suspended_at AS reported_suspended_at, r.reason,
    r.message_seq, r.message_body, r.message_sent_at, r.status, r.escalated_at, r.created_at
  FROM reports r JOIN groups g ON g.id = r.group_id JOIN users a ON a.id = r.reporter_id JOIN users b ON b.id = r.reported_id`;

function toOperatorReport(row: OperatorReportRow): OperatorReport {
  return {
    id: row.id,
    group: { id: row.group_id, name: row.group_name },
    reporter: { id: row.reporter_id, displayName: row.reporter_name },
    reported: { id: row.reported_id, displayName: row.reported_name, suspended: row.reported_suspended_at !== null },
    reason: row.reason,
    message: row.message_seq === null ? null : { seq: row.message_seq, body: row.message_body ?? "", sentAt: row.message_sent_at ?? 0 },
    status: row.status,
    escalatedAt: row.escalated_at,
    createdAt: row.created_at,
  };
}

/** Every report across groups, with only what each report handed over. */
export async function listOperatorReports(
  db: D1Database,
  filter: { escalated?: boolean | undefined; status?: "open" | "resolved" | undefined },
): Promise<OperatorReport[]> {
  const { results } = await db
    .prepare(
      `${OPERATOR_REPORT_SELECT}
       WHERE (?1 IS NULL OR (?1 = 1 AND r.escalated_at IS NOT NULL) OR (?1 = 0 AND r.escalated_at IS NULL))
         AND (?2 IS NULL OR r.status = ?2)
       ORDER BY COALESCE(r.escalated_at, r.created_at) DESC LIMIT 500`,
    )
    .bind(filter.escalated === undefined ? null : filter.escalated ? 1 : 0, filter.status ?? null)
    .all<OperatorReportRow>();
  return results.map(toOperatorReport);
}

export function findReportGroup(db: D1Database, reportId: string) {
  return db
    .prepare("SELECT id, group_id, reported_id, escalated_at FROM reports WHERE id = ?1")
    .bind(reportId)
    .first<{ id: string; group_id: string; reported_id: string; escalated_at: string | null }>();
}

export function escalateStatement(db: D1Database, reportId: string, actorId: string) {
  return db
    .prepare("UPDATE reports SET escalated_at = COALESCE(escalated_at, ?2), escalated_by = COALESCE(escalated_by, ?3) WHERE id = ?1")
    .bind(reportId, new Date().toISOString(), actorId);
}

/** All session hashes of a person (for closing the sockets they opened) and every pair they are in. */
export async function sessionsAndPairsOf(db: D1Database, userId: string): Promise<{ sessionHashes: string[]; pairIds: string[] }> {
  const [sessions, pairs] = await db.batch([
    db.prepare("SELECT token_hash FROM sessions WHERE user_id = ?1").bind(userId),
    db.prepare("SELECT id FROM pairs WHERE mentor_id = ?1 UNION SELECT id FROM pairs WHERE mentee_id = ?1").bind(userId),
  ]);
  return {
    sessionHashes: ((sessions?.results ?? []) as { token_hash: string }[]).map((row) => row.token_hash),
    pairIds: ((pairs?.results ?? []) as { id: string }[]).map((row) => row.id),
  };
}

export function suspendStatements(db: D1Database, userId: string, reason: string, actorId: string, rooms: { sessionHashes: string[]; pairIds: string[] }) {
  const effect: RoomEffect = { type: "close_sessions", sessionHashes: rooms.sessionHashes };
  return [
    db
      .prepare("UPDATE users SET suspended_at = COALESCE(suspended_at, ?2), suspended_reason = ?3 WHERE id = ?1")
      .bind(userId, new Date().toISOString(), reason),
    db.prepare("DELETE FROM sessions WHERE user_id = ?1").bind(userId),
    auditStatement(db, { groupId: null, actorId, action: "user_suspended", target: { type: "user", id: userId } }),
    ...(rooms.sessionHashes.length && rooms.pairIds.length ? roomEffectStatements(db, rooms.pairIds, effect) : []),
  ];
}

export function findSuspension(db: D1Database, userId: string) {
  return db
    .prepare("SELECT id, suspended_at, suspended_reason FROM users WHERE id = ?1")
    .bind(userId)
    .first<{ id: string; suspended_at: string | null; suspended_reason: string | null }>();
}

export function unsuspendStatement(db: D1Database, userId: string) {
  return db.prepare("UPDATE users SET suspended_at = NULL, suspended_reason = NULL WHERE id = ?1").bind(userId);
}
