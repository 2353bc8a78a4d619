import type { Notification } from "../../shared/api/notifications.ts";

/** The weekly rhythm's notices (worker/pair-room/rhythm-notices.ts). */
export type RhythmNotificationKind = "meeting_reminder" | "pair_nudge" | "feedback_requested";

type NotificationRow = { id: string; kind: string; data: string; created_at: string; read_at: string | null };

export function toNotification(row: NotificationRow): Notification {
  let data: Record<string, unknown> = {};
  try {
    data = JSON.parse(row.data);
  } catch {
    data = {};
  }
  return { id: row.id, kind: row.kind, data, createdAt: row.created_at, readAt: row.read_at };
}

export function listLatestNotificationsStatement(db: D1Database, userId: string) {
  return db.prepare("SELECT * FROM notifications WHERE user_id = ?1 ORDER BY created_at DESC LIMIT 50").bind(userId);
}

export function countUnreadNotificationsStatement(db: D1Database, userId: string) {
  return db.prepare("SELECT COUNT(*) AS n FROM notifications WHERE user_id = ?1 AND read_at IS NULL").bind(userId);
}

/** Marks the given notifications (all when `ids` is null) of the user read. */
export async function markNotificationsRead(db: D1Database, userId: string, ids: string[] | null, now: string): Promise<void> {
  await db
    .prepare(
      `UPDATE notifications SET read_at = ?2 WHERE user_id = ?1 AND read_at IS NULL
           AND (?3 IS NULL OR id IN (SELECT value FROM json_each(?3)))`,
    )
    .bind(userId, now, ids ? JSON.stringify(ids) : null)
    .run();
}
