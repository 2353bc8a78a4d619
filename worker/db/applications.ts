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

type ApplicantRow = ApplicationRow & Pick<UserRow, "display_name" | "about" | "topics" | "languages" | "time_zone"> & {
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

/** Applicants of a program with their profiles and, for mentors, how many active pairs they have. */
export async function listApplicants(
  db: D1Database,
  programId: string,
  filter: { role?: string | undefined; status?: string | undefined; userId?: string | undefined } = {},
): Promise<Applicant[]> {
  const { results } = await db
    .prepare(
      `SELECT a.*, u.display_name, u.about, u.topics, u.languages, u.time_zone,
         COALESCE(a.capacity, p.mentor_capacity_default) AS effective_capacity,
         (SELECT COUNT(*) FROM pairs x
            WHERE x.program_id = a.program_id AND x.status = 'active'
              AND ((a.role = 'mentor' AND x.mentor_id = a.user_id) OR (a.role = 'mentee' AND x.mentee_id = a.user_id))) AS capacity_used
       FROM applications a
       JOIN users u ON u.id = a.user_id
       JOIN programs p ON p.id = a.program_id
       WHERE a.program_id = ?1 AND (?2 IS NULL OR a.role = ?2) AND (?3 IS NULL OR a.status = ?3) AND (?4 IS NULL OR a.user_id = ?4)
       ORDER BY a.created_at`,
    )
    .bind(programId, filter.role ?? null, filter.status ?? null, filter.userId ?? null)
    .all<ApplicantRow>();
  return results.map(toApplicant);
}
