// The one way to notify someone: the in-app notification is written at once, and the email and push
// deliveries are only enqueued (after the response, through waitUntil): a request never waits for mail.
import type { DeliveryKind } from "../../shared/api/notification-preferences.ts";
import type { Env } from "../env.ts";
import type { NotifyMessage, PersonMessage, SecurityEmail } from "./messages.ts";

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

/** In-app rows per INSERT statement: one JSON parameter each, well inside D1's limits on a statement. */
const ROWS_PER_STATEMENT = 50;

/**
 * The in-app inserts and the queue messages for the notifications; put the statements in your own batch.
 * Rows go in statements of up to 50 (one JSON array bound as one parameter), so notifying a whole cohort
 * costs a few statements, not one per person. `onlyIf` adds a condition to each insert (its parameters are
 * numbered from ?3), for a batch whose first statement may be refused: enqueue the messages only when it was not.
 */
export function prepareNotifications(db: D1Database, items: NotifyInput[], now = new Date(), onlyIf?: { sql: string; params: unknown[] }) {
  const rows: { id: string; userId: string; kind: string; data: string }[] = [];
  const messages: PersonMessage[] = [];
  for (const item of items) {
    const id = item.id ?? crypto.randomUUID();
    if (item.inApp !== false) rows.push({ id, userId: item.userId, kind: item.kind, data: JSON.stringify(item.data) });
    messages.push({ type: "notification", id, userId: item.userId, kind: item.kind, data: item.data });
  }
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    statements.push(
      db
        // Only to people who still have an account: a room may outlive one of its two (account deletion).
        .prepare(
          `INSERT INTO notifications (id, user_id, kind, data, created_at)
           SELECT json_extract(r.value, '$.id'), json_extract(r.value, '$.userId'), json_extract(r.value, '$.kind'), json_extract(r.value, '$.data'), ?2
           FROM json_each(?1) r
           WHERE EXISTS (SELECT 1 FROM users WHERE id = json_extract(r.value, '$.userId'))${onlyIf ? ` AND ${onlyIf.sql}` : ""}
           ON CONFLICT DO NOTHING`,
        )
        .bind(JSON.stringify(rows.slice(i, i + ROWS_PER_STATEMENT)), now.toISOString(), ...(onlyIf?.params ?? [])),
    );
  }
  return { statements, messages };
}

/** Queues take at most 100 messages and 256 KB per sendBatch; stay under both. */
const MESSAGES_PER_SEND = 100;
const BYTES_PER_SEND = 200_000;

function sendChunks(messages: NotifyMessage[]): NotifyMessage[][] {
  const chunks: NotifyMessage[][] = [];
  let chunk: NotifyMessage[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = JSON.stringify(message).length + 100;
    if (chunk.length && (chunk.length >= MESSAGES_PER_SEND || bytes + size > BYTES_PER_SEND)) {
      chunks.push(chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(message);
    bytes += size;
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

/**
 * Sends the messages to the queue after the response, in batches the queue accepts (a cohort's hundreds
 * of notifications take several). Without a queue binding, only in-app exists.
 */
export function enqueue(env: Env, ctx: Waiter, messages: NotifyMessage[]): void {
  if (!env.NOTIFY_QUEUE || !messages.length) return;
  const queue = env.NOTIFY_QUEUE;
  for (const chunk of sendChunks(messages)) {
    ctx.waitUntil(
      queue.sendBatch(chunk.map((body) => ({ body, contentType: "json" as const }))).catch((error: unknown) => {
        console.error("could not enqueue notifications", chunk.map((m) => m.id).join(","), error);
      }),
    );
  }
}

export async function notify(env: Env, ctx: Waiter, items: NotifyInput[]): Promise<void> {
  const { statements, messages } = prepareNotifications(env.DB, items);
  if (statements.length) await env.DB.batch(statements);
  enqueue(env, ctx, messages);
}

export function enqueueSecurityEmail(env: Env, ctx: Waiter, email: { userId: string; to: string; template: SecurityEmail; data: Record<string, unknown> }) {
  enqueue(env, ctx, [{ type: "security_email", id: crypto.randomUUID(), ...email }]);
}
