// The notification queue's consumer: sends email and push according to each person's preferences,
// records every delivery per (notification, channel, target) before and after sending, retries with
// exponential backoff, and moves a message that failed its last attempt to the dead-letter queue.
import type { DeliveryKind } from "../../shared/api/notification-preferences.ts";
import {
  claimDelivery,
  finishDelivery,
  forgetPushEndpoint,
  getPreferences,
  parsePreferences,
  recordSkipped,
  type DeliveryKey,
} from "../db/notification-delivery.ts";
import { drainRoomEffects } from "../db/room-outbox.ts";
import type { Env } from "../env.ts";
import type { NotifyMessage } from "./messages.ts";
import { backoffSeconds, MAX_ATTEMPTS, sender } from "./rules.ts";

export { MAX_ATTEMPTS } from "./rules.ts";
import { pushConfigured, sendPush, type StoredSubscription } from "./push.ts";
import { pathFor, renderDailySummary, renderNotificationEmail, renderPush, renderSecurityEmail, summaryTitle, type RenderedEmail } from "./render.ts";
import type { SummaryItem } from "./templates/types.ts";
import { unsubscribeToken } from "./tokens.ts";

export type OutgoingEmail = {
  from: string | { name: string; email: string };
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
};

/** The outside world, passed in so the workerd tests can make a send fail or a push service answer. */
export type DeliveryIO = {
  sendEmail: (email: OutgoingEmail) => Promise<{ messageId: string }>;
  fetch: typeof fetch;
};

function platformIO(env: Env): DeliveryIO {
  return {
    sendEmail: async (email) => {
      if (!env.EMAIL) throw new Error("The EMAIL binding is not configured.");
      return env.EMAIL.send(email as Parameters<SendEmail["send"]>[0]);
    },
    fetch: (input, init) => fetch(input, init),
  };
}

type UserRow = { id: string; email: string; display_name: string; locale: string | null; time_zone: string | null; email_verified_at: string | null };
const findRecipient = (db: D1Database, userId: string) =>
  db.prepare("SELECT id, email, display_name, locale, time_zone, email_verified_at FROM users WHERE id = ?1").bind(userId).first<UserRow>();

const appUrl = (env: Env) => env.APP_URL ?? "http://127.0.0.1:8787";
const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

/** Claims, sends and records one email. Returns an error text when the send failed (to retry). */
async function sendOnce(
  env: Env,
  io: DeliveryIO,
  key: DeliveryKey,
  userId: string | null,
  kind: string,
  to: string,
  email: () => Promise<RenderedEmail>,
): Promise<string | null> {
  if (!(await claimDelivery(env.DB, key, userId, kind))) return null;
  try {
    const rendered = await email();
    const result = await io.sendEmail({ from: sender(env.MAIL_FROM), to, ...rendered });
    await finishDelivery(env.DB, key, "sent", result?.messageId ?? null);
    return null;
  } catch (error) {
    await finishDelivery(env.DB, key, "failed", message(error));
    return message(error);
  }
}

async function deliverNotification(env: Env, io: DeliveryIO, body: Extract<NotifyMessage, { type: "notification" }>): Promise<string[]> {
  // The person, their preferences and their devices in one round trip.
  const [users, prefRows, subs] = await env.DB.batch<Record<string, unknown>>([
    env.DB.prepare("SELECT id, email, display_name, locale, time_zone, email_verified_at FROM users WHERE id = ?1").bind(body.userId),
    env.DB.prepare("SELECT prefs FROM notification_preferences WHERE user_id = ?1").bind(body.userId),
    env.DB.prepare("SELECT endpoint, p256dh, auth FROM push_subscriptions WHERE user_id = ?1 ORDER BY created_at").bind(body.userId),
  ]);
  const user = users!.results[0] as UserRow | undefined;
  if (!user) return []; // the account is gone: nothing to deliver
  const prefs = parsePreferences((prefRows!.results[0] as { prefs: string } | undefined)?.prefs);
  const devices = subs!.results as StoredSubscription[];
  const kind: DeliveryKind = body.kind;
  const data = { ...body.data };
  if (!prefs.messagePreviews) delete data.previews;
  const failures: string[] = [];
  const emailKey: DeliveryKey = { notificationId: body.id, channel: "email" };
  const frequency = prefs.kinds[kind].email;

  if (!env.EMAIL) await recordSkipped(env.DB, emailKey, user.id, kind, "skipped", "no email channel configured");
  else if (frequency === "off") await recordSkipped(env.DB, emailKey, user.id, kind, "skipped", "turned off");
  else if (!user.email_verified_at) await recordSkipped(env.DB, emailKey, user.id, kind, "skipped", "address not verified");
  else if (frequency === "daily" && kind !== "admin_digest") {
    const item: SummaryItem = { kind, title: summaryTitle(kind, data, { locale: user.locale, timeZone: user.time_zone }), path: pathFor(kind, data) };
    await recordSkipped(env.DB, emailKey, user.id, kind, "daily", JSON.stringify(item));
  } else {
    const failed = await sendOnce(env, io, emailKey, user.id, kind, user.email, async () =>
      renderNotificationEmail(
        kind,
        data,
        { name: user.display_name, locale: user.locale, timeZone: user.time_zone },
        {
          appUrl: appUrl(env),
          unsubscribeToken: await unsubscribeToken(env.NOTIFY_SIGNING_KEY, user.id, kind),
        },
      ),
    );
    if (failed) failures.push(`email: ${failed}`);
  }

  if (prefs.kinds[kind].push === "on" && pushConfigured(env)) {
    const payload = renderPush(kind, data, { locale: user.locale, timeZone: user.time_zone }, appUrl(env));
    for (const sub of devices) {
      const key: DeliveryKey = { notificationId: body.id, channel: "push", target: sub.endpoint };
      if (!(await claimDelivery(env.DB, key, user.id, kind))) continue;
      const result = await sendPush(env, sub, payload, io.fetch);
      if (result.ok) await finishDelivery(env.DB, key, "sent", String(result.status));
      else if (result.gone) {
        // RFC 8030: 404 and 410 mean the subscription is gone for good.
        await forgetPushEndpoint(env.DB, sub.endpoint);
        await finishDelivery(env.DB, key, "skipped", `subscription gone (${result.status})`);
      } else {
        await finishDelivery(env.DB, key, "failed", result.error);
        failures.push(`push: ${result.error}`);
      }
    }
  }
  return failures;
}

async function deliverSecurityEmail(env: Env, io: DeliveryIO, body: Extract<NotifyMessage, { type: "security_email" }>): Promise<string[]> {
  const user = await findRecipient(env.DB, body.userId);
  if (!user) return [];
  const key: DeliveryKey = { notificationId: body.id, channel: "email" };
  if (!env.EMAIL) {
    await recordSkipped(env.DB, key, user.id, body.template, "skipped", "no email channel configured");
    return [];
  }
  // Only verification emails go to an address nobody has verified yet.
  const verifiedTarget = body.to.toLowerCase() === user.email.toLowerCase() ? Boolean(user.email_verified_at) : body.template === "email_changed";
  if (body.template !== "verify_email" && body.template !== "email_change" && !verifiedTarget) {
    await recordSkipped(env.DB, key, user.id, body.template, "skipped", "address not verified");
    return [];
  }
  const failed = await sendOnce(env, io, key, user.id, body.template, body.to, async () =>
    renderSecurityEmail(body.template, body.data, { name: user.display_name, locale: user.locale }, appUrl(env)),
  );
  return failed ? [`email: ${failed}`] : [];
}

async function deliverDailySummary(env: Env, io: DeliveryIO, body: Extract<NotifyMessage, { type: "daily_summary" }>): Promise<string[]> {
  const user = await findRecipient(env.DB, body.userId);
  if (!user?.email_verified_at || !env.EMAIL) return [];
  const rows = (
    await env.DB.prepare(
      "SELECT notification_id, kind, detail FROM notification_deliveries WHERE user_id = ?1 AND channel = 'email' AND status = 'daily' ORDER BY updated_at LIMIT 100",
    )
      .bind(user.id)
      .all<{ notification_id: string; kind: DeliveryKind; detail: string }>()
  ).results;
  const prefs = await getPreferences(env.DB, user.id);
  // A kind turned off (or back to immediately) since it was deferred is left out.
  const items = rows.filter((row) => prefs.kinds[row.kind]?.email === "daily");
  if (!items.length) return [];
  const failed = await sendOnce(env, io, { notificationId: body.id, channel: "email" }, user.id, "daily_summary", user.email, async () =>
    renderDailySummary(
      items.map((row) => JSON.parse(row.detail) as SummaryItem),
      { name: user.display_name, locale: user.locale },
      { appUrl: appUrl(env), kind: items[0]!.kind, unsubscribeToken: await unsubscribeToken(env.NOTIFY_SIGNING_KEY, user.id, items[0]!.kind) },
    ),
  );
  if (failed) return [`email: ${failed}`];
  await env.DB.batch(
    rows.map((row) =>
      env.DB.prepare(
        "UPDATE notification_deliveries SET status = 'sent', detail = ?2, updated_at = ?3 WHERE notification_id = ?1 AND channel = 'email' AND status = 'daily'",
      ).bind(row.notification_id, `in daily summary ${body.id}`, Date.now()),
    ),
  );
  return [];
}

async function deliver(env: Env, body: NotifyMessage, io: DeliveryIO): Promise<string[]> {
  switch (body.type) {
    case "notification":
      return deliverNotification(env, io, body);
    case "security_email":
      return deliverSecurityEmail(env, io, body);
    case "daily_summary":
      return deliverDailySummary(env, io, body);
    case "deliver_rooms":
      // Whatever is still left (a room that keeps failing) is the cron sweep's: nothing to retry here.
      await drainRoomEffects(env, ROOM_DRAIN_BUDGET_MS);
      return [];
  }
}

/** A queue consumer may run for minutes: enough for the rooms of the largest cohort. */
const ROOM_DRAIN_BUDGET_MS = 5 * 60_000;

export async function handleNotifyBatch(batch: MessageBatch<NotifyMessage>, env: Env, io: DeliveryIO = platformIO(env)): Promise<void> {
  // The messages of a batch are independent (each has its own delivery rows): handle them side by side.
  await Promise.all(batch.messages.map((msg) => handleOne(msg, env, io)));
}

async function handleOne(msg: Message<NotifyMessage>, env: Env, io: DeliveryIO): Promise<void> {
  let failures: string[];
  try {
    failures = await deliver(env, msg.body, io);
  } catch (error) {
    failures = [message(error)];
  }
  if (!failures.length) {
    msg.ack();
  } else if (msg.attempts >= MAX_ATTEMPTS) {
    // The last attempt: keep the message for the operator and stop retrying.
    await env.DB.prepare("UPDATE notification_deliveries SET status = 'dead', updated_at = ?2 WHERE notification_id = ?1 AND status = 'failed'")
      .bind(msg.body.id, Date.now())
      .run();
    await env.NOTIFY_DLQ?.send({ message: msg.body, attempts: msg.attempts, errors: failures });
    console.error("notification dead-lettered", msg.body.id, failures.join("; "));
    msg.ack();
  } else {
    msg.retry({ delaySeconds: backoffSeconds(msg.attempts) });
  }
}

/** The dead-letter queue's consumer: keeps each message in D1 where the operator can see it. */
export async function handleDeadLetters(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  await env.DB.batch(
    batch.messages.map((msg) => {
      const body = msg.body as { message?: NotifyMessage; errors?: string[] } | NotifyMessage;
      const errors = "errors" in body && Array.isArray(body.errors) ? body.errors.join("; ") : null;
      return env.DB.prepare("INSERT INTO notification_dead_letters (id, body, error, created_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING").bind(
        msg.id,
        JSON.stringify(body),
        errors,
        new Date().toISOString(),
      );
    }),
  );
  batch.ackAll();
}
