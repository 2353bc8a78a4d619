import { createRoute, z } from "@hono/zod-openapi";
import {
  AuditLogResponse,
  AuditQuery,
  BanListResponse,
  CreateJoinRequestBody,
  DirectoryQuery,
  DirectoryResponse,
  JoinRequestListResponse,
  JoinRequestResponse,
  JoinRequestStatus,
} from "../../shared/api/membership.ts";
import type { Context } from "hono";
import type { AppEnv } from "../env.ts";
import { currentUser, requireUser } from "../auth/session.ts";
import { addMemberStatement, requireAdmin, roleIn } from "../db/groups.ts";
import {
  auditStatement,
  decideJoinRequestStatement,
  displayNameOf,
  findJoinRequest,
  findJoinableGroup,
  groupAdminIds,
  hasPendingRequest,
  insertJoinRequest,
  isBanned,
  listAudit,
  listBans,
  listJoinRequests,
  searchDirectory,
  unbanStatement,
} from "../db/membership.ts";
import { enqueue, notify, prepareNotifications } from "../notifications/notify.ts";
import { withWriteLimit } from "../db/write-limits.ts";
import { ApiError, notFound } from "../http/errors.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";

const tags = ["Membership"];
const auth = { middleware: [requireUser] };
const GroupParams = z.object({ groupId: z.string() });
const RequestParams = z.object({ groupId: z.string(), requestId: z.string() });

const banned = () => new ApiError(403, "banned", "You have been banned from this group.");

export const membershipRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/groups/directory",
      tags,
      summary: "Listed groups, searchable by words in any of the three languages (`q`) and by focus",
      description:
        "Only groups whose admins chose to list them appear; unlisted groups never do. Case and accents do not matter, and a focus is found by its name in English, French or German. Signed-in readers also see whether they are a member or have a pending request (`myStatus`).",
      request: { query: DirectoryQuery },
      responses: { 200: jsonResponse(DirectoryResponse, "Listed groups"), ...errorResponses(422) },
    }),
    async (c) => {
      const { q, focus } = c.req.valid("query");
      return c.json({ groups: await searchDirectory(c.env.DB, { q, focus, userId: c.get("user")?.id ?? null }) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/groups/{groupId}/join-requests",
      tags,
      summary: "Ask to join a group that takes requests; its admins approve or decline",
      description:
        "403 `banned` for someone the group banned, 409 `already_member`, 409 `request_pending` while an earlier request waits, 403 `invite_only` for a listed group that joins by invite only. Groups that are neither listed nor take requests answer 404.",
      ...auth,
      request: { params: GroupParams, ...jsonBody(CreateJoinRequestBody) },
      responses: { 201: jsonResponse(JoinRequestResponse, "The request"), ...errorResponses(400, 401, 403, 404, 409, 422, 429) },
    }),
    async (c) => {
      const { groupId } = c.req.valid("param");
      const { message } = c.req.valid("json");
      const me = currentUser(c).id;
      const db = c.env.DB;
      const group = await findJoinableGroup(db, groupId);
      if (!group || (group.listed !== 1 && group.join_policy !== "request")) throw notFound("This group");
      if (await isBanned(db, groupId, me)) throw banned();
      if (await roleIn(db, groupId, me)) throw new ApiError(409, "already_member", "You are already a member of this group.");
      if (group.join_policy !== "request") throw new ApiError(403, "invite_only", "This group only takes new members by invite link.");
      if (await hasPendingRequest(db, groupId, me)) throw new ApiError(409, "request_pending", "Your request to join is already waiting for the admins.");
      const request = await withWriteLimit(c, "join_request", me, async () => {
        const inserted = await insertJoinRequest(db, groupId, me, message);
        if (!inserted) throw new ApiError(409, "request_pending", "Your request to join is already waiting for the admins.");
        return inserted;
      });
      // In-app at once, email and push by each admin's preferences.
      const admins = await groupAdminIds(db, groupId);
      await notify(
        c.env,
        c.executionCtx,
        admins.map((adminId) => ({
          id: `join_request:${request.id}:${adminId}`,
          userId: adminId,
          kind: "join_request" as const,
          data: { groupId, groupName: group.name, requestId: request.id, requesterName: request.user.displayName },
        })),
      );
      return c.json({ request }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/groups/{groupId}/join-requests",
      tags,
      summary: "Requests to join, oldest first (admins); `status` defaults to pending",
      ...auth,
      request: { params: GroupParams, query: z.object({ status: JoinRequestStatus.optional() }) },
      responses: { 200: jsonResponse(JoinRequestListResponse, "Requests"), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) => {
      const { groupId } = c.req.valid("param");
      await requireAdmin(c.env.DB, groupId, currentUser(c).id);
      return c.json({ requests: await listJoinRequests(c.env.DB, groupId, c.req.valid("query").status ?? "pending") }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/groups/{groupId}/join-requests/{requestId}/approve",
      tags,
      summary: "Approve a request: the person joins as a member (admins)",
      description: "409 `request_decided` when it was already approved or declined; 403 `banned` when the person was banned since.",
      ...auth,
      request: { params: RequestParams },
      responses: { 200: jsonResponse(JoinRequestResponse, "The approved request"), ...errorResponses(401, 403, 404, 409) },
    }),
    async (c) => decide(c, "approved"),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/groups/{groupId}/join-requests/{requestId}/decline",
      tags,
      summary: "Decline a request (admins)",
      ...auth,
      request: { params: RequestParams },
      responses: { 200: jsonResponse(JoinRequestResponse, "The declined request"), ...errorResponses(401, 403, 404, 409) },
    }),
    async (c) => decide(c, "declined"),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/groups/{groupId}/bans",
      tags,
      summary: "People banned from the group (admins)",
      ...auth,
      request: { params: GroupParams },
      responses: { 200: jsonResponse(BanListResponse, "Bans"), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const { groupId } = c.req.valid("param");
      await requireAdmin(c.env.DB, groupId, currentUser(c).id);
      return c.json({ bans: await listBans(c.env.DB, groupId) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/groups/{groupId}/bans/{userId}",
      tags,
      summary: "Lift a ban (admins); the person may then be invited or ask to join again",
      ...auth,
      request: { params: z.object({ groupId: z.string(), userId: z.string() }) },
      responses: { 204: { description: "Ban lifted" }, ...errorResponses(401, 403, 404, 429) },
    }),
    async (c) => {
      const { groupId, userId } = c.req.valid("param");
      const me = currentUser(c).id;
      const db = c.env.DB;
      await requireAdmin(db, groupId, me);
      if (!(await isBanned(db, groupId, userId))) throw notFound("This ban");
      const name = await displayNameOf(db, userId);
      await db.batch([
        unbanStatement(db, groupId, userId),
        auditStatement(db, { groupId, actorId: me, action: "member_unbanned", target: { type: "user", id: userId, label: name } }),
      ]);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/groups/{groupId}/audit",
      tags,
      summary: "The group's audit log of admin actions, newest first (admins); never any content",
      description:
        "Who created or edited programs, opened or closed them, paired, ended, removed, banned, changed roles, approved requests, resolved or escalated reports, and when. `before` (a createdAt) pages back.",
      ...auth,
      request: { params: GroupParams, query: AuditQuery },
      responses: { 200: jsonResponse(AuditLogResponse, "Entries"), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) => {
      const { groupId } = c.req.valid("param");
      const { before, limit } = c.req.valid("query");
      await requireAdmin(c.env.DB, groupId, currentUser(c).id);
      return c.json(await listAudit(c.env.DB, groupId, before, limit), 200);
    },
  );

async function decide(c: Context<AppEnv>, status: "approved" | "declined") {
  const groupId = c.req.param("groupId") ?? "";
  const requestId = c.req.param("requestId") ?? "";
  const me = currentUser(c).id;
  const db = c.env.DB;
  await requireAdmin(db, groupId, me);
  const request = await findJoinRequest(db, requestId);
  if (!request || request.groupId !== groupId) throw notFound("This request");
  if (request.status !== "pending") throw new ApiError(409, "request_decided", "This request was already answered.");
  if (status === "approved" && (await isBanned(db, groupId, request.user.id))) throw banned();
  const group = await findJoinableGroup(db, groupId);
  const [decided] = await db.batch([decideJoinRequestStatement(db, requestId, status, me)]);
  if ((decided?.meta.changes ?? 0) === 0) throw new ApiError(409, "request_decided", "This request was already answered.");
  const told = prepareNotifications(db, [
    {
      id: `join_request_decided:${requestId}`,
      userId: request.user.id,
      kind: "join_request_decided",
      data: { groupId, groupName: group?.name ?? "", approved: status === "approved" },
    },
  ]);
  await db.batch([
    ...(status === "approved" ? [addMemberStatement(db, groupId, request.user.id, "member")] : []),
    auditStatement(db, {
      groupId,
      actorId: me,
      action: status === "approved" ? "join_request_approved" : "join_request_declined",
      target: { type: "user", id: request.user.id, label: request.user.displayName },
    }),
    ...told.statements,
  ]);
  enqueue(c.env, c.executionCtx, told.messages);
  return c.json({ request: (await findJoinRequest(db, requestId))! }, 200);
}
