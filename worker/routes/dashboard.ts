import { createRoute, z } from "@hono/zod-openapi";
import { isGroupAdmin } from "../../shared/api/groups.ts";
import { DashboardResponse } from "../../shared/api/room.ts";
import { requireUser } from "../auth/session.ts";
import { listPairsOfProgram } from "../db/pairs.ts";
import { forbidden } from "../http/errors.ts";
import { createRouter, errorResponses, jsonResponse } from "../http/router.ts";
import { pairRoom } from "../pair-room/stub.ts";
import { loadProgram } from "./programs.ts";

export const dashboardRoutes = createRouter().openapi(
  createRoute({
    method: "get",
    path: "/programs/{programId}/dashboard",
    tags: ["Pairs"],
    summary: "Every pair's progress and health, without any content (admins)",
    description: "Step progress, check-in streak, last activity and a health state (active, quiet, no_checkin_2_weeks, ended). Messages, posts and notes never appear here.",
    middleware: [requireUser],
    request: { params: z.object({ programId: z.string() }) },
    responses: { 200: jsonResponse(DashboardResponse, "The dashboard"), ...errorResponses(401, 403, 404) },
  }),
  async (c) => {
    const { row, role } = await loadProgram(c, c.req.valid("param").programId);
    if (!isGroupAdmin(role)) throw forbidden("Only the group's admins see the program dashboard.");
    const pairs = await listPairsOfProgram(c.env.DB, row.id);
    const health = await Promise.all(pairs.map((pair) => pairRoom(c.env, pair.id).health()));
    return c.json(
      {
        program: { id: row.id, title: row.title },
        pairs: pairs.map((pair, i) => ({ pair, health: { ...health[i]!, state: pair.status === "active" ? health[i]!.state : ("ended" as const) } })),
      },
      200,
    );
  },
);
