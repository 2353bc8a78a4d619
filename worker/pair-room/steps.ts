import type { RoomInit } from "../../shared/api/pairs.ts";
import type { StepProgress } from "../../shared/protocol.ts";
import { currentWeek } from "../../shared/rules/health.ts";
import { DAY_MS, fail, ok, type RoomHost, type RoomResult } from "./host.ts";
import type { RoomState } from "./state.ts";

type StepRow = { position: number; id: string; title: string; guidance: string; activities: string; done_at: number | null; done_by: string | null };
type TickRow = { step_id: string; activity_id: string; done_by: string; done_at: number };
type Activity = { id: string; label: string };

/** The program's steps as copied into the room at pairing, and the pair's progress through them. */
export class Steps {
  constructor(
    private readonly host: RoomHost,
    private readonly state: RoomState,
    private readonly onChange: () => Promise<void>,
  ) {}

  create(steps: RoomInit["steps"]) {
    steps.forEach((step, position) => {
      this.host.sql.exec(
        "INSERT INTO steps (position, id, title, guidance, activities) VALUES (?, ?, ?, ?, ?)",
        position,
        step.id,
        step.title,
        step.guidance,
        JSON.stringify(step.activities),
      );
    });
  }

  /** The steps snapshot the room was created with; later edits of the program do not reach it. */
  titles(): { id: string; title: string }[] {
    return this.host.sql.exec<{ id: string; title: string }>("SELECT id, title FROM steps ORDER BY position").toArray();
  }

  currentWeek(now = this.host.now()): number {
    const total = this.host.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM steps").one().n;
    return currentWeek(this.state.startedAt(), this.state.cadenceMs() / DAY_MS, total, now);
  }

  list(): StepProgress[] {
    const ticks = new Map<string, TickRow>();
    for (const tick of this.host.sql.exec<TickRow>("SELECT * FROM activity_ticks")) ticks.set(`${tick.step_id}/${tick.activity_id}`, tick);
    return this.host.sql
      .exec<StepRow>("SELECT * FROM steps ORDER BY position")
      .toArray()
      .map((step) => ({
        id: step.id,
        week: step.position + 1,
        title: step.title,
        guidance: step.guidance,
        done: step.done_at !== null,
        doneAt: step.done_at,
        doneBy: step.done_by,
        activities: (JSON.parse(step.activities) as Activity[]).map((activity) => {
          const tick = ticks.get(`${step.id}/${activity.id}`);
          return { id: activity.id, label: activity.label, done: !!tick, doneBy: tick?.done_by ?? null, doneAt: tick?.done_at ?? null };
        }),
      }));
  }

  async setActivityDone(userId: string, stepId: string, activityId: string, done: boolean): Promise<RoomResult<StepProgress[]>> {
    const allowed = this.state.canWrite(userId);
    if (!allowed.ok) return allowed;
    const step = this.host.sql.exec<{ activities: string }>("SELECT activities FROM steps WHERE id = ?", stepId).toArray()[0];
    if (!step || !(JSON.parse(step.activities) as Activity[]).some((a) => a.id === activityId)) {
      return fail("not_found", "There is no such step or activity.");
    }
    const now = this.host.now();
    if (done) {
      this.host.sql.exec(
        "INSERT INTO activity_ticks (step_id, activity_id, done_by, done_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
        stepId,
        activityId,
        userId,
        now,
      );
    } else {
      this.host.sql.exec("DELETE FROM activity_ticks WHERE step_id = ? AND activity_id = ?", stepId, activityId);
    }
    return this.changed(now);
  }

  async setStepDone(userId: string, stepId: string, done: boolean): Promise<RoomResult<StepProgress[]>> {
    const allowed = this.state.canWrite(userId);
    if (!allowed.ok) return allowed;
    const now = this.host.now();
    const result = done
      ? this.host.sql.exec("UPDATE steps SET done_at = COALESCE(done_at, ?), done_by = COALESCE(done_by, ?) WHERE id = ?", now, userId, stepId)
      : this.host.sql.exec("UPDATE steps SET done_at = NULL, done_by = NULL WHERE id = ?", stepId);
    if (result.rowsWritten === 0 && !this.host.sql.exec("SELECT 1 FROM steps WHERE id = ?", stepId).toArray().length) {
      return fail("not_found", "There is no such step.");
    }
    return this.changed(now);
  }

  private async changed(now: number): Promise<RoomResult<StepProgress[]>> {
    this.state.touch(now);
    const steps = this.list();
    this.host.broadcast({ type: "steps", steps });
    await this.onChange();
    return ok(steps);
  }
}
