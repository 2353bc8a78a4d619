import { DurableObject } from "cloudflare:workers";
import { RoomInit } from "../../shared/api/pairs.ts";
import type { Env } from "../env.ts";
import { runRoomMigrations } from "./migrations.ts";

type RoomStatus = "active" | "completed" | "ended";

/**
 * One pair's private space: its members, a snapshot of the program's steps, and (as the room grows)
 * its messages, posts, progress and check-ins. Only the worker reaches it, and only after checking in
 * D1 that the caller is one of the pair; the room checks the id against its own two members again.
 */
export class PairRoom extends DurableObject<Env> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    ctx.blockConcurrencyWhile(async () => runRoomMigrations(this.sql));
  }

  private meta(key: string): string | null {
    return this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = ?", key).toArray()[0]?.value ?? null;
  }

  private setMeta(key: string, value: string) {
    this.sql.exec("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value);
  }

  /** Creates the room once. Calling it again with the same pair is a no-op, so a retry is safe. */
  async initialize(input: RoomInit): Promise<{ created: boolean }> {
    const init = RoomInit.parse(input);
    const existing = this.meta("pair_id");
    if (existing) {
      if (existing !== init.pairId) throw new Error("This room belongs to another pair.");
      return { created: false };
    }
    this.ctx.storage.transactionSync(() => {
      this.setMeta("pair_id", init.pairId);
      this.setMeta("program_id", init.programId);
      this.setMeta("group_id", init.groupId);
      this.setMeta("program_title", init.programTitle);
      this.setMeta("started_at", init.startedAt);
      this.setMeta("checkin_cadence_days", String(init.checkinCadenceDays));
      this.setMeta("status", "active");
      this.sql.exec("INSERT INTO members (user_id, role, display_name) VALUES (?, 'mentor', ?)", init.mentor.id, init.mentor.displayName);
      this.sql.exec("INSERT INTO members (user_id, role, display_name) VALUES (?, 'mentee', ?)", init.mentee.id, init.mentee.displayName);
      init.steps.forEach((step, position) => {
        this.sql.exec(
          "INSERT INTO steps (position, id, title, guidance, activities) VALUES (?, ?, ?, ?, ?)",
          position,
          step.id,
          step.title,
          step.guidance,
          JSON.stringify(step.activities),
        );
      });
    });
    return { created: true };
  }

  status(): RoomStatus | null {
    return (this.meta("status") as RoomStatus | null) ?? null;
  }

  /** The steps snapshot the room was created with (the program can change later; the room keeps its copy). */
  stepsSnapshot(): { id: string; title: string }[] {
    return this.sql.exec<{ id: string; title: string }>("SELECT id, title FROM steps ORDER BY position").toArray();
  }

  /** Ends the mentorship: the room becomes read-only for good. */
  async end(outcome: "completed" | "ended"): Promise<void> {
    if (!this.meta("pair_id")) return;
    this.setMeta("status", outcome);
  }
}
