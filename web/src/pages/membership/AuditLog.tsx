// The group's audit log, for its admins: who did what and when, never any content.
import { createResource, createSignal, For, Show } from "solid-js";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import { hasMessage, t } from "../../i18n/index.ts";
import { errorMessage } from "../../lib/errors.ts";
import { formatDateTime, isoString } from "../programs/dashboard/format.ts";
import { AdminFrame, useGroupId } from "./AdminFrame.tsx";
import { fetchAudit, type AuditEntry } from "./membership-api.ts";

function detailText(entry: AuditEntry): string {
  const parts: string[] = [];
  const { from, to, outcome } = entry.detail;
  // Roles and program statuses are codes: show them in the reader's language.
  const named = (value: unknown) => {
    const key = entry.action === "role_changed" ? `groups.role.${String(value)}` : `programs.status.${String(value)}`;
    return hasMessage(key) ? t(key) : String(value);
  };
  if (from !== undefined && from !== null) parts.push(t("membership.audit.detail.from", { value: named(from) }));
  if (to !== undefined && to !== null) parts.push(t("membership.audit.detail.to", { value: named(to) }));
  if (outcome) parts.push(t("membership.audit.detail.outcome", { value: t(`pairsList.status.${outcome === "completed" ? "completed" : "ended"}`) }));
  return parts.join(" ");
}

export default function AuditLog() {
  const groupId = useGroupId();
  const [page, { refetch }] = createResource(groupId, (id) => fetchAudit(id));
  const [older, setOlder] = createSignal<AuditEntry[]>([]);
  const [hasMore, setHasMore] = createSignal<boolean | null>(null);
  const [loadingMore, setLoadingMore] = createSignal(false);
  const [moreError, setMoreError] = createSignal<string | null>(null);

  const entries = () => [...(page.latest?.entries ?? []), ...older()];
  const more = () => hasMore() ?? page.latest?.hasMore ?? false;

  async function loadMore() {
    const last = entries().at(-1);
    if (!last) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const next = await fetchAudit(groupId(), last.createdAt);
      setOlder((list) => [...list, ...next.entries]);
      setHasMore(next.hasMore);
    } catch (error) {
      setMoreError(errorMessage(error));
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <AdminFrame
      groupId={groupId()}
      titleKey="membership.audit.title"
      pageTitleKey="membership.audit.pageTitle"
      introKey="membership.audit.intro"
      loadingKey="membership.audit.loading"
      loadErrorKey="membership.audit.loadError"
      data={page}
      onRetry={() => void refetch()}
    >
      {() => (
        <Show
          when={entries().length > 0}
          fallback={
            <EmptyState title={t("membership.audit.emptyTitle")}>
              <p>{t("membership.audit.emptyBody")}</p>
            </EmptyState>
          }
        >
          <ol class="audit-list card" data-testid="audit-log">
            <For each={entries()}>
              {(entry) => (
                <li class="audit-entry" data-action={entry.action}>
                  <time class="audit-entry__time" datetime={isoString(entry.createdAt)}>
                    {formatDateTime(entry.createdAt)}
                  </time>
                  <p class="audit-entry__text">
                    {t(`membership.audit.actions.${entry.action}`, {
                      actor: entry.actor?.displayName || t("membership.audit.someone"),
                      target: entry.target?.label ?? "",
                    })}
                    <Show when={detailText(entry)}>{(text) => <span class="audit-entry__detail"> ({text()})</span>}</Show>
                  </p>
                </li>
              )}
            </For>
          </ol>
          <Show when={moreError()}>
            {(text) => (
              <Alert tone="error">
                <p>{text()}</p>
              </Alert>
            )}
          </Show>
          <Show when={more()}>
            <Button
              variant="secondary"
              class="audit-more"
              loading={loadingMore()}
              loadingText={t("membership.audit.loadingMore")}
              onClick={() => void loadMore()}
            >
              {t("membership.audit.more")}
            </Button>
          </Show>
        </Show>
      )}
    </AdminFrame>
  );
}
