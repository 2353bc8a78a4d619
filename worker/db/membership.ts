import type { GroupFocus, JoinPolicy } from "../../shared/api/groups.ts";
import type { AuditAction, AuditEntry, Ban, DirectoryGroup, JoinRequest } from "../../shared/api/membership.ts";
import { groupSearchText, searchWords } from "../../shared/rules/directory-search.ts";
import type { RoomEffect } from "../pair-room/effects.ts";
import type { NotifyMessage } from "../notifications/messages.ts";
import { prepareNotifications } from "../notifications/notify.ts";
import { roomEffectStatements } from "./room-outbox.ts";

// ---------------------------------------------------------------------------------------------
// Departures: leaving or removal reaches the pairs

export type DepartureReason = "member_left" | "member_removed";

type ActivePairRow = { id: string; program_id: string; mentor_id: string; mentee_id: string; program_title: string; mentor_name: string; mentee_name: string };

/** The person's active pairs in the group, with what the partner's notification needs. */
export async function activePairsInGroup(db: D1Database, groupId: string, userId: string): Promise<ActivePairRow[]> {
  const { results } = await db
    .prepare(
      `SELECT x.id, x.program_id, x.mentor_id, x.mentee_id, p.title AS program_title, a.display_name AS mentor_name, b.display_name AS mentee_name
       FROM pairs x JOIN programs p ON p.id = x.program_id JOIN users a ON a.id = x.mentor_id JOIN users b ON b.id = x.mentee_id
       WHERE x.id IN (SELECT id FROM pairs WHERE mentor_id = ?2 AND group_id = ?1 AND status = 'active'
                      UNION SELECT id FROM pairs WHERE mentee_id = ?2 AND group_id = ?1 AND status = 'active')`,
    )
    .bind(groupId, userId)
    .all<ActivePairRow>();
  return results;
}

export async function isLastOwner(db: D1Database, groupId: string, userId: string): Promise<boolean> {
  const row = await db
    .prepare(
      `SELECT (SELECT role FROM group_members WHERE group_id = ?1 AND user_id = ?2) AS role,
              (SELECT COUNT(*) FROM group_members WHERE group_id = ?1 AND role = 'owner') AS owners`,
    )
    .bind(groupId, userId)
    .first<{ role: string | null; owners: number }>();
  return row?.role === "owner" && row.owners <= 1;
}

/**
 * Everything a departure changes, as one batch: the membership row goes (unless that would leave the
 * group without an owner), and only if it went do the person's active pairs in the group end as "ended"
 * with the reason, their waiting applications in the group get withdrawn, the partners are notified,
 * an optional ban is written, and the rooms are told through the outbox (remove_member: the room turns
 * read-only and closes that person's sockets). `gone` guards every statement after the first, so a
 * refused removal changes nothing.
 */
export function departureStatements(
  db: D1Database,
  input: { groupId: string; userId: string; reason: DepartureReason; actorId: string; ban: boolean; pairs: ActivePairRow[] },
): { statements: D1PreparedStatement[]; messages: NotifyMessage[] } {
  const { groupId, userId, reason, actorId, pairs } = input;
  const now = new Date().toISOString();
  const gone = "NOT EXISTS (SELECT 1 FROM group_members WHERE group_id = ?1 AND user_id = ?2)";
  const statements: D1PreparedStatement[] = [
    db
      .prepare(
        `DELETE FROM group_members WHERE group_id = ?1 AND user_id = ?2
           AND (role != 'owner' OR (SELECT COUNT(*) FROM group_members WHERE group_id = ?1 AND role = 'owner') > 1)`,
      )
      .bind(groupId, userId),
  ];
  if (input.ban) {
    statements.push(
      db
        .prepare(`INSERT INTO group_bans (group_id, user_id, banned_by, created_at) SELECT ?1, ?2, ?3, ?4 WHERE ${gone} ON CONFLICT DO NOTHING`)
        .bind(groupId, userId, actorId, now),
    );
  }
  statements.push(
    db
      .prepare(
        `UPDATE pairs SET status = 'ended', end_reason = ?3, ended_by = ?4, ended_at = ?5
         WHERE group_id = ?1 AND status = 'active' AND (mentor_id = ?2 OR mentee_id = ?2) AND ${gone}`,
      )
      .bind(groupId, userId, reason, actorId, now),
    db
      .prepare(
        `UPDATE applications SET status = 'withdrawn', updated_at = ?3
         WHERE user_id = ?2 AND status = 'waiting' AND program_id IN (SELECT id FROM programs WHERE group_id = ?1) AND ${gone}`,
      )
      .bind(groupId, userId, now),
  );
  // The partners are told (in-app here, email and push once the caller sees the departure went through).
  const told = prepareNotifications(
    db,
    pairs.map((pair) => ({
      id: `pair_ended:${pair.id}:${pair.mentor_id === userId ? pair.mentee_id : pair.mentor_id}`,
      userId: pair.mentor_id === userId ? pair.mentee_id : pair.mentor_id,
      kind: "pair_ended" as const,
      data: {
        pairId: pair.id,
        outcome: "ended",
        reason,
        otherName: pair.mentor_id === userId ? pair.mentor_name : pair.mentee_name,
        programTitle: pair.program_title,
      },
    })),
    new Date(now),
    { sql: "NOT EXISTS (SELECT 1 FROM group_members WHERE group_id = ?3 AND user_id = ?4)", params: [groupId, userId] },
  );
  statements.push(...told.statements);
  if (pairs.length) {
    const effect: RoomEffect = { type: "remove_member", userId, reason };
    statements.push(
      ...roomEffectStatements(
        db,
        pairs.map((pair) => pair.id),
        effect,
      ),
    );
  }
  return { statements, messages: told.messages };
}

// ---------------------------------------------------------------------------------------------
// Bans

export async function isBanned(db: D1Database, groupId: string, userId: string): Promise<boolean> {
  const row = await db.prepare("SELECT 1 AS x FROM group_bans WHERE group_id = ?1 AND user_id = ?2").bind(groupId, userId).first();
  return row !== null;
}

export async function listBans(db: D1Database, groupId: string): Promise<Ban[]> {
  const { results } = await db
    .prepare(
      `SELECT b.user_id, u.display_name, b.banned_by, a.display_name AS banned_by_name, b.created_at
       FROM group_bans b JOIN users u ON u.id = b.user_id LEFT JOIN users a ON a.id = b.banned_by
       WHERE b.group_id = ?1 ORDER BY b.created_at DESC`,
    )
    .bind(groupId)
    .all<{ user_id: string; display_name: string; banned_by: string | null; banned_by_name: string | null; created_at: string }>();
  return results.map((row) => ({
    user: { id: row.user_id, displayName: row.display_name },
    bannedBy: row.banned_by && row.banned_by_name ? { id: row.banned_by, displayName: row.banned_by_name } : null,
    createdAt: row.created_at,
  }));
}

export async function displayNameOf(db: D1Database, userId: string): Promise<string | null> {
  return (await db.prepare("SELECT display_name FROM users WHERE id = ?1").bind(userId).first<{ display_name: string }>())?.display_name ?? null;
}

export function unbanStatement(db: D1Database, groupId: string, userId: string) {
  return db.prepare("DELETE FROM group_bans WHERE group_id = ?1 AND user_id = ?2").bind(groupId, userId);
}

// ---------------------------------------------------------------------------------------------
// Group settings and the directory

export function searchTextStatement(db: D1Database, groupId: string, group: { name: string; description: string; focus: GroupFocus }) {
  return db.prepare("UPDATE groups SET search_text = ?2 WHERE id = ?1").bind(groupId, groupSearchText(group));
}

export type JoinableGroup = { id: string; name: string; join_policy: JoinPolicy; listed: number };

export function findJoinableGroup(db: D1Database, groupId: string) {
  return db.prepare("SELECT id, name, join_policy, listed FROM groups WHERE id = ?1").bind(groupId).first<JoinableGroup>();
}

/**
 * Listed groups matching every word of `q` (folded: case and accents do not matter) and the focus.
 * Each word is a LIKE over the folded search text; `%` and `_` in the words are escaped.
 */
export async function searchDirectory(
  db: D1Database,
  input: { q?: string | undefined; focus?: GroupFocus | undefined; userId: string | null },
): Promise<DirectoryGroup[]> {
  const words = searchWords(input.q ?? "");
  const params: unknown[] = [input.focus ?? null, input.userId];
  const conditions = words.map((word) => {
    params.push(`%${word.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
    return `g.search_text LIKE ?${params.length} ESCAPE '\\'`;
  });
  const { results } = await db
    .prepare(
      `SELECT g.id, g.name, g.description, g.focus, g.join_policy,
         (SELECT COUNT(*) FROM group_members m WHERE m.group_id = g.id) AS member_count,
         (SELECT COUNT(*) FROM programs p WHERE p.group_id = g.id AND p.status = 'open') AS open_programs,
         CASE WHEN ?2 IS NULL THEN NULL
              WHEN EXISTS (SELECT 1 FROM group_members m WHERE m.group_id = g.id AND m.user_id = ?2) THEN 'member'
              WHEN EXISTS (SELECT 1 FROM join_requests r WHERE r.group_id = g.id AND r.user_id = ?2 AND r.status = 'pending') THEN 'pending'
              ELSE NULL END AS my_status
       FROM groups g
       WHERE g.listed = 1 AND (?1 IS NULL OR g.focus = ?1) ${conditions.map((c) => `AND ${c}`).join(" ")}
       ORDER BY member_count DESC, g.name COLLATE NOCASE LIMIT 100`,
    )
    .bind(...params)
    .all<{
      id: string;
      name: string;
      description: string;
      focus: GroupFocus;
      join_policy: JoinPolicy;
      member_count: number;
      open_programs: number;
      my_status: "member" | "pending" | null;
    }>();
  return results.map((row) => ({
    id: row.id,
    name: row.name,
    description: row.description,
    focus: row.focus,
    memberCount: row.member_count,
    openProgramsCount: row.open_programs,
    joinPolicy: row.join_policy,
    myStatus: row.my_status,
  }));
}

// ---------------------------------------------------------------------------------------------
// Join requests

type JoinRequestRow = {
  id: string;
  group_id: string;
  user_id: string;
  display_name: string;
  message: string;
  status: JoinRequest["status"];
  created_at: string;
  decided_at: string | null;
};

const JOIN_REQUEST_SELECT = `SELECT r.*, u.display_name FROM join_requests r JOIN users u ON u.id = r.user_id`;

function toJoinRequest(row: JoinRequestRow): JoinRequest {
  return {
    id: row.id,
    groupId: row.group_id,
    user: { id: row.user_id, displayName: row.display_name },
    message: row.message,
    status: row.status,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
  };
}

export async function findJoinRequest(db: D1Database, requestId: string): Promise<JoinRequest | null> {
  const row = await db.prepare(`${JOIN_REQUEST_SELECT} WHERE r.id = ?1`).bind(requestId).first<JoinRequestRow>();
  return row ? toJoinRequest(row) : null;
}

export async function hasPendingRequest(db: D1Database, groupId: string, userId: string) {
  return (
    (await db.prepare("SELECT 1 AS x FROM join_requests WHERE group_id = ?1 AND user_id = ?2 AND status = 'pending'").bind(groupId, userId).first()) !== null
  );
}

/** Inserts a pending request; the partial unique index makes a concurrent second one insert nothing. */
export async function insertJoinRequest(db: D1Database, groupId: string, userId: string, message: string): Promise<JoinRequest | null> {
  const id = crypto.randomUUID();
  const result = await db
    .prepare("INSERT INTO join_requests (id, group_id, user_id, message, created_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING")
    .bind(id, groupId, userId, message, new Date().toISOString())
    .run();
  return result.meta.changes === 1 ? findJoinRequest(db, id) : null;
}

export async function listJoinRequests(db: D1Database, groupId: string, status: JoinRequest["status"]): Promise<JoinRequest[]> {
  const { results } = await db
    .prepare(`${JOIN_REQUEST_SELECT} WHERE r.group_id = ?1 AND r.status = ?2 ORDER BY r.created_at`)
    .bind(groupId, status)
    .all<JoinRequestRow>();
  return results.map(toJoinRequest);
}

/** Decides a pending request; only one decision can win (the status is checked in the same statement). */
export function decideJoinRequestStatement(db: D1Database, requestId: string, status: "approved" | "declined", deciderId: string) {
  return db
    .prepare("UPDATE join_requests SET status = ?2, decided_at = ?3, decided_by = ?4 WHERE id = ?1 AND status = 'pending'")
    .bind(requestId, status, new Date().toISOString(), deciderId);
}

export async function groupAdminIds(db: D1Database, groupId: string): Promise<string[]> {
  const { results } = await db
    .prepare("SELECT user_id FROM group_members WHERE group_id = ?1 AND role IN ('owner', 'admin')")
    .bind(groupId)
    .all<{ user_id: string }>();
  return results.map((row) => row.user_id);
}

// ---------------------------------------------------------------------------------------------
// Audit log

export type AuditInput = {
  groupId: string | null;
  actorId: string | null;
  action: AuditAction;
  target?: { type: string; id: string; label?: string | null } | undefined;
  detail?: Record<string, string | number | boolean | null> | undefined;
};

/** One audit row. Callers pass codes and labels only: never a message, an answer or a note. */
export function auditStatement(db: D1Database, entry: AuditInput) {
  return db
    .prepare("INSERT INTO audit_log (id, group_id, actor_id, action, target_type, target_id, detail, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
    .bind(
      crypto.randomUUID(),
      entry.groupId,
      entry.actorId,
      entry.action,
      entry.target?.type ?? null,
      entry.target?.id ?? null,
      JSON.stringify({ ...(entry.target?.label ? { label: entry.target.label } : {}), ...(entry.detail ?? {}) }),
      new Date().toISOString(),
    );
}

type AuditRow = {
  id: string;
  actor_id: string | null;
  actor_name: string | null;
  action: AuditAction;
  target_type: string | null;
  target_id: string | null;
  detail: string;
  created_at: string;
};

export async function listAudit(
  db: D1Database,
  groupId: string,
  before: string | undefined,
  limit: number,
): Promise<{ entries: AuditEntry[]; hasMore: boolean }> {
  const { results } = await db
    .prepare(
      `SELECT l.id, l.actor_id, u.display_name AS actor_name, l.action, l.target_type, l.target_id, l.detail, l.created_at
       FROM audit_log l LEFT JOIN users u ON u.id = l.actor_id
       WHERE l.group_id = ?1 AND (?2 IS NULL OR l.created_at < ?2)
       ORDER BY l.created_at DESC, l.id LIMIT ?3`,
    )
    .bind(groupId, before ?? null, limit + 1)
    .all<AuditRow>();
  const entries = results.slice(0, limit).map((row): AuditEntry => {
    let detail: Record<string, string | number | boolean | null> = {};
    try {
      detail = JSON.parse(row.detail) as typeof detail;
    } catch {
      detail = {};
    }
    const { label, ...rest } = detail;
    return {
      id: row.id,
      action: row.action,
      actor: row.actor_id ? { id: row.actor_id, displayName: row.actor_name ?? "" } : null,
      target: row.target_type && row.target_id ? { type: row.target_type, id: row.target_id, label: typeof label === "string" ? label : null } : null,
      detail: rest,
      createdAt: row.created_at,
    };
  });
  return { entries, hasMore: results.length > limit };
}

// ---------------------------------------------------------------------------------------------
// Account deletion (worker/db/accounts.ts deleteAccountStatements spreads these into its batch)

/**
 * Membership's traces of a deleted account: the audit log keeps what happened but names the "Deleted
 * member" ghost instead of them (as actor or target, and in its labels), and the "who did it" columns
 * of bans, join requests and escalations forget them. Bans and join requests *of* them go with the
 * users row (ON DELETE CASCADE).
 */
export function membershipErasureStatements(db: D1Database, input: { userId: string; displayName: string; ghostId: string; ghostName: string }) {
  const { userId, displayName, ghostId, ghostName } = input;
  return [
    db.prepare("UPDATE audit_log SET actor_id = ?2 WHERE actor_id = ?1").bind(userId, ghostId),
    db.prepare("UPDATE audit_log SET target_id = ?2 WHERE target_id = ?1").bind(userId, ghostId),
    db.prepare("UPDATE audit_log SET detail = replace(detail, ?1, ?2) WHERE instr(detail, ?1) > 0").bind(displayName, ghostName),
    db.prepare("UPDATE group_bans SET banned_by = NULL WHERE banned_by = ?1").bind(userId),
    db.prepare("UPDATE join_requests SET decided_by = NULL WHERE decided_by = ?1").bind(userId),
    db.prepare("UPDATE reports SET escalated_by = NULL WHERE escalated_by = ?1").bind(userId),
  ];
}
