// D1 queries of matching and bulk pairing that the single-pair queries in pairs.ts do not cover.

/** Names and birth dates of the people of a bulk publish, for the adult check and the notifications. */
export async function findPeopleForPairing(db: D1Database, userIds: string[]) {
  const { results } = await db
    .prepare("SELECT id, display_name, birth_date FROM users WHERE id IN (SELECT value FROM json_each(?1))")
    .bind(JSON.stringify(userIds))
    .all<{ id: string; display_name: string; birth_date: string }>();
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

/** The two people of each of these pairs, to undo them. */
export async function findPairPeople(db: D1Database, pairIds: string[]) {
  const { results } = await db
    .prepare("SELECT id, mentor_id, mentee_id FROM pairs WHERE id IN (SELECT value FROM json_each(?1))")
    .bind(JSON.stringify(pairIds))
    .all<{ id: string; mentor_id: string; mentee_id: string }>();
  return results;
}
