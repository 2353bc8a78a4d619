import type { PairHealth } from "../api/room.ts";

const DAY_MS = 86_400_000;
const QUIET_AFTER_DAYS = 7;
const NO_CHECKIN_AFTER_DAYS = 14;

export type HealthInputs = {
  active: boolean;
  stepsDone: number;
  stepsTotal: number;
  activitiesDone: number;
  activitiesTotal: number;
  checkinTimes: number[];
  lastActivityAt: number | null;
  startedAt: number;
  cadenceDays: number;
  /** Either person has blocked the other. Who blocked whom is never part of the health. */
  blocked?: boolean;
};

/** The week of the program a pair is in, from its start date and the check-in cadence. */
export function currentWeek(startedAt: number, cadenceDays: number, stepsTotal: number, now: number): number {
  const week = Math.floor((now - startedAt) / (cadenceDays * DAY_MS)) + 1;
  return Math.max(1, Math.min(stepsTotal || 1, week));
}

/**
 * Pair health from aggregates alone. The streak counts consecutive cadence periods with at least one
 * check-in, back from the current period (or the one before, while the current one is still open).
 */
export function computeHealth(input: HealthInputs, now: number): PairHealth {
  const cadence = input.cadenceDays * DAY_MS;
  const periods = new Set(input.checkinTimes.map((at) => Math.floor((at - input.startedAt) / cadence)));
  let period = Math.floor((now - input.startedAt) / cadence);
  if (!periods.has(period)) period -= 1;
  let streak = 0;
  while (period >= 0 && periods.has(period)) {
    streak += 1;
    period -= 1;
  }
  const lastCheckinAt = input.checkinTimes.length ? Math.max(...input.checkinTimes) : null;
  let state: PairHealth["state"] = "active";
  if (!input.active) state = "ended";
  else if (input.blocked) state = "blocked";
  else if (now - (lastCheckinAt ?? input.startedAt) >= NO_CHECKIN_AFTER_DAYS * DAY_MS) state = "no_checkin_2_weeks";
  else if (now - (input.lastActivityAt ?? input.startedAt) >= QUIET_AFTER_DAYS * DAY_MS) state = "quiet";
  return {
    stepsDone: input.stepsDone,
    stepsTotal: input.stepsTotal,
    activitiesDone: input.activitiesDone,
    activitiesTotal: input.activitiesTotal,
    currentWeek: currentWeek(input.startedAt, input.cadenceDays, input.stepsTotal, now),
    checkinStreak: streak,
    lastCheckinAt,
    lastActivityAt: input.lastActivityAt,
    state,
  };
}
