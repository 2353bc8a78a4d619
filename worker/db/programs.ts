import { z } from "zod";
import type { GroupRole } from "../../shared/api/groups.ts";
import { Locale } from "../../shared/api/users.ts";
import { ProgramQuestions, ProgramStatus, ProgramStep, type Program, type ProgramSummary } from "../../shared/api/programs.ts";

export type ProgramRow = {
  id: string;
  group_id: string;
  template_id: string;
  locale: string;
  title: string;
  description: string;
  status: string;
  steps: string;
  questions: string;
  mentor_capacity_default: number;
  mentor_capacity_max: number;
  duration_weeks: number;
  checkin_cadence_days: number;
  version: number;
  /** Counted up by triggers on any change to what match suggestions are made of (migration 0013). */
  match_version: number;
  created_at: string;
  updated_at: string;
};

// Rows written by older code are parsed like any other input, so a bad row fails loudly here rather
// than as a confusing error in the SPA.
const StoredSteps = z.array(ProgramStep);

export function toProgram(row: ProgramRow): Program {
  return {
    id: row.id,
    groupId: row.group_id,
    templateId: row.template_id,
    locale: Locale.parse(row.locale),
    title: row.title,
    description: row.description,
    status: ProgramStatus.parse(row.status),
    steps: StoredSteps.parse(JSON.parse(row.steps)),
    questions: ProgramQuestions.parse(JSON.parse(row.questions)),
    mentorCapacityDefault: row.mentor_capacity_default,
    mentorCapacityMax: row.mentor_capacity_max,
    durationWeeks: row.duration_weeks,
    checkinCadenceDays: row.checkin_cadence_days,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toProgramSummary(row: ProgramRow): ProgramSummary {
  const program = toProgram(row);
  return {
    id: program.id,
    groupId: program.groupId,
    templateId: program.templateId,
    title: program.title,
    description: program.description,
    status: program.status,
    durationWeeks: program.durationWeeks,
    createdAt: program.createdAt,
    stepCount: program.steps.length,
  };
}

/** The program and the caller's role in its group (null for a non-member), in one query. */
export function findProgramForMember(db: D1Database, programId: string, userId: string) {
  return programForMemberStatement(db, programId, userId).first<ProgramForMemberRow>();
}

export type ProgramForMemberRow = ProgramRow & { member_role: GroupRole | null };

/** The statement behind findProgramForMember, to put in a batch. */
export function programForMemberStatement(db: D1Database, programId: string, userId: string) {
  return db
    .prepare("SELECT p.*, (SELECT role FROM group_members m WHERE m.group_id = p.group_id AND m.user_id = ?2) AS member_role FROM programs p WHERE p.id = ?1")
    .bind(programId, userId);
}

export function insertProgram(
  db: D1Database,
  program: {
    groupId: string;
    templateId: string;
    locale: string;
    title: string;
    description: string;
    steps: string;
    questions: string;
    mentorCapacityDefault: number;
    mentorCapacityMax: number;
    durationWeeks: number;
    createdBy: string;
    now: string;
  },
) {
  return db
    .prepare(
      `INSERT INTO programs (id, group_id, template_id, locale, title, description, status, steps, questions,
           mentor_capacity_default, mentor_capacity_max, duration_weeks, checkin_cadence_days, created_by, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'draft', ?7, ?8, ?9, ?10, ?11, 7, ?12, ?13, ?13) RETURNING *`,
    )
    .bind(
      crypto.randomUUID(),
      program.groupId,
      program.templateId,
      program.locale,
      program.title,
      program.description,
      program.steps,
      program.questions,
      program.mentorCapacityDefault,
      program.mentorCapacityMax,
      program.durationWeeks,
      program.createdBy,
      program.now,
    )
    .first<ProgramRow>();
}

/** Drafts only when `withDrafts` (1 or 0). */
export async function listProgramsOfGroup(db: D1Database, groupId: string, withDrafts: 1 | 0): Promise<ProgramRow[]> {
  const { results } = await db
    .prepare(
      `SELECT * FROM programs WHERE group_id = ?1 AND (?2 OR status != 'draft')
         ORDER BY CASE status WHEN 'open' THEN 0 WHEN 'draft' THEN 1 WHEN 'closed' THEN 2 ELSE 3 END, created_at DESC`,
    )
    .bind(groupId, withDrafts)
    .all<ProgramRow>();
  return results;
}

/** Null on a version conflict (or when archived meanwhile). */
export function updateProgram(
  db: D1Database,
  programId: string,
  patch: {
    version: number | null;
    title: string | null;
    description: string | null;
    steps: string | null;
    questions: string | null;
    mentorCapacityDefault: number;
    mentorCapacityMax: number;
    durationWeeks: number | null;
    checkinCadenceDays: number | null;
    now: string;
  },
) {
  return db
    .prepare(
      `UPDATE programs SET
           title = COALESCE(?3, title), description = COALESCE(?4, description),
           steps = COALESCE(?5, steps), questions = COALESCE(?6, questions),
           mentor_capacity_default = ?7, mentor_capacity_max = ?8,
           duration_weeks = COALESCE(?9, duration_weeks), checkin_cadence_days = COALESCE(?10, checkin_cadence_days),
           version = version + 1, updated_at = ?11
         WHERE id = ?1 AND (?2 IS NULL OR version = ?2) AND status != 'archived'
         RETURNING *`,
    )
    .bind(
      programId,
      patch.version,
      patch.title,
      patch.description,
      patch.steps,
      patch.questions,
      patch.mentorCapacityDefault,
      patch.mentorCapacityMax,
      patch.durationWeeks,
      patch.checkinCadenceDays,
      patch.now,
    )
    .first<ProgramRow>();
}

/** Conditional on the status `from`; null when it changed meanwhile. */
export function changeProgramStatus(db: D1Database, programId: string, from: string, to: string, now: string) {
  return db
    .prepare("UPDATE programs SET status = ?3, version = version + 1, updated_at = ?4 WHERE id = ?1 AND status = ?2 RETURNING *")
    .bind(programId, from, to, now)
    .first<ProgramRow>();
}

export function findProgramTitle(db: D1Database, programId: string) {
  return db.prepare("SELECT title FROM programs WHERE id = ?1").bind(programId).first<{ title: string }>();
}
