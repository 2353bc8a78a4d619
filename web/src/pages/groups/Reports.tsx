// The group's report queue, for its admins. A report carries who reported whom, the reason and, when it
// is about a message, that one message: nothing else from the pair's space ever reaches this page.
import { useParams, useSearchParams } from "@solidjs/router";
import { createEffect, createMemo, createResource, createSignal, For, Match, Show, Suspense, Switch } from "solid-js";
import type { GroupDetailResponse } from "../../../../shared/api/groups.ts";
import type { Report } from "../../../../shared/api/room.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { t } from "../../i18n/index.ts";
import { api, ApiError } from "../../lib/api.ts";
import { errorMessage } from "../../lib/errors.ts";
import { usePageTitle } from "../../lib/page.ts";
import { sessionExpired } from "../../lib/session.ts";
import { AccessPanel, Crumbs, PrivacyNote } from "../programs/dashboard/admin.tsx";
import { formatDateTime, isoString, relativeTime, useNow } from "../programs/dashboard/format.ts";
import { EscalateButton } from "../membership/EscalateButton.tsx";
import { ReportCard, ReportTabs } from "./ReportCard.tsx";
import "./reports.css";

type Tab = "open" | "resolved";
const TABS: readonly Tab[] = ["open", "resolved"];

export default function Reports() {
  const params = useParams<{ groupId: string }>();
  const groupPath = () => `/groups/${encodeURIComponent(params.groupId)}`;
  // Every report at once: the two tabs are a view on one list, and both counts are known up front.
  const [reports, { refetch, mutate }] = createResource(
    () => params.groupId,
    (id) => api.get<{ reports: Report[] }>(`/groups/${encodeURIComponent(id)}/reports`).then((r) => r.reports),
  );
  // Only for the group's name; the queue works without it.
  const [group] = createResource(
    () => params.groupId,
    (id) =>
      api.get<GroupDetailResponse>(`/groups/${encodeURIComponent(id)}`).then(
        (r) => r.group,
        () => null,
      ),
  );
  const now = useNow();

  const failure = () => (reports.state === "errored" ? reports.error : undefined);
  const failedWith = (status: number) => failure() instanceof ApiError && (failure() as ApiError).status === status;
  createEffect(() => {
    if (failedWith(401)) sessionExpired();
  });
  // The resource itself is read while it loads (not only its `state` and `latest`), inside this page's
  // Suspense: otherwise a navigation inside the app could finish before it and the list, though
  // loaded, never showed ("Loading reports…" for good).
  const list = () => (reports.state === "errored" ? undefined : reports.state === "refreshing" ? reports.latest : reports());

  usePageTitle(() => {
    const name = group()?.name;
    return name ? t("reports.pageTitle", { group: name }) : t("reports.title");
  });

  return (
    <div class="container reports">
      <Show when={group()}>
        {(found) => <Crumbs label={t("reports.breadcrumb")} trail={[{ href: groupPath(), label: found().name }]} current={t("reports.title")} />}
      </Show>
      <div class="page-intro">
        <PageHeading>{t("reports.title")}</PageHeading>
        <Show when={list() && group()}>{(found) => <p class="lead">{t("reports.intro", { group: found().name })}</p>}</Show>
      </div>

      <Suspense fallback={<ReportsSkeleton />}>
        <Switch fallback={<ReportsSkeleton />}>
          <Match when={failedWith(403)}>
            <AccessPanel title={t("reports.forbiddenTitle")} body={t("reports.forbiddenBody")} href={groupPath()} link={t("reports.backToGroup")} />
          </Match>
          <Match when={failedWith(404)}>
            <AccessPanel title={t("reports.notFoundTitle")} body={t("reports.notFoundBody")} href="/" link={t("reports.home")} />
          </Match>
          <Match when={failure()}>
            <Alert tone="error" title={t("reports.loadError")}>
              <p>{errorMessage(failure())}</p>
              <Button variant="secondary" onClick={() => void refetch()}>
                {t("reports.retry")}
              </Button>
            </Alert>
          </Match>
          <Match when={list()}>
            {(loaded) => (
              <ReportQueue
                reports={loaded()}
                now={now()}
                onResolved={(report) => mutate((current) => current?.map((r) => (r.id === report.id ? report : r)))}
              />
            )}
          </Match>
        </Switch>
      </Suspense>
    </div>
  );
}

function ReportQueue(props: { reports: Report[]; now: number; onResolved: (report: Report) => void }) {
  const [searchParams, setSearchParams] = useSearchParams<{ status?: string }>();
  const tab = (): Tab => (searchParams.status === "resolved" ? "resolved" : "open");
  const byTab = createMemo(() => ({
    open: props.reports.filter((r) => r.status === "open"),
    resolved: props.reports.filter((r) => r.status === "resolved"),
  }));
  const shown = () => byTab()[tab()];

  const [resolvingId, setResolvingId] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal<{ tone: "success" | "error"; text: string } | null>(null);
  let noticeEl: HTMLDivElement | undefined;
  const tabEls: Partial<Record<Tab, HTMLButtonElement>> = {};

  function choose(next: Tab, focus = false) {
    setSearchParams({ status: next === "open" ? undefined : next }, { replace: true });
    setNotice(null);
    if (focus) tabEls[next]?.focus();
  }

  async function resolve(report: Report) {
    setResolvingId(report.id);
    setNotice(null);
    try {
      const { report: resolved } = await api.post<{ report: Report }>(`/reports/${encodeURIComponent(report.id)}/resolve`);
      props.onResolved(resolved);
      setNotice({ tone: "success", text: t("reports.resolvedNotice") });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return sessionExpired();
      setNotice({ tone: "error", text: `${t("reports.resolveError")} ${errorMessage(error)}` });
    } finally {
      setResolvingId(null);
      // The card (and its button) may have moved to the other tab: keep focus on the outcome.
      queueMicrotask(() => noticeEl?.focus());
    }
  }

  return (
    <>
      <PrivacyNote id="reports-privacy-title" title={t("reports.privacyTitle")}>
        <p>{t("reports.privacyBody")}</p>
      </PrivacyNote>

      <ReportTabs
        idPrefix="reports"
        panelId="reports-panel"
        label={t("reports.tabsLabel")}
        tabs={TABS}
        selected={tab()}
        onSelect={choose}
        ref={(name, el) => (tabEls[name] = el)}
      >
        {(name) => (
          <>
            <span>{t(`reports.tabs.${name}`)}</span>
            <span class="count-pill report-tabs__count">{byTab()[name].length}</span>
          </>
        )}
      </ReportTabs>

      <div id="reports-panel" class="report-panel" role="tabpanel" aria-labelledby={`reports-tab-${tab()}`}>
        <Show when={notice()}>
          {(shown) => (
            <Alert tone={shown().tone} ref={(el) => (noticeEl = el)}>
              <p>{shown().text}</p>
            </Alert>
          )}
        </Show>
        <Show
          when={shown().length > 0}
          fallback={
            <Show
              when={tab() === "open"}
              fallback={
                <EmptyState title={t("reports.emptyResolvedTitle")} level={2}>
                  <p>{t("reports.emptyResolvedBody")}</p>
                </EmptyState>
              }
            >
              <EmptyState title={t("reports.emptyOpenTitle")} level={2} illustration={<CalmIllustration />}>
                <p>{t("reports.emptyOpenBody")}</p>
              </EmptyState>
            </Show>
          }
        >
          <ul class="report-list" role="list">
            <For each={shown()}>
              {(report) => <QueueCard report={report} now={props.now} resolving={resolvingId() === report.id} onResolve={() => void resolve(report)} />}
            </For>
          </ul>
        </Show>
      </div>
    </>
  );
}

/** A report in the group's queue: resolved ones say so; open ones can be escalated or resolved. */
function QueueCard(props: { report: Report; now: number; resolving: boolean; onResolve: () => void }) {
  const report = () => props.report;
  const names = () => ({ reporter: report().reporter.displayName, reported: report().reported.displayName });
  return (
    <ReportCard
      titleId={`report-${report().id}-title`}
      title={t("reports.heading", names())}
      resolved={report().status === "resolved"}
      meta={
        <>
          <Show when={report().status === "resolved"}>
            <span class="report-card__status">{t("reports.statusResolved")}</span>
          </Show>
          <span>
            {t("reports.reportedAt")}{" "}
            <time datetime={isoString(report().createdAt)} title={formatDateTime(report().createdAt)}>
              {relativeTime(Date.parse(report().createdAt), props.now)}
            </time>
          </span>
        </>
      }
      reasonLabel={t("reports.reasonLabel")}
      reason={report().reason}
      message={
        report().message
          ? {
              label: t("reports.messageLabel"),
              body: report().message!.body,
              meta: t("reports.messageSent", { name: report().reported.displayName, time: formatDateTime(report().message!.sentAt) }),
            }
          : null
      }
      noMessage={t("reports.noMessage", { reported: report().reported.displayName })}
      actions={
        report().status === "open" ? (
          <>
            <EscalateButton reportId={report().id} escalated={!!report().escalatedAt} />
            <Button
              variant="secondary"
              loading={props.resolving}
              loadingText={t("reports.resolving")}
              aria-label={props.resolving ? undefined : t("reports.resolveLabel", names())}
              onClick={() => props.onResolve()}
            >
              <CheckMark />
              {t("reports.resolve")}
            </Button>
          </>
        ) : undefined
      }
    />
  );
}

function ReportsSkeleton() {
  return (
    <div class="report-list" role="status">
      <span class="visually-hidden">{t("reports.loading")}</span>
      <For each={[0, 1]}>
        {() => (
          <div class="report-card card skeleton-card" aria-hidden="true">
            <div class="skeleton skeleton--title" />
            <div class="skeleton skeleton--line" />
            <div class="skeleton skeleton--line skeleton--short" />
          </div>
        )}
      </For>
    </div>
  );
}

function CheckMark() {
  return (
    <svg
      class="icon"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
    >
      <path d="m5 12.5 4.5 4.5L19 7.5" />
    </svg>
  );
}

function CalmIllustration() {
  return (
    <svg class="illustration" viewBox="0 0 160 110" aria-hidden="true">
      <rect class="illustration__bg" x="4" y="6" width="152" height="98" rx="22" />
      <path class="illustration__a" d="M80 24 108 35v19c0 17-12 29-28 34-16-5-28-17-28-34V35Z" />
      <path d="m68 56 8 8 17-18" fill="none" stroke="#fff" stroke-width="5" stroke-linecap="round" stroke-linejoin="round" />
      <circle class="illustration__spark" cx="122" cy="28" r="5" />
      <circle class="illustration__b" cx="36" cy="80" r="6" />
    </svg>
  );
}
