import type { Invite } from "../../shared/api/groups.ts";

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

export function findInviteByTokenHash(db: D1Database, tokenHash: string) {
  return db.prepare("SELECT * FROM group_invites WHERE token_hash = ?1").bind(tokenHash).first<InviteRow>();
}

export function insertInvite(db: D1Database, invite: { tokenHash: string; groupId: string; createdBy: string; now: string; expiresAt: string | null }) {
  return db
    .prepare(
      `INSERT INTO group_invites (id, token_hash, group_id, created_by, created_at, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING *`,
    )
    .bind(crypto.randomUUID(), invite.tokenHash, invite.groupId, invite.createdBy, invite.now, invite.expiresAt)
    .first<InviteRow>();
}

export async function listInvitesOfGroup(db: D1Database, groupId: string): Promise<InviteRow[]> {
  const { results } = await db.prepare("SELECT * FROM group_invites WHERE group_id = ?1 ORDER BY created_at DESC").bind(groupId).all<InviteRow>();
  return results;
}

/** False when the group has no such invite. */
export async function revokeInvite(db: D1Database, groupId: string, inviteId: string, now: string): Promise<boolean> {
  const result = await db
    .prepare("UPDATE group_invites SET revoked_at = COALESCE(revoked_at, ?3) WHERE id = ?1 AND group_id = ?2")
    .bind(inviteId, groupId, now)
    .run();
  return result.meta.changes !== 0;
}

/** Counts an acceptance only when the statement just before it in the batch (the membership insert) changed a row. */
export function countAcceptanceStatement(db: D1Database, inviteId: string) {
  return db.prepare("UPDATE group_invites SET accepted_count = accepted_count + (changes() > 0) WHERE id = ?1").bind(inviteId);
}
