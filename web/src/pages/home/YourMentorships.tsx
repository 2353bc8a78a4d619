// The home page's "Your mentorships": every pair I am in, the other person, my role, the program and
// group, and where it stands, each linking to the pair's space.
import { A } from "@solidjs/router";
import { createEffect, createResource, For, Match, Switch } from "solid-js";
import { Alert } from "../../components/Alert.tsx";
import { Avatar } from "../../components/Avatar.tsx";
import { Button } from "../../components/Button.tsx";
import { PairEndNote } from "../../components/PairEndNote.tsx";
import { t } from "../../i18n/index.ts";
import { ApiError } from "../../lib/api.ts";
import { fetchMyPairs, type MyPair } from "../../lib/pairs.ts";
import { sessionExpired } from "../../lib/session.ts";
import { formatDate, pageError } from "../programs/applicants/format.ts";
import { ListSkeleton } from "../programs/applicants/ListSkeleton.tsx";
import "../programs/applicants/shared.css";
import "../programs/applicants/lists.css";
import "./mentorships.css";

export function YourMentorships() {
  const [pairs, { refetch }] = createResource(fetchMyPairs);

  createEffect(() => {
    if (pairs.error instanceof ApiError && pairs.error.status === 401) sessionExpired();
  });

  return (
    <section class="mentorships" aria-labelledby="mentorships-heading" aria-busy={pairs.loading ? "true" : undefined}>
      <div class="mentorships__head">
        <h2 id="mentorships-heading" class="section-title">
          {t("pairsList.heading")}
        </h2>
        <A href="/applications" class="mentorships__applications">
          {t("pairsList.myApplications")}
        </A>
      </div>
      <Switch fallback={<ListSkeleton label={t("pairsList.loading")} count={1} />}>
        <Match when={pairs.state === "errored"}>
          <Alert tone="error" title={t("pairsList.loadError")}>
            <p>{pageError("pairsList", pairs.error)}</p>
            <Button variant="secondary" onClick={() => void refetch()}>
              {t("pairsList.retry")}
            </Button>
          </Alert>
        </Match>
        <Match when={pairs.state === "ready" && pairs()?.length === 0}>
          <div class="mentorships__empty">
            <p class="mentorships__empty-title">{t("pairsList.emptyTitle")}</p>
            <p>{t("pairsList.emptyBody")}</p>
          </div>
        </Match>
        <Match when={pairs.state === "ready" && pairs()}>
          {(list) => (
            <ul class="item-list mentorship-list" role="list">
              <For each={list()}>{(pair) => <PairItem pair={pair} />}</For>
            </ul>
          )}
        </Match>
      </Switch>
    </section>
  );
}

function PairItem(props: { pair: MyPair }) {
  const name = () => props.pair.other.displayName;
  return (
    <li class="item card mentorship" classList={{ "is-active": props.pair.status === "active" }}>
      <Avatar name={name()} class="mentorship__avatar" />
      <div class="item__main">
        <h3 class="item__title">
          <A href={`/pairs/${encodeURIComponent(props.pair.id)}`} class="mentorship__link">
            {name()}
          </A>
        </h3>
        <p class="mentorship__role">
          {props.pair.status === "active"
            ? t(`pairsList.role.${props.pair.myRole}`, { name: name() })
            : t(`phone.pastPair.${props.pair.myRole}`, { name: name() })}
        </p>
        <p class="mentorship__meta">
          {t("pairsList.programInGroup", { program: props.pair.program.title, group: props.pair.group.name })}
          {" · "}
          <span class="nowrap">
            {props.pair.endedAt
              ? t(props.pair.status === "completed" ? "phone.pastPair.completedOn" : "phone.pastPair.endedOn", { date: formatDate(props.pair.endedAt) })
              : t("pairsList.startedOn", { date: formatDate(props.pair.startedAt) })}
          </span>
        </p>
        <PairEndNote status={props.pair.status} endReason={props.pair.endReason} contactBlocked={props.pair.contactBlocked} />
      </div>
      <span class={`status status--${props.pair.status}`}>
        <span class="visually-hidden">{t("applications.statusLabel")}: </span>
        {t(`pairsList.status.${props.pair.status}`)}
      </span>
    </li>
  );
}
