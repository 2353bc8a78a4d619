import { createRoute, z } from "@hono/zod-openapi";
import { AcceptInviteResponse, CreateInviteBody, CreatedInvite, InviteListResponse, InvitePreview } from "../../shared/api/groups.ts";
import { randomToken, sha256Base64Url } from "../auth/encoding.ts";
import { currentUser, requireUser } from "../auth/session.ts";
import { addMemberStatement, findGroup, requireAdmin, roleIn } from "../db/groups.ts";
import {
  countAcceptanceStatement,
  findInviteByTokenHash,
  insertInvite,
  inviteIsUsable,
  listInvitesOfGroup,
  revokeInvite,
  toInvite,
  type InviteRow,
} from "../db/invites.ts";
import { isBanned } from "../db/membership.ts";
import { withWriteLimit } from "../db/write-limits.ts";
import { ApiError, notFound } from "../http/errors.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";

const tags = ["Invites"];
const auth = { middleware: [requireUser] };
const TokenParams = z.object({ token: z.string().min(16).max(128) });

async function findInviteByToken(db: D1Database, token: string) {
  return findInviteByTokenHash(db, await sha256Base64Url(token));
}

/** An unknown token is 404; a revoked or expired one is 410 so the page can say "ask for a new link". */
async function usableInvite(db: D1Database, token: string): Promise<InviteRow> {
  const invite = await findInviteByToken(db, token);
  if (!invite) throw notFound("This invite link");
  if (!inviteIsUsable(invite)) {
    throw new ApiError(410, "invite_expired", "This invite link has expired or was revoked. Ask the group's admins for a new one.");
  }
  return invite;
}

export const inviteRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/groups/{groupId}/invites",
      tags,
      summary: "Create an invite link (admins). The token is shown only in this answer.",
      ...auth,
      request: { params: z.object({ groupId: z.string() }), ...jsonBody(CreateInviteBody) },
      responses: { 201: jsonResponse(CreatedInvite, "The link"), ...errorResponses(400, 401, 403, 404, 422, 429) },
    }),
    async (c) => {
      const { groupId } = c.req.valid("param");
      const { expiresInDays } = c.req.valid("json");
      const me = currentUser(c).id;
      await requireAdmin(c.env.DB, groupId, me);
      const token = randomToken(24);
      const now = new Date();
      const tokenHash = await sha256Base64Url(token);
      const row = await withWriteLimit(c, "invite", me, () =>
        insertInvite(c.env.DB, {
          tokenHash,
          groupId,
          createdBy: me,
          now: now.toISOString(),
          expiresAt: expiresInDays === null ? null : new Date(now.getTime() + expiresInDays * 86_400_000).toISOString(),
        }),
      );
      const url = `${new URL(c.req.url).origin}/invite/${token}`;
      return c.json({ token, url, invite: toInvite(row!) }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/groups/{groupId}/invites",
      tags,
      summary: "The group's invite links, without their tokens (admins)",
      ...auth,
      request: { params: z.object({ groupId: z.string() }) },
      responses: { 200: jsonResponse(InviteListResponse, "Invite links"), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const { groupId } = c.req.valid("param");
      await requireAdmin(c.env.DB, groupId, currentUser(c).id);
      const results = await listInvitesOfGroup(c.env.DB, groupId);
      return c.json({ invites: results.map(toInvite) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/groups/{groupId}/invites/{inviteId}",
      tags,
      summary: "Revoke an invite link (admins)",
      ...auth,
      request: { params: z.object({ groupId: z.string(), inviteId: z.string() }) },
      responses: { 204: { description: "Revoked" }, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const { groupId, inviteId } = c.req.valid("param");
      await requireAdmin(c.env.DB, groupId, currentUser(c).id);
      if (!(await revokeInvite(c.env.DB, groupId, inviteId, new Date().toISOString()))) throw notFound("This invite link");
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/invites/{token}",
      tags,
      summary: "What an invite link leads to, so the page can say which group it is (anyone holding the link)",
      request: { params: TokenParams },
      responses: { 200: jsonResponse(InvitePreview, "The group"), ...errorResponses(404, 410) },
    }),
    async (c) => {
      const invite = await usableInvite(c.env.DB, c.req.valid("param").token);
      const group = await findGroup(c.env.DB, invite.group_id);
      if (!group) throw notFound("This invite link");
      const user = c.get("user");
      const alreadyMember = user ? (await roleIn(c.env.DB, group.id, user.id)) !== null : false;
      const { id, name, description, focus, memberCount } = group;
      return c.json({ group: { id, name, description, focus, memberCount }, alreadyMember }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/invites/{token}/accept",
      tags,
      summary: "Join the group as a member (idempotent for existing members); 403 `banned` for someone the group banned",
      ...auth,
      request: { params: TokenParams },
      responses: { 200: jsonResponse(AcceptInviteResponse, "Joined"), ...errorResponses(401, 403, 404, 410) },
    }),
    async (c) => {
      const invite = await usableInvite(c.env.DB, c.req.valid("param").token);
      const me = currentUser(c).id;
      if (await isBanned(c.env.DB, invite.group_id, me)) throw new ApiError(403, "banned", "You have been banned from this group.");
      const [insert] = await c.env.DB.batch([addMemberStatement(c.env.DB, invite.group_id, me, "member"), countAcceptanceStatement(c.env.DB, invite.id)]);
      const group = await findGroup(c.env.DB, invite.group_id);
      const role = await roleIn(c.env.DB, invite.group_id, me);
      return c.json({ group: group!, role: role!, joined: (insert?.meta.changes ?? 0) > 0 }, 200);
    },
  );
