// People banned from the group, for its admins; lifting a ban is asked first.
import { createResource, Show } from "solid-js";
import { Button } from "../../components/Button.tsx";
import { confirmAction } from "../../components/ConfirmDialog.tsx";
import { t } from "../../i18n/index.ts";
import { formatDateTime, isoString, relativeTime, useNow } from "../programs/dashboard/format.ts";
import { AdminFrame, useGroupId } from "./AdminFrame.tsx";
import { fetchBans, liftBan, type Ban } from "./membership-api.ts";
import { createListActions, PeopleList, PersonCard } from "./PeopleList.tsx";

export default function Bans() {
  const groupId = useGroupId();
  const [bans, { refetch, mutate }] = createResource(groupId, fetchBans);
  const actions = createListActions({ errorsKey: "membership.bans.errors", fallbackKey: "membership.bans.error", refetch });
  const now = useNow();

  async function lift(ban: Ban) {
    const name = ban.user.displayName;
    const answer = await confirmAction({
      title: t("membership.bans.liftTitle", { name }),
      body: <p>{t("membership.bans.liftBody", { name })}</p>,
      confirmLabel: t("membership.bans.lift"),
    });
    if (!answer) return;
    await actions.run(ban.user.id, async () => {
      await liftBan(groupId(), ban.user.id);
      mutate((list) => list?.filter((b) => b.user.id !== ban.user.id));
      return t("membership.bans.lifted", { name });
    });
  }

  return (
    <AdminFrame
      groupId={groupId()}
      titleKey="membership.bans.title"
      pageTitleKey="membership.bans.pageTitle"
      introKey="membership.bans.intro"
      loadingKey="membership.bans.loading"
      loadErrorKey="membership.bans.loadError"
      data={bans}
      onRetry={() => void refetch()}
    >
      {(list) => (
        <PeopleList
          items={list()}
          testId="bans"
          emptyTitle={t("membership.bans.emptyTitle")}
          emptyBody={t("membership.bans.emptyBody")}
          notice={actions.notice()}
          noticeRef={actions.noticeRef}
        >
          {(ban) => (
            <PersonCard
              name={ban.user.displayName}
              meta={
                <>
                  <time datetime={isoString(ban.createdAt)} title={formatDateTime(ban.createdAt)}>
                    {t("membership.bans.bannedOn", { time: relativeTime(Date.parse(ban.createdAt), now()) })}
                  </time>
                  <Show when={ban.bannedBy}>{(by) => <span> {t("membership.bans.bannedBy", { name: by().displayName })}</span>}</Show>
                </>
              }
              actions={
                <Button
                  variant="secondary"
                  loading={actions.busy() === ban.user.id}
                  loadingText={t("membership.bans.lifting")}
                  disabled={actions.busy() !== null}
                  onClick={() => void lift(ban)}
                >
                  {t("membership.bans.lift")}
                  <span class="visually-hidden"> ({ban.user.displayName})</span>
                </Button>
              }
            />
          )}
        </PeopleList>
      )}
    </AdminFrame>
  );
}
