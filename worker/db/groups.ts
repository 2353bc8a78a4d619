import type { Group, GroupMember, GroupRole, Invite, MyGroup } from "../../shared/api/groups.ts";
import { isGroupAdmin } from "../../shared/api/groups.ts";
import { forbidden, notFound } from "../http/errors.ts";
import { toPublicProfile, type UserRow } from "./users.ts";

type GroupRow = {
  id: string;
  name: string;
  description: string;
  focus: Group["focus"];
  created_at: string;
  member_count: number;
};

const GROUP_COLUMNS = `g.id, g.name, g.description, g.focus, g.created_at,
  (SELECT COUNT(*) FROM group_members m WHERE m.group_id = g.id) AS member_count`;

export function toGroup(row: GroupRow): Group {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    focus: row.focus,
    memberCount: row.member_count,
    createdAt: row.created_at,
  };
}

export async function findGroup(db: D1Database, groupId: string): Promise<Group | null> {
  const row = await db.prepare(`SELECT ${GROUP_COLUMNS} FROM groups g WHERE g.id = ?1`).bind(groupId).first<GroupRow>();
  return row ? toGroup(row) : null;
}

export async function listMyGroups(db: D1Database, userId: string): Promise<MyGroup[]> {
  const { results } = await db
    .prepare(
      `SELECT ${GROUP_COLUMNS}, me.role FROM group_members me JOIN groups g ON g.id = me.group_id
       WHERE me.user_id = ?1 ORDER BY g.name COLLATE NOCASE`,
    )
    .bind(userId)
    .all<GroupRow & { role: GroupRole }>();
  return results.map((row) => ({ ...toGroup(row), role: row.role }));
}

export async function roleIn(db: D1Database, groupId: string, userId: string): Promise<GroupRole | null> {
  const row = await db
    .prepare("SELECT role FROM group_members WHERE group_id = ?1 AND user_id = ?2")
    .bind(groupId, userId)
    .first<{ role: GroupRole }>();
  return row?.role ?? null;
}

/**
 * Non-members get 404 for everything in a group, exactly as if it did not exist: a group's existence
 * is not revealed to outsiders.
 */
export async function requireMember(db: D1Database, groupId: string, userId: string): Promise<GroupRole> {
  const role = await roleIn(db, groupId, userId);
  if (!role) throw notFound("This group");
  return role;
}

/** Members know the group exists, so an admin-only action gets 403, not 404. */
export async function requireAdmin(db: D1Database, groupId: string, userId: string): Promise<GroupRole> {
  const role = await requireMember(db, groupId, userId);
  if (!isGroupAdmin(role)) throw forbidden("Only the group's admins can do this.");
  return role;
}

export async function listMembers(db: D1Database, groupId: string): Promise<GroupMember[]> {
  const { results } = await db
    .prepare(
      `SELECT u.id, u.display_name, u.about, u.topics, u.languages, u.time_zone, m.role, m.joined_at
       FROM group_members m JOIN users u ON u.id = m.user_id
       WHERE m.group_id = ?1
       ORDER BY CASE m.role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END, u.display_name COLLATE NOCASE`,
    )
    .bind(groupId)
    .all<UserRow & { role: GroupRole; joined_at: string }>();
  return results.map((row) => ({ user: toPublicProfile(row), role: row.role, joinedAt: row.joined_at }));
}

export function addMemberStatement(db: D1Database, groupId: string, userId: string, role: GroupRole) {
  return db
    .prepare("INSERT INTO group_members (group_id, user_id, role, joined_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
    .bind(groupId, userId, role, new Date().toISOString());
}

/**
 * Changes a role unless that would leave the group without an owner. The owner count is read inside the
 * same statement, so two owners demoting each other at once cannot both succeed.
 */
export async function changeRoleKeepingAnOwner(db: D1Database, groupId: string, userId: string, role: GroupRole) {
  const result = await db
    .prepare(
      `UPDATE group_members SET role = ?3
       WHERE group_id = ?1 AND user_id = ?2
         AND (role != 'owner' OR ?3 = 'owner'
              OR (SELECT COUNT(*) FROM group_members WHERE group_id = ?1 AND role = 'owner') > 1)`,
    )
    .bind(groupId, userId, role)
    .run();
  return result.meta.changes === 1;
}

export async function removeMemberKeepingAnOwner(db: D1Database, groupId: string, userId: string) {
  const result = await db
    .prepare(
      `DELETE FROM group_members
       WHERE group_id = ?1 AND user_id = ?2
         AND (role != 'owner' OR (SELECT COUNT(*) FROM group_members WHERE group_id = ?1 AND role = 'owner') > 1)`,
    )
    .bind(groupId, userId)
    .run();
  return result.meta.changes === 1;
}

export type InviteRow = {
  id: string;
  token_hash: string;
  group_id: string;
  created_by: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  accepted_count: number;
};

export function toInvite(row: InviteRow): Invite {
  return {
    id: row.id,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    acceptedCount: row.accepted_count,
    createdBy: row.created_by,
  };
}

export function inviteIsUsable(row: InviteRow, now = new Date()): boolean {
  return !row.revoked_at && (!row.expires_at || row.expires_at > now.toISOString());
}
