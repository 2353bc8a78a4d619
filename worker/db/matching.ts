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

/** Rows per multi-row statement: one JSON array bound as one parameter, well inside D1's limits. */
const ROWS_PER_STATEMENT = 50;

function chunked<T>(items: T[], size = ROWS_PER_STATEMENT): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/**
 * The outbox rows that create new pairs' rooms, each written only if its pair was: they go after the
 * pairs' conditional inserts in the same batch, so a refused pair leaves no row behind. Up to 50 rooms
 * per statement, in order. Same table and shape as roomEffectStatements (worker/db/room-outbox.ts).
 */
export function initializeRoomsStatements(db: D1Database, rooms: { pairId: string; effect: RoomEffect }[]) {
  const now = Date.now();
  return chunked(rooms).map((chunk) =>
    db
      .prepare(
        `INSERT INTO room_outbox (pair_id, effect, created_at, next_attempt_at)
         SELECT json_extract(r.value, '$.pairId'), json_extract(r.value, '$.effect'), ?2, ?2 FROM json_each(?1) r
         WHERE EXISTS (SELECT 1 FROM pairs WHERE id = json_extract(r.value, '$.pairId'))
         ORDER BY r.key`,
      )
      .bind(JSON.stringify(chunk.map((room) => ({ pairId: room.pairId, effect: JSON.stringify(RoomEffect.parse(room.effect)) }))), now),
  );
}

/** "paired" audit rows for pairs just created, up to 50 per statement. */
export function pairedAuditStatements(db: D1Database, groupId: string, actorId: string, pairs: { pairId: string; label: string; programId: string }[]) {
  const now = new Date().toISOString();
  return chunked(pairs).map((chunk) =>
    db
      .prepare(
        `INSERT INTO audit_log (id, group_id, actor_id, action, target_type, target_id, detail, created_at)
         SELECT json_extract(r.value, '$.id'), ?2, ?3, 'paired', 'pair', json_extract(r.value, '$.pairId'), json_extract(r.value, '$.detail'), ?4
         FROM json_each(?1) r`,
      )
      .bind(
        JSON.stringify(
          chunk.map((pair) => ({ id: crypto.randomUUID(), pairId: pair.pairId, detail: JSON.stringify({ label: pair.label, programId: pair.programId }) })),
        ),
        groupId,
        actorId,
        now,
      ),
  );
}

/**
 * What decides a pairing, for everyone in `userIds` at once: group membership, applications in the
 * program, blocks between them, and the mentees' active mentors. Four reads in one batch, whatever the
 * number of people, to explain refused pairs.
 */
export async function pairingFacts(db: D1Database, programId: string, groupId: string, userIds: string[]) {
  const ids = JSON.stringify(userIds);
  const [members, applications, blocks, active] = await db.batch([
    db.prepare("SELECT user_id FROM group_members WHERE group_id = ?1 AND user_id IN (SELECT value FROM json_each(?2))").bind(groupId, ids),
    db.prepare("SELECT user_id, role, status FROM applications WHERE program_id = ?1 AND user_id IN (SELECT value FROM json_each(?2))").bind(programId, ids),
    db
      .prepare(
        "SELECT blocker_id, blocked_id FROM blocks WHERE blocker_id IN (SELECT value FROM json_each(?1)) AND blocked_id IN (SELECT value FROM json_each(?1))",
      )
      .bind(ids),
    db
      .prepare("SELECT mentee_id, mentor_id FROM pairs WHERE program_id = ?1 AND status = 'active' AND mentee_id IN (SELECT value FROM json_each(?2))")
      .bind(programId, ids),
  ]);
  const rows = <T>(result: D1Result | undefined) => (result?.results ?? []) as T[];
  return {
    members: new Set(rows<{ user_id: string }>(members).map((r) => r.user_id)),
    applications: new Map(rows<{ user_id: string; role: string; status: string }>(applications).map((r) => [`${r.user_id}|${r.role}`, r.status])),
    blocked: new Set(
      rows<{ blocker_id: string; blocked_id: string }>(blocks).flatMap((r) => [`${r.blocker_id}|${r.blocked_id}`, `${r.blocked_id}|${r.blocker_id}`]),
    ),
    mentorOf: new Map(rows<{ mentee_id: string; mentor_id: string }>(active).map((r) => [r.mentee_id, r.mentor_id])),
  };
}
