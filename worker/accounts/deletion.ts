import type { Context } from "hono";
import type { AppEnv, Env } from "../env.ts";
import { forgetUserSessions } from "../auth/session.ts";
import { emailKey } from "../auth/rate-limit.ts";
import { DELETED_ID_PREFIX, DELETED_MEMBER_NAME, deleteAccountStatements, pairsOfUser, purgeExpiredReportsStatement } from "../db/accounts.ts";
import { enqueue, prepareNotifications } from "../notifications/notify.ts";
import { deliverRoomEffectsNow, roomEffectStatements } from "../db/room-outbox.ts";
import { sessionHashesOfUser } from "../db/sessions.ts";
import type { UserRow } from "../db/users.ts";

/**
 * Deletes an account at once. One D1 batch removes the person and writes, for every pair room they
 * were in, the effects the rooms must apply: close the sockets of their sessions, end the pair if it was
 * active, and erase what they wrote (worker/pair-room/erasure.ts). The outbox delivers those right
 * after the response and keeps retrying until each room confirms; the cron sweep repairs the rest.
 */
export async function deleteAccount(c: Context<AppEnv>, user: UserRow): Promise<void> {
  const db = c.env.DB;
  const [pairs, sessionHashes, key] = await Promise.all([pairsOfUser(db, user.id), sessionHashesOfUser(db, user.id), emailKey(user.email)]);
  const pairIds = pairs.map((pair) => pair.id);
  const activePairs = pairs.filter((pair) => pair.status === "active");
  const now = Date.now();
  // The partner is told their mentorship ended (in-app, email, push); the name they see is the placeholder's.
  const told = prepareNotifications(
    db,
    activePairs
      .filter((pair) => !pair.other_id.startsWith(DELETED_ID_PREFIX))
      .map((pair) => ({
        id: `pair_ended:${pair.id}:${pair.other_id}`,
        userId: pair.other_id,
        kind: "pair_ended" as const,
        data: { pairId: pair.id, outcome: "ended", otherName: DELETED_MEMBER_NAME, reason: "account_deleted" },
      })),
  );
  const statements = [
    ...deleteAccountStatements(db, {
      userId: user.id,
      displayName: user.display_name,
      ghostId: `${DELETED_ID_PREFIX}${crypto.randomUUID()}`,
      pairIds,
      emailKey: key,
      now,
    }),
    ...told.statements,
  ];
  if (pairIds.length) {
    if (sessionHashes.length) statements.push(...roomEffectStatements(db, pairIds, { type: "close_sessions", sessionHashes }));
    if (activePairs.length) {
      statements.push(
        ...roomEffectStatements(
          db,
          activePairs.map((pair) => pair.id),
          { type: "end", outcome: "ended", reason: "account_deleted" },
        ),
      );
    }
    statements.push(...roomEffectStatements(db, pairIds, { type: "erase_user", userId: user.id }));
  }
  await db.batch(statements);
  enqueue(c.env, c.executionCtx, told.messages);
  forgetUserSessions(user.id);
  if (pairIds.length) await deliverRoomEffectsNow(c.env, c.executionCtx);
}

/**
 * Run by the worker's `scheduled` handler (with the outbox sweep): deletes reports about deleted people once their
 * 30-day retention has passed.
 */
export async function purgeExpiredReportCopies(env: Env, now = Date.now()): Promise<number> {
  const result = await purgeExpiredReportsStatement(env.DB, now).run();
  return result.meta.changes ?? 0;
}
