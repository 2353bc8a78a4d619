import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { isAdult } from "../../shared/rules/age.ts";
import { LoginBody, SignupBody, UserResponse } from "../../shared/api/users.ts";
import type { AppEnv } from "../env.ts";
import { hashPassword, burnPasswordCheck, needsRehash, verifyPassword } from "../auth/password.ts";
import {
  LOGIN_FAILURES_PER_CLIENT,
  LOGIN_FAILURES_PER_EMAIL,
  signupsPerClient,
  clearStatement,
  currentCount,
  incrementStatement,
  retryAfterSeconds,
} from "../auth/rate-limit.ts";
import { endSession, startSession } from "../auth/session.ts";
import { findUserByEmail, insertUser, setPasswordHashStatement, toUser } from "../db/users.ts";
import { ApiError } from "../http/errors.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";

const clientKey = (c: Context<AppEnv>) => c.req.header("CF-Connecting-IP") ?? "unknown";

const signup = createRoute({
  method: "post",
  path: "/auth/signup",
  tags: ["Accounts"],
  summary: "Create an account and sign in",
  description: "Members must be 18 or older: a younger birth date gets 422 `underage` and nothing is stored.",
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
  description: "Unknown email and wrong password get the same 401 `invalid_credentials`. Repeated failures per email and per client get 429.",
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
  responses: { 204: { description: "Signed out" }, ...errorResponses(403) },
});

export const authRoutes = createRouter()
  .openapi(signup, async (c) => {
    const body = c.req.valid("json");
    const signupBucket = `signup:client:${clientKey(c)}`;
    const SIGNUPS_PER_CLIENT = signupsPerClient(c.env.SIGNUPS_PER_HOUR_PER_CLIENT);
    if ((await currentCount(c.env.DB, signupBucket, SIGNUPS_PER_CLIENT)) >= SIGNUPS_PER_CLIENT.max) {
      throw new ApiError(429, "rate_limited", "Too many sign-ups from this network. Try again later.", {
        "Retry-After": String(await retryAfterSeconds(c.env.DB, [signupBucket], SIGNUPS_PER_CLIENT)),
      });
    }
    if (!isAdult(body.birthDate, new Date())) {
      throw new ApiError(422, "underage", "You must be 18 or older to join.");
    }
    const row = await insertUser(c.env.DB, {
      email: body.email,
      displayName: body.displayName,
      birthDate: body.birthDate,
      passwordHash: await hashPassword(body.password),
      locale: body.locale ?? null,
    });
    if (!row) throw new ApiError(409, "email_taken", "An account with this email already exists. Sign in instead.");
    await incrementStatement(c.env.DB, signupBucket, SIGNUPS_PER_CLIENT).run();
    await startSession(c, row.id);
    return c.json({ user: toUser(row) }, 201);
  })
  .openapi(login, async (c) => {
    const { email, password } = c.req.valid("json");
    const emailBucket = `login:email:${email}`;
    const clientBucket = `login:client:${clientKey(c)}`;
    const [emailFailures, clientFailures] = await Promise.all([
      currentCount(c.env.DB, emailBucket, LOGIN_FAILURES_PER_EMAIL),
      currentCount(c.env.DB, clientBucket, LOGIN_FAILURES_PER_CLIENT),
    ]);
    if (emailFailures >= LOGIN_FAILURES_PER_EMAIL.max || clientFailures >= LOGIN_FAILURES_PER_CLIENT.max) {
      const retryAfter = await retryAfterSeconds(c.env.DB, [emailBucket, clientBucket], LOGIN_FAILURES_PER_EMAIL);
      throw new ApiError(429, "rate_limited", "Too many sign-in attempts. Wait a few minutes and try again.", {
        "Retry-After": String(retryAfter),
      });
    }

    const row = await findUserByEmail(c.env.DB, email);
    const valid = row ? await verifyPassword(password, row.password_hash) : (await burnPasswordCheck(password), false);
    if (!row || !valid) {
      await c.env.DB.batch([
        incrementStatement(c.env.DB, emailBucket, LOGIN_FAILURES_PER_EMAIL),
        incrementStatement(c.env.DB, clientBucket, LOGIN_FAILURES_PER_CLIENT),
      ]);
      throw new ApiError(401, "invalid_credentials", "That email and password do not match an account.");
    }

    const updates = [clearStatement(c.env.DB, emailBucket)];
    if (needsRehash(row.password_hash)) {
      updates.push(setPasswordHashStatement(c.env.DB, row.id, await hashPassword(password)));
    }
    await c.env.DB.batch(updates);
    await startSession(c, row.id);
    return c.json({ user: toUser(row) }, 200);
  })
  .openapi(logout, async (c) => {
    await endSession(c);
    return c.body(null, 204);
  });
