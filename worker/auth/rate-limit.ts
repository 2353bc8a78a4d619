/**
 * Fixed-window counters in D1. The increment and the window reset are one conditional upsert, so two
 * requests at the same moment can never both read a stale count.
 */
export type Limit = { max: number; windowSeconds: number };

/**
 * Failed sign-ins. A stranger's wrong guesses must not lock the owner out of their own device, so the
 * tight limit is per (email, client); per client it stops one address spraying many accounts. Across all
 * clients an email has a much higher ceiling: past it, attempts on that email are not refused for a
 * long time but slowed to one every LOGIN_SLOW_INTERVAL_SECONDS (from anywhere), which still makes
 * distributed guessing hopeless (at most 360 guesses an hour) while the owner waits seconds, not minutes.
 */
export const LOGIN_FAILURES_PER_EMAIL_AND_CLIENT: Limit = { max: 5, windowSeconds: 15 * 60 };
export const LOGIN_FAILURES_PER_CLIENT: Limit = { max: 30, windowSeconds: 15 * 60 };
export const LOGIN_FAILURES_PER_EMAIL_CEILING: Limit = { max: 100, windowSeconds: 60 * 60 };
export const LOGIN_SLOW_INTERVAL_SECONDS = 10;
/** Wrong current passwords (password change, account deletion) per account. */
export const PASSWORD_CHECK_FAILURES_PER_USER: Limit = { max: 5, windowSeconds: 15 * 60 };
/** Data exports per account. */
export const EXPORTS_PER_USER: Limit = { max: 2, windowSeconds: 60 * 60 };
/** Session and password writes per account (revoking sessions, changing the password). */
export const ACCOUNT_WRITES_PER_USER: Limit = { max: 30, windowSeconds: 15 * 60 };
export const signupsPerClient = (configured: string | undefined): Limit => ({
  max: Number(configured) > 0 ? Number(configured) : 20,
  windowSeconds: 60 * 60,
});

export async function currentCount(db: D1Database, bucket: string, limit: Limit, now = Date.now()): Promise<number> {
  const row = await db
    .prepare("SELECT count FROM rate_limits WHERE bucket = ?1 AND window_start > ?2")
    .bind(bucket, now - limit.windowSeconds * 1000)
    .first<{ count: number }>();
  return row?.count ?? 0;
}

export function incrementStatement(db: D1Database, bucket: string, limit: Limit, now = Date.now()) {
  return db
    .prepare(
      `INSERT INTO rate_limits (bucket, window_start, count) VALUES (?1, ?2, 1)
       ON CONFLICT (bucket) DO UPDATE SET
         count = CASE WHEN window_start <= ?2 - ?3 THEN 1 ELSE count + 1 END,
         window_start = CASE WHEN window_start <= ?2 - ?3 THEN ?2 ELSE window_start END
       RETURNING count, window_start`,
    )
    .bind(bucket, now, limit.windowSeconds * 1000);
}

export function clearStatement(db: D1Database, bucket: string) {
  return db.prepare("DELETE FROM rate_limits WHERE bucket = ?1").bind(bucket);
}

/** Seconds until the oldest window among these buckets ends, for Retry-After. */
export async function retryAfterSeconds(db: D1Database, buckets: string[], limit: Limit, now = Date.now()) {
  const placeholders = buckets.map((_, i) => `?${i + 1}`).join(", ");
  const row = await db
    .prepare(`SELECT MAX(window_start) AS start FROM rate_limits WHERE bucket IN (${placeholders})`)
    .bind(...buckets)
    .first<{ start: number | null }>();
  const start = row?.start ?? now;
  return Math.max(1, Math.ceil((start + limit.windowSeconds * 1000 - now) / 1000));
}

/**
 * The slow lane: claims the one attempt allowed per interval for this bucket. The claim is a single
 * conditional upsert, so two attempts at the same moment cannot both get it. Returns the seconds to wait
 * when the slot is taken, or 0 when this attempt may go ahead.
 */
export async function claimSlowSlot(db: D1Database, bucket: string, intervalSeconds: number, now = Date.now()): Promise<number> {
  const claimed = await db
    .prepare(
      `INSERT INTO rate_limits (bucket, window_start, count) VALUES (?1, ?2, 1)
       ON CONFLICT (bucket) DO UPDATE SET window_start = ?2, count = count + 1 WHERE window_start <= ?2 - ?3
       RETURNING window_start`,
    )
    .bind(bucket, now, intervalSeconds * 1000)
    .first<{ window_start: number }>();
  if (claimed) return 0;
  const row = await db.prepare("SELECT window_start FROM rate_limits WHERE bucket = ?1").bind(bucket).first<{ window_start: number }>();
  return Math.max(1, Math.ceil(((row?.window_start ?? now) + intervalSeconds * 1000 - now) / 1000));
}

/** Counts one use and says whether it was within the limit; for writes where every call counts. */
export async function consume(db: D1Database, bucket: string, limit: Limit, now = Date.now()): Promise<{ ok: true } | { ok: false; retryAfter: number }> {
  const row = await incrementStatement(db, bucket, limit, now).first<{ count: number; window_start: number }>();
  if (row && row.count > limit.max) {
    return { ok: false, retryAfter: Math.max(1, Math.ceil((row.window_start + limit.windowSeconds * 1000 - now) / 1000)) };
  }
  return { ok: true };
}

/** Rate-limit buckets name an email only by a hash of it: the table never holds an address. */
export async function emailKey(email: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`rate-limit:${email.trim().toLowerCase()}`));
  return [...new Uint8Array(digest).slice(0, 16)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
