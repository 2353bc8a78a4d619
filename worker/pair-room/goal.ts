import type { Goal, GoalProgressBody, SetGoalBody } from "../../shared/api/rhythm.ts";
import { fail, ok, type RhythmHost, type RhythmResult } from "./rhythm-host.ts";

type GoalRow = {
  what: string;
  why: string;
  by_when: string;
  measure: string;
  step_id: string | null;
  progress: Goal["progress"];
  progress_note: string;
  set_by: string;
  updated_by: string;
  set_at: number;
  updated_at: number;
};

/**
 * The pair's one goal: what, why, by when and how they will know, and its progress. The text stays in the
 * room; admins learn only that a goal is set and its progress state (published by the rhythm facade).
 */
export class PairGoal {
  constructor(private readonly host: RhythmHost) {}

  get(): Goal | null {
    const r = this.host.sql.exec<GoalRow>("SELECT * FROM goal WHERE id = 1").toArray()[0];
    if (!r) return null;
    return {
      what: r.what,
      why: r.why,
      byWhen: r.by_when,
      measure: r.measure,
      stepId: r.step_id,
      progress: r.progress,
      progressNote: r.progress_note,
      setBy: r.set_by,
      updatedBy: r.updated_by,
      setAt: r.set_at,
      updatedAt: r.updated_at,
    };
  }

  /** Writes or rewrites the goal; its progress is kept when the words change. */
  set(userId: string, input: SetGoalBody): RhythmResult<Goal> {
    const allowed = this.host.canWrite(userId);
    if (!allowed.ok) return allowed;
    if (input.stepId && !this.host.sql.exec("SELECT 1 FROM steps WHERE id = ?", input.stepId).toArray().length) {
      return fail("validation_failed", "There is no such step in this program.", "stepId");
    }
    const now = this.host.now();
    this.host.sql.exec(
      `INSERT INTO goal (id, what, why, by_when, measure, step_id, progress, progress_note, set_by, updated_by, set_at, updated_at)
       VALUES (1, ?, ?, ?, ?, ?, 'not_started', '', ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET what = excluded.what, why = excluded.why, by_when = excluded.by_when,
         measure = excluded.measure, step_id = COALESCE(excluded.step_id, step_id), updated_by = excluded.updated_by,
         updated_at = excluded.updated_at`,
      input.what,
      input.why,
      input.byWhen,
      input.measure,
      input.stepId ?? null,
      userId,
      userId,
      now,
      now,
    );
    this.host.touch(now);
    return ok(this.get()!);
  }

  setProgress(userId: string, input: GoalProgressBody): RhythmResult<Goal> {
    const allowed = this.host.canWrite(userId);
    if (!allowed.ok) return allowed;
    if (!this.get()) return fail("not_found", "Set a goal first.");
    const now = this.host.now();
    this.host.sql.exec("UPDATE goal SET progress = ?, progress_note = ?, updated_by = ?, updated_at = ? WHERE id = 1", input.progress, input.note, userId, now);
    this.host.touch(now);
    return ok(this.get()!);
  }
}
