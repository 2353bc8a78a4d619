// People banned from the group, for its admins; lifting a ban is asked first.
import { createResource, createSignal, For, Show } from "solid-js";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { confirmAction } from "../../components/ConfirmDialog.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import { t } from "../../i18n/index.ts";
import { formatDateTime, isoString, relativeTime, useNow } from "../programs/dashboard/format.ts";
import { actionError, AdminFrame, useGroupId } from "./AdminFrame.tsx";
import { fetchBans, liftBan, type Ban } from "./membership-api.ts";

export default function Bans() {
  const groupId = useGroupId();
  const [bans, { refetch, mutate }] = createResource(groupId, fetchBans);
  const [busy, setBusy] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal<{ tone: "success" | "error"; text: string } | null>(null);
  const now = useNow();
  let noticeEl: HTMLDivElement | undefined;

  async function lift(ban: Ban) {
    const name = ban.user.displayName;
    const answer = await confirmAction({
      title: t("membership.bans.liftTitle", { name }),
      body: <p>{t("membership.bans.liftBody", { name })}</p>,
      confirmLabel: t("membership.bans.lift"),
    });
    if (!answer) return;
    setBusy(ban.user.id);
    setNotice(null);
    try {
      await liftBan(groupId(), ban.user.id);
      mutate((list) => list?.filter((b) => b.user.id !== ban.user.id));
      setNotice({ tone: "success", text: t("membership.bans.lifted", { name }) });
    } catch (error) {
      setNotice({ tone: "error", text: actionError(error, "membership.bans.errors", "membership.bans.error") });
      void refetch();
    } finally {
      setBusy(null);
      queueMicrotask(() => noticeEl?.focus());
    }
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
              <EmptyState title={t("membership.bans.emptyTitle")}>
                <p>{t("membership.bans.emptyBody")}</p>
              </EmptyState>
            }
          >
            <ul class="membership-list" role="list" data-testid="bans">
              <For each={list()}>
                {(ban) => (
                  <li class="membership-item card" data-user-id={ban.user.id}>
                    <div class="membership-item__text">
                      <h2 class="membership-item__title">{ban.user.displayName}</h2>
                      <p class="membership-item__meta">
                        <time datetime={isoString(ban.createdAt)} title={formatDateTime(ban.createdAt)}>
                          {t("membership.bans.bannedOn", { time: relativeTime(Date.parse(ban.createdAt), now()) })}
                        </time>
                        <Show when={ban.bannedBy}>{(by) => <span> {t("membership.bans.bannedBy", { name: by().displayName })}</span>}</Show>
                      </p>
                    </div>
                    <div class="membership-item__actions">
                      <Button
                        variant="secondary"
                        loading={busy() === ban.user.id}
                        loadingText={t("membership.bans.lifting")}
                        disabled={busy() !== null}
                        onClick={() => void lift(ban)}
                      >
                        {t("membership.bans.lift")}
                        <span class="visually-hidden"> ({ban.user.displayName})</span>
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
