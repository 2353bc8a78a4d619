import { createRoute, z } from "@hono/zod-openapi";
import { TokenBody } from "../../shared/api/notification-preferences.ts";
import { currentUser, requireUser } from "../auth/session.ts";
import { checkToken, useTokenStatement } from "../db/email-tokens.ts";
import { findUserById } from "../db/users.ts";
import { ApiError, unauthenticated } from "../http/errors.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";
import { sendVerificationEmail, spendLimit, VERIFICATION_RESENDS } from "../notifications/account-emails.ts";
import { enqueueSecurityEmail } from "../notifications/notify.ts";

const tags = ["Accounts"];
const VerifyResponse = z.object({ email: z.string(), emailVerified: z.literal(true) }).meta({ id: "VerifyEmailResponse" });

const invalidToken = () => new ApiError(400, "invalid_token", "This link is not valid or was already used. Ask for a new one.");
const expiredToken = () => new ApiError(410, "token_expired", "This link has expired. Ask for a new one.");

export const emailVerificationRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/auth/verify-email",
      tags,
      summary: "Verify an email address with the token from the email (also confirms an address change)",
      description: "Works without sign-in. 400 `invalid_token` for an unknown or used token, 410 `token_expired` after 24 hours; neither changes anything.",
      request: jsonBody(TokenBody),
      responses: { 200: jsonResponse(VerifyResponse, "Verified"), ...errorResponses(400, 403, 409, 410, 422) },
    }),
    async (c) => {
      const db = c.env.DB;
      const check = await checkToken(db, c.req.valid("json").token, ["verify", "change"]);
      if (!check.ok) throw check.reason === "expired" ? expiredToken() : invalidToken();
      const { row, hash } = check;
      const user = await findUserById(db, row.user_id);
      if (!user) throw invalidToken();
      const now = new Date().toISOString();
      if (row.purpose === "verify") {
        // A link sent to an address the account no longer uses verifies nothing.
        if (user.email.toLowerCase() !== row.email.toLowerCase()) throw invalidToken();
        const [used] = await db.batch([
          useTokenStatement(db, hash),
          db.prepare("UPDATE users SET email_verified_at = COALESCE(email_verified_at, ?3) WHERE id = ?1 AND email = ?2").bind(user.id, row.email, now),
        ]);
        if (!used!.meta.changes) throw invalidToken();
        return c.json({ email: user.email, emailVerified: true as const }, 200);
      }
      const taken = await db.prepare("SELECT 1 AS x FROM users WHERE email = ?1 AND id != ?2").bind(row.email, user.id).first();
      if (taken) throw new ApiError(409, "email_taken", "Another account uses this address now.");
      const [used] = await db.batch([
        useTokenStatement(db, hash),
        db.prepare("UPDATE users SET email = ?2, email_verified_at = ?3 WHERE id = ?1").bind(user.id, row.email, now),
        // Links sent to the old address stop working.
        db.prepare("UPDATE email_tokens SET used_at = ?2 WHERE user_id = ?1 AND used_at IS NULL").bind(user.id, Date.now()),
      ]);
      if (!used!.meta.changes) throw invalidToken();
      if (user.email_verified_at) {
        enqueueSecurityEmail(c.env, c.executionCtx, { userId: user.id, to: user.email, template: "email_changed", data: { newEmail: row.email } });
      }
      return c.json({ email: row.email, emailVerified: true as const }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/auth/verify-email/resend",
      tags,
      summary: "Send a new verification email to my address",
      description: `At most ${VERIFICATION_RESENDS.max} per hour (429 \`rate_limited\`). 409 \`already_verified\` when there is nothing to verify.`,
      middleware: [requireUser],
      responses: { 202: { description: "A new link is on its way" }, ...errorResponses(401, 403, 409, 429) },
    }),
    async (c) => {
      const user = await findUserById(c.env.DB, currentUser(c).id);
      if (!user) throw unauthenticated();
      if (user.email_verified_at) throw new ApiError(409, "already_verified", "Your address is already verified.");
      await spendLimit(
        c.env.DB,
        `verify-resend:${user.id}`,
        VERIFICATION_RESENDS,
        "You asked for several links already. Check your inbox, or try again later.",
      );
      await sendVerificationEmail(c, user);
      return c.body(null, 202);
    },
  );
