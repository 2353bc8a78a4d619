import type { Notification } from "../../shared/api/notifications.ts";

export type NotificationKind = "paired" | "pair_ended" | "checkin_reminder";

export function notifyStatement(db: D1Database, userId: string, kind: NotificationKind, data: Record<string, unknown>) {
  return db
    .prepare("INSERT INTO notifications (id, user_id, kind, data, created_at) VALUES (?1, ?2, ?3, ?4, ?5)")
    .bind(crypto.randomUUID(), userId, kind, JSON.stringify(data), new Date().toISOString());
}

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
