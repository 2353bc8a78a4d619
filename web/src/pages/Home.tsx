import { A } from "@solidjs/router";
import { createEffect, createResource, For, Match, Show, Switch } from "solid-js";
import { Alert } from "../components/Alert.tsx";
import { Button, ButtonLink } from "../components/Button.tsx";
import { EmptyState } from "../components/EmptyState.tsx";
import { ArrowRightIcon, LinkIcon, PlusIcon, UsersIcon } from "../components/Icons.tsx";
import { MembershipLinks } from "../components/MembershipLinks.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { t } from "../i18n/index.ts";
import { ApiError } from "../lib/api.ts";
import { errorMessage } from "../lib/errors.ts";
import { fetchMyGroups, type GroupSummary } from "../lib/groups.ts";
import { usePageTitle } from "../lib/page.ts";
import { session, sessionExpired } from "../lib/session.ts";
import { GroupsIllustration } from "./home/GroupsIllustration.tsx";
import { NextMeetings } from "./home/NextMeetings.tsx";
import { YourMentorships } from "./home/YourMentorships.tsx";

export default function Home() {
  usePageTitle(() => t("home.title"));
  const [groups, { refetch }] = createResource(fetchMyGroups);

  createEffect(() => {
    if (groups.error instanceof ApiError && groups.error.status === 401) sessionExpired();
  });

  const needsProfile = () => {
    const user = session.user;
    return !!user && user.topics.length === 0 && user.about.trim() === "";
  };

  return (
    <div class="container home">
      <div class="page-intro">
        <PageHeading>{t("home.greeting", { name: session.user?.displayName ?? "" })}</PageHeading>
        <p class="lead">{t("home.intro")}</p>
        <Show when={session.user}>{(user) => <MembershipLinks userId={user().id} />}</Show>
      </div>

      <NextMeetings />
      <YourMentorships />

      <section class="home__groups" aria-labelledby="groups-heading" aria-busy={groups.loading ? "true" : undefined}>
        {/* Creating a group is always one step away, not only from the empty state. */}
        <div class="home__groups-head">
          <h2 id="groups-heading" class="section-title">
            {t("home.groupsHeading")}
          </h2>
          <Show when={groups.state === "ready" && (groups()?.length ?? 0) > 0}>
            <ButtonLink href="/groups/new" variant="secondary" class="home__create">
              <PlusIcon />
              {t("home.createGroup")}
            </ButtonLink>
          </Show>
        </div>
        {/* Reading groups() only once it is ready keeps the page's own skeleton instead of suspending. */}
        <Switch fallback={<GroupsSkeleton />}>
          <Match when={groups.state === "errored"}>
            <Alert tone="error" title={t("home.loadError")}>
              <p>{errorMessage(groups.error)}</p>
              <Button variant="secondary" onClick={() => void refetch()}>
                {t("home.retry")}
              </Button>
            </Alert>
          </Match>
          <Match when={groups.state === "ready" && groups()?.length === 0}>
            <EmptyState
              title={t("home.emptyTitle")}
              level={3}
              illustration={<GroupsIllustration />}
              actions={
                <ButtonLink href="/groups/new">
                  <PlusIcon />
                  {t("home.createGroup")}
                </ButtonLink>
              }
              note={
                <>
                  <LinkIcon />
                  <span>{t("home.inviteNote")}</span>
                </>
              }
            >
              <p>{t("home.emptyBody")}</p>
            </EmptyState>
          </Match>
          <Match when={groups.state === "ready" && groups()}>
            {(list) => (
              <ul class="group-list" role="list">
                <For each={list()}>{(group) => <GroupCard group={group} />}</For>
              </ul>
            )}
          </Match>
        </Switch>
      </section>

      <Show when={needsProfile()}>
        <aside class="nudge card" aria-labelledby="nudge-title">
          <div>
            <h2 id="nudge-title" class="nudge__title">
              {t("home.profileNudgeTitle")}
            </h2>
            <p class="nudge__body">{t("home.profileNudgeBody")}</p>
          </div>
          <A href="/profile" class="nudge__link">
            {t("home.profileNudgeLink")}
            <ArrowRightIcon />
          </A>
        </aside>
      </Show>
    </div>
  );
}

function GroupCard(props: { group: GroupSummary }) {
  return (
    <li class="group-card card link-card">
      <div class="group-card__top">
        <span class={`badge badge--focus badge--${props.group.focus}`}>
          <span class="visually-hidden">{t("groups.focusLabel")}: </span>
          {t(`groups.focus.${props.group.focus}`)}
        </span>
        <span class="badge badge--role">
          <span class="visually-hidden">{t("groups.roleLabel")}: </span>
          {t(`groups.role.${props.group.role}`)}
        </span>
      </div>
      <h3 class="group-card__name">
        <A href={`/groups/${encodeURIComponent(props.group.id)}`} class="link-card__link">
          {props.group.name}
        </A>
      </h3>
      <Show when={props.group.description}>
        <p class="link-card__description">{props.group.description}</p>
      </Show>
      <p class="group-card__meta">
        <UsersIcon />
        {t("groups.members", { count: props.group.memberCount })}
      </p>
    </li>
  );
}

function GroupsSkeleton() {
  return (
    <div class="group-list group-list--skeleton" role="status">
      <span class="visually-hidden">{t("home.loadingGroups")}</span>
      <For each={[0, 1, 2]}>
        {() => (
          <div class="group-card card skeleton-card" aria-hidden="true">
            <div class="skeleton skeleton--badge" />
            <div class="skeleton skeleton--title" />
            <div class="skeleton skeleton--line" />
            <div class="skeleton skeleton--line skeleton--short" />
          </div>
        )}
      </For>
    </div>
  );
}
