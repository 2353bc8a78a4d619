import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { AppEnv, SessionUser } from "../env.ts";
import { deliverRoomEffectsNow, roomEffectStatements } from "../db/room-outbox.ts";
import {
  deleteSessionByHashStatement,
  findLiveSession,
  insertSessionStatement,
  pairIdsOfUser,
  touchSessionStatement,
  type SessionRow,
} from "../db/sessions.ts";
import { unauthenticated } from "../http/errors.ts";
import { randomToken, sha256Base64Url } from "./encoding.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
/** A session not used for this long ends; using it moves this expiry forward (see SESSION_RENEW_AFTER_MS). */
const SESSION_TTL_MS = 30 * DAY_MS;
/** However often it is renewed, a session ends this long after the sign-in that created it. */
const SESSION_ABSOLUTE_TTL_MS = 90 * DAY_MS;
/** A session used after this long gets a fresh expiry (and cookie), so active people stay signed in. */
const SESSION_RENEW_AFTER_MS = DAY_MS;
/** "Last used" in the sessions list is kept to this precision, so a busy session costs one write per 5 minutes. */
const SESSION_LAST_USED_PRECISION_MS = 5 * 60 * 1000;

/**
 * Secure everywhere except plain-http localhost, where browsers would drop a Secure cookie.
 * The __Host- prefix pins the cookie to this host and path when it can be Secure.
 */
function cookieSettings(c: Context) {
  const url = new URL(c.req.url);
  const localHttp = url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
  return { name: localHttp ? "session" : "__Host-session", secure: !localHttp };
}

function readSessionToken(c: Context): string | undefined {
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

export function clearSessionCookie(c: Context) {
  const { name, secure } = cookieSettings(c);
  deleteCookie(c, name, { path: "/", secure, httpOnly: true, sameSite: "Lax" });
}

/**
 * Signs a person in with a brand-new token; a token is never reused. A session this browser still
 * presented is revoked first (with its sockets), so signing in again rotates the token out.
 */
export async function startSession(c: Context<AppEnv>, userId: string): Promise<void> {
  const previous = c.get("sessionTokenHash");
  const previousUser = c.get("user");
  if (previous && previousUser) await revokeSessions(c, previousUser.id, [previous]);
  const token = randomToken();
  const now = Date.now();
  const absoluteExpiresAt = now + SESSION_ABSOLUTE_TTL_MS;
  const expiresAt = Math.min(now + SESSION_TTL_MS, absoluteExpiresAt);
  const tokenHash = await sha256Base64Url(token);
  await insertSessionStatement(c.env.DB, {
    id: randomToken(16),
    tokenHash,
    userId,
    now,
    expiresAt,
    absoluteExpiresAt,
    userAgent: c.req.header("User-Agent")?.slice(0, 512) ?? null,
  }).run();
  c.set("user", { id: userId });
  c.set("sessionTokenHash", tokenHash);
  writeCookie(c, token, expiresAt);
}

/**
 * Revokes sessions of one person: the D1 rows and, in the same batch, an outbox entry for every pair
 * room they are in, which closes the sockets opened with those sessions (code 4001). `extra` joins
 * the same batch. One delivery pass runs before the response (so in the common case the sockets are
 * already closed), and the outbox keeps retrying in the background until each room confirms. Delivery starts at once, after the response, and the outbox retries until each room
 * confirms.
 */
export async function revokeSessions(c: Context<AppEnv>, userId: string, tokenHashes: string[], extra: D1PreparedStatement[] = []): Promise<void> {
  for (const hash of tokenHashes) forgetSession(hash);
  const db = c.env.DB;
  const pairIds = tokenHashes.length ? await pairIdsOfUser(db, userId) : [];
  const statements = [
    ...tokenHashes.map((hash) => deleteSessionByHashStatement(db, hash)),
    ...extra,
    ...(pairIds.length ? roomEffectStatements(db, pairIds, { type: "close_sessions", sessionHashes: tokenHashes }) : []),
  ];
  if (statements.length) await db.batch(statements);
  if (pairIds.length) await deliverRoomEffectsNow(c.env, c.executionCtx);
}

/** Signs out this browser: the session is revoked on the server and its sockets are closed. */
export async function endSession(c: Context<AppEnv>): Promise<void> {
  const tokenHash = c.get("sessionTokenHash");
  const user = c.get("user");
  if (tokenHash && user) await revokeSessions(c, user.id, [tokenHash]);
  else {
    const token = readSessionToken(c);
    if (token && token.length <= 128) {
      const hash = await sha256Base64Url(token);
      forgetSession(hash);
      await deleteSessionByHashStatement(c.env.DB, hash).run();
    }
  }
  clearSessionCookie(c);
}

type CachedSession = Pick<SessionRow, "user_id" | "expires_at" | "renewed_at" | "absolute_expires_at" | "last_used_at"> & { cachedAt: number };

/**
 * Sessions seen in the last few seconds, per isolate, so that a burst of requests (a page load, the
 * dashboard refreshing) costs one D1 read instead of one each. Logout and revocation in this isolate
 * drop the entry at once; another isolate of the same deployment may accept a revoked token on plain
 * HTTP requests for at most SESSION_CACHE_TTL_MS. The pair socket never uses this cache (see
 * requireFreshSession), and revocation closes open sockets through the room outbox.
 */
const SESSION_CACHE_TTL_MS = 10_000;
const SESSION_CACHE_MAX = 5_000;
const sessionCache = new Map<string, CachedSession>();

function forgetSession(tokenHash: string) {
  sessionCache.delete(tokenHash);
}

/** Drops every cached session of a user in this isolate (account deletion, "sign out everywhere"). */
export function forgetUserSessions(userId: string) {
  for (const [hash, row] of sessionCache) if (row.user_id === userId) sessionCache.delete(hash);
}

const isLive = (row: Pick<SessionRow, "expires_at" | "absolute_expires_at">, now: number) =>
  row.expires_at > now && (row.absolute_expires_at == null || row.absolute_expires_at > now);

async function findSession(db: D1Database, tokenHash: string, now: number): Promise<CachedSession | null> {
  const cached = sessionCache.get(tokenHash);
  if (cached && now - cached.cachedAt < SESSION_CACHE_TTL_MS && isLive(cached, now)) return cached;
  const row = await findLiveSession(db, tokenHash, now);
  if (!row) {
    sessionCache.delete(tokenHash);
    return null;
  }
  if (sessionCache.size >= SESSION_CACHE_MAX) sessionCache.delete(sessionCache.keys().next().value!);
  const entry = { ...row, cachedAt: now };
  sessionCache.set(tokenHash, entry);
  return entry;
}

/**
 * Resolves the session cookie (if any) to a user. Never fails the request by itself. Every /api
 * response that passes through here and sets no Cache-Control of its own gets `no-store`: it may
 * depend on who is signed in.
 */
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
      const renew = now - row.renewed_at > SESSION_RENEW_AFTER_MS;
      if (renew || now - (row.last_used_at ?? 0) > SESSION_LAST_USED_PRECISION_MS) {
        forgetSession(tokenHash);
        const absolute = row.absolute_expires_at ?? row.expires_at;
        const expiresAt = Math.min(now + SESSION_TTL_MS, absolute);
        await touchSessionStatement(c.env.DB, tokenHash, renew ? { expiresAt, renewedAt: now, lastUsedAt: now } : { lastUsedAt: now }).run();
        if (renew) writeCookie(c, token, expiresAt);
      }
    }
  }
  await next();
  if (c.res.status !== 101 && !c.res.headers.has("Cache-Control")) c.header("Cache-Control", "no-store");
};

export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get("user")) throw unauthenticated();
  await next();
};

/**
 * For the pair socket: checks the session in D1 itself, bypassing the per-isolate cache, so a socket is
 * never opened with a session revoked a moment ago in another isolate.
 */
export const requireFreshSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const tokenHash = c.get("sessionTokenHash");
  const row = tokenHash ? await findLiveSession(c.env.DB, tokenHash, Date.now()) : null;
  if (!row || row.user_id !== c.get("user")?.id) {
    if (tokenHash) forgetSession(tokenHash);
    throw unauthenticated();
  }
  await next();
};

export function currentUser(c: Context<AppEnv>): SessionUser {
  const user = c.get("user");
  if (!user) throw unauthenticated();
  return user;
}

export function currentSessionHash(c: Context<AppEnv>): string {
  const hash = c.get("sessionTokenHash");
  if (!hash) throw unauthenticated();
  return hash;
}
