// The one way to notify someone: the in-app notification is written at once, and the email and push
// deliveries are only enqueued (after the response, through waitUntil): a request never waits for mail.
import type { DeliveryKind } from "../../shared/api/notification-preferences.ts";
import type { Env } from "../env.ts";
import type { NotifyMessage, SecurityEmail } from "./messages.ts";

export type Waiter = { waitUntil(promise: Promise<unknown>): void };

export type NotifyInput = {
  userId: string;
  kind: DeliveryKind;
  data: Record<string, unknown>;
  /** false for kinds that exist only outside the app (messages waiting, the admin digest). */
  inApp?: boolean;
  /** A stable id makes a repeated notify (a retried alarm, a cron run twice) deliver once. */
  id?: string;
};

/**
 * The in-app insert and the queue message for each notification; put the statements in your own batch.
 * `onlyIf` adds a condition to each insert (its parameters are numbered from ?6), for a batch whose first
 * statement may be refused: enqueue the messages only when it was not.
 */
export function prepareNotifications(db: D1Database, items: NotifyInput[], now = new Date(), onlyIf?: { sql: string; params: unknown[] }) {
  const statements: D1PreparedStatement[] = [];
  const messages: NotifyMessage[] = [];
  for (const item of items) {
    const id = item.id ?? crypto.randomUUID();
    if (item.inApp !== false) {
      statements.push(
        db
          // Only to people who still have an account: a room may outlive one of its two (account deletion).
          .prepare(
            `INSERT INTO notifications (id, user_id, kind, data, created_at) SELECT ?1, ?2, ?3, ?4, ?5
             WHERE EXISTS (SELECT 1 FROM users WHERE id = ?2)${onlyIf ? ` AND ${onlyIf.sql}` : ""} ON CONFLICT DO NOTHING`,
          )
          .bind(id, item.userId, item.kind, JSON.stringify(item.data), now.toISOString(), ...(onlyIf?.params ?? [])),
      );
    }
    messages.push({ type: "notification", id, userId: item.userId, kind: item.kind, data: item.data });
  }
  return { statements, messages };
}

/** Sends the messages to the queue after the response. Without a queue binding, only in-app exists. */
export function enqueue(env: Env, ctx: Waiter, messages: NotifyMessage[]): void {
  if (!env.NOTIFY_QUEUE || !messages.length) return;
  const queue = env.NOTIFY_QUEUE;
  ctx.waitUntil(
    queue.sendBatch(messages.map((body) => ({ body, contentType: "json" as const }))).catch((error: unknown) => {
      console.error("could not enqueue notifications", messages.map((m) => m.id).join(","), error);
    }),
  );
}

export async function notify(env: Env, ctx: Waiter, items: NotifyInput[]): Promise<void> {
  const { statements, messages } = prepareNotifications(env.DB, items);
  if (statements.length) await env.DB.batch(statements);
  enqueue(env, ctx, messages);
}

export function enqueueSecurityEmail(env: Env, ctx: Waiter, email: { userId: string; to: string; template: SecurityEmail; data: Record<string, unknown> }) {
  enqueue(env, ctx, [{ type: "security_email", id: crypto.randomUUID(), ...email }]);
}
