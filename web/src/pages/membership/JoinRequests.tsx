// Requests to join the group, for its admins: approve (the person becomes a member) or decline (asked first).
import { createResource, Show } from "solid-js";
import { Button } from "../../components/Button.tsx";
import { confirmAction } from "../../components/ConfirmDialog.tsx";
import { t } from "../../i18n/index.ts";
import { formatDateTime, isoString, relativeTime, useNow } from "../programs/dashboard/format.ts";
import { AdminFrame, useGroupId } from "./AdminFrame.tsx";
import { decideJoinRequest, fetchJoinRequests, type JoinRequest } from "./membership-api.ts";
import { createListActions, PeopleList, PersonCard } from "./PeopleList.tsx";

export default function JoinRequests() {
  const groupId = useGroupId();
  const [requests, { refetch, mutate }] = createResource(groupId, fetchJoinRequests);
  const actions = createListActions({ errorsKey: "membership.requests.errors", fallbackKey: "membership.requests.error", refetch });
  const now = useNow();

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
    await actions.run(request.id, async () => {
      await decideJoinRequest(groupId(), request.id, decision);
      mutate((list) => list?.filter((r) => r.id !== request.id));
      return t(decision === "approve" ? "membership.requests.approved" : "membership.requests.declined", { name });
    });
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
        <PeopleList
          items={list()}
          testId="join-requests"
          emptyTitle={t("membership.requests.emptyTitle")}
          emptyBody={t("membership.requests.emptyBody")}
          notice={actions.notice()}
          noticeRef={actions.noticeRef}
        >
          {(request) => (
            <PersonCard
              name={request.user.displayName}
              meta={
                <time datetime={isoString(request.createdAt)} title={formatDateTime(request.createdAt)}>
                  {t("membership.requests.asked", { time: relativeTime(Date.parse(request.createdAt), now()) })}
                </time>
              }
              actions={
                <>
                  <Button
                    loading={actions.busy() === request.id}
                    loadingText={t("membership.requests.approving")}
                    disabled={actions.busy() !== null}
                    onClick={() => void decide(request, "approve")}
                  >
                    {t("membership.requests.approve")}
                    <span class="visually-hidden"> ({request.user.displayName})</span>
                  </Button>
                  <Button variant="ghost" class="button--danger-ghost" disabled={actions.busy() !== null} onClick={() => void decide(request, "decline")}>
                    {t("membership.requests.decline")}
                    <span class="visually-hidden"> ({request.user.displayName})</span>
                  </Button>
                </>
              }
            >
              <Show when={request.message} fallback={<p class="membership-item__muted">{t("membership.requests.noMessage")}</p>}>
                <blockquote class="membership-item__quote">{request.message}</blockquote>
              </Show>
            </PersonCard>
          )}
        </PeopleList>
      )}
    </AdminFrame>
  );
}
