import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { OperatorReportListResponse, OperatorReportQuery, OperatorStatusResponse, SuspendBody, SuspensionResponse } from "../../shared/api/membership.ts";
import type { AppEnv } from "../env.ts";
import { currentUser, forgetUserSessions, requireUser } from "../auth/session.ts";
import { requireAdmin } from "../db/groups.ts";
import { auditStatement, displayNameOf } from "../db/membership.ts";
import {
  escalateStatement,
  findReportGroup,
  findSuspension,
  isOperator,
  listOperatorReports,
  operatorIds,
  sessionsAndPairsOf,
  suspendStatements,
  unsuspendStatement,
} from "../db/operator.ts";
import { enqueue, prepareNotifications } from "../notifications/notify.ts";
import { deliverRoomEffectsNow } from "../db/room-outbox.ts";
import { ApiError, notFound } from "../http/errors.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";

const tags = ["Operator"];
const auth = { middleware: [requireUser] };
const UserParams = z.object({ userId: z.string() });

/** Everyone but an operator gets 404 for the operator's routes, as if they did not exist. */
async function requireOperator(c: Context<AppEnv>): Promise<string> {
  const me = currentUser(c).id;
  if (!(await isOperator(c.env.DB, c.env.OPERATOR_EMAILS, me))) throw notFound("This page");
  return me;
}

export const operatorRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/operator/status",
      tags,
      summary: "Whether I am an operator of this deployment (OPERATOR_EMAILS)",
      ...auth,
      responses: { 200: jsonResponse(OperatorStatusResponse, "Operator or not"), ...errorResponses(401) },
    }),
    async (c) => c.json({ operator: await isOperator(c.env.DB, c.env.OPERATOR_EMAILS, currentUser(c).id) }, 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/operator/reports",
      tags,
      summary: "Every report across groups (operators): only what each report handed over",
      description: "`escalated=true` lists the reports group admins escalated. No pair content beyond the reported message ever appears.",
      ...auth,
      request: { query: OperatorReportQuery },
      responses: { 200: jsonResponse(OperatorReportListResponse, "Reports"), ...errorResponses(401, 404, 422) },
    }),
    async (c) => {
      await requireOperator(c);
      const { escalated, status } = c.req.valid("query");
      return c.json({ reports: await listOperatorReports(c.env.DB, { escalated: escalated === undefined ? undefined : escalated === "true", status }) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/reports/{reportId}/escalate",
      tags,
      summary: "Hand a report on to the operator (admins of its group); idempotent",
      ...auth,
      request: { params: z.object({ reportId: z.string() }) },
      responses: { 204: { description: "Escalated" }, ...errorResponses(401, 404, 429) },
    }),
    async (c) => {
      const me = currentUser(c).id;
      const db = c.env.DB;
      const report = await findReportGroup(db, c.req.valid("param").reportId);
      if (!report) throw notFound("This report");
      await requireAdmin(db, report.group_id, me).catch(() => {
        throw notFound("This report");
      });
      if (!report.escalated_at) {
        const operators = await operatorIds(db, c.env.OPERATOR_EMAILS);
        const told = prepareNotifications(
          db,
          operators.map((operatorId) => ({
            id: `report_escalated:${report.id}:${operatorId}`,
            userId: operatorId,
            kind: "report_escalated" as const,
            data: { reportId: report.id },
          })),
        );
        await db.batch([
          escalateStatement(db, report.id, me),
          auditStatement(db, { groupId: report.group_id, actorId: me, action: "report_escalated", target: { type: "report", id: report.id } }),
          ...told.statements,
        ]);
        enqueue(c.env, c.executionCtx, told.messages);
      }
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/operator/users/{userId}/suspend",
      tags,
      summary: "Suspend an account (operators): its sessions are revoked and its sockets closed within seconds",
      description: "Sign-in then answers 403 `suspended`. The account and its data stay; unsuspend lets the person sign in again.",
      ...auth,
      request: { params: UserParams, ...jsonBody(SuspendBody) },
      responses: { 200: jsonResponse(SuspensionResponse, "Suspended"), ...errorResponses(400, 401, 404, 409, 422, 429) },
    }),
    async (c) => {
      const me = await requireOperator(c);
      const { userId } = c.req.valid("param");
      const { reason } = c.req.valid("json");
      const db = c.env.DB;
      if (userId === me) throw new ApiError(409, "cannot_suspend_self", "You cannot suspend your own account.");
      if (!(await findSuspension(db, userId))) throw notFound("This person");
      const rooms = await sessionsAndPairsOf(db, userId);
      await db.batch(suspendStatements(db, userId, reason, me, rooms));
      forgetUserSessions(userId);
      await deliverRoomEffectsNow(c.env, c.executionCtx);
      const row = (await findSuspension(db, userId))!;
      return c.json({ userId, suspended: true, suspendedAt: row.suspended_at, reason: row.suspended_reason }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/operator/users/{userId}/unsuspend",
      tags,
      summary: "Lift a suspension (operators)",
      ...auth,
      request: { params: UserParams },
      responses: { 200: jsonResponse(SuspensionResponse, "Unsuspended"), ...errorResponses(401, 404, 429) },
    }),
    async (c) => {
      const me = await requireOperator(c);
      const { userId } = c.req.valid("param");
      const db = c.env.DB;
      if (!(await findSuspension(db, userId))) throw notFound("This person");
      await db.batch([
        unsuspendStatement(db, userId),
        auditStatement(db, {
          groupId: null,
          actorId: me,
          action: "user_unsuspended",
          target: { type: "user", id: userId, label: await displayNameOf(db, userId) },
        }),
      ]);
      return c.json({ userId, suspended: false, suspendedAt: null, reason: null }, 200);
    },
  );
