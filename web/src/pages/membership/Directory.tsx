// The directory of listed groups: search in any of the three languages, filter by focus, and ask to
// join a group that takes requests.
import { A, useSearchParams } from "@solidjs/router";
import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonLink } from "../../components/Button.tsx";
import { confirmAction } from "../../components/ConfirmDialog.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { t } from "../../i18n/index.ts";
import { errorMessage } from "../../lib/errors.ts";
import { GROUP_FOCUSES } from "../../lib/groups.ts";
import { usePageTitle } from "../../lib/page.ts";
import { FocusBadge } from "../groups/common.tsx";
import { actionError } from "./AdminFrame.tsx";
import { requestToJoin, searchDirectory, type DirectoryGroup } from "./membership-api.ts";
import "./membership.css";

export default function Directory() {
  usePageTitle(() => t("membership.directory.title"));
  const [params, setParams] = useSearchParams<{ q?: string; focus?: string }>();
  const [query, setQuery] = createSignal(params.q ?? "");
  const [focus, setFocus] = createSignal(params.focus ?? "");
  const [groups, { refetch, mutate }] = createResource(
    () => ({ q: params.q ?? "", focus: params.focus ?? "" }),
    ({ q, focus }) => searchDirectory(q, focus),
  );
  const [busy, setBusy] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal<{ tone: "success" | "error"; text: string } | null>(null);
  let noticeEl: HTMLDivElement | undefined;

  function submit(event: SubmitEvent) {
    event.preventDefault();
    setNotice(null);
    setParams({ q: query().trim() || undefined, focus: focus() || undefined }, { replace: true });
  }

  async function ask(group: DirectoryGroup) {
    const answer = await confirmAction({
      title: t("membership.directory.requestTitle", { group: group.name }),
      body: <p>{t("membership.directory.requestBody")}</p>,
      confirmLabel: t("membership.directory.requestSend"),
      input: { label: t("membership.directory.requestMessage"), multiline: true },
    });
    if (!answer) return;
    setBusy(group.id);
    setNotice(null);
    try {
      await requestToJoin(group.id, answer.value.trim());
      mutate((list) => list?.map((g) => (g.id === group.id ? { ...g, myStatus: "pending" as const } : g)));
      setNotice({ tone: "success", text: t("membership.directory.requestSent", { group: group.name }) });
    } catch (error) {
      setNotice({ tone: "error", text: actionError(error, "membership.directory.errors", "membership.directory.loadError") });
    } finally {
      setBusy(null);
      queueMicrotask(() => noticeEl?.focus());
    }
  }

  return (
    <div class="container membership-page directory">
      <div class="page-intro">
        <PageHeading>{t("membership.directory.title")}</PageHeading>
        <p class="lead">{t("membership.directory.intro")}</p>
      </div>
      <form class="directory-search card" role="search" onSubmit={submit}>
        <div class="field directory-search__query">
          <label class="field__label" for="directory-q">
            {t("membership.directory.searchLabel")}
          </label>
          <input
            id="directory-q"
            class="input"
            type="search"
            maxLength={100}
            placeholder={t("membership.directory.searchPlaceholder")}
            value={query()}
            onInput={(event) => setQuery(event.currentTarget.value)}
          />
        </div>
        <div class="field directory-search__focus">
          <label class="field__label" for="directory-focus">
            {t("membership.directory.focusLabel")}
          </label>
          <select id="directory-focus" class="input" value={focus()} onChange={(event) => setFocus(event.currentTarget.value)}>
            <option value="">{t("membership.directory.anyFocus")}</option>
            <For each={GROUP_FOCUSES}>{(value) => <option value={value}>{t(`groups.focus.${value}`)}</option>}</For>
          </select>
        </div>
        <Button type="submit" class="directory-search__submit">
          {t("membership.directory.search")}
        </Button>
      </form>

      <Show when={notice()}>
        {(shown) => (
          <Alert tone={shown().tone} ref={(el) => (noticeEl = el)}>
            <p>{shown().text}</p>
          </Alert>
        )}
      </Show>

      <Switch
        fallback={
          <div class="membership-skeleton" role="status">
            <span class="visually-hidden">{t("membership.directory.loading")}</span>
            <For each={[0, 1, 2]}>
              {() => (
                <div class="card skeleton-card" aria-hidden="true">
                  <div class="skeleton skeleton--title" />
                  <div class="skeleton skeleton--line" />
                </div>
              )}
            </For>
          </div>
        }
      >
        <Match when={groups.state === "errored"}>
          <Alert tone="error" title={t("membership.directory.loadError")}>
            <p>{errorMessage(groups.error)}</p>
            <Button variant="secondary" onClick={() => void refetch()}>
              {t("membership.directory.retry")}
            </Button>
          </Alert>
        </Match>
        <Match when={groups.state === "ready" || groups.state === "refreshing" ? groups.latest : undefined}>
          {(list) => (
            <Show
              when={list().length > 0}
              fallback={
                <EmptyState title={t("membership.directory.emptyTitle")}>
                  <p>{t("membership.directory.emptyBody")}</p>
                </EmptyState>
              }
            >
              <ul class="directory-list" role="list" aria-busy={groups.loading ? "true" : undefined}>
                <For each={list()}>
                  {(group) => (
                    <li class="directory-card card" data-group-id={group.id}>
                      <div class="directory-card__head">
                        <h2 class="directory-card__name">{group.name}</h2>
                        <FocusBadge focus={group.focus} />
                      </div>
                      <Show when={group.description}>
                        <p class="directory-card__description">{group.description}</p>
                      </Show>
                      <p class="directory-card__meta">
                        <span>{t("membership.directory.members", { count: group.memberCount })}</span>
                        <span aria-hidden="true"> · </span>
                        <span>
                          {group.openProgramsCount > 0
                            ? t("membership.directory.openPrograms", { count: group.openProgramsCount })
                            : t("membership.directory.noOpenPrograms")}
                        </span>
                      </p>
                      <div class="directory-card__actions">
                        <Switch>
                          <Match when={group.myStatus === "member"}>
                            <span class="directory-card__state">{t("membership.directory.member")}</span>
                            <ButtonLink href={`/groups/${encodeURIComponent(group.id)}`} variant="secondary">
                              {t("membership.directory.open")}
                            </ButtonLink>
                          </Match>
                          <Match when={group.myStatus === "pending"}>
                            <span class="directory-card__state directory-card__state--pending" role="status">
                              {t("membership.directory.pending")}
                            </span>
                          </Match>
                          <Match when={group.joinPolicy === "request"}>
                            <Button loading={busy() === group.id} disabled={busy() !== null} onClick={() => void ask(group)}>
                              {t("membership.directory.requestToJoin")}
                              <span class="visually-hidden"> ({group.name})</span>
                            </Button>
                          </Match>
                          <Match when={true}>
                            <span class="directory-card__state">{t("membership.directory.inviteOnly")}</span>
                          </Match>
                        </Switch>
                      </div>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Match>
      </Switch>
      <p class="membership-back">
        <A href="/">{t("membership.admin.home")}</A>
      </p>
    </div>
  );
}
