import { createRoute, z } from "@hono/zod-openapi";
import { isGroupAdmin, type GroupRole } from "../../shared/api/groups.ts";
import { DashboardResponse } from "../../shared/api/room.ts";
import { computeHealth } from "../../shared/rules/health.ts";
import { currentUser, requireUser } from "../auth/session.ts";
import { PAIR_WITH_PEOPLE, toPair } from "../db/pairs.ts";
import { forbidden, notFound } from "../http/errors.ts";
import { createRouter, errorResponses, jsonResponse } from "../http/router.ts";

type HealthRow = {
  steps_done: number | null;
  steps_total: number | null;
  activities_done: number | null;
  activities_total: number | null;
  checkin_times: string | null;
  last_activity_at: number | null;
  health_started_at: number | null;
  cadence_days: number | null;
};

export const dashboardRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/programs/{programId}/dashboard",
    tags: ["Pairs"],
    summary: "Every pair's progress and health, without any content (admins)",
    description:
      "Step progress, check-in streak, last activity and a health state (active, quiet, no_checkin_2_weeks, ended). Each pair room publishes these aggregates to D1 as they change (chat activity at most once a minute). Messages, posts and notes never appear here.",
    middleware: [requireUser],
    request: { params: z.object({ programId: z.string() }) },
    responses: { 200: jsonResponse(DashboardResponse, "The dashboard"), ...errorResponses(401, 403, 404) },
  }),
  async (c) => {
    const { programId } = c.req.valid("param");
    const db = c.env.DB;
    // One round trip: the program with my role in its group, and its pairs with their aggregates. The
    // pairs are discarded unless the role check below passes.
    const [programResult, pairsResult] = await db.batch<any>([
      db
        .prepare(
          `SELECT p.id, p.title, p.status, m.role FROM programs p
           LEFT JOIN group_members m ON m.group_id = p.group_id AND m.user_id = ?2 WHERE p.id = ?1`,
        )
        .bind(programId, currentUser(c).id),
      db
        .prepare(
          `SELECT y.*, h.steps_done, h.steps_total, h.activities_done, h.activities_total, h.checkin_times,
             h.last_activity_at, h.started_at AS health_started_at, h.cadence_days
           FROM (${PAIR_WITH_PEOPLE} WHERE x.program_id = ?1) y LEFT JOIN pair_health h ON h.pair_id = y.id
           ORDER BY y.started_at DESC`,
        )
        .bind(programId),
    ]);
    const program = programResult!.results[0] as { id: string; title: string; status: string; role: GroupRole | null } | undefined;
    if (!program || !program.role || (program.status === "draft" && !isGroupAdmin(program.role))) throw notFound("This program");
    if (!isGroupAdmin(program.role)) throw forbidden("Only the group's admins see the program dashboard.");
    const now = Date.now();
    const pairs = (pairsResult!.results as (Parameters<typeof toPair>[0] & HealthRow)[]).map((row) => {
      const pair = toPair(row);
      const health = computeHealth(
        {
          active: pair.status === "active",
          stepsDone: row.steps_done ?? 0,
          stepsTotal: row.steps_total ?? 0,
          activitiesDone: row.activities_done ?? 0,
          activitiesTotal: row.activities_total ?? 0,
          checkinTimes: JSON.parse(row.checkin_times ?? "[]") as number[],
          lastActivityAt: row.last_activity_at,
          startedAt: row.health_started_at ?? Date.parse(pair.startedAt),
          cadenceDays: row.cadence_days ?? 7,
        },
        now,
      );
      return { pair, health };
    });
    return c.json({ program: { id: program.id, title: program.title }, pairs }, 200);
  },
);
