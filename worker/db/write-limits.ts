import type { Context, MiddlewareHandler } from "hono";
import { BURST_PERIOD_SECONDS, WRITE_WINDOWS, type WriteKind } from "../../shared/rules/write-limits.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../http/errors.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The per-client burst guard in front of every state-changing route: the Cloudflare rate limiting
 * binding (WRITE_LIMITER in wrangler.toml), keyed by the client's address and, when signed in, the
 * account. On Cloudflare it is approximate and per location, so it only stops bursts; the exact limits
 * are the per-person windows below. The benchmarks' worker (test/bench/wrangler.toml) has no such
 * binding: it creates hundreds of accounts and pairs from one address on purpose.
 */
export const burstGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method) || !c.env.WRITE_LIMITER) return next();
  const client = c.req.header("CF-Connecting-IP") ?? "local";
  const key = `${client}|${c.get("user")?.id ?? "-"}`;
  const { success } = await c.env.WRITE_LIMITER.limit({ key });
  if (!success) {
    throw new ApiError(429, "rate_limited", "Too many changes in a short time. Wait a few seconds and try again.", {
      "Retry-After": String(BURST_PERIOD_SECONDS),
    });
  }
  return next();
};

const LABELS: Record<WriteKind, string> = {
  post: "posts",
  comment: "comments",
  checkin: "check-ins",
  report: "reports",
  invite: "invite links",
  join_request: "requests to join",
  application: "applications",
};

function windowText(seconds: number) {
  return seconds >= 86_400
    ? `${seconds / 86_400} day${seconds === 86_400 ? "" : "s"}`
    : seconds >= 3600
      ? `${seconds / 3600} hour${seconds === 3600 ? "" : "s"}`
      : `${seconds} seconds`;
}

/**
 * Runs one write under the person's exact window for that kind, kept in D1 (table rate_limits, one
 * fixed window per person and kind). Taking a place and reading the count is one statement, so two
 * requests at once cannot both take the last place. A refused attempt, and a write that then fails
 * (a 404, a 409), give their place back, so only stored writes count.
 */
export async function withWriteLimit<T>(c: Context<AppEnv>, kind: WriteKind, userId: string, write: () => Promise<T>): Promise<T> {
  const limit = WRITE_WINDOWS[kind];
  const bucket = `write:${kind}:${userId}`;
  const db = c.env.DB;
  const now = Date.now();
  const windowMs = limit.windowSeconds * 1000;
  const row = (await db
    .prepare(
      `INSERT INTO rate_limits (bucket, window_start, count) VALUES (?1, ?2, 1)
       ON CONFLICT (bucket) DO UPDATE SET
         count = CASE WHEN window_start <= ?2 - ?3 THEN 1 ELSE count + 1 END,
         window_start = CASE WHEN window_start <= ?2 - ?3 THEN ?2 ELSE window_start END
       RETURNING count, window_start`,
    )
    .bind(bucket, now, windowMs)
    .first<{ count: number; window_start: number }>())!;
  const giveBack = () =>
    db.prepare("UPDATE rate_limits SET count = MAX(0, count - 1) WHERE bucket = ?1 AND window_start = ?2").bind(bucket, row.window_start).run();
  if (row.count > limit.max) {
    await giveBack();
    const retryAfter = Math.max(1, Math.ceil((row.window_start + windowMs - now) / 1000));
    throw new ApiError(429, "rate_limited", `You can make at most ${limit.max} ${LABELS[kind]} per ${windowText(limit.windowSeconds)}. Try again later.`, {
      "Retry-After": String(retryAfter),
    });
  }
  try {
    return await write();
  } catch (error) {
    await giveBack();
    throw error;
  }
}
