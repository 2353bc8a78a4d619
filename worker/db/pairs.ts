import type { MyPair, Pair, PairStatus } from "../../shared/api/pairs.ts";
import { toPublicProfile } from "./users.ts";

export type PairRow = {
  id: string;
  program_id: string;
  group_id: string;
  mentor_id: string;
  mentee_id: string;
  status: PairStatus;
  end_reason: string | null;
  ended_by: string | null;
  started_at: string;
  ended_at: string | null;
};

const PROFILE = (alias: string) =>
  `${alias}.display_name AS ${alias}_display_name, ${alias}.about AS ${alias}_about, ${alias}.topics AS ${alias}_topics,
   ${alias}.languages AS ${alias}_languages, ${alias}.time_zone AS ${alias}_time_zone`;

type PairWithPeopleRow = PairRow & Record<string, string | null>;

function profileOf(row: PairWithPeopleRow, alias: "mentor" | "mentee") {
  return toPublicProfile({
    id: alias === "mentor" ? row.mentor_id : row.mentee_id,
    display_name: row[`${alias}_display_name`] ?? "",
    about: row[`${alias}_about`] ?? "",
    topics: row[`${alias}_topics`] ?? "[]",
    languages: row[`${alias}_languages`] ?? "[]",
    time_zone: row[`${alias}_time_zone`] ?? null,
  });
}

const PAIR_WITH_PEOPLE = `SELECT x.*, ${PROFILE("mentor")}, ${PROFILE("mentee")}
  FROM pairs x JOIN users mentor ON mentor.id = x.mentor_id JOIN users mentee ON mentee.id = x.mentee_id`;

function toPair(row: PairWithPeopleRow): Pair {
  return {
    id: row.id,
    programId: row.program_id,
    groupId: row.group_id,
    status: row.status,
    mentor: profileOf(row, "mentor"),
    mentee: profileOf(row, "mentee"),
    startedAt: row.started_at,
    endedAt: row.ended_at,
    endReason: row.end_reason,
  };
}

export async function findPairWithPeople(db: D1Database, pairId: string): Promise<Pair | null> {
  const row = await db.prepare(`${PAIR_WITH_PEOPLE} WHERE x.id = ?1`).bind(pairId).first<PairWithPeopleRow>();
  return row ? toPair(row) : null;
}

export function findPair(db: D1Database, pairId: string) {
  return db.prepare("SELECT * FROM pairs WHERE id = ?1").bind(pairId).first<PairRow>();
}

export async function listPairsOfProgram(db: D1Database, programId: string): Promise<Pair[]> {
  const { results } = await db.prepare(`${PAIR_WITH_PEOPLE} WHERE x.program_id = ?1 ORDER BY x.started_at DESC`).bind(programId).all<PairWithPeopleRow>();
  return results.map(toPair);
}

export async function listMyPairs(db: D1Database, userId: string): Promise<MyPair[]> {
  const { results } = await db
    .prepare(
      // Two indexed lookups (as mentor, as mentee) rather than one OR, which would scan every pair.
      `SELECT y.*, p.title AS program_title, g.name AS group_name,
         EXISTS (SELECT 1 FROM blocks b WHERE (b.blocker_id = y.mentor_id AND b.blocked_id = y.mentee_id)
                                         OR (b.blocker_id = y.mentee_id AND b.blocked_id = y.mentor_id)) AS contact_blocked FROM (
         ${PAIR_WITH_PEOPLE} WHERE x.id IN (SELECT id FROM pairs WHERE mentor_id = ?1 UNION ALL SELECT id FROM pairs WHERE mentee_id = ?1)
       ) y
       JOIN programs p ON p.id = y.program_id JOIN groups g ON g.id = y.group_id
       ORDER BY CASE y.status WHEN 'active' THEN 0 ELSE 1 END, y.started_at DESC`,
    )
    .bind(userId)
    .all<PairWithPeopleRow & { program_title: string; group_name: string; contact_blocked: number }>();
  return results.map((row) => {
    const pair = toPair(row);
    const myRole = row.mentor_id === userId ? "mentor" : "mentee";
    return {
      id: pair.id,
      status: pair.status,
      myRole,
      other: myRole === "mentor" ? pair.mentee : pair.mentor,
      program: { id: row.program_id, title: row.program_title },
      group: { id: row.group_id, name: row.group_name },
      startedAt: pair.startedAt,
      endedAt: pair.endedAt,
      endReason: pair.endReason,
      contactBlocked: row.contact_blocked === 1,
    };
  });
}

/**
 * Writes pairs of one program, each only if it passes every rule of pairing, checked in the statement
 * that writes it: both applications (not withdrawn), both memberships, no block either way, the program
 * open or closed, and the mentor's capacity (active pairs below it); the partial unique indexes on pairs
 * refuse a second active pair for a mentee. So two admins pairing at the same moment cannot both take a
 * mentor's last place. Up to 50 pairs per statement (one JSON parameter).
 *
 * The pairs of one statement must not share a mentor or a mentee: SQLite evaluates the SELECT before it
 * inserts, so a row does not see the others of its statement. createPairs puts pairs that do into
 * successive statements of the same batch, in request order, so each sees the ones before it.
 */
export function insertPairsStatement(
  db: D1Database,
  pairs: { pairId: string; mentorId: string; menteeId: string }[],
  common: { programId: string; createdBy: string; now: string },
) {
  return db
    .prepare(
      `INSERT INTO pairs (id, program_id, group_id, mentor_id, mentee_id, status, created_by, started_at)
         SELECT r.pair_id, p.id, p.group_id, r.mentor_id, r.mentee_id, 'active', ?2, ?3
         FROM (SELECT json_extract(value, '$.pairId') AS pair_id, json_extract(value, '$.mentorId') AS mentor_id,
                      json_extract(value, '$.menteeId') AS mentee_id FROM json_each(?4)) r
         JOIN programs p ON p.id = ?1
         JOIN applications ma ON ma.program_id = p.id AND ma.user_id = r.mentor_id AND ma.role = 'mentor' AND ma.status != 'withdrawn'
         JOIN applications ea ON ea.program_id = p.id AND ea.user_id = r.mentee_id AND ea.role = 'mentee' AND ea.status != 'withdrawn'
         WHERE p.status IN ('open', 'closed')
           AND EXISTS (SELECT 1 FROM group_members WHERE group_id = p.group_id AND user_id = r.mentor_id)
           AND EXISTS (SELECT 1 FROM group_members WHERE group_id = p.group_id AND user_id = r.mentee_id)
           AND NOT EXISTS (SELECT 1 FROM blocks WHERE (blocker_id = r.mentor_id AND blocked_id = r.mentee_id) OR (blocker_id = r.mentee_id AND blocked_id = r.mentor_id))
           AND (SELECT COUNT(*) FROM pairs x WHERE x.program_id = p.id AND x.mentor_id = r.mentor_id AND x.status = 'active')
               < COALESCE(ma.capacity, p.mentor_capacity_default)
         ON CONFLICT DO NOTHING`,
    )
    .bind(
      common.programId,
      common.createdBy,
      common.now,
      JSON.stringify(pairs.map((pair) => ({ pairId: pair.pairId, mentorId: pair.mentorId, menteeId: pair.menteeId }))),
    );
}

/** Which of these pair ids exist: after a batch of inserts, the pairs it created. */
export function existingPairsStatement(db: D1Database, pairIds: string[]) {
  return db.prepare("SELECT id FROM pairs WHERE id IN (SELECT value FROM json_each(?1))").bind(JSON.stringify(pairIds));
}

export function endPairStatement(db: D1Database, pairId: string, outcome: string, reason: string | null, endedBy: string, now: string) {
  return db
    .prepare("UPDATE pairs SET status = ?2, end_reason = ?3, ended_by = ?4, ended_at = ?5 WHERE id = ?1 AND status = 'active'")
    .bind(pairId, outcome, reason, endedBy, now);
}

/** Every pair the two people share, in any program and any status. */
export async function sharedPairIds(db: D1Database, a: string, b: string): Promise<string[]> {
  const { results } = await db
    .prepare("SELECT id FROM pairs WHERE (mentor_id = ?1 AND mentee_id = ?2) OR (mentor_id = ?2 AND mentee_id = ?1)")
    .bind(a, b)
    .all<{ id: string }>();
  return results.map((row) => row.id);
}
