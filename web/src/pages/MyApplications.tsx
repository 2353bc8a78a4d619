// /applications — every program I applied to, in which role, and where each application stands.
import { A } from "@solidjs/router";
import { createEffect, createResource, For, Match, Switch } from "solid-js";
import type { MyApplication } from "../../../shared/api/applications.ts";
import { Alert } from "../components/Alert.tsx";
import { Button, ButtonLink } from "../components/Button.tsx";
import { EmptyState } from "../components/EmptyState.tsx";
import { PageHeading } from "../components/PageHeading.tsx";
import { t } from "../i18n/index.ts";
import { api, ApiError } from "../lib/api.ts";
import { usePageTitle } from "../lib/page.ts";
import { sessionExpired } from "../lib/session.ts";
import { formatDate, pageError } from "./programs/applicants/format.ts";
import { ListSkeleton } from "./programs/applicants/ListSkeleton.tsx";
import "./programs/applicants/shared.css";
import "./programs/applicants/lists.css";

async function fetchMyApplications(): Promise<MyApplication[]> {
  const { applications } = await api.get<{ applications: MyApplication[] }>("/applications");
  return applications;
}

export default function MyApplications() {
  usePageTitle(() => t("applications.title"));
  const [applications, { refetch }] = createResource(fetchMyApplications);

  createEffect(() => {
    if (applications.error instanceof ApiError && applications.error.status === 401) sessionExpired();
  });

  return (
    <div class="container narrow my-applications">
      <div class="page-intro">
        <PageHeading>{t("applications.title")}</PageHeading>
        <p class="lead">{t("applications.intro")}</p>
      </div>

      <Switch fallback={<ListSkeleton label={t("applications.loading")} />}>
        <Match when={applications.state === "errored"}>
          <Alert tone="error" title={t("applications.loadError")}>
            <p>{pageError("applications", applications.error)}</p>
            <Button variant="secondary" onClick={() => void refetch()}>
              {t("applications.retry")}
            </Button>
          </Alert>
        </Match>
        <Match when={applications.state === "ready" && applications()?.length === 0}>
          <EmptyState
            title={t("applications.emptyTitle")}
            actions={
              <ButtonLink href="/" variant="secondary">
                {t("applications.emptyAction")}
              </ButtonLink>
            }
          >
            <p>{t("applications.emptyBody")}</p>
          </EmptyState>
        </Match>
        <Match when={applications.state === "ready" && applications()}>
          {(list) => (
            <ul class="item-list" role="list">
              <For each={list()}>{(application) => <ApplicationItem application={application} />}</For>
            </ul>
          )}
        </Match>
      </Switch>
    </div>
  );
}

function ApplicationItem(props: { application: MyApplication }) {
  const href = () => `/programs/${encodeURIComponent(props.application.programId)}/apply?role=${props.application.role}`;
  const linkText = () => (props.application.status === "waiting" ? t("applications.viewEdit") : t("applications.view"));
  return (
    <li class="item card">
      <div class="item__main">
        <p class="item__eyebrow">{props.application.program.groupName}</p>
        <h2 class="item__title">{props.application.program.title}</h2>
        <p class="item__meta">
          <span class="role-tag">{t(`apply.role.${props.application.role}`)}</span>
          <span>{t("apply.sentOn", { date: formatDate(props.application.createdAt) })}</span>
        </p>
      </div>
      <div class="item__side">
        <span class={`status status--${props.application.status}`}>
          <span class="visually-hidden">{t("applications.statusLabel")}: </span>
          {t(`applications.status.${props.application.status}`)}
        </span>
        <A
          href={href()}
          class="item__link"
          aria-label={`${linkText()}: ${t(`applications.linkContext.${props.application.role}`, { program: props.application.program.title })}`}
        >
          {linkText()}
        </A>
      </div>
    </li>
  );
}
