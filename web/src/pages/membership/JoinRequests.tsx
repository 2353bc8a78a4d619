// Requests to join the group, for its admins: approve (the person becomes a member) or decline (asked first).
import { createResource, createSignal, For, Show } from "solid-js";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { confirmAction } from "../../components/ConfirmDialog.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import { t } from "../../i18n/index.ts";
import { formatDateTime, isoString, relativeTime, useNow } from "../programs/dashboard/format.ts";
import { actionError, AdminFrame, useGroupId } from "./AdminFrame.tsx";
import { decideJoinRequest, fetchJoinRequests, type JoinRequest } from "./membership-api.ts";

export default function JoinRequests() {
  const groupId = useGroupId();
  const [requests, { refetch, mutate }] = createResource(groupId, fetchJoinRequests);
  const [busy, setBusy] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal<{ tone: "success" | "error"; text: string } | null>(null);
  const now = useNow();
  let noticeEl: HTMLDivElement | undefined;

  async function decide(request: JoinRequest, decision: "approve" | "decline") {
    const name = request.user.displayName;
    if (decision === "decline") {
      const answer = await confirmAction({
        title: t("membership.requests.declineTitle", { name }),
        body: <p>{t("membership.requests.declineBody", { name })}</p>,
        confirmLabel: t("membership.requests.decline"),
        danger: true,
      });
      if (!answer) return;
    }
    setBusy(request.id);
    setNotice(null);
    try {
      await decideJoinRequest(groupId(), request.id, decision);
      mutate((list) => list?.filter((r) => r.id !== request.id));
      setNotice({ tone: "success", text: t(decision === "approve" ? "membership.requests.approved" : "membership.requests.declined", { name }) });
    } catch (error) {
      setNotice({ tone: "error", text: actionError(error, "membership.requests.errors", "membership.requests.error") });
      void refetch();
    } finally {
      setBusy(null);
      queueMicrotask(() => noticeEl?.focus());
    }
  }

  return (
    <AdminFrame
      groupId={groupId()}
      titleKey="membership.requests.title"
      pageTitleKey="membership.requests.pageTitle"
      introKey="membership.requests.intro"
      loadingKey="membership.requests.loading"
      loadErrorKey="membership.requests.loadError"
      data={requests}
      onRetry={() => void refetch()}
    >
      {(list) => (
        <>
          <Show when={notice()}>
            {(shown) => (
              <Alert tone={shown().tone} ref={(el) => (noticeEl = el)}>
                <p>{shown().text}</p>
              </Alert>
            )}
          </Show>
          <Show
            when={list().length > 0}
            fallback={
              <EmptyState title={t("membership.requests.emptyTitle")}>
                <p>{t("membership.requests.emptyBody")}</p>
              </EmptyState>
            }
          >
            <ul class="membership-list" role="list" data-testid="join-requests">
              <For each={list()}>
                {(request) => (
                  <li class="membership-item card" data-request-id={request.id}>
                    <div class="membership-item__text">
                      <h2 class="membership-item__title">{request.user.displayName}</h2>
                      <p class="membership-item__meta">
                        <time datetime={isoString(request.createdAt)} title={formatDateTime(request.createdAt)}>
                          {t("membership.requests.asked", { time: relativeTime(Date.parse(request.createdAt), now()) })}
                        </time>
                      </p>
                      <Show when={request.message} fallback={<p class="membership-item__muted">{t("membership.requests.noMessage")}</p>}>
                        <blockquote class="membership-item__quote">{request.message}</blockquote>
                      </Show>
                    </div>
                    <div class="membership-item__actions">
                      <Button
                        loading={busy() === request.id}
                        loadingText={t("membership.requests.approving")}
                        disabled={busy() !== null}
                        onClick={() => void decide(request, "approve")}
                      >
                        {t("membership.requests.approve")}
                        <span class="visually-hidden"> ({request.user.displayName})</span>
                      </Button>
                      <Button variant="ghost" class="button--danger-ghost" disabled={busy() !== null} onClick={() => void decide(request, "decline")}>
                        {t("membership.requests.decline")}
                        <span class="visually-hidden"> ({request.user.displayName})</span>
                      </Button>
                    </div>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </>
      )}
    </AdminFrame>
  );
}
