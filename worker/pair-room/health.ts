import type { PairHealth } from "../../shared/api/room.ts";
import { computeHealth, type HealthInputs } from "../../shared/rules/health.ts";
import type { Chat } from "./chat.ts";
import type { Checkins } from "./checkins.ts";
import { DAY_MS, type RoomHost } from "./host.ts";
import type { RoomState } from "./state.ts";
import type { Steps } from "./steps.ts";

/** Chat activity reaches the dashboard's aggregates at most this often; other changes at once. */
const PUBLISH_CHAT_EVERY_MS = 60_000;

/**
 * Aggregates for admins: numbers and times only. No message, post, note or title ever leaves through
 * here. They are published to D1 (table pair_health), where the dashboard reads every pair in one query.
 */
export class Health {
  private lastPublish = 0;

  constructor(
    private readonly host: RoomHost,
    private readonly state: RoomState,
    private readonly parts: { steps: Steps; chat: Chat; checkins: Checkins },
  ) {}

  private inputs(): HealthInputs {
    const steps = this.parts.steps.list();
    const lastTouch = Number(this.state.meta("last_activity_at") ?? 0);
    const lastMessage = this.parts.chat.lastMessageAt() ?? 0;
    return {
      active: this.state.status === "active",
      stepsDone: steps.filter((s) => s.done).length,
      stepsTotal: steps.length,
      activitiesDone: steps.reduce((sum, s) => sum + s.activities.filter((a) => a.done).length, 0),
      activitiesTotal: steps.reduce((sum, s) => sum + s.activities.length, 0),
      checkinTimes: this.parts.checkins.times(60),
      lastActivityAt: Math.max(lastTouch, lastMessage) || null,
      startedAt: this.state.startedAt(),
      cadenceDays: this.state.cadenceMs() / DAY_MS,
    };
  }

  compute(now = this.host.now()): PairHealth {
    return computeHealth(this.inputs(), now);
  }

  /** After a chat message: publish off the hot path, at most once a minute. */
  chatActivity(at: number) {
    if (at - this.lastPublish > PUBLISH_CHAT_EVERY_MS) this.host.waitUntil(this.publish());
  }

  async publish(): Promise<void> {
    const pairId = this.state.pairId;
    if (!pairId) return;
    this.lastPublish = this.host.now();
    const h = this.inputs();
    await this.host.env.DB.prepare(
      `INSERT INTO pair_health (pair_id, steps_done, steps_total, activities_done, activities_total, checkin_times,
         last_checkin_at, last_activity_at, started_at, cadence_days, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
       ON CONFLICT (pair_id) DO UPDATE SET steps_done = excluded.steps_done, steps_total = excluded.steps_total,
         activities_done = excluded.activities_done, activities_total = excluded.activities_total,
         checkin_times = excluded.checkin_times, last_checkin_at = excluded.last_checkin_at,
         last_activity_at = excluded.last_activity_at, started_at = excluded.started_at,
         cadence_days = excluded.cadence_days, updated_at = excluded.updated_at`,
    )
      .bind(
        pairId,
        h.stepsDone,
        h.stepsTotal,
        h.activitiesDone,
        h.activitiesTotal,
        JSON.stringify(h.checkinTimes),
        h.checkinTimes[0] ?? null,
        h.lastActivityAt,
        h.startedAt,
        h.cadenceDays,
        this.lastPublish,
      )
      .run()
      .catch((error) => console.error("publishing pair health failed", pairId, error));
  }
}
