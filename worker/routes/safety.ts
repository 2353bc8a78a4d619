import { createRoute, z } from "@hono/zod-openapi";
import { CreateReportBody, ReportListResponse, ReportResponse, type Report } from "../../shared/api/room.ts";
import { currentUser, requireUser } from "../auth/session.ts";
import { requireAdmin } from "../db/groups.ts";
import { ApiError, notFound } from "../http/errors.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";
import { loadPairAsMember, unwrap } from "../pair-room/access.ts";
import { deliverRoomEffectsNow, roomEffectStatements } from "../db/room-outbox.ts";

const UserParams = z.object({ userId: z.string() });

/** Every pair the two people share, in any program and any status. */
async function sharedPairIds(db: D1Database, a: string, b: string): Promise<string[]> {
  const { results } = await db
    .prepare("SELECT id FROM pairs WHERE (mentor_id = ?1 AND mentee_id = ?2) OR (mentor_id = ?2 AND mentee_id = ?1)")
    .bind(a, b)
    .all<{ id: string }>();
  return results.map((row) => row.id);
}

/** People can block anyone they share a group with; anyone else is 404, as if they did not exist. */
async function requireReachable(db: D1Database, me: string, other: string) {
  if (me === other) throw new ApiError(422, "validation_failed", "You cannot block yourself.");
  const shared = await db
    .prepare(
      `SELECT 1 AS x FROM group_members a JOIN group_members b ON a.group_id = b.group_id
       WHERE a.user_id = ?1 AND b.user_id = ?2 LIMIT 1`,
    )
    .bind(me, other)
    .first();
  if (!shared) throw notFound("This person");
}

type ReportRow = {
  id: string;
  group_id: string;
  pair_id: string;
  reporter_id: string;
  reporter_name: string;
  reported_id: string;
  reported_name: string;
  reason: string;
  message_seq: number | null;
  message_body: string | null;
  message_sent_at: number | null;
  status: "open" | "resolved";
  created_at: string;
};

function toReport(row: ReportRow): Report {
  return {
    id: row.id,
    groupId: row.group_id,
    pairId: row.pair_id,
    reporter: { id: row.reporter_id, displayName: row.reporter_name },
    reported: { id: row.reported_id, displayName: row.reported_name },
    reason: row.reason,
    message: row.message_seq === null ? null : { seq: row.message_seq, body: row.message_body ?? "", sentAt: row.message_sent_at ?? 0 },
    status: row.status,
    createdAt: row.created_at,
  };
}

const REPORT_SELECT = `SELECT r.*, a.display_name AS reporter_name, b.display_name AS reported_name
  FROM reports r JOIN users a ON a.id = r.reporter_id JOIN users b ON b.id = r.reported_id`;

export const safetyRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/users/{userId}/block",
      tags: ["Safety"],
      summary: "Block someone: all contact stops at once",
      description: "Their open sockets in every pair you share are closed, and every write in those pairs is refused (409 `blocked`). They can no longer be paired with you.",
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
        db.prepare("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING").bind(me, userId, new Date().toISOString()),
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
        db.prepare("DELETE FROM blocks WHERE blocker_id = ?1 AND blocked_id = ?2").bind(me, userId),
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
      responses: { 201: jsonResponse(ReportResponse, "The report"), ...errorResponses(400, 401, 403, 404, 422) },
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
      await c.env.DB.prepare(
        `INSERT INTO reports (id, group_id, pair_id, reporter_id, reported_id, reason, message_seq, message_body, message_sent_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)`,
      )
        .bind(id, pair.group_id, pair.id, userId, other, reason, message?.seq ?? null, message?.body ?? null, message?.sentAt ?? null, new Date().toISOString())
        .run();
      const row = await c.env.DB.prepare(`${REPORT_SELECT} WHERE r.id = ?1`).bind(id).first<ReportRow>();
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
      const { results } = await c.env.DB.prepare(`${REPORT_SELECT} WHERE r.group_id = ?1 AND (?2 IS NULL OR r.status = ?2) ORDER BY r.created_at DESC`)
        .bind(groupId, status ?? null)
        .all<ReportRow>();
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
      const row = await c.env.DB.prepare(`${REPORT_SELECT} WHERE r.id = ?1`).bind(c.req.valid("param").reportId).first<ReportRow>();
      if (!row) throw notFound("This report");
      await requireAdmin(c.env.DB, row.group_id, me).catch(() => {
        throw notFound("This report");
      });
      await c.env.DB.prepare("UPDATE reports SET status = 'resolved', resolved_at = ?2, resolved_by = ?3 WHERE id = ?1")
        .bind(row.id, new Date().toISOString(), me)
        .run();
      return c.json({ report: { ...toReport(row), status: "resolved" as const } }, 200);
    },
  );
