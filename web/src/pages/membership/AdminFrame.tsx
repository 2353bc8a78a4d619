// The frame of the group admin pages (requests to join, bans, audit log): breadcrumb, heading, and the
// loading, error, 403 and 404 states, so each page only draws its list.
import { useParams } from "@solidjs/router";
import { createEffect, createResource, For, Match, Show, Switch, type JSX, type Resource } from "solid-js";
import type { GroupDetailResponse } from "../../../../shared/api/groups.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { hasMessage, t, type MessageKey } from "../../i18n/index.ts";
import { api, ApiError } from "../../lib/api.ts";
import { errorMessage } from "../../lib/errors.ts";
import { usePageTitle } from "../../lib/page.ts";
import { sessionExpired } from "../../lib/session.ts";
import { AccessPanel, Crumbs } from "../programs/dashboard/admin.tsx";
import "./membership.css";

const groupHref = (groupId: string) => `/groups/${encodeURIComponent(groupId)}`;

export function useGroupId() {
  const params = useParams<{ groupId: string }>();
  return () => params.groupId;
}

export function AdminFrame<T>(props: {
  groupId: string;
  titleKey: MessageKey;
  pageTitleKey: MessageKey;
  introKey: MessageKey;
  loadingKey: MessageKey;
  loadErrorKey: MessageKey;
  data: Resource<T>;
  onRetry: () => void;
  /** Drawn once; `data` follows the resource, so changes to it (mutate) show at once. */
  children: (data: () => T) => JSX.Element;
}) {
  const [group] = createResource(
    () => props.groupId,
    (id) =>
      api.get<GroupDetailResponse>(groupHref(id)).then(
        (r) => r.group,
        () => null,
      ),
  );
  usePageTitle(() => (group()?.name ? t(props.pageTitleKey, { group: group()!.name }) : t(props.titleKey)));
  const failure = () => (props.data.state === "errored" ? props.data.error : undefined);
  const failedWith = (status: number) => failure() instanceof ApiError && (failure() as ApiError).status === status;
  createEffect(() => {
    if (failedWith(401)) sessionExpired();
  });
  const loaded = () => (props.data.state === "ready" || props.data.state === "refreshing" ? props.data.latest : undefined);

  return (
    <div class="container membership-page">
      <Show when={group()}>
        {(found) => (
          <Crumbs label={t("membership.admin.breadcrumb")} trail={[{ href: groupHref(props.groupId), label: found().name }]} current={t(props.titleKey)} />
        )}
      </Show>
      <div class="page-intro">
        <PageHeading>{t(props.titleKey)}</PageHeading>
        <p class="lead">{t(props.introKey)}</p>
      </div>
      <Switch
        fallback={
          <div class="membership-skeleton" role="status">
            <span class="visually-hidden">{t(props.loadingKey)}</span>
            <For each={[0, 1, 2]}>
              {() => (
                <div class="card skeleton-card" aria-hidden="true">
                  <div class="skeleton skeleton--title" />
                  <div class="skeleton skeleton--line skeleton--short" />
                </div>
              )}
            </For>
          </div>
        }
      >
        <Match when={failedWith(403)}>
          <AccessPanel
            title={t("membership.admin.forbiddenTitle")}
            body={t("membership.admin.forbiddenBody")}
            href={groupHref(props.groupId)}
            link={t("membership.admin.backToGroup")}
          />
        </Match>
        <Match when={failedWith(404)}>
          <AccessPanel title={t("membership.admin.notFoundTitle")} body={t("membership.admin.notFoundBody")} href="/" link={t("membership.admin.home")} />
        </Match>
        <Match when={failure()}>
          <Alert tone="error" title={t(props.loadErrorKey)}>
            <p>{errorMessage(failure())}</p>
            <Button variant="secondary" onClick={() => props.onRetry()}>
              {t("membership.admin.retry")}
            </Button>
          </Alert>
        </Match>
        <Match when={loaded()}>{(data) => props.children(data)}</Match>
      </Switch>
    </div>
  );
}

/** A translated message for a failed action: this page's own one for the code when it has one. */
export function actionError(error: unknown, namespace: string, fallbackKey: MessageKey): string {
  if (error instanceof ApiError) {
    if (error.status === 401) sessionExpired();
    const key = `${namespace}.${error.code}`;
    if (hasMessage(key)) return t(key);
  }
  return `${t(fallbackKey)} ${errorMessage(error)}`;
}
