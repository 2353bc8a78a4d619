import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { PasswordResetConfirmBody, PasswordResetRequestBody } from "../../shared/api/notification-preferences.ts";
import { hashPassword } from "../auth/password.ts";
import { enforcePasswordPolicy } from "../auth/password-policy.ts";
import type { Limit } from "../auth/rate-limit.ts";
import { forgetUserSessions } from "../auth/session.ts";
import { checkToken, newTokenStatements } from "../db/email-tokens.ts";
import { resetPassword } from "../db/password-reset.ts";
import { deliverRoomEffectsNow } from "../db/room-outbox.ts";
import { findUserByEmail, findUserById } from "../db/users.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../http/errors.ts";
import { createRouter, errorResponses, jsonBody } from "../http/router.ts";
import { spendLimit } from "../notifications/account-emails.ts";
import { enqueueSecurityEmail } from "../notifications/notify.ts";

const tags = ["Accounts"];
const RESET_REQUESTS_PER_EMAIL: Limit = { max: 3, windowSeconds: 60 * 60 };
const RESET_REQUESTS_PER_CLIENT: Limit = { max: 20, windowSeconds: 60 * 60 };
const RESET_CONFIRMS_PER_CLIENT: Limit = { max: 30, windowSeconds: 15 * 60 };

const clientKey = (c: Context<AppEnv>) => c.req.header("CF-Connecting-IP") ?? "unknown";
const invalidToken = () => new ApiError(400, "invalid_token", "This link is not valid or was already used. Ask for a new one.");
const expiredToken = () => new ApiError(410, "token_expired", "This link has expired. Ask for a new one.");

export const passwordResetRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/auth/password-reset",
      tags,
      summary: "Email a password reset link",
      description:
        "Always 202, whether or not an account uses the address (a link goes out only to a verified address). " +
        `Limited to ${RESET_REQUESTS_PER_EMAIL.max} per address and ${RESET_REQUESTS_PER_CLIENT.max} per client per hour (429).`,
      request: jsonBody(PasswordResetRequestBody),
      responses: { 202: { description: "If the account exists, a link is on its way" }, ...errorResponses(400, 403, 422, 429) },
    }),
    async (c) => {
      const { email } = c.req.valid("json");
      const message = "Too many reset requests. Check your inbox, or try again later.";
      await spendLimit(c.env.DB, `reset:client:${clientKey(c)}`, RESET_REQUESTS_PER_CLIENT, message);
      await spendLimit(c.env.DB, `reset:email:${email}`, RESET_REQUESTS_PER_EMAIL, message);
      const user = await findUserByEmail(c.env.DB, email);
      if (user?.email_verified_at) {
        const { token, statements } = await newTokenStatements(c.env.DB, user.id, "reset", user.email);
        await c.env.DB.batch(statements);
        enqueueSecurityEmail(c.env, c.executionCtx, { userId: user.id, to: user.email, template: "password_reset", data: { token } });
      }
      return c.body(null, 202);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/auth/password-reset/confirm",
      tags,
      summary: "Set a new password with the token from the email",
      description:
        "Revokes every session of the person and closes their open pair sockets (code 4001). 400 `invalid_token` for an unknown or used token, 410 `token_expired` after 1 hour, 422 `weak_password` under the password policy; none changes anything.",
      request: jsonBody(PasswordResetConfirmBody),
      responses: { 204: { description: "The password is changed; sign in with it" }, ...errorResponses(400, 403, 410, 422, 429) },
    }),
    async (c) => {
      const { token, password } = c.req.valid("json");
      await spendLimit(c.env.DB, `reset-confirm:client:${clientKey(c)}`, RESET_CONFIRMS_PER_CLIENT, "Too many attempts. Try again later.");
      const check = await checkToken(c.env.DB, token, ["reset"]);
      if (!check.ok) throw check.reason === "expired" ? expiredToken() : invalidToken();
      const userId = check.row.user_id;
      const person = await findUserById(c.env.DB, userId);
      if (!person) throw invalidToken();
      // The same policy as sign-up and a password change; a refused password changes nothing.
      await enforcePasswordPolicy("password", password, { email: person.email, displayName: person.display_name });
      const changed = await resetPassword(c.env.DB, userId, check.hash, await hashPassword(password));
      if (!changed) throw invalidToken();
      forgetUserSessions(userId);
      // The rooms close the sockets of the revoked sessions (code 4001); the outbox rows were written
      // in the reset's own batch.
      await deliverRoomEffectsNow(c.env, c.executionCtx);
      return c.body(null, 204);
    },
  );
