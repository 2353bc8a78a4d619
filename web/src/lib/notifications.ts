// My notifications, shared by the bell in the header and the /notifications page. The bell polls every
// 30 seconds while the tab is visible, and again whenever the window regains focus, so a new pair shows
// up without a reload. This module is in the entry chunk: keep it small.
import { createSignal } from "solid-js";
import type { Notification } from "../../../shared/api/notifications.ts";
import { api, ApiError } from "./api.ts";
import { sessionExpired } from "./session.ts";

export type { Notification };

type NotificationList = { notifications: Notification[]; unreadCount: number };

const POLL_INTERVAL_MS = 30_000;

const [unreadCount, setUnreadCount] = createSignal(0);
const [notifications, setNotifications] = createSignal<Notification[] | null>(null);
export { notifications, unreadCount };

let inFlight: Promise<Notification[]> | null = null;

/** Fetches the latest notifications; concurrent callers share one request. */
export function refreshNotifications(): Promise<Notification[]> {
  inFlight ??= api
    .get<NotificationList>("/notifications")
    .then((list) => {
      setNotifications(list.notifications);
      setUnreadCount(list.unreadCount);
      return list.notifications;
    })
    .catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 401) sessionExpired();
      throw error;
    })
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}

/** Marks some notifications read (all of mine when `ids` is omitted), updating the count at once. */
export async function markNotificationsRead(ids?: string[]): Promise<void> {
  const now = new Date().toISOString();
  const previous = notifications();
  const affected = (n: Notification) => !n.readAt && (!ids || ids.includes(n.id));
  if (previous) {
    setUnreadCount((count) => Math.max(0, count - previous.filter(affected).length));
    setNotifications(previous.map((n) => (affected(n) ? { ...n, readAt: now } : n)));
  } else if (!ids) {
    setUnreadCount(0);
  }
  try {
    await api.post<void>("/notifications/read", ids ? { ids } : {});
  } finally {
    // Whatever happened, settle on the server's truth.
    void refreshNotifications().catch(() => undefined);
  }
}

/** Marks read what is about this pair, once its space is open: the bell should not point at where I already am. */
export async function markPairNotificationsRead(pairId: string): Promise<void> {
  const list = notifications() ?? (await refreshNotifications());
  const ids = list.filter((n) => !n.readAt && n.data.pairId === pairId).map((n) => n.id);
  if (ids.length > 0) await markNotificationsRead(ids);
}

/** Starts polling; returns the function that stops it. Failures stay quiet: the next poll retries. */
export function startNotificationPolling(): () => void {
  const poll = () => {
    if (document.visibilityState === "hidden") return;
    void refreshNotifications().catch(() => undefined);
  };
  const onVisible = () => {
    if (document.visibilityState === "visible") poll();
  };
  poll();
  const timer = window.setInterval(poll, POLL_INTERVAL_MS);
  window.addEventListener("focus", poll);
  document.addEventListener("visibilitychange", onVisible);
  return () => {
    window.clearInterval(timer);
    window.removeEventListener("focus", poll);
    document.removeEventListener("visibilitychange", onVisible);
    setNotifications(null);
    setUnreadCount(0);
  };
}
