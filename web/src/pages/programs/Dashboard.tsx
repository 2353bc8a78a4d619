// The program dashboard for the group's admins: how each pair is doing, from aggregates only.
// The API never sends a message, post or note here, and this page links nowhere into a pair's space.
import { useParams, useSearchParams } from "@solidjs/router";
import { createEffect, createMemo, createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import type { Pair } from "../../../../shared/api/pairs.ts";
import type { PairSummary } from "../../../../shared/api/room.ts";
import type { ProgramDetailResponse } from "../../../../shared/api/programs.ts";
import type { DashboardResponse } from "../../../../shared/api/room.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonLink } from "../../components/Button.tsx";
import { confirmAction } from "../../components/ConfirmDialog.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import { UsersIcon } from "../../components/Icons.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { t } from "../../i18n/index.ts";
import { api, ApiError } from "../../lib/api.ts";
import { errorMessage } from "../../lib/errors.ts";
import { usePageTitle } from "../../lib/page.ts";
import { sessionExpired } from "../../lib/session.ts";
import "./dashboard/dashboard.css";
import { AccessPanel, Crumbs, PrivacyNote } from "./dashboard/admin.tsx";
import { useNow } from "./dashboard/format.ts";
import { HealthIcon } from "./dashboard/HealthBadge.tsx";
import {
  countByFilter,
  FILTERS,
  HEALTH_ORDER,
  matchesFilter,
  parseFilter,
  sortForAttention,
  summarize,
  type DashboardEntry,
  type HealthFilter,
} from "./dashboard/health.ts";
import { PairTable } from "./dashboard/PairTable.tsx";

type Notice = { tone: "success" | "error"; text: string };

export default function Dashboard() {
  const params = useParams<{ programId: string }>();
  const programPath = () => `/programs/${encodeURIComponent(params.programId)}`;
  const [dashboard, { refetch, mutate }] = createResource(
    () => params.programId,
    (id) => api.get<DashboardResponse>(`/programs/${encodeURIComponent(id)}/dashboard`),
  );
  // Only for the way back (group and program names); the dashboard works without it.
  const [context] = createResource(
    () => params.programId,
    (id) => api.get<ProgramDetailResponse>(`/programs/${encodeURIComponent(id)}`).catch(() => null),
  );
  const now = useNow();

  const failure = () => (dashboard.state === "errored" ? dashboard.error : undefined);
  const failedWith = (status: number) => failure() instanceof ApiError && (failure() as ApiError).status === status;
  createEffect(() => {
    if (failedWith(401)) sessionExpired();
  });

  const data = () => (dashboard.state === "ready" || dashboard.state === "refreshing" ? dashboard.latest : undefined);
  const programTitle = () => data()?.program.title ?? context()?.program.title;
  usePageTitle(() => {
    const title = programTitle();
    return title ? t("dashboard.pageTitle", { program: title }) : t("dashboard.title");
  });

  return (
    <div class="container dashboard">
      <Show when={context()}>
        {(detail) => (
          <Crumbs
            label={t("dashboard.breadcrumb")}
            trail={[
              { href: `/groups/${encodeURIComponent(detail().group.id)}`, label: detail().group.name },
              { href: programPath(), label: detail().program.title },
            ]}
            current={t("dashboard.title")}
          />
        )}
      </Show>
      <div class="page-intro">
        <PageHeading>{t("dashboard.title")}</PageHeading>
        <Show when={data()?.program.title}>{(title) => <p class="lead">{t("dashboard.intro", { program: title() })}</p>}</Show>
        <Show when={data()}>
          <p>
            <ButtonLink href={`${programPath()}/report`} variant="secondary">
              {t("rhythm.report.link")}
            </ButtonLink>
          </p>
        </Show>
      </div>

      <Switch fallback={<DashboardSkeleton />}>
        <Match when={failedWith(403)}>
          <AccessPanel title={t("dashboard.forbiddenTitle")} body={t("dashboard.forbiddenBody")} href={programPath()} link={t("dashboard.backToProgram")} />
        </Match>
        <Match when={failedWith(404)}>
          <AccessPanel title={t("dashboard.notFoundTitle")} body={t("dashboard.notFoundBody")} href="/" link={t("dashboard.home")} />
        </Match>
        <Match when={failure()}>
          <Alert tone="error" title={t("dashboard.loadError")}>
            <p>{errorMessage(failure())}</p>
            <Button variant="secondary" onClick={() => void refetch()}>
              {t("dashboard.retry")}
            </Button>
          </Alert>
        </Match>
        <Match when={data()}>
          {(loaded) => (
            <DashboardBody
              data={loaded()}
              now={now()}
              applicantsHref={`${programPath()}/applicants`}
              refreshing={dashboard.state === "refreshing"}
              onEnded={(pair) => {
                // Show the new status at once; the refetch brings the recomputed health.
                mutate((current) => (current ? { ...current, pairs: current.pairs.map((e) => (e.pair.id === pair.id ? { ...e, pair } : e)) } : current));
                void refetch();
              }}
            />
          )}
        </Match>
      </Switch>
    </div>
  );
}

function DashboardBody(props: { data: DashboardResponse; now: number; applicantsHref: string; refreshing: boolean; onEnded: (pair: PairSummary) => void }) {
  const [searchParams, setSearchParams] = useSearchParams<{ health?: string }>();
  const filter = () => parseFilter(searchParams.health);
  const setFilter = (value: HealthFilter) => setSearchParams({ health: value === "all" ? undefined : value }, { replace: true });

  const sorted = createMemo(() => sortForAttention(props.data.pairs));
  const visible = createMemo(() => sorted().filter((entry) => matchesFilter(entry, filter())));
  const counts = createMemo(() => countByFilter(props.data.pairs));
  const summary = createMemo(() => summarize(props.data.pairs));

  const [endingId, setEndingId] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal<Notice | null>(null);
  let noticeEl: HTMLDivElement | undefined;
  const announce = (next: Notice) => {
    setNotice(next);
    // The button that was pressed is gone once the pair has ended: move focus to the outcome instead.
    queueMicrotask(() => noticeEl?.focus());
  };

  async function endPair(entry: DashboardEntry) {
    const names = { mentor: entry.pair.mentor.displayName, mentee: entry.pair.mentee.displayName };
    const answer = await confirmAction({
      title: t("dashboard.endTitle"),
      body: <p>{t("dashboard.endBody", names)}</p>,
      confirmLabel: t("dashboard.endConfirm"),
      danger: true,
      input: { label: t("dashboard.endReason"), required: true, multiline: true },
    });
    if (!answer) return;
    setEndingId(entry.pair.id);
    setNotice(null);
    try {
      const { pair } = await api.post<{ pair: Pair }>(`/pairs/${encodeURIComponent(entry.pair.id)}/end`, { outcome: "ended", reason: answer.value });
      props.onEnded({ ...pair, contactBlocked: entry.pair.contactBlocked });
      announce({ tone: "success", text: t("dashboard.endedNotice", names) });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return sessionExpired();
      const alreadyEnded = error instanceof ApiError && error.code === "pair_ended";
      announce({ tone: "error", text: alreadyEnded ? t("dashboard.alreadyEnded") : `${t("dashboard.endError")} ${errorMessage(error)}` });
      if (alreadyEnded) props.onEnded(entry.pair);
    } finally {
      setEndingId(null);
    }
  }

  return (
    <>
      <PrivacyNote id="privacy-note-title" title={t("dashboard.privacyTitle")}>
        <p>{t("dashboard.privacyBody")}</p>
      </PrivacyNote>

      <Show
        when={props.data.pairs.length > 0}
        fallback={
          <EmptyState
            title={t("dashboard.emptyTitle")}
            illustration={<PairsIllustration />}
            actions={
              <ButtonLink href={props.applicantsHref}>
                <UsersIcon />
                {t("dashboard.emptyAction")}
              </ButtonLink>
            }
          >
            <p>{t("dashboard.emptyBody")}</p>
          </EmptyState>
        }
      >
        <section aria-labelledby="summary-title" class="dash-summary">
          <h2 id="summary-title" class="visually-hidden">
            {t("dashboard.summary.title")}
          </h2>
          <dl class="dash-stats">
            <div class="dash-stat">
              <dt>{t("dashboard.summary.active")}</dt>
              <dd>{summary().active}</dd>
            </div>
            <div class="dash-stat" classList={{ "dash-stat--attention": summary().attention > 0 }}>
              <dt>{t("dashboard.summary.attention")}</dt>
              <dd>{summary().attention}</dd>
              <dd class="dash-stat__hint">{t("dashboard.summary.attentionHint")}</dd>
            </div>
            <div class="dash-stat">
              <dt>{t("dashboard.summary.completed")}</dt>
              <dd>{summary().completed}</dd>
            </div>
            <div class="dash-stat">
              <dt>{t("dashboard.summary.endedEarly")}</dt>
              <dd>{summary().endedEarly}</dd>
            </div>
          </dl>
        </section>

        <section aria-labelledby="pairs-title" class="dash-pairs" aria-busy={props.refreshing ? "true" : undefined}>
          <div class="dash-pairs__head">
            <h2 id="pairs-title" class="section-title">
              {t("dashboard.pairsTitle")}
            </h2>
            <fieldset class="health-filter">
              <legend class="health-filter__legend">{t("dashboard.filter.label")}</legend>
              <div class="health-filter__options">
                <For each={FILTERS}>
                  {(option) => (
                    <label class={`health-filter__option health-filter__option--${option}`}>
                      <input type="radio" name="health-filter" value={option} checked={filter() === option} onChange={() => setFilter(option)} />
                      <span>{t(`dashboard.filter.${option}`)}</span>
                      <span class="count-pill health-filter__count">{counts()[option]}</span>
                    </label>
                  )}
                </For>
              </div>
            </fieldset>
          </div>

          <Show when={notice()}>
            {(shown) => (
              <Alert tone={shown().tone} ref={(el) => (noticeEl = el)}>
                <p>{shown().text}</p>
              </Alert>
            )}
          </Show>

          <Show
            when={visible().length > 0}
            fallback={
              <div class="dash-filter-empty card">
                <p>{t("dashboard.filterEmpty")}</p>
                <Button variant="secondary" onClick={() => setFilter("all")}>
                  {t("dashboard.showAll")}
                </Button>
              </div>
            }
          >
            <PairTable entries={visible()} caption={t("dashboard.tableCaption")} now={props.now} endingId={endingId()} onEnd={(entry) => void endPair(entry)} />
          </Show>

          <details class="health-legend">
            <summary>{t("dashboard.legend.title")}</summary>
            <dl>
              <For each={HEALTH_ORDER}>
                {(state) => (
                  <div class={`health-legend__item health-legend__item--${state}`}>
                    <dt>
                      <HealthIcon state={state} />
                      {t(`dashboard.health.${state}`)}
                    </dt>
                    <dd>{t(`dashboard.legend.${state}`)}</dd>
                  </div>
                )}
              </For>
            </dl>
          </details>
        </section>
      </Show>
    </>
  );
}

function DashboardSkeleton() {
  return (
    <div class="dash-skeleton" role="status">
      <span class="visually-hidden">{t("dashboard.loading")}</span>
      <div class="dash-stats" aria-hidden="true">
        <For each={[0, 1, 2, 3]}>
          {() => (
            <div class="dash-stat skeleton-card">
              <div class="skeleton skeleton--line skeleton--short" />
              <div class="skeleton skeleton--title" />
            </div>
          )}
        </For>
      </div>
      <div class="card dash-skeleton__table" aria-hidden="true">
        <For each={[0, 1, 2]}>{() => <div class="skeleton skeleton--line" />}</For>
      </div>
    </div>
  );
}

function PairsIllustration() {
  return (
    <svg class="illustration" viewBox="0 0 160 110" aria-hidden="true">
      <rect class="illustration__bg" x="4" y="6" width="152" height="98" rx="22" />
      <circle class="illustration__a" cx="58" cy="44" r="14" />
      <path class="illustration__a" d="M34 86c0-14 11-24 24-24s24 10 24 24Z" />
      <circle class="illustration__b" cx="104" cy="48" r="12" />
      <path class="illustration__b" d="M84 86c0-12 9-21 20-21s20 9 20 21Z" />
      <path class="illustration__line" d="M74 30c8-8 18-8 26 0" fill="none" stroke-width="3" stroke-linecap="round" stroke-dasharray="2 6" />
      <circle class="illustration__spark" cx="124" cy="26" r="5" />
    </svg>
  );
}
