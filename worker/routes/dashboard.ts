import { createRoute, z } from "@hono/zod-openapi";
import { isGroupAdmin } from "../../shared/api/groups.ts";
import { DashboardResponse } from "../../shared/api/room.ts";
import { currentUser, requireUser } from "../auth/session.ts";
import { cachedDashboard, findProgramForDashboard, listDashboardPairs, rememberDashboard } from "../db/dashboard.ts";
import { forbidden, notFound } from "../http/errors.ts";
import { createRouter, errorResponses, jsonResponse } from "../http/router.ts";

export const dashboardRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/programs/{programId}/dashboard",
    tags: ["Pairs"],
    summary: "Every pair's progress and health, without any content (admins)",
    description:
      "Step progress, check-in streak, last activity and a health state (active, quiet, no_checkin_2_weeks, blocked, ended); `blocked` says that contact stopped, never who blocked whom. Each pair room publishes these aggregates to D1 as they change (chat activity at most once a minute). Messages, posts and notes never appear here.",
    middleware: [requireUser],
    request: { params: z.object({ programId: z.string() }) },
    responses: { 200: jsonResponse(DashboardResponse, "The dashboard"), ...errorResponses(401, 403, 404) },
  }),
  async (c) => {
    const { programId } = c.req.valid("param");
    const db = c.env.DB;
    // Who may see it is checked on every request; what they see may be a few seconds old.
    const program = await findProgramForDashboard(db, programId, currentUser(c).id);
    if (!program?.role || (program.status === "draft" && !isGroupAdmin(program.role))) throw notFound("This program");
    if (!isGroupAdmin(program.role)) throw forbidden("Only the group's admins see the program dashboard.");
    const now = Date.now();
    const cached = cachedDashboard(programId, now);
    if (cached) return c.json({ program: { id: program.id, title: program.title }, pairs: cached }, 200);

    const pairs = await listDashboardPairs(db, programId, now);
    rememberDashboard(programId, now, pairs);
    return c.json({ program: { id: program.id, title: program.title }, pairs }, 200);
  },
);
