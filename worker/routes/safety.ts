import { createRoute, z } from "@hono/zod-openapi";
import { CreateReportBody, ReportListResponse, ReportResponse } from "../../shared/api/room.ts";
import { currentUser, requireUser } from "../auth/session.ts";
import { requireAdmin, shareAGroup } from "../db/groups.ts";
import { auditStatement } from "../db/membership.ts";
import { sharedPairIds } from "../db/pairs.ts";
import { blockStatement, findReport, insertReport, listReportsOfGroup, resolveReport, toReport, unblockStatement } from "../db/safety.ts";
import { withWriteLimit } from "../db/write-limits.ts";
import { ApiError, notFound } from "../http/errors.ts";
import { reportNotifications } from "../db/report-notifications.ts";
import { notify } from "../notifications/notify.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";
import { loadPairAsMember, unwrap } from "../pair-room/access.ts";
import { deliverRoomEffectsNow, roomEffectStatements } from "../db/room-outbox.ts";

const UserParams = z.object({ userId: z.string() });

/** People can block anyone they share a group with; anyone else is 404, as if they did not exist. */
async function requireReachable(db: D1Database, me: string, other: string) {
  if (me === other) throw new ApiError(422, "validation_failed", "You cannot block yourself.");
  if (!(await shareAGroup(db, me, other))) throw notFound("This person");
}

export const safetyRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/users/{userId}/block",
      tags: ["Safety"],
      summary: "Block someone: all contact stops at once",
      description:
        "Their open sockets in every pair you share are closed, and every write in those pairs is refused (409 `blocked`). They can no longer be paired with you.",
      middleware: [requireUser],
      request: { params: UserParams },
      responses: { 204: { description: "Blocked" }, ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) => {
      const me = currentUser(c).id;
      const { userId } = c.req.valid("param");
      await requireReachable(c.env.DB, me, userId);
      const db = c.env.DB;
      await db.batch([
        blockStatement(db, me, userId, new Date().toISOString()),
        ...roomEffectStatements(db, await sharedPairIds(db, me, userId), { type: "block", blockerId: me, blockedId: userId }),
      ]);
      await deliverRoomEffectsNow(c.env, c.executionCtx);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/users/{userId}/block",
      tags: ["Safety"],
      summary: "Unblock someone",
      middleware: [requireUser],
      request: { params: UserParams },
      responses: { 204: { description: "Unblocked" }, ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) => {
      const me = currentUser(c).id;
      const { userId } = c.req.valid("param");
      await requireReachable(c.env.DB, me, userId);
      const db = c.env.DB;
      await db.batch([
        unblockStatement(db, me, userId),
        ...roomEffectStatements(db, await sharedPairIds(db, me, userId), { type: "unblock", blockerId: me, blockedId: userId }),
      ]);
      await deliverRoomEffectsNow(c.env, c.executionCtx);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/reports",
      tags: ["Safety"],
      summary: "Report the other person of a pair, or one of their messages (`seq`)",
      description: "Only the reported message is copied into the group's report queue; nothing else of the pair's space is handed over.",
      middleware: [requireUser],
      request: jsonBody(CreateReportBody),
      responses: { 201: jsonResponse(ReportResponse, "The report"), ...errorResponses(400, 401, 403, 404, 422, 429) },
    }),
    async (c) => {
      const { pairId, seq, reason } = c.req.valid("json");
      const { pair, userId, room } = await loadPairAsMember(c, pairId);
      const other = pair.mentor_id === userId ? pair.mentee_id : pair.mentor_id;
      let message: { seq: number; body: string; sentAt: number } | null = null;
      if (seq !== undefined) {
        const found = unwrap(await room.messageForReport(userId, seq));
        if (found.senderId !== other) throw new ApiError(422, "own_message", "You can only report the other person's messages.");
        message = { seq: found.seq, body: found.body, sentAt: found.sentAt };
      }
      const id = crypto.randomUUID();
      await withWriteLimit(c, "report", userId, () =>
        insertReport(c.env.DB, {
          id,
          groupId: pair.group_id,
          pairId: pair.id,
          reporterId: userId,
          reportedId: other,
          reason,
          messageSeq: message?.seq ?? null,
          messageBody: message?.body ?? null,
          messageSentAt: message?.sentAt ?? null,
          now: new Date().toISOString(),
        }),
      );
      const row = await findReport(c.env.DB, id);
      await notify(c.env, c.executionCtx, await reportNotifications(c.env.DB, pair.group_id, other, userId));
      return c.json({ report: toReport(row!) }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/groups/{groupId}/reports",
      tags: ["Safety"],
      summary: "The group's report queue (admins): each report with only the content it hands over",
      middleware: [requireUser],
      request: { params: z.object({ groupId: z.string() }), query: z.object({ status: z.enum(["open", "resolved"]).optional() }) },
      responses: { 200: jsonResponse(ReportListResponse, "Reports"), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) => {
      const { groupId } = c.req.valid("param");
      const { status } = c.req.valid("query");
      await requireAdmin(c.env.DB, groupId, currentUser(c).id);
      const results = await listReportsOfGroup(c.env.DB, groupId, status ?? null);
      return c.json({ reports: results.map(toReport) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/reports/{reportId}/resolve",
      tags: ["Safety"],
      summary: "Mark a report resolved (admins of its group)",
      middleware: [requireUser],
      request: { params: z.object({ reportId: z.string() }) },
      responses: { 200: jsonResponse(ReportResponse, "The report"), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const me = currentUser(c).id;
      const row = await findReport(c.env.DB, c.req.valid("param").reportId);
      if (!row) throw notFound("This report");
      await requireAdmin(c.env.DB, row.group_id, me).catch(() => {
        throw notFound("This report");
      });
      await resolveReport(c.env.DB, row.id, me, new Date().toISOString());
      await auditStatement(c.env.DB, { groupId: row.group_id, actorId: me, action: "report_resolved", target: { type: "report", id: row.id } }).run();
      return c.json({ report: { ...toReport(row), status: "resolved" as const } }, 200);
    },
  );
