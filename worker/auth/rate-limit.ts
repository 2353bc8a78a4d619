/**
 * Fixed-window counters in D1. The increment and the window reset are one conditional upsert, so two
 * requests at the same moment can never both read a stale count.
 */
export type Limit = { max: number; windowSeconds: number };

export const LOGIN_FAILURES_PER_EMAIL: Limit = { max: 5, windowSeconds: 15 * 60 };
export const LOGIN_FAILURES_PER_CLIENT: Limit = { max: 30, windowSeconds: 15 * 60 };
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
         window_start = CASE WHEN window_start <= ?2 - ?3 THEN ?2 ELSE window_start END`,
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
