import { A } from "@solidjs/router";
import { onCleanup, onMount, Show } from "solid-js";
import { t } from "../i18n/index.ts";
import { startNotificationPolling, unreadCount } from "../lib/notifications.ts";

/**
 * The header's bell: a link to /notifications with the unread count as a badge. Its accessible name
 * says the count ("3 unread notifications"); the badge itself is hidden from screen readers so the
 * number is not read twice. Rendered only for a signed-in person, so polling starts and stops with
 * the session.
 */
export function NotificationBell() {
  onMount(() => onCleanup(startNotificationPolling()));
  const label = () => (unreadCount() > 0 ? t("notifications.bellUnread", { count: unreadCount() }) : t("notifications.bell"));
  return (
    <A href="/notifications" class="bell" activeClass="is-active" aria-label={label()} title={label()}>
      <svg
        class="icon bell__icon"
        viewBox="0 0 24 24"
        width="22"
        height="22"
        fill="none"
        stroke="currentColor"
        stroke-width="1.8"
        stroke-linecap="round"
        stroke-linejoin="round"
        aria-hidden="true"
      >
        <path d="M6 16.5V11a6 6 0 0 1 12 0v5.5l1.5 1.5h-15Z" />
        <path d="M10 20.5a2.2 2.2 0 0 0 4 0" />
      </svg>
      <Show when={unreadCount() > 0}>
        <span class="bell__badge" aria-hidden="true">
          {unreadCount() > 99 ? "99+" : unreadCount()}
        </span>
      </Show>
    </A>
  );
}
