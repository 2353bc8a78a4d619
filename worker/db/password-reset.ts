// The D1 side of a password reset: the new hash, the token used, every session of the person gone, and
// the outbox rows that make their pair rooms close the sockets of those sessions, in one batch.
import { useTokenStatement } from "./email-tokens.ts";
import { roomEffectStatements } from "./room-outbox.ts";

export async function resetPassword(db: D1Database, userId: string, tokenHash: string, passwordHash: string, now = Date.now()): Promise<boolean> {
  const [sessionRows, pairRows] = await db.batch<{ id: string }>([
    db.prepare("SELECT token_hash AS id FROM sessions WHERE user_id = ?1").bind(userId),
    db.prepare("SELECT id FROM pairs WHERE mentor_id = ?1 OR mentee_id = ?1").bind(userId),
  ]);
  const sessionHashes = sessionRows!.results.map((row) => row.id);
  const pairIds = pairRows!.results.map((row) => row.id);
  // If the token's use below loses a race, these rows only close sockets of sessions that the winner
  // revoked anyway.
  const closeSockets = sessionHashes.length && pairIds.length ? roomEffectStatements(db, pairIds, { type: "close_sessions", sessionHashes }) : [];
  // Everything after the token's use is conditional on this very use (used_at = now), so a token used
  // by someone else a moment earlier changes nothing here.
  const usedNow = "EXISTS (SELECT 1 FROM email_tokens WHERE token_hash = ?2 AND used_at = ?3)";
  const [used] = await db.batch([
    useTokenStatement(db, tokenHash, now),
    db.prepare(`UPDATE users SET password_hash = ?4 WHERE id = ?1 AND ${usedNow}`).bind(userId, tokenHash, now, passwordHash),
    db.prepare(`DELETE FROM sessions WHERE user_id = ?1 AND ${usedNow}`).bind(userId, tokenHash, now),
    // Any other reset link sent earlier stops working.
    db.prepare("UPDATE email_tokens SET used_at = ?2 WHERE user_id = ?1 AND purpose = 'reset' AND used_at IS NULL").bind(userId, Date.now()),
    ...closeSockets,
  ]);
  return used!.meta.changes > 0;
}
