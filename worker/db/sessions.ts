/** D1 queries for sessions. Tokens never reach D1: only their SHA-256 (`token_hash`) does. */

export type SessionRow = {
  id: string;
  token_hash: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  renewed_at: number;
  absolute_expires_at: number;
  last_used_at: number;
  user_agent: string | null;
};

export function insertSessionStatement(
  db: D1Database,
  session: { id: string; tokenHash: string; userId: string; now: number; expiresAt: number; absoluteExpiresAt: number; userAgent: string | null },
) {
  return db
    .prepare(
      `INSERT INTO sessions (id, token_hash, user_id, created_at, expires_at, renewed_at, absolute_expires_at, last_used_at, user_agent)
       VALUES (?1, ?2, ?3, ?4, ?5, ?4, ?6, ?4, ?7)`,
    )
    .bind(session.id, session.tokenHash, session.userId, session.now, session.expiresAt, session.absoluteExpiresAt, session.userAgent);
}

/** A live session by its token hash; expired ones are not found. Always read from D1, never cached. */
export function findLiveSession(db: D1Database, tokenHash: string, now: number) {
  return db
    .prepare("SELECT * FROM sessions WHERE token_hash = ?1 AND expires_at > ?2 AND (absolute_expires_at IS NULL OR absolute_expires_at > ?2)")
    .bind(tokenHash, now)
    .first<SessionRow>();
}

export function touchSessionStatement(db: D1Database, tokenHash: string, fields: { expiresAt?: number; renewedAt?: number; lastUsedAt: number }) {
  return db
    .prepare(
      `UPDATE sessions SET expires_at = COALESCE(?2, expires_at), renewed_at = COALESCE(?3, renewed_at), last_used_at = ?4
       WHERE token_hash = ?1`,
    )
    .bind(tokenHash, fields.expiresAt ?? null, fields.renewedAt ?? null, fields.lastUsedAt);
}

export async function listSessionsOfUser(db: D1Database, userId: string, now: number) {
  const { results } = await db
    .prepare(
      `SELECT * FROM sessions WHERE user_id = ?1 AND expires_at > ?2 AND (absolute_expires_at IS NULL OR absolute_expires_at > ?2)
       ORDER BY last_used_at DESC, created_at DESC`,
    )
    .bind(userId, now)
    .all<SessionRow>();
  return results;
}

/** Token hashes of a user's sessions, except (optionally) one: the sockets to close when they are revoked. */
export async function sessionHashesOfUser(db: D1Database, userId: string, exceptTokenHash: string | null = null): Promise<string[]> {
  const { results } = await db
    .prepare("SELECT token_hash FROM sessions WHERE user_id = ?1 AND (?2 IS NULL OR token_hash != ?2)")
    .bind(userId, exceptTokenHash)
    .all<{ token_hash: string }>();
  return results.map((row) => row.token_hash);
}

export function findSessionOfUserById(db: D1Database, userId: string, sessionId: string) {
  return db.prepare("SELECT token_hash FROM sessions WHERE id = ?1 AND user_id = ?2").bind(sessionId, userId).first<{ token_hash: string }>();
}

export function deleteSessionByHashStatement(db: D1Database, tokenHash: string) {
  return db.prepare("DELETE FROM sessions WHERE token_hash = ?1").bind(tokenHash);
}

/** Every pair a person is or was in, whatever its status: the rooms where their sockets may be open. */
export async function pairIdsOfUser(db: D1Database, userId: string): Promise<string[]> {
  const { results } = await db
    .prepare("SELECT id FROM pairs WHERE mentor_id = ?1 UNION SELECT id FROM pairs WHERE mentee_id = ?1")
    .bind(userId)
    .all<{ id: string }>();
  return results.map((row) => row.id);
}
