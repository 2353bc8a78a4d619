import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { isAdult } from "../../shared/rules/age.ts";
import { LoginBody, SignupBody, UserResponse } from "../../shared/api/users.ts";
import type { AppEnv } from "../env.ts";
import { hashPassword, burnPasswordCheck, needsRehash, verifyPassword } from "../auth/password.ts";
import { enforcePasswordPolicy } from "../auth/password-policy.ts";
import {
  LOGIN_FAILURES_PER_CLIENT,
  LOGIN_FAILURES_PER_EMAIL_AND_CLIENT,
  LOGIN_FAILURES_PER_EMAIL_CEILING,
  LOGIN_SLOW_INTERVAL_SECONDS,
  signupsPerClient,
  claimSlowSlot,
  clearStatement,
  consume,
  currentCount,
  emailKey,
  incrementStatement,
  retryAfterSeconds,
} from "../auth/rate-limit.ts";
import { clearSessionCookie, currentUser, endSession, requireUser, revokeSessions, startSession } from "../auth/session.ts";
import { sessionHashesOfUser } from "../db/sessions.ts";
import { findUserByEmail, insertUser, setPasswordHashStatement, toUser } from "../db/users.ts";
import { sendVerificationEmail } from "../notifications/account-emails.ts";
import { ApiError } from "../http/errors.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";

const clientKey = (c: Context<AppEnv>) => c.req.header("CF-Connecting-IP") ?? "unknown";

const tooMany = (message: string, retryAfter: number) => new ApiError(429, "rate_limited", message, { "Retry-After": String(retryAfter) });

const signup = createRoute({
  method: "post",
  path: "/auth/signup",
  tags: ["Accounts"],
  summary: "Create an account and sign in",
  description:
    "Members must be 18 or older: a younger birth date gets 422 `underage` and nothing is stored. The password must pass the policy (422 `weak_password` with the reason). Every attempt, successful or not, counts toward the per-client limit.",
  request: jsonBody(SignupBody),
  responses: {
    201: jsonResponse(UserResponse, "The new account; the session cookie is set"),
    ...errorResponses(400, 403, 409, 422, 429),
  },
});

const login = createRoute({
  method: "post",
  path: "/auth/login",
  tags: ["Accounts"],
  summary: "Sign in",
  description:
    "Unknown email and wrong password get the same 401 `invalid_credentials`. Repeated failures per (email, client) and per client get 429; past a high ceiling per email, attempts on it are slowed to one every 10 seconds. Every sign-in issues a new token and revokes the session this browser presented.",
  request: jsonBody(LoginBody),
  responses: {
    200: jsonResponse(UserResponse, "Signed in; the session cookie is set"),
    ...errorResponses(400, 401, 403, 422, 429),
  },
});

const logout = createRoute({
  method: "post",
  path: "/auth/logout",
  tags: ["Accounts"],
  summary: "Sign out and revoke the session on the server",
  description: "Sockets opened with this session close within 2 seconds (code 4001).",
  responses: { 204: { description: "Signed out" }, ...errorResponses(403) },
});

const logoutEverywhere = createRoute({
  method: "post",
  path: "/auth/logout-everywhere",
  tags: ["Accounts"],
  summary: "Sign out every session of mine, this one included",
  description: "Every session is revoked and every socket opened with one closes within 2 seconds (code 4001).",
  middleware: [requireUser],
  responses: { 204: { description: "Signed out everywhere" }, ...errorResponses(401, 403, 429) },
});

export const authRoutes = createRouter()
  .openapi(signup, async (c) => {
    const body = c.req.valid("json");
    const signupBucket = `signup:client:${clientKey(c)}`;
    const SIGNUPS_PER_CLIENT = signupsPerClient(c.env.SIGNUPS_PER_HOUR_PER_CLIENT);
    // Every attempt counts, failed ones too: otherwise 409 email_taken would test addresses for free.
    const allowed = await consume(c.env.DB, signupBucket, SIGNUPS_PER_CLIENT);
    if (!allowed.ok) throw tooMany("Too many sign-ups from this network. Try again later.", allowed.retryAfter);
    if (!isAdult(body.birthDate, new Date())) {
      throw new ApiError(422, "underage", "You must be 18 or older to join.");
    }
    await enforcePasswordPolicy("password", body.password, body);
    const row = await insertUser(c.env.DB, {
      email: body.email,
      displayName: body.displayName,
      birthDate: body.birthDate,
      passwordHash: await hashPassword(body.password),
      locale: body.locale ?? null,
    });
    if (!row) throw new ApiError(409, "email_taken", "An account with this email already exists. Sign in instead.");
    await startSession(c, row.id);
    await sendVerificationEmail(c, row);
    return c.json({ user: toUser(row) }, 201);
  })
  .openapi(login, async (c) => {
    const { email, password } = c.req.valid("json");
    const key = await emailKey(email);
    const pairBucket = `login:email-client:${key}:${clientKey(c)}`;
    const clientBucket = `login:client:${clientKey(c)}`;
    const ceilingBucket = `login:email:${key}`;
    const db = c.env.DB;
    const [pairFailures, clientFailures, emailFailures] = await Promise.all([
      currentCount(db, pairBucket, LOGIN_FAILURES_PER_EMAIL_AND_CLIENT),
      currentCount(db, clientBucket, LOGIN_FAILURES_PER_CLIENT),
      currentCount(db, ceilingBucket, LOGIN_FAILURES_PER_EMAIL_CEILING),
    ]);
    if (pairFailures >= LOGIN_FAILURES_PER_EMAIL_AND_CLIENT.max) {
      throw tooMany(
        "Too many sign-in attempts. Wait a few minutes and try again.",
        await retryAfterSeconds(db, [pairBucket], LOGIN_FAILURES_PER_EMAIL_AND_CLIENT),
      );
    }
    if (clientFailures >= LOGIN_FAILURES_PER_CLIENT.max) {
      throw tooMany(
        "Too many sign-in attempts from this network. Wait a few minutes and try again.",
        await retryAfterSeconds(db, [clientBucket], LOGIN_FAILURES_PER_CLIENT),
      );
    }
    if (emailFailures >= LOGIN_FAILURES_PER_EMAIL_CEILING.max) {
      const wait = await claimSlowSlot(db, `login:slow:${key}`, LOGIN_SLOW_INTERVAL_SECONDS);
      if (wait > 0) throw tooMany("This account is seeing many failed sign-ins. Try again in a few seconds.", wait);
    }

    const row = await findUserByEmail(db, email);
    let valid = false;
    // Without an account, spend the same time on a hash anyway, so timing does not tell which emails exist.
    if (row) valid = await verifyPassword(password, row.password_hash);
    else await burnPasswordCheck(password);
    if (!row || !valid) {
      await db.batch([
        incrementStatement(db, pairBucket, LOGIN_FAILURES_PER_EMAIL_AND_CLIENT),
        incrementStatement(db, clientBucket, LOGIN_FAILURES_PER_CLIENT),
        incrementStatement(db, ceilingBucket, LOGIN_FAILURES_PER_EMAIL_CEILING),
      ]);
      throw new ApiError(401, "invalid_credentials", "That email and password do not match an account.");
    }
    // Membership (issue 13): an operator suspended this account. Only after the password matched, so the
    // answer tells nothing to someone who does not know it.
    if ((row as { suspended_at?: string | null }).suspended_at) {
      throw new ApiError(403, "suspended", "This account is suspended. Contact the operator of this site.");
    }

    const updates = [clearStatement(db, pairBucket)];
    if (needsRehash(row.password_hash)) {
      updates.push(setPasswordHashStatement(db, row.id, await hashPassword(password)));
    }
    await db.batch(updates);
    await startSession(c, row.id);
    return c.json({ user: toUser(row) }, 200);
  })
  .openapi(logout, async (c) => {
    await endSession(c);
    return c.body(null, 204);
  })
  .openapi(logoutEverywhere, async (c) => {
    const userId = currentUser(c).id;
    await revokeSessions(c, userId, await sessionHashesOfUser(c.env.DB, userId));
    clearSessionCookie(c);
    return c.body(null, 204);
  });
