/**
 * D1 queries for the data rights: what a person's export reads, and what deleting an account changes.
 *
 * Deletion leans on the schema: every table that belongs to a person references users(id) with
 * ON DELETE CASCADE (sessions, memberships, applications, notifications, blocks, and the tables other
 * features add), so deleting the users row removes them in the same transaction. What must outlive the
 * person is handed to a "deleted member" placeholder first (see deleteAccountStatements).
 */

import { membershipErasureStatements } from "./membership.ts";

/** Shown wherever a deleted person used to be; the SPA shows its own translation (profile.deleted). */
export const DELETED_MEMBER_NAME = "Deleted member";
/** The placeholder account's ids start with this, so every reader can tell (see toPublicProfile). */
export const DELETED_ID_PREFIX = "deleted-";
/** How long a report about a deleted person keeps the copied message for the admins and the operator. */
const DELETED_REPORT_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

export type OwnedGroup = { id: string; name: string };

/** Groups where this person is the only owner: deletion must wait until they hand them over. */
export async function groupsOnlyOwnedBy(db: D1Database, userId: string): Promise<OwnedGroup[]> {
  const { results } = await db
    .prepare(
      `SELECT g.id, g.name FROM group_members m JOIN groups g ON g.id = m.group_id
       WHERE m.user_id = ?1 AND m.role = 'owner'
         AND NOT EXISTS (SELECT 1 FROM group_members o WHERE o.group_id = m.group_id AND o.role = 'owner' AND o.user_id != ?1)
       ORDER BY g.name`,
    )
    .bind(userId)
    .all<OwnedGroup>();
  return results;
}

export type PairOfUser = { id: string; status: string; program_id: string; other_id: string };

export async function pairsOfUser(db: D1Database, userId: string): Promise<PairOfUser[]> {
  const { results } = await db
    .prepare(
      `SELECT id, status, program_id, mentee_id AS other_id FROM pairs WHERE mentor_id = ?1
       UNION ALL
       SELECT id, status, program_id, mentor_id AS other_id FROM pairs WHERE mentee_id = ?1`,
    )
    .bind(userId)
    .all<PairOfUser>();
  return results;
}

/**
 * Everything deletion changes in D1, as one batch (one transaction):
 * - a placeholder account (no email, name, birth date or password anyone knows) takes the person's place
 *   in pairs, in reports they filed (kept without their identity) and in reports about them (kept for
 *   DELETED_REPORT_RETENTION_MS, then purged), so the partner's pair and the group's report queue stay whole;
 * - active pairs end as "ended" with reason `account_deleted`;
 * - their id is removed from the "who did it" columns that have no foreign key;
 * - their name and id are replaced in other people's notifications about them or their pairs;
 * - rate-limit counters naming them go;
 * - dead-lettered notifications carrying their id go (those addressed to them, with their address and
 *   name in them); in the rest, their name is replaced;
 * - the users row goes, and with it (ON DELETE CASCADE) sessions, memberships, applications,
 *   notifications, blocks made and received, and every other per-person table.
 */
export function deleteAccountStatements(
  db: D1Database,
  input: { userId: string; displayName: string; ghostId: string; pairIds: string[]; emailKey: string; now: number },
): D1PreparedStatement[] {
  const { userId, displayName, ghostId, now } = input;
  const nowIso = new Date(now).toISOString();
  return [
    db
      .prepare(
        `INSERT INTO users (id, email, display_name, birth_date, password_hash, created_at)
         VALUES (?1, ?2, ?3, '1900-01-01', '!', ?4)`,
      )
      .bind(ghostId, `${ghostId}@deleted.invalid`, DELETED_MEMBER_NAME, nowIso),
    db
      .prepare(
        `UPDATE pairs SET status = 'ended', end_reason = 'account_deleted', ended_by = NULL, ended_at = ?2
         WHERE status = 'active' AND (mentor_id = ?1 OR mentee_id = ?1)`,
      )
      .bind(userId, nowIso),
    db.prepare("UPDATE pairs SET mentor_id = ?2 WHERE mentor_id = ?1").bind(userId, ghostId),
    db.prepare("UPDATE pairs SET mentee_id = ?2 WHERE mentee_id = ?1").bind(userId, ghostId),
    db.prepare("UPDATE pairs SET created_by = NULL WHERE created_by = ?1").bind(userId),
    db.prepare("UPDATE pairs SET ended_by = NULL WHERE ended_by = ?1").bind(userId),
    db.prepare("UPDATE reports SET reporter_id = ?2 WHERE reporter_id = ?1").bind(userId, ghostId),
    db.prepare("UPDATE reports SET reported_id = ?2, purge_after = ?3 WHERE reported_id = ?1").bind(userId, ghostId, now + DELETED_REPORT_RETENTION_MS),
    db.prepare("UPDATE reports SET resolved_by = NULL WHERE resolved_by = ?1").bind(userId),
    db.prepare("UPDATE groups SET created_by = NULL WHERE created_by = ?1").bind(userId),
    db.prepare("UPDATE programs SET created_by = NULL WHERE created_by = ?1").bind(userId),
    db.prepare("UPDATE group_invites SET created_by = ?2 WHERE created_by = ?1").bind(userId, ghostId),
    // Other people's notifications that name them: about one of their pairs, or carrying their id.
    db
      .prepare(
        `UPDATE notifications
         SET data = replace(replace(data, json_quote(?2), json_quote(?3)), ?1, ?4)
         WHERE user_id != ?1
           AND (instr(data, ?1) > 0 OR EXISTS (SELECT 1 FROM json_each(?5) p WHERE instr(notifications.data, p.value) > 0))`,
      )
      .bind(userId, displayName, DELETED_MEMBER_NAME, ghostId, JSON.stringify(input.pairIds)),
    db.prepare("DELETE FROM rate_limits WHERE instr(bucket, ?1) > 0 OR instr(bucket, ?2) > 0").bind(userId, input.emailKey),
    db.prepare("DELETE FROM notification_dead_letters WHERE instr(body, ?1) > 0").bind(userId),
    db
      .prepare("UPDATE notification_dead_letters SET body = replace(body, json_quote(?1), json_quote(?2)) WHERE instr(body, json_quote(?1)) > 0")
      .bind(displayName, DELETED_MEMBER_NAME),
    // Membership (issue 13): the audit log and the "who did it" columns of bans, requests and escalations.
    ...membershipErasureStatements(db, { userId, displayName, ghostId, ghostName: DELETED_MEMBER_NAME }),
    db.prepare("DELETE FROM users WHERE id = ?1").bind(userId),
  ];
}

/** The scheduled clean-up: reports about deleted people past their retention. */
export function purgeExpiredReportsStatement(db: D1Database, now: number) {
  return db.prepare("DELETE FROM reports WHERE purge_after IS NOT NULL AND purge_after <= ?1").bind(now);
}

// -------------------------------------------------------------------------------------------------
// Export

export function exportProfile(db: D1Database, userId: string) {
  return db
    .prepare("SELECT id, email, display_name, birth_date, about, topics, languages, time_zone, locale, created_at FROM users WHERE id = ?1")
    .bind(userId)
    .first<Record<string, unknown>>();
}

export async function exportGroups(db: D1Database, userId: string) {
  const { results } = await db
    .prepare(
      `SELECT g.id, g.name, g.description, g.focus, m.role, m.joined_at FROM group_members m JOIN groups g ON g.id = m.group_id
       WHERE m.user_id = ?1 ORDER BY m.joined_at`,
    )
    .bind(userId)
    .all<Record<string, unknown>>();
  return results;
}

export async function exportApplications(db: D1Database, userId: string) {
  const { results } = await db
    .prepare(
      `SELECT a.id, a.program_id, p.title AS program_title, a.role, a.answers, a.capacity, a.status, a.created_at, a.updated_at
       FROM applications a JOIN programs p ON p.id = a.program_id WHERE a.user_id = ?1 ORDER BY a.created_at`,
    )
    .bind(userId)
    .all<Record<string, unknown>>();
  return results;
}

export async function exportPairs(db: D1Database, userId: string) {
  const { results } = await db
    .prepare(
      `SELECT x.id, x.program_id, p.title AS program_title, x.group_id, g.name AS group_name,
              CASE WHEN x.mentor_id = ?1 THEN 'mentor' ELSE 'mentee' END AS my_role,
              o.display_name AS other_name, x.status, x.end_reason, x.started_at, x.ended_at
       FROM pairs x JOIN programs p ON p.id = x.program_id JOIN groups g ON g.id = x.group_id
       JOIN users o ON o.id = CASE WHEN x.mentor_id = ?1 THEN x.mentee_id ELSE x.mentor_id END
       WHERE x.id IN (SELECT id FROM pairs WHERE mentor_id = ?1 UNION ALL SELECT id FROM pairs WHERE mentee_id = ?1)
       ORDER BY x.started_at`,
    )
    .bind(userId)
    .all<Record<string, unknown> & { id: string }>();
  return results;
}

export async function exportNotifications(db: D1Database, userId: string) {
  const { results } = await db
    .prepare("SELECT id, kind, data, created_at, read_at FROM notifications WHERE user_id = ?1 ORDER BY created_at")
    .bind(userId)
    .all<Record<string, unknown>>();
  return results;
}

export async function exportReportsFiled(db: D1Database, userId: string) {
  const { results } = await db
    .prepare(
      `SELECT r.id, r.group_id, r.pair_id, u.display_name AS reported_name, r.reason, r.message_seq, r.message_body,
              r.status, r.created_at, r.resolved_at
       FROM reports r JOIN users u ON u.id = r.reported_id WHERE r.reporter_id = ?1 ORDER BY r.created_at`,
    )
    .bind(userId)
    .all<Record<string, unknown>>();
  return results;
}

export async function exportBlocks(db: D1Database, userId: string) {
  const { results } = await db
    .prepare(
      `SELECT b.blocked_id, u.display_name AS blocked_name, b.created_at FROM blocks b JOIN users u ON u.id = b.blocked_id
       WHERE b.blocker_id = ?1 ORDER BY b.created_at`,
    )
    .bind(userId)
    .all<Record<string, unknown>>();
  return results;
}

export async function exportSessions(db: D1Database, userId: string) {
  const { results } = await db
    .prepare("SELECT id, created_at, last_used_at, expires_at, absolute_expires_at, user_agent FROM sessions WHERE user_id = ?1 ORDER BY created_at")
    .bind(userId)
    .all<Record<string, unknown>>();
  return results;
}

/** Tables the export reads by name above; every other table with a user_id column is exported generically. */
const EXPORTED_EXPLICITLY = new Set(["users", "sessions", "group_members", "applications", "notifications", "reports", "blocks", "pairs", "rate_limits"]);
/** Columns never exported from the generic tables: credentials and secrets stay on the server. */
const SECRET_COLUMN = /token|hash|secret|password|auth|p256dh|key/i;

/**
 * Rows of every other table that holds a `user_id` (notification preferences, push subscriptions and
 * whatever later features add), without secret-looking columns. Found from the schema, so a new
 * per-person table is in the export without anyone remembering to add it.
 */
export async function exportOtherTables(db: D1Database, userId: string): Promise<Record<string, Record<string, unknown>[]>> {
  const { results: tables } = await db
    .prepare(
      `SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_cf_%'
         AND m.name NOT LIKE 'd1_%' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'user_id')
       ORDER BY m.name`,
    )
    .all<{ name: string }>();
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const { name } of tables) {
    if (EXPORTED_EXPLICITLY.has(name) || !/^[a-z_][a-z0-9_]*$/i.test(name)) continue;
    const { results } = await db.prepare(`SELECT * FROM "${name}" WHERE user_id = ?1`).bind(userId).all<Record<string, unknown>>();
    out[name] = results.map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => !SECRET_COLUMN.test(column))));
  }
  return out;
}
