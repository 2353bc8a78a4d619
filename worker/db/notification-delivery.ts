// D1 for the notification pipeline: preferences, push subscriptions and the per-channel delivery records
// that make redelivery safe.
import {
  DEFAULT_PREFERENCES,
  DELIVERY_KINDS,
  KindPreference,
  type DeliveryKind,
  type NotificationPreferences,
} from "../../shared/api/notification-preferences.ts";

/** Stored preferences merged over the defaults; a kind added later gets its default. */
export function parsePreferences(json: string | null | undefined): NotificationPreferences {
  const result: NotificationPreferences = structuredClone(DEFAULT_PREFERENCES);
  if (!json) return result;
  let stored: { kinds?: Record<string, unknown>; messagePreviews?: unknown } | null;
  try {
    stored = JSON.parse(json);
  } catch {
    return result;
  }
  for (const kind of DELIVERY_KINDS) {
    const parsed = KindPreference.safeParse(stored?.kinds?.[kind]);
    if (parsed.success) result.kinds[kind] = parsed.data;
  }
  if (typeof stored?.messagePreviews === "boolean") result.messagePreviews = stored.messagePreviews;
  return result;
}

export async function getPreferences(db: D1Database, userId: string): Promise<NotificationPreferences> {
  const row = await db.prepare("SELECT prefs FROM notification_preferences WHERE user_id = ?1").bind(userId).first<{ prefs: string }>();
  return parsePreferences(row?.prefs);
}

export function putPreferencesStatement(db: D1Database, userId: string, prefs: NotificationPreferences) {
  return db
    .prepare(
      `INSERT INTO notification_preferences (user_id, prefs, updated_at) VALUES (?1, ?2, ?3)
       ON CONFLICT (user_id) DO UPDATE SET prefs = ?2, updated_at = ?3`,
    )
    .bind(userId, JSON.stringify(prefs), new Date().toISOString());
}

/** Turns one kind's email off, whatever else is stored (one-click unsubscribe). */
export async function unsubscribeEmail(db: D1Database, userId: string, kind: DeliveryKind): Promise<boolean> {
  const exists = await db.prepare("SELECT 1 AS x FROM users WHERE id = ?1").bind(userId).first();
  if (!exists) return false;
  const prefs = await getPreferences(db, userId);
  prefs.kinds[kind] = { ...prefs.kinds[kind], email: "off" };
  await putPreferencesStatement(db, userId, prefs).run();
  return true;
}

export type PushSubscriptionRow = { endpoint: string; user_id: string; p256dh: string; auth: string; created_at: string };

export function listPushSubscriptions(db: D1Database, userId: string) {
  return db
    .prepare("SELECT * FROM push_subscriptions WHERE user_id = ?1 ORDER BY created_at")
    .bind(userId)
    .all<PushSubscriptionRow>()
    .then((r) => r.results);
}

/** An endpoint belongs to one browser: subscribing it again (even as someone else) moves it. */
export function savePushSubscription(db: D1Database, userId: string, sub: { endpoint: string; p256dh: string; auth: string }) {
  return db
    .prepare(
      `INSERT INTO push_subscriptions (endpoint, user_id, p256dh, auth, created_at) VALUES (?1, ?2, ?3, ?4, ?5)
       ON CONFLICT (endpoint) DO UPDATE SET user_id = ?2, p256dh = ?3, auth = ?4`,
    )
    .bind(sub.endpoint, userId, sub.p256dh, sub.auth, new Date().toISOString())
    .run();
}

export function deletePushSubscription(db: D1Database, userId: string, endpoint: string) {
  return db.prepare("DELETE FROM push_subscriptions WHERE user_id = ?1 AND endpoint = ?2").bind(userId, endpoint).run();
}

export function forgetPushEndpoint(db: D1Database, endpoint: string) {
  return db.prepare("DELETE FROM push_subscriptions WHERE endpoint = ?1").bind(endpoint).run();
}

export const PUSH_SUBSCRIPTIONS_PER_USER = 10;

/** Keeps a person's newest `max` devices. */
export function forgetOldestBeyond(db: D1Database, userId: string, max: number) {
  return db
    .prepare(
      `DELETE FROM push_subscriptions WHERE user_id = ?1 AND endpoint NOT IN
         (SELECT endpoint FROM push_subscriptions WHERE user_id = ?1 ORDER BY created_at DESC, rowid DESC LIMIT ?2)`,
    )
    .bind(userId, max)
    .run();
}

type Channel = "email" | "push";
export type DeliveryKey = { notificationId: string; channel: Channel; target?: string };

/** A claim older than this is taken to be from a consumer that died mid-send, and may be taken over. */
const STALE_CLAIM_MS = 5 * 60 * 1000;

/**
 * Claims one delivery for sending. Succeeds for a new delivery or one whose last attempt failed; never
 * for one that was sent, skipped, deferred to the daily email, or is being sent right now.
 */
export async function claimDelivery(db: D1Database, key: DeliveryKey, userId: string | null, kind: string, now = Date.now()): Promise<boolean> {
  const row = await db
    .prepare(
      `INSERT INTO notification_deliveries (notification_id, channel, target, user_id, kind, status, attempts, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, 'sending', 1, ?6)
       ON CONFLICT (notification_id, channel, target) DO UPDATE SET status = 'sending', attempts = attempts + 1, updated_at = ?6
         WHERE status = 'failed' OR (status = 'sending' AND updated_at < ?6 - ?7)
       RETURNING status`,
    )
    .bind(key.notificationId, key.channel, key.target ?? "", userId, kind, now, STALE_CLAIM_MS)
    .first();
  return row !== null;
}

export function finishDelivery(
  db: D1Database,
  key: DeliveryKey,
  status: "sent" | "failed" | "skipped" | "daily" | "dead",
  detail: string | null,
  now = Date.now(),
) {
  return db
    .prepare("UPDATE notification_deliveries SET status = ?4, detail = ?5, updated_at = ?6 WHERE notification_id = ?1 AND channel = ?2 AND target = ?3")
    .bind(key.notificationId, key.channel, key.target ?? "", status, detail, now)
    .run();
}

/** Records a delivery that will not be attempted (preference off, address unverified), unless one exists. */
export function recordSkipped(
  db: D1Database,
  key: DeliveryKey,
  userId: string | null,
  kind: string,
  status: "skipped" | "daily",
  detail: string,
  now = Date.now(),
) {
  return db
    .prepare(
      `INSERT INTO notification_deliveries (notification_id, channel, target, user_id, kind, status, detail, attempts, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8) ON CONFLICT DO NOTHING`,
    )
    .bind(key.notificationId, key.channel, key.target ?? "", userId, kind, status, detail, now)
    .run();
}
