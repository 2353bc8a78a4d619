// /notifications — what happened to me: new pairs, ended mentorships, check-in reminders. Opening one
// marks it read and goes to the pair's space; "Mark all as read" clears the badge.
import { A, useNavigate } from "@solidjs/router";
import { createSignal, For, Match, onMount, Show, Switch } from "solid-js";
import { Alert } from "../components/Alert.tsx";
import { Button } from "../components/Button.tsx";
import { EmptyState } from "../components/EmptyState.tsx";
import { CheckIcon, InfoIcon, UsersIcon } from "../components/Icons.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { t } from "../i18n/index.ts";
import { markNotificationsRead, notifications, refreshNotifications, unreadCount, type Notification } from "../lib/notifications.ts";
import { usePageTitle } from "../lib/page.ts";
import { endReasonText } from "../lib/end-reason.ts";
import { formatDateTime, pageError } from "./programs/applicants/format.ts";
import { ListSkeleton } from "./programs/applicants/ListSkeleton.tsx";
import "./programs/applicants/lists.css";
import "./programs/applicants/notifications.css";

const str = (value: unknown) => (typeof value === "string" ? value : "");

/** The sentence for one notification, from its kind and data. */
function describe(notification: Notification): { text: string; detail?: string } {
  const data = notification.data;
  const otherName = str(data.otherName) || t("notifications.someone");
  const programTitle = str(data.programTitle);
  switch (notification.kind) {
    case "paired":
      return {
        text: t("notifications.paired", { otherName, programTitle }),
        detail: data.myRole === "mentor" ? t("notifications.pairedAsMentor") : data.myRole === "mentee" ? t("notifications.pairedAsMentee") : undefined,
      };
    case "pair_ended":
      return {
        text: data.outcome === "completed" ? t("notifications.pairCompleted", { otherName }) : t("notifications.pairEnded", { otherName }),
        detail: endReasonText(str(data.reason)) ?? undefined,
      };
    // Membership (issue 13)
    case "join_request":
      return {
        text: t("membership.notifications.joinRequest", {
          requesterName: str(data.requesterName) || t("notifications.someone"),
          groupName: str(data.groupName),
        }),
      };
    case "join_request_decided":
      return { text: t(data.approved ? "membership.notifications.joinApproved" : "membership.notifications.joinDeclined", { groupName: str(data.groupName) }) };
    case "report_escalated":
      return { text: t("membership.notifications.reportEscalated") };
    case "checkin_reminder":
      return {
        text: programTitle ? t("notifications.checkinReminder", { otherName, programTitle }) : t("notifications.checkinReminderShort", { otherName }),
      };
    case "meeting_reminder":
      return { text: t("rhythm.notifications.meetingReminder", { otherName, hours: Number(data.hoursBefore) || 1 }) };
    case "pair_nudge":
      return {
        text: str(data.stepTitle)
          ? t("rhythm.notifications.nudge", { otherName, days: Number(data.quietDays) || 7, step: str(data.stepTitle) })
          : t("rhythm.notifications.nudgeShort", { otherName, days: Number(data.quietDays) || 7 }),
      };
    case "feedback_requested":
      return { text: t("rhythm.notifications.feedbackRequested") };
    case "report":
      return { text: t("emailPush.inAppReport", { groupName: str(data.groupName) }) };
    default:
      return { text: t("notifications.generic") };
  }
}

function KindIcon(props: { kind: string }) {
  return (
    <Switch fallback={<InfoIcon />}>
      <Match when={props.kind === "paired"}>
        <UsersIcon />
      </Match>
      <Match when={props.kind === "pair_ended"}>
        <CheckIcon />
      </Match>
    </Switch>
  );
}

export default function Notifications() {
  usePageTitle(() => t("notifications.title"));
  const navigate = useNavigate();
  const [error, setError] = createSignal<unknown>(null);
  const [loading, setLoading] = createSignal(false);
  const [marking, setMarking] = createSignal(false);
  const [markError, setMarkError] = createSignal<string | null>(null);

  // Opening this page is reading it: what was new is marked read on the server (the bell clears), and
  // stays highlighted as new for the rest of this visit.
  const [newThisVisit, setNewThisVisit] = createSignal<ReadonlySet<string>>(new Set());

  async function load() {
    setLoading(true);
    setError(null);
    try {
      const list = await refreshNotifications();
      const unread = list.filter((n) => !n.readAt).map((n) => n.id);
      if (unread.length > 0) {
        setNewThisVisit((seen) => new Set([...seen, ...unread]));
        void markNotificationsRead(unread).catch(() => undefined);
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setLoading(false);
    }
  }
  onMount(() => void load());

  async function markAll() {
    setMarking(true);
    setMarkError(null);
    try {
      await markNotificationsRead();
    } catch (failure) {
      setMarkError(pageError("notifications", failure));
    } finally {
      setMarking(false);
    }
  }

  function open(notification: Notification, event: MouseEvent) {
    const pairId = str(notification.data.pairId);
    if (!notification.readAt) void markNotificationsRead([notification.id]).catch(() => undefined);
    if (!pairId) return;
    // Let the browser handle new-tab clicks itself.
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(`/pairs/${encodeURIComponent(pairId)}`);
  }

  return (
    <div class="container narrow notifications-page">
      <div class="page-intro notifications-page__intro">
        <div>
          <PageHeading>{t("notifications.title")}</PageHeading>
          <p class="lead">{unreadCount() > 0 ? t("notifications.unreadSummary", { count: unreadCount() }) : t("notifications.allRead")}</p>
          <p>
            <A href="/settings/notifications">{t("emailPush.navSettings")}</A>
          </p>
        </div>
        <Show when={unreadCount() > 0}>
          <Button variant="secondary" onClick={() => void markAll()} loading={marking()} loadingText={t("notifications.marking")}>
            {t("notifications.markAll")}
          </Button>
        </Show>
      </div>

      <Show when={markError()}>
        <Alert tone="error">
          <p>{markError()}</p>
        </Alert>
      </Show>

      <Switch fallback={<ListSkeleton label={t("notifications.loading")} />}>
        <Match when={error() && !notifications()}>
          <Alert tone="error" title={t("notifications.loadError")}>
            <p>{pageError("notifications", error())}</p>
            <Button variant="secondary" onClick={() => void load()} loading={loading()}>
              {t("notifications.retry")}
            </Button>
          </Alert>
        </Match>
        <Match when={notifications()?.length === 0}>
          <EmptyState title={t("notifications.emptyTitle")}>
            <p>{t("notifications.emptyBody")}</p>
          </EmptyState>
        </Match>
        <Match when={notifications()}>
          {(list) => (
            <ul class="item-list notification-list" role="list">
              <For each={list()}>
                {(notification) => {
                  const content = () => describe(notification);
                  const pairId = () => str(notification.data.pairId);
                  const isNew = () => !notification.readAt || newThisVisit().has(notification.id);
                  return (
                    <li class="item card notification" classList={{ "is-unread": isNew() }}>
                      <span class={`notification__icon notification__icon--${notification.kind}`} aria-hidden="true">
                        <KindIcon kind={notification.kind} />
                      </span>
                      <div class="item__main">
                        <p class="notification__text">
                          <Show when={isNew()}>
                            <span class="visually-hidden">{t("notifications.unread")}: </span>
                          </Show>
                          <Show when={pairId()} fallback={content().text}>
                            <A href={`/pairs/${encodeURIComponent(pairId())}`} class="notification__link" onClick={(event) => open(notification, event)}>
                              {content().text}
                            </A>
                          </Show>
                        </p>
                        <p class="notification__meta">
                          <Show when={content().detail}>
                            {content().detail}
                            {" · "}
                          </Show>
                          <time dateTime={notification.createdAt}>{formatDateTime(notification.createdAt)}</time>
                        </p>
                      </div>
                      <Show when={isNew()}>
                        <span class="notification__dot" aria-hidden="true" />
                      </Show>
                    </li>
                  );
                }}
              </For>
            </ul>
          )}
        </Match>
      </Switch>
    </div>
  );
}
