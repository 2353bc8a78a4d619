// Emails about the account itself: verification on sign-up, an address change, a password reset.
// Exported for the accounts routes (auth.ts, me.ts), which call them in one line each.
import type { Context } from "hono";
import { verifyPassword } from "../auth/password.ts";
import { currentCount, incrementStatement, PASSWORD_CHECK_FAILURES_PER_USER, retryAfterSeconds, type Limit } from "../auth/rate-limit.ts";
import { newTokenStatements } from "../db/email-tokens.ts";
import { findUserById } from "../db/users.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../http/errors.ts";
import { enqueueSecurityEmail } from "./notify.ts";

export const VERIFICATION_RESENDS: Limit = { max: 5, windowSeconds: 60 * 60 };
const EMAIL_CHANGES: Limit = { max: 5, windowSeconds: 60 * 60 };

/** Counts one use of a limited action, or throws 429 with Retry-After when the window is full. */
export async function spendLimit(db: D1Database, bucket: string, limit: Limit, message: string): Promise<void> {
  if ((await currentCount(db, bucket, limit)) >= limit.max) {
    throw new ApiError(429, "rate_limited", message, { "Retry-After": String(await retryAfterSeconds(db, [bucket], limit)) });
  }
  await incrementStatement(db, bucket, limit).run();
}

/** Sends a fresh verification link (earlier unused links stop working). */
export async function sendVerificationEmail(c: Context<AppEnv>, user: { id: string; email: string }): Promise<void> {
  const { token, statements } = await newTokenStatements(c.env.DB, user.id, "verify", user.email);
  await c.env.DB.batch(statements);
  enqueueSecurityEmail(c.env, c.executionCtx, { userId: user.id, to: user.email, template: "verify_email", data: { token } });
}

/**
 * `PATCH /api/me {email, currentPassword}`: the new address gets a confirmation link and replaces the
 * old one only when it is confirmed (POST /api/auth/verify-email); the old address is then told.
 * Returns false when the address is the current one (nothing to do).
 */
export async function requestEmailChange(c: Context<AppEnv>, userId: string, newEmail: string, currentPassword: string | undefined): Promise<boolean> {
  const user = await findUserById(c.env.DB, userId);
  if (!user) throw new ApiError(401, "unauthenticated", "Sign in to continue.");
  if (user.email.toLowerCase() === newEmail.toLowerCase()) return false;
  if (!currentPassword) {
    throw new ApiError(422, "validation_failed", "currentPassword: enter your current password to change your email address.", undefined, [
      { path: "currentPassword", message: "Enter your current password to change your email address." },
    ]);
  }
  // The same check, counter and answer as the accounts routes' password change (worker/routes/me.ts):
  // wrong answers count per account, so a stolen session cannot be used to guess the password.
  const bucket = `password:user:${user.id}`;
  if ((await currentCount(c.env.DB, bucket, PASSWORD_CHECK_FAILURES_PER_USER)) >= PASSWORD_CHECK_FAILURES_PER_USER.max) {
    throw new ApiError(429, "rate_limited", "Too many wrong passwords. Wait a few minutes and try again.", {
      "Retry-After": String(await retryAfterSeconds(c.env.DB, [bucket], PASSWORD_CHECK_FAILURES_PER_USER)),
    });
  }
  if (!(await verifyPassword(currentPassword, user.password_hash))) {
    await incrementStatement(c.env.DB, bucket, PASSWORD_CHECK_FAILURES_PER_USER).run();
    throw new ApiError(403, "invalid_password", "That is not your current password.", undefined, [
      { path: "currentPassword", message: "That is not your current password." },
    ]);
  }
  const taken = await c.env.DB.prepare("SELECT 1 AS x FROM users WHERE email = ?1").bind(newEmail).first();
  if (taken) throw new ApiError(409, "email_taken", "An account with this email already exists.");
  await spendLimit(c.env.DB, `email-change:${userId}`, EMAIL_CHANGES, "Too many address changes. Try again later.");
  const { token, statements } = await newTokenStatements(c.env.DB, userId, "change", newEmail);
  await c.env.DB.batch(statements);
  enqueueSecurityEmail(c.env, c.executionCtx, { userId, to: newEmail, template: "email_change", data: { token, newEmail } });
  return true;
}
