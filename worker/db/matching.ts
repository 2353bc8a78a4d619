// D1 queries of matching and bulk pairing that the single-pair queries in pairs.ts do not cover.
import { RoomEffect } from "../pair-room/effects.ts";

/** Names and birth dates of the people of a bulk publish, for the adult check and the notifications. */
export async function findPeopleForPairing(db: D1Database, userIds: string[]) {
  const { results } = await db
    .prepare("SELECT id, display_name, birth_date, about FROM users WHERE id IN (SELECT value FROM json_each(?1))")
    .bind(JSON.stringify(userIds))
    .all<{ id: string; display_name: string; birth_date: string; about: string }>();
  return results;
}

/** Marks the applications of the pairs just written as paired: one statement for any number of pairs. */
export function markApplicationsPairedManyStatement(db: D1Database, programId: string, pairIds: string[], now: string) {
  return db
    .prepare(
      `UPDATE applications SET status = 'paired', updated_at = ?2
       WHERE program_id = ?1 AND status = 'waiting' AND (
         (role = 'mentor' AND user_id IN (SELECT mentor_id FROM pairs WHERE id IN (SELECT value FROM json_each(?3))))
         OR (role = 'mentee' AND user_id IN (SELECT mentee_id FROM pairs WHERE id IN (SELECT value FROM json_each(?3)))))`,
    )
    .bind(programId, now, JSON.stringify(pairIds));
}

/**
 * The outbox row that creates a new pair's room, written only if the pair itself was written: it goes
 * right after the pair's conditional insert in the same batch, so a refused pair leaves no row behind.
 * Same table and shape as roomEffectStatements (worker/db/room-outbox.ts), which has no condition.
 */
export function initializeRoomStatement(db: D1Database, pairId: string, effect: RoomEffect) {
  const now = Date.now();
  return db
    .prepare("INSERT INTO room_outbox (pair_id, effect, created_at, next_attempt_at) SELECT ?1, ?2, ?3, ?3 WHERE EXISTS (SELECT 1 FROM pairs WHERE id = ?1)")
    .bind(pairId, JSON.stringify(RoomEffect.parse(effect)), now);
}
