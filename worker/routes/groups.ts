import { createRoute, z } from "@hono/zod-openapi";
import { CreateGroupBody, GroupDetailResponse, GroupListResponse, GroupResponse, UpdateGroupBody, UpdateMemberBody } from "../../shared/api/groups.ts";
import { mayChangeRole, mayRemoveMember } from "../../shared/rules/roles.ts";
import { currentUser, requireUser } from "../auth/session.ts";
import {
  addMemberStatement,
  changeRoleKeepingAnOwner,
  findGroup,
  insertGroupStatement,
  listMembers,
  listMyGroups,
  requireAdmin,
  requireMember,
  roleIn,
  updateGroup,
} from "../db/groups.ts";
import {
  activePairsInGroup,
  auditStatement,
  departureStatements,
  displayNameOf,
  isLastOwner,
  searchTextStatement,
  type DepartureReason,
} from "../db/membership.ts";
import { deliverRoomEffectsNow } from "../db/room-outbox.ts";
import { enqueue } from "../notifications/notify.ts";
import type { AppEnv } from "../env.ts";
import type { Context } from "hono";
import { ApiError, forbidden, notFound } from "../http/errors.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";

const GroupParams = z.object({ groupId: z.string() });
const MemberParams = z.object({ groupId: z.string(), userId: z.string() });
const lastOwner = () => new ApiError(409, "last_owner", "A group needs at least one owner. Make someone else an owner first.");

const tags = ["Groups"];
const auth = { middleware: [requireUser] };

export const groupRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/groups",
      tags,
      summary: "Create a group; the creator becomes its owner",
      ...auth,
      request: jsonBody(CreateGroupBody),
      responses: { 201: jsonResponse(GroupResponse, "The new group"), ...errorResponses(400, 401, 403, 422) },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const userId = currentUser(c).id;
      const groupId = crypto.randomUUID();
      const now = new Date().toISOString();
      await c.env.DB.batch([
        insertGroupStatement(c.env.DB, { id: groupId, name: body.name, description: body.description, focus: body.focus, createdBy: userId, now }),
        addMemberStatement(c.env.DB, groupId, userId, "owner"),
        searchTextStatement(c.env.DB, groupId, body),
      ]);
      return c.json({ group: (await findGroup(c.env.DB, groupId))! }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/groups",
      tags,
      summary: "My groups, with my role in each",
      ...auth,
      responses: { 200: jsonResponse(GroupListResponse, "My groups"), ...errorResponses(401) },
    }),
    async (c) => c.json({ groups: await listMyGroups(c.env.DB, currentUser(c).id) }, 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/groups/{groupId}",
      tags,
      summary: "A group, my role and its members (members only; anyone else gets 404)",
      ...auth,
      request: { params: GroupParams },
      responses: { 200: jsonResponse(GroupDetailResponse, "The group"), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const { groupId } = c.req.valid("param");
      const role = await requireMember(c.env.DB, groupId, currentUser(c).id);
      const [group, members] = await Promise.all([findGroup(c.env.DB, groupId), listMembers(c.env.DB, groupId)]);
      if (!group) throw notFound("This group");
      return c.json({ group, role, members }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/groups/{groupId}",
      tags,
      summary: "Edit the group's name, description or focus (admins)",
      ...auth,
      request: { params: GroupParams, ...jsonBody(UpdateGroupBody) },
      responses: { 200: jsonResponse(GroupResponse, "The updated group"), ...errorResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => {
      const { groupId } = c.req.valid("param");
      const patch = c.req.valid("json");
      const me = currentUser(c).id;
      await requireAdmin(c.env.DB, groupId, me);
      await updateGroup(c.env.DB, groupId, {
        name: patch.name ?? null,
        description: patch.description ?? null,
        focus: patch.focus ?? null,
        now: new Date().toISOString(),
        joinPolicy: patch.joinPolicy ?? null,
        listed: patch.listed ?? null,
      });
      const group = (await findGroup(c.env.DB, groupId))!;
      await c.env.DB.batch([
        searchTextStatement(c.env.DB, groupId, group),
        auditStatement(c.env.DB, { groupId, actorId: me, action: "group_edited", detail: { fields: Object.keys(patch).join(",") } }),
      ]);
      return c.json({ group }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/groups/{groupId}/members/{userId}",
      tags,
      summary: "Promote or demote a member (admins; only owners grant or take the owner role)",
      ...auth,
      request: { params: MemberParams, ...jsonBody(UpdateMemberBody) },
      responses: {
        200: jsonResponse(GroupDetailResponse, "The group with its members"),
        ...errorResponses(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { groupId, userId } = c.req.valid("param");
      const { role } = c.req.valid("json");
      const myRole = await requireAdmin(c.env.DB, groupId, currentUser(c).id);
      const theirRole = await roleIn(c.env.DB, groupId, userId);
      if (!theirRole) throw notFound("This member");
      if (!mayChangeRole(myRole, theirRole, role)) {
        throw forbidden(theirRole === "admin" ? "Only an owner can change an admin's role." : "Only an owner can make or unmake owners.");
      }
      if (!(await changeRoleKeepingAnOwner(c.env.DB, groupId, userId, role))) throw lastOwner();
      if (theirRole !== role) {
        await auditStatement(c.env.DB, {
          groupId,
          actorId: currentUser(c).id,
          action: "role_changed",
          target: { type: "user", id: userId, label: await displayNameOf(c.env.DB, userId) },
          detail: { from: theirRole, to: role },
        }).run();
      }
      const [group, members] = await Promise.all([findGroup(c.env.DB, groupId), listMembers(c.env.DB, groupId)]);
      return c.json({ group: group!, role: myRole, members }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/groups/{groupId}/members/{userId}",
      tags,
      summary: "Remove a member, and with `?ban=true` ban them (admins; only owners remove admins or owners)",
      description:
        'Their active pairs in the group end ("ended", reason `member_removed`): both people keep reading, nothing new can be added, and the removed person\'s open sockets in those pairs close within seconds (code 4004). Their waiting applications in the group are withdrawn. A banned person gets 403 `banned` on invite links and join requests until an admin lifts the ban.',
      ...auth,
      request: { params: MemberParams, query: z.object({ ban: z.enum(["true", "false"]).optional() }) },
      responses: { 204: { description: "Removed" }, ...errorResponses(401, 403, 404, 409, 422, 429) },
    }),
    async (c) => {
      const { groupId, userId } = c.req.valid("param");
      const ban = c.req.valid("query").ban === "true";
      const me = currentUser(c).id;
      const myRole = await requireAdmin(c.env.DB, groupId, me);
      const theirRole = await roleIn(c.env.DB, groupId, userId);
      if (!theirRole) throw notFound("This member");
      if (!mayRemoveMember(myRole, theirRole, userId === me)) throw forbidden("Only an owner can remove an admin or an owner.");
      if (ban && userId === me)
        throw new ApiError(422, "validation_failed", "You cannot ban yourself.", undefined, [{ path: "ban", message: "You cannot ban yourself." }]);
      await depart(c, { groupId, userId, reason: userId === me ? "member_left" : "member_removed", ban, audit: userId !== me });
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/groups/{groupId}/leave",
      tags,
      summary: "Leave a group (the last owner cannot leave)",
      ...auth,
      request: { params: GroupParams },
      responses: { 204: { description: "Left the group" }, ...errorResponses(401, 403, 404, 409) },
    }),
    async (c) => {
      const { groupId } = c.req.valid("param");
      const me = currentUser(c).id;
      await requireMember(c.env.DB, groupId, me);
      await depart(c, { groupId, userId: me, reason: "member_left", ban: false, audit: false });
      return c.body(null, 204);
    },
  );

/**
 * Leaving and removal: one batch ends the person's active pairs in the group, withdraws their waiting
 * applications and queues the rooms' effect; then the outbox delivers it (the room turns read-only and
 * closes that person's sockets). A refused removal (the last owner) changes nothing.
 */
async function depart(c: Context<AppEnv>, input: { groupId: string; userId: string; reason: DepartureReason; ban: boolean; audit: boolean }) {
  const db = c.env.DB;
  const me = currentUser(c).id;
  // Checked before the batch as well as inside it, so that a refused departure queues no room effect.
  if (await isLastOwner(db, input.groupId, input.userId)) throw lastOwner();
  const pairs = await activePairsInGroup(db, input.groupId, input.userId);
  const { statements, messages } = departureStatements(db, { ...input, actorId: me, pairs });
  if (input.audit) {
    statements.push(
      auditStatement(db, {
        groupId: input.groupId,
        actorId: me,
        action: input.ban ? "member_banned" : "member_removed",
        target: { type: "user", id: input.userId, label: await displayNameOf(db, input.userId) },
        detail: { pairsEnded: pairs.length },
      }),
    );
  }
  const [removed] = await db.batch(statements);
  if ((removed?.meta.changes ?? 0) === 0) throw lastOwner();
  enqueue(c.env, c.executionCtx, messages);
  if (pairs.length) await deliverRoomEffectsNow(c.env, c.executionCtx);
}
