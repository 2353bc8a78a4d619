import type { Env } from "../env.ts";
import { RoomEffect } from "../pair-room/effects.ts";
import { pairRoom } from "../pair-room/stub.ts";

/**
 * The one writer between D1 and the pair rooms. A route never calls a room after changing D1: it adds
 * these statements to the same `db.batch([...])` as its change, so the change and the promise to tell
 * the room commit together, then calls `deliverRoomEffects` (in `waitUntil`). Delivery retries with
 * backoff until the room confirms; the cron sweep (worker/index.ts `scheduled`) and every later drain
 * pick up whatever is left, so a room that was unreachable converges as soon as it answers again.
 */
export function roomEffectStatements(db: D1Database, pairIds: readonly string[], effect: RoomEffect): D1PreparedStatement[] {
  const json = JSON.stringify(RoomEffect.parse(effect));
  const now = Date.now();
  return pairIds.map((pairId) =>
    db.prepare("INSERT INTO room_outbox (pair_id, effect, created_at, next_attempt_at) VALUES (?1, ?2, ?3, ?3)").bind(pairId, json, now),
  );
}

type OutboxRow = { id: number; pair_id: string; effect: string; attempts: number };

/** Calls one room. Tests replace it to make a room fail. */
export type RoomDeliverer = (env: Env, pairId: string, effect: RoomEffect) => Promise<void>;
const callRoom: RoomDeliverer = (env, pairId, effect) => pairRoom(env, pairId).applyEffect(effect);

/** First retry after 250 ms, doubling, at most every 5 minutes. */
function retryDelayMs(attempts: number): number {
  return Math.min(250 * 2 ** Math.max(0, attempts - 1), 5 * 60_000);
}

/** In-process retries before leaving the rest to the next drain or the cron sweep (about 4 s in all). */
const IN_PROCESS_WAITS_MS = [250, 500, 1000, 2000];
const BATCH = 100;

/** A claimed row is left alone by other drains for this long; a drain that died is retried after it. */
const LEASE_MS = 30_000;

/**
 * Claims the due effects of up to BATCH rows' rooms, all of a room's due rows in order, skipping any
 * room with an earlier effect that is still in flight or waiting for a retry: a later effect never
 * overtakes an earlier one, even across concurrent drains.
 */
async function claimDue(env: Env, now: number): Promise<OutboxRow[]> {
  const { results } = await env.DB.prepare(
    `UPDATE room_outbox SET next_attempt_at = ?2
     WHERE next_attempt_at <= ?1
       AND pair_id IN (SELECT pair_id FROM room_outbox WHERE next_attempt_at <= ?1 ORDER BY id LIMIT ?3)
       AND NOT EXISTS (SELECT 1 FROM room_outbox e WHERE e.pair_id = room_outbox.pair_id AND e.id < room_outbox.id AND e.next_attempt_at > ?1)
     RETURNING id, pair_id, effect, attempts`,
  )
    .bind(now, now + LEASE_MS, BATCH)
    .all<OutboxRow>();
  return results.sort((a, b) => a.id - b.id);
}

async function deliverDue(env: Env, deliver: RoomDeliverer): Promise<void> {
  const rows = await claimDue(env, Date.now());
  const byPair = new Map<string, OutboxRow[]>();
  for (const row of rows) byPair.set(row.pair_id, [...(byPair.get(row.pair_id) ?? []), row]);
  await Promise.all([...byPair.values()].map((pairRows) => deliverInOrder(env, pairRows, deliver)));
}

/** One room's claimed rows, in order; returns false when one failed (it and those after wait for a retry). */
async function deliverInOrder(env: Env, pairRows: OutboxRow[], deliver: RoomDeliverer): Promise<boolean> {
  for (const [index, row] of pairRows.entries()) {
    try {
      await deliver(env, row.pair_id, RoomEffect.parse(JSON.parse(row.effect)));
      await env.DB.prepare("DELETE FROM room_outbox WHERE id = ?1").bind(row.id).run();
    } catch (error) {
      const attempts = row.attempts + 1;
      const later = pairRows.slice(index + 1).map((r) => r.id);
      // The failed effect waits for its retry; the ones after it are released, and stay behind it.
      await env.DB.batch([
        env.DB.prepare("UPDATE room_outbox SET attempts = ?2, next_attempt_at = ?3, last_error = ?4 WHERE id = ?1").bind(
          row.id,
          attempts,
          Date.now() + retryDelayMs(attempts),
          String(error).slice(0, 500),
        ),
        ...later.map((id) => env.DB.prepare("UPDATE room_outbox SET next_attempt_at = ?2 WHERE id = ?1").bind(id, Date.now())),
      ]);
      console.error("room effect delivery failed; will retry", row.pair_id, attempts, error);
      return false;
    }
  }
  return true;
}

/**
 * A member opens a pair whose room has not had its effects yet (a cohort's rooms are created in the
 * background, and a room may have been unreachable): this pair's due effects are delivered now, in order,
 * unless another drain holds one of them. True when something was delivered and nothing failed.
 */
export async function deliverPairEffectsNow(env: Env, pairId: string, deliver: RoomDeliverer = callRoom): Promise<boolean> {
  const now = Date.now();
  const { results } = await env.DB.prepare(
    `UPDATE room_outbox SET next_attempt_at = ?3
     WHERE pair_id = ?1 AND next_attempt_at <= ?2
       AND NOT EXISTS (SELECT 1 FROM room_outbox e WHERE e.pair_id = ?1 AND e.next_attempt_at > ?2)
     RETURNING id, pair_id, effect, attempts`,
  )
    .bind(pairId, now, now + LEASE_MS)
    .all<OutboxRow>();
  if (!results.length) return false;
  return deliverInOrder(
    env,
    results.sort((a, b) => a.id - b.id),
    deliver,
  );
}

/** Effects due before `by` (all of them when omitted). */
async function pendingCount(env: Env, by = Number.MAX_SAFE_INTEGER): Promise<number> {
  return (await env.DB.prepare("SELECT COUNT(*) AS n FROM room_outbox WHERE next_attempt_at <= ?1").bind(by).first<{ n: number }>())?.n ?? 0;
}

/**
 * Delivers every due effect, retrying failures a few times within about four seconds. Safe to run
 * concurrently: effects are idempotent, so a row delivered twice by two drains does no harm.
 */
export async function deliverRoomEffects(env: Env, deliver: RoomDeliverer = callRoom): Promise<{ pending: number }> {
  await deliverDue(env, deliver);
  for (const wait of IN_PROCESS_WAITS_MS) {
    if ((await pendingCount(env, Date.now() + wait)) === 0) break;
    await new Promise((resolve) => setTimeout(resolve, wait));
    await deliverDue(env, deliver);
  }
  return { pending: await pendingCount(env) };
}

/**
 * Delivers everything due, pass after pass with no waiting in between, until nothing is due or
 * `budgetMs` has passed; then the retries of what failed, as deliverRoomEffects does. For the hundreds
 * of rooms of a bulk publish (see worker/pairing/create-pairs.ts).
 */
export async function drainRoomEffects(env: Env, budgetMs: number, deliver: RoomDeliverer = callRoom): Promise<{ pending: number }> {
  const until = Date.now() + budgetMs;
  while (Date.now() < until && (await pendingCount(env, Date.now())) > 0) await deliverDue(env, deliver);
  return deliverRoomEffects(env, deliver);
}

/**
 * For routes: one delivery pass now, so that in the common case the response follows the rooms'
 * change (a blocked person's socket is already closed), then the retries in the background.
 */
export async function deliverRoomEffectsNow(env: Env, ctx: { waitUntil(promise: Promise<unknown>): void }, deliver: RoomDeliverer = callRoom): Promise<void> {
  await deliverDue(env, deliver);
  ctx.waitUntil(deliverRoomEffects(env, deliver));
}
