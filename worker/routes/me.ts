import { createRoute, z } from "@hono/zod-openapi";
import { ChangePasswordBody, DeleteAccountBody, LastOwnerError, SessionListResponse } from "../../shared/api/accounts.ts";
import { UpdateMeBody, UserResponse } from "../../shared/api/users.ts";
import { deviceLabel } from "../../shared/rules/device-label.ts";
import { deleteAccount } from "../accounts/deletion.ts";
import { exportStream } from "../accounts/export.ts";
import { hashPassword, verifyPassword } from "../auth/password.ts";
import { enforcePasswordPolicy } from "../auth/password-policy.ts";
import {
  ACCOUNT_WRITES_PER_USER,
  EXPORTS_PER_USER,
  PASSWORD_CHECK_FAILURES_PER_USER,
  consume,
  currentCount,
  incrementStatement,
  retryAfterSeconds,
} from "../auth/rate-limit.ts";
import { clearSessionCookie, currentSessionHash, currentUser, requireUser, revokeSessions } from "../auth/session.ts";
import { groupsOnlyOwnedBy } from "../db/accounts.ts";
import { findSessionOfUserById, listSessionsOfUser, sessionHashesOfUser } from "../db/sessions.ts";
import { findUserById, setPasswordHashStatement, toUser, updateProfile, type UserRow } from "../db/users.ts";
import type { AppEnv } from "../env.ts";
import type { Context } from "hono";
import { ApiError, notFound, unauthenticated } from "../http/errors.ts";
import { requestEmailChange } from "../notifications/account-emails.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";

const tags = ["Accounts"];
const auth = { middleware: [requireUser] };

const getMe = createRoute({
  method: "get",
  path: "/me",
  tags,
  summary: "The signed-in user",
  ...auth,
  responses: { 200: jsonResponse(UserResponse, "The signed-in user"), ...errorResponses(401) },
});

const updateMe = createRoute({
  method: "patch",
  path: "/me",
  tags,
  summary: "Edit my profile",
  description:
    "Any subset of display name, about, topics, languages, time zone and interface language. `email` (with `currentPassword`) sends a confirmation link to the new address, which replaces the old one once confirmed.",
  ...auth,
  request: jsonBody(UpdateMeBody),
  responses: { 200: jsonResponse(UserResponse, "The updated user"), ...errorResponses(400, 401, 403, 422) },
});

const tooMany = (message: string, retryAfter: number) => new ApiError(429, "rate_limited", message, { "Retry-After": String(retryAfter) });

async function signedInUser(c: Context<AppEnv>): Promise<UserRow> {
  const row = await findUserById(c.env.DB, currentUser(c).id);
  if (!row) throw unauthenticated();
  return row;
}

/**
 * Checks the current password where an account change needs it. Wrong answers are counted per account
 * (5 per 15 minutes), so a stolen session cannot be used to guess the password.
 */
async function requirePassword(c: Context<AppEnv>, user: UserRow, password: string, field: string): Promise<void> {
  const bucket = `password:user:${user.id}`;
  if ((await currentCount(c.env.DB, bucket, PASSWORD_CHECK_FAILURES_PER_USER)) >= PASSWORD_CHECK_FAILURES_PER_USER.max) {
    throw tooMany("Too many wrong passwords. Wait a few minutes and try again.", await retryAfterSeconds(c.env.DB, [bucket], PASSWORD_CHECK_FAILURES_PER_USER));
  }
  if (!(await verifyPassword(password, user.password_hash))) {
    await incrementStatement(c.env.DB, bucket, PASSWORD_CHECK_FAILURES_PER_USER).run();
    throw new ApiError(403, "invalid_password", "That is not your current password.", undefined, [
      { path: field, message: "That is not your current password." },
    ]);
  }
}

async function limitAccountWrites(c: Context<AppEnv>, userId: string) {
  const allowed = await consume(c.env.DB, `account:user:${userId}`, ACCOUNT_WRITES_PER_USER);
  if (!allowed.ok) throw tooMany("Too many account changes. Wait a few minutes and try again.", allowed.retryAfter);
}

export const meRoutes = createRouter()
  .openapi(getMe, async (c) => {
    const row = await findUserById(c.env.DB, currentUser(c).id);
    if (!row) throw unauthenticated();
    return c.json({ user: toUser(row) }, 200);
  })
  .openapi(updateMe, async (c) => {
    const patch = c.req.valid("json");
    const userId = currentUser(c).id;
    if (patch.email !== undefined) await requestEmailChange(c, userId, patch.email, patch.currentPassword);
    const row = await updateProfile(c.env.DB, userId, patch);
    if (!row) throw unauthenticated();
    return c.json({ user: toUser(row as Parameters<typeof toUser>[0]) }, 200);
  })
  .openapi(
    createRoute({
      method: "get",
      path: "/me/sessions",
      tags,
      summary: "My sessions: when each was created and last used, its device, and which one is this one",
      ...auth,
      responses: { 200: jsonResponse(SessionListResponse, "My live sessions, most recently used first"), ...errorResponses(401) },
    }),
    async (c) => {
      const current = currentSessionHash(c);
      const rows = await listSessionsOfUser(c.env.DB, currentUser(c).id, Date.now());
      const iso = (ms: number) => new Date(ms).toISOString();
      return c.json(
        {
          sessions: rows.map((row) => ({
            id: row.id,
            createdAt: iso(row.created_at),
            lastUsedAt: iso(row.last_used_at ?? row.renewed_at),
            expiresAt: iso(row.expires_at),
            absoluteExpiresAt: iso(row.absolute_expires_at ?? row.expires_at),
            device: deviceLabel(row.user_agent),
            current: row.token_hash === current,
          })),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/me/sessions/{sessionId}",
      tags,
      summary: "Sign out one of my sessions",
      description: "Its sockets close within 2 seconds (code 4001). Another person's session, or one that does not exist, is 404.",
      ...auth,
      request: { params: z.object({ sessionId: z.string().max(64) }) },
      responses: { 204: { description: "Signed out" }, ...errorResponses(401, 403, 404, 429) },
    }),
    async (c) => {
      const userId = currentUser(c).id;
      await limitAccountWrites(c, userId);
      const session = await findSessionOfUserById(c.env.DB, userId, c.req.valid("param").sessionId);
      if (!session) throw notFound("This session");
      await revokeSessions(c, userId, [session.token_hash]);
      if (session.token_hash === c.get("sessionTokenHash")) clearSessionCookie(c);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/me/password",
      tags,
      summary: "Change my password",
      description:
        "Needs the current password (403 `invalid_password`; 5 wrong answers per 15 minutes, then 429). The new one must pass the policy (422 `weak_password` naming `newPassword` and the reason). Every other session is signed out and its sockets closed; this one stays.",
      ...auth,
      request: jsonBody(ChangePasswordBody),
      responses: { 204: { description: "Changed" }, ...errorResponses(400, 401, 403, 422, 429) },
    }),
    async (c) => {
      const { currentPassword, newPassword } = c.req.valid("json");
      const user = await signedInUser(c);
      await limitAccountWrites(c, user.id);
      await requirePassword(c, user, currentPassword, "currentPassword");
      await enforcePasswordPolicy("newPassword", newPassword, { email: user.email, displayName: user.display_name });
      const current = currentSessionHash(c);
      const others = await sessionHashesOfUser(c.env.DB, user.id, current);
      const update = setPasswordHashStatement(c.env.DB, user.id, await hashPassword(newPassword));
      await revokeSessions(c, user.id, others, [update]);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/me/export",
      tags,
      summary: "Download everything of mine as one JSON file (streamed)",
      description:
        "Profile, sessions (without tokens), groups and roles, applications and answers, notifications, reports I filed, blocks I made, notification preferences, and each of my pairs with the whole of its space (messages, posts, comments, steps, check-ins, read cursors). Twice an hour (429 with Retry-After).",
      ...auth,
      responses: {
        200: { description: "The export, as an attachment", content: { "application/json": { schema: z.object({}).passthrough() } } },
        ...errorResponses(401, 429),
      },
    }),
    async (c) => {
      const userId = currentUser(c).id;
      const allowed = await consume(c.env.DB, `export:user:${userId}`, EXPORTS_PER_USER);
      if (!allowed.ok) throw tooMany("You can download your data twice an hour. Try again later.", allowed.retryAfter);
      const date = new Date().toISOString().slice(0, 10);
      return new Response(exportStream(c.env, userId), {
        status: 200,
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          "Content-Disposition": `attachment; filename="mentorship-data-${date}.json"`,
          "Cache-Control": "no-store",
        },
      }) as never;
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/me",
      tags,
      summary: "Delete my account, at once",
      description:
        'Needs the password (403 `invalid_password`). 409 `last_owner` lists the groups where I am the only owner: hand them over or delete them first. Every session is revoked and every socket closed; active pairs end (`ended`, reason `account_deleted`); what I wrote in every pair space is erased and the other person sees "Deleted member". See the README for what is kept.',
      ...auth,
      request: jsonBody(DeleteAccountBody),
      responses: {
        204: { description: "Deleted; the session cookie is cleared" },
        409: jsonResponse(LastOwnerError, "The last owner of these groups"),
        ...errorResponses(400, 401, 403, 422, 429),
      },
    }),
    async (c) => {
      const { password } = c.req.valid("json");
      const user = await signedInUser(c);
      await limitAccountWrites(c, user.id);
      await requirePassword(c, user, password, "password");
      const owned = await groupsOnlyOwnedBy(c.env.DB, user.id);
      if (owned.length) {
        return c.json(
          {
            error: {
              code: "last_owner" as const,
              message: `You are the only owner of ${owned.map((g) => g.name).join(", ")}. Make someone else an owner, or delete the group, first.`,
              groups: owned,
            },
          },
          409,
        );
      }
      await deleteAccount(c, user);
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  );
