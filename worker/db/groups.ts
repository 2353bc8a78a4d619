import type { Group, GroupMember, GroupRole, MyGroup } from "../../shared/api/groups.ts";
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
  join_policy: Group["joinPolicy"];
  listed: number;
};

const GROUP_COLUMNS = `g.id, g.name, g.description, g.focus, g.created_at, g.join_policy, g.listed,
  (SELECT COUNT(*) FROM group_members m WHERE m.group_id = g.id) AS member_count`;

function toGroup(row: GroupRow): Group {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    focus: row.focus,
    memberCount: row.member_count,
    createdAt: row.created_at,
    joinPolicy: row.join_policy,
    listed: row.listed === 1,
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
  const row = await db.prepare("SELECT role FROM group_members WHERE group_id = ?1 AND user_id = ?2").bind(groupId, userId).first<{ role: GroupRole }>();
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

export function insertGroupStatement(
  db: D1Database,
  group: { id: string; name: string; description: string; focus: Group["focus"]; createdBy: string; now: string },
) {
  return db
    .prepare("INSERT INTO groups (id, name, description, focus, created_by, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)")
    .bind(group.id, group.name, group.description, group.focus, group.createdBy, group.now);
}

export async function updateGroup(
  db: D1Database,
  groupId: string,
  patch: {
    name: string | null;
    description: string | null;
    focus: Group["focus"] | null;
    now: string;
    joinPolicy?: Group["joinPolicy"] | null;
    listed?: boolean | null;
  },
): Promise<void> {
  await db
    .prepare(
      `UPDATE groups SET name = COALESCE(?2, name), description = COALESCE(?3, description),
           focus = COALESCE(?4, focus), join_policy = COALESCE(?6, join_policy), listed = COALESCE(?7, listed),
           updated_at = ?5 WHERE id = ?1`,
    )
    .bind(groupId, patch.name, patch.description, patch.focus, patch.now, patch.joinPolicy ?? null, patch.listed == null ? null : patch.listed ? 1 : 0)
    .run();
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

/** True when the two people are members of at least one same group. */
export async function shareAGroup(db: D1Database, a: string, b: string): Promise<boolean> {
  const shared = await db
    .prepare(
      `SELECT 1 AS x FROM group_members a JOIN group_members b ON a.group_id = b.group_id
       WHERE a.user_id = ?1 AND b.user_id = ?2 LIMIT 1`,
    )
    .bind(a, b)
    .first();
  return shared !== null;
}
