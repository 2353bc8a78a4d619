import { z } from "zod";
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

export function findProgram(db: D1Database, programId: string) {
  return db.prepare("SELECT * FROM programs WHERE id = ?1").bind(programId).first<ProgramRow>();
}
