import { Answers, type Applicant, type Application } from "../../shared/api/applications.ts";
import { toPublicProfile, type UserRow } from "./users.ts";

export type ApplicationRow = {
  id: string;
  program_id: string;
  user_id: string;
  role: "mentor" | "mentee";
  answers: string;
  capacity: number | null;
  status: "waiting" | "paired" | "withdrawn";
  created_at: string;
  updated_at: string;
};

export function toApplication(row: ApplicationRow): Application {
  return {
    id: row.id,
    programId: row.program_id,
    userId: row.user_id,
    role: row.role,
    status: row.status,
    answers: Answers.parse(JSON.parse(row.answers)),
    capacity: row.capacity,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

type ApplicantRow = ApplicationRow &
  Pick<UserRow, "display_name" | "about" | "topics" | "languages" | "time_zone"> & {
    capacity_used: number;
    effective_capacity: number;
  };

export function toApplicant(row: ApplicantRow): Applicant {
  const capacity = row.role === "mentor" ? row.effective_capacity : 0;
  return {
    ...toApplication(row),
    user: toPublicProfile({ ...row, id: row.user_id }),
    capacityUsed: row.capacity_used,
    capacityLeft: row.role === "mentor" && row.status !== "withdrawn" ? Math.max(0, capacity - row.capacity_used) : 0,
  };
}

const APPLICANTS = `SELECT a.*, u.display_name, u.about, u.topics, u.languages, u.time_zone,
         COALESCE(a.capacity, p.mentor_capacity_default) AS effective_capacity,
         -- One indexed count per role (pairs_active_by_mentor, pairs_one_active_per_mentee): an OR of the
         -- two would scan the program's pairs once per applicant, which suggest-all feels at 2,000 mentees.
         CASE a.role
           WHEN 'mentor' THEN (SELECT COUNT(*) FROM pairs x WHERE x.program_id = a.program_id AND x.mentor_id = a.user_id AND x.status = 'active')
           ELSE (SELECT COUNT(*) FROM pairs x WHERE x.program_id = a.program_id AND x.mentee_id = a.user_id AND x.status = 'active')
         END AS capacity_used
       FROM applications a
       JOIN users u ON u.id = a.user_id
       JOIN programs p ON p.id = a.program_id`;

/** Applicants of a program with their profiles and, for mentors, how many active pairs they have. */
export async function listApplicants(
  db: D1Database,
  programId: string,
  filter: { role?: string | undefined; status?: string | undefined; userId?: string | undefined } = {},
): Promise<Applicant[]> {
  const { results } = await db
    .prepare(
      `${APPLICANTS}
       WHERE a.program_id = ?1 AND (?2 IS NULL OR a.role = ?2) AND (?3 IS NULL OR a.status = ?3) AND (?4 IS NULL OR a.user_id = ?4)
       ORDER BY a.created_at`,
    )
    .bind(programId, filter.role ?? null, filter.status ?? null, filter.userId ?? null)
    .all<ApplicantRow>();
  return results.map(toApplicant);
}

/** One person's application in one role, as listApplicants gives it, straight through the unique index; read with toApplicant. */
export function applicantStatement(db: D1Database, programId: string, userId: string, role: "mentor" | "mentee") {
  return db.prepare(`${APPLICANTS} WHERE a.program_id = ?1 AND a.user_id = ?2 AND a.role = ?3`).bind(programId, userId, role);
}

export function findApplication(db: D1Database, applicationId: string) {
  return db.prepare("SELECT * FROM applications WHERE id = ?1").bind(applicationId).first<ApplicationRow>();
}

/** A withdrawn application may be sent again; any other existing one is a conflict (null). */
export function insertApplication(
  db: D1Database,
  application: { programId: string; userId: string; role: "mentor" | "mentee"; answers: string; capacity: number | null; now: string },
) {
  return db
    .prepare(
      `INSERT INTO applications (id, program_id, user_id, role, answers, capacity, status, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'waiting', ?7, ?7)
         ON CONFLICT (program_id, user_id, role) DO UPDATE SET
           answers = excluded.answers, capacity = excluded.capacity, status = 'waiting', updated_at = excluded.updated_at
         WHERE applications.status = 'withdrawn'
         RETURNING *`,
    )
    .bind(crypto.randomUUID(), application.programId, application.userId, application.role, application.answers, application.capacity, application.now)
    .first<ApplicationRow>();
}

export type MyApplicationRow = ApplicationRow & { program_title: string; program_status: string; group_id: string; group_name: string };

export async function listMyApplications(db: D1Database, userId: string, programId: string | null): Promise<MyApplicationRow[]> {
  const { results } = await db
    .prepare(
      `SELECT a.*, p.title AS program_title, p.status AS program_status, p.group_id, g.name AS group_name
         FROM applications a JOIN programs p ON p.id = a.program_id JOIN groups g ON g.id = p.group_id
         WHERE a.user_id = ?1 AND (?2 IS NULL OR a.program_id = ?2)
           AND EXISTS (SELECT 1 FROM group_members m WHERE m.group_id = p.group_id AND m.user_id = ?1)
         ORDER BY a.created_at DESC`,
    )
    .bind(userId, programId)
    .all<MyApplicationRow>();
  return results;
}

/** Null when the application is no longer waiting. */
export function updateWaitingApplication(db: D1Database, applicationId: string, answers: string | null, capacity: number | null, now: string) {
  return db
    .prepare(
      `UPDATE applications SET answers = COALESCE(?2, answers), capacity = COALESCE(?3, capacity), updated_at = ?4
         WHERE id = ?1 AND status = 'waiting' RETURNING *`,
    )
    .bind(applicationId, answers, capacity, now)
    .first<ApplicationRow>();
}

/** True when it was withdrawn (or already was); false once paired. */
export async function withdrawApplication(db: D1Database, applicationId: string, now: string): Promise<boolean> {
  const result = await db
    .prepare("UPDATE applications SET status = 'withdrawn', updated_at = ?2 WHERE id = ?1 AND status IN ('waiting', 'withdrawn')")
    .bind(applicationId, now)
    .run();
  return result.meta.changes !== 0;
}
