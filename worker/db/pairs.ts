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

/** True when either of the two has blocked the other. */
export async function eitherBlocked(db: D1Database, a: string, b: string): Promise<boolean> {
  const row = await db
    .prepare("SELECT 1 AS x FROM blocks WHERE (blocker_id = ?1 AND blocked_id = ?2) OR (blocker_id = ?2 AND blocked_id = ?1)")
    .bind(a, b)
    .first();
  return row !== null;
}

export function findActiveMentorOfMentee(db: D1Database, programId: string, menteeId: string) {
  return db
    .prepare("SELECT mentor_id FROM pairs WHERE program_id = ?1 AND mentee_id = ?2 AND status = 'active'")
    .bind(programId, menteeId)
    .first<{ mentor_id: string }>();
}

/**
 * The capacity check and the insert are one statement, so two admins pairing at the same moment
 * cannot both take a mentor's last place. The partial unique indexes on pairs refuse a second
 * active pair for the mentee.
 */
export function insertPairStatement(
  db: D1Database,
  pair: { pairId: string; mentorId: string; menteeId: string; createdBy: string; now: string; programId: string },
) {
  return db
    .prepare(
      `INSERT INTO pairs (id, program_id, group_id, mentor_id, mentee_id, status, created_by, started_at)
             SELECT ?1, p.id, p.group_id, ?2, ?3, 'active', ?4, ?5
             FROM programs p
             JOIN applications ma ON ma.program_id = p.id AND ma.user_id = ?2 AND ma.role = 'mentor' AND ma.status != 'withdrawn'
             JOIN applications ea ON ea.program_id = p.id AND ea.user_id = ?3 AND ea.role = 'mentee' AND ea.status != 'withdrawn'
             WHERE p.id = ?6 AND p.status IN ('open', 'closed')
               AND EXISTS (SELECT 1 FROM group_members WHERE group_id = p.group_id AND user_id = ?2)
               AND EXISTS (SELECT 1 FROM group_members WHERE group_id = p.group_id AND user_id = ?3)
               AND NOT EXISTS (SELECT 1 FROM blocks WHERE (blocker_id = ?2 AND blocked_id = ?3) OR (blocker_id = ?3 AND blocked_id = ?2))
               AND (SELECT COUNT(*) FROM pairs x WHERE x.program_id = p.id AND x.mentor_id = ?2 AND x.status = 'active')
                   < COALESCE(ma.capacity, p.mentor_capacity_default)
             ON CONFLICT DO NOTHING`,
    )
    .bind(pair.pairId, pair.mentorId, pair.menteeId, pair.createdBy, pair.now, pair.programId);
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
