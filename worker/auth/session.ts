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
  if (token) {
    const tokenHash = await sha256Base64Url(token);
    forgetSession(tokenHash);
    await c.env.DB.prepare("DELETE FROM sessions WHERE token_hash = ?1").bind(tokenHash).run();
  }
  const { name, secure } = cookieSettings(c);
  deleteCookie(c, name, { path: "/", secure, httpOnly: true, sameSite: "Lax" });
}

/** Revokes every session of a user, for example when the account is deleted. */
export async function endAllSessions(db: D1Database, userId: string): Promise<void> {
  forgetUserSessions(userId);
  await db.prepare("DELETE FROM sessions WHERE user_id = ?1").bind(userId).run();
}

type SessionRow = { user_id: string; expires_at: number; renewed_at: number };

/**
 * Sessions seen in the last few seconds, per isolate, so that a burst of requests (a page load, the
 * dashboard refreshing) costs one D1 read instead of one each. Logout and revocation in this isolate
 * drop the entry at once; another isolate of the same deployment may accept a revoked token for at most
 * SESSION_CACHE_TTL_MS. Expiry is always checked against the stored expiry.
 */
export const SESSION_CACHE_TTL_MS = 10_000;
const SESSION_CACHE_MAX = 5_000;
const sessionCache = new Map<string, SessionRow & { cachedAt: number }>();

function forgetSession(tokenHash: string) {
  sessionCache.delete(tokenHash);
}

/** Drops every cached session of a user in this isolate (account deletion, "sign out everywhere"). */
export function forgetUserSessions(userId: string) {
  for (const [hash, row] of sessionCache) if (row.user_id === userId) sessionCache.delete(hash);
}

async function findSession(db: D1Database, tokenHash: string, now: number): Promise<SessionRow | null> {
  const cached = sessionCache.get(tokenHash);
  if (cached && now - cached.cachedAt < SESSION_CACHE_TTL_MS && cached.expires_at > now) return cached;
  const row = await db
    .prepare("SELECT user_id, expires_at, renewed_at FROM sessions WHERE token_hash = ?1 AND expires_at > ?2")
    .bind(tokenHash, now)
    .first<SessionRow>();
  if (!row) {
    sessionCache.delete(tokenHash);
    return null;
  }
  if (sessionCache.size >= SESSION_CACHE_MAX) sessionCache.delete(sessionCache.keys().next().value!);
  sessionCache.set(tokenHash, { ...row, cachedAt: now });
  return row;
}

/** Resolves the session cookie (if any) to a user. Never fails the request by itself. */
export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set("user", null);
  c.set("sessionTokenHash", null);
  const token = readSessionToken(c);
  if (token && token.length <= 128) {
    const tokenHash = await sha256Base64Url(token);
    const now = Date.now();
    const row = await findSession(c.env.DB, tokenHash, now);
    if (row) {
      c.set("user", { id: row.user_id } satisfies SessionUser);
      c.set("sessionTokenHash", tokenHash);
      if (now - row.renewed_at > SESSION_RENEW_AFTER_MS) {
        forgetSession(tokenHash);
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
