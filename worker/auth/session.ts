import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv, SessionUser } from "../env.ts";
import { unauthenticated } from "../http/errors.ts";
import { randomToken, sha256Base64Url } from "./encoding.ts";

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
/** A session used after this long gets a fresh expiry (and cookie), so active people stay signed in. */
export const SESSION_RENEW_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Secure everywhere except plain-http localhost, where browsers would drop a Secure cookie.
 * The __Host- prefix pins the cookie to this host and path when it can be Secure.
 */
function cookieSettings(c: Context) {
  const url = new URL(c.req.url);
  const localHttp = url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  return { name: localHttp ? "session" : "__Host-session", secure: !localHttp };
}

export function readSessionToken(c: Context): string | undefined {
  return getCookie(c, cookieSettings(c).name);
}

function writeCookie(c: Context, token: string, expiresAt: number) {
  const { name, secure } = cookieSettings(c);
  setCookie(c, name, token, {
    httpOnly: true,
    secure,
    sameSite: "Lax",
    path: "/",
    expires: new Date(expiresAt),
  });
}

export async function startSession(c: Context<AppEnv>, userId: string): Promise<void> {
  const token = randomToken();
  const now = Date.now();
  const expiresAt = now + SESSION_TTL_MS;
  await c.env.DB.prepare(
    "INSERT INTO sessions (token_hash, user_id, created_at, expires_at, renewed_at) VALUES (?1, ?2, ?3, ?4, ?3)",
  )
    .bind(await sha256Base64Url(token), userId, now, expiresAt)
    .run();
  writeCookie(c, token, expiresAt);
}

export async function endSession(c: Context<AppEnv>): Promise<void> {
  const token = readSessionToken(c);
  if (token) await c.env.DB.prepare("DELETE FROM sessions WHERE token_hash = ?1").bind(await sha256Base64Url(token)).run();
  const { name, secure } = cookieSettings(c);
  deleteCookie(c, name, { path: "/", secure, httpOnly: true, sameSite: "Lax" });
}

/** Revokes every session of a user, for example when the account is deleted. */
export async function endAllSessions(db: D1Database, userId: string): Promise<void> {
  await db.prepare("DELETE FROM sessions WHERE user_id = ?1").bind(userId).run();
}

type SessionRow = { user_id: string; expires_at: number; renewed_at: number; email: string; display_name: string };

/** Resolves the session cookie (if any) to a user. Never fails the request by itself. */
export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set("user", null);
  c.set("sessionTokenHash", null);
  const token = readSessionToken(c);
  if (token && token.length <= 128) {
    const tokenHash = await sha256Base64Url(token);
    const now = Date.now();
    const row = await c.env.DB.prepare(
      `SELECT s.user_id, s.expires_at, s.renewed_at, u.email, u.display_name
       FROM sessions s JOIN users u ON u.id = s.user_id
       WHERE s.token_hash = ?1 AND s.expires_at > ?2`,
    )
      .bind(tokenHash, now)
      .first<SessionRow>();
    if (row) {
      c.set("user", { id: row.user_id, email: row.email, displayName: row.display_name } satisfies SessionUser);
      c.set("sessionTokenHash", tokenHash);
      if (now - row.renewed_at > SESSION_RENEW_AFTER_MS) {
        const expiresAt = now + SESSION_TTL_MS;
        await c.env.DB.prepare("UPDATE sessions SET expires_at = ?2, renewed_at = ?3 WHERE token_hash = ?1")
          .bind(tokenHash, expiresAt, now)
          .run();
        writeCookie(c, token, expiresAt);
      }
    }
  }
  await next();
};

export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get("user")) throw unauthenticated();
  await next();
};

export function currentUser(c: Context<AppEnv>): SessionUser {
  const user = c.get("user");
  if (!user) throw unauthenticated();
  return user;
}
