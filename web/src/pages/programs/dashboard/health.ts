// Ordering and filtering the dashboard's pairs. Pure functions over the API's aggregates.
import type { DashboardResponse, PairHealth } from "../../../../../shared/api/room.ts";

export type DashboardEntry = DashboardResponse["pairs"][number];
export type HealthState = PairHealth["state"];

export const HEALTH_ORDER: readonly HealthState[] = ["blocked", "no_checkin_2_weeks", "quiet", "active", "ended"];

/** What the filter can show: everything, the two states that need attention, or one state. */
export const FILTERS = ["all", "attention", ...HEALTH_ORDER] as const;
export type HealthFilter = (typeof FILTERS)[number];

const needsAttention = (state: HealthState) => state === "quiet" || state === "no_checkin_2_weeks" || state === "blocked";

export function parseFilter(value: string | string[] | undefined): HealthFilter {
  const single = Array.isArray(value) ? value[0] : value;
  return (FILTERS as readonly string[]).includes(single ?? "") ? (single as HealthFilter) : "all";
}

export function matchesFilter(entry: DashboardEntry, filter: HealthFilter): boolean {
  if (filter === "all") return true;
  if (filter === "attention") return needsAttention(entry.health.state);
  return entry.health.state === filter;
}

/** When the pair last did anything; a pair that never did counts from its start. */
const lastSeen = (entry: DashboardEntry) => entry.health.lastActivityAt ?? Date.parse(entry.pair.startedAt);

/**
 * Pairs that need attention first (no check-in for 2 weeks, then quiet), then active, then ended.
 * Within a state, the one silent for longest comes first; ended pairs by most recent end.
 */
export function sortForAttention(entries: readonly DashboardEntry[]): DashboardEntry[] {
  return [...entries].sort((a, b) => {
    const byState = HEALTH_ORDER.indexOf(a.health.state) - HEALTH_ORDER.indexOf(b.health.state);
    if (byState !== 0) return byState;
    if (a.health.state === "ended") return Date.parse(b.pair.endedAt ?? "") - Date.parse(a.pair.endedAt ?? "") || 0;
    return lastSeen(a) - lastSeen(b);
  });
}

export type DashboardSummary = { active: number; attention: number; completed: number; endedEarly: number };

export function summarize(entries: readonly DashboardEntry[]): DashboardSummary {
  return {
    active: entries.filter((e) => e.pair.status === "active").length,
    attention: entries.filter((e) => needsAttention(e.health.state)).length,
    completed: entries.filter((e) => e.pair.status === "completed").length,
    endedEarly: entries.filter((e) => e.pair.status === "ended").length,
  };
}

export function countByFilter(entries: readonly DashboardEntry[]): Record<HealthFilter, number> {
  return Object.fromEntries(FILTERS.map((filter) => [filter, entries.filter((e) => matchesFilter(e, filter)).length])) as Record<HealthFilter, number>;
}
