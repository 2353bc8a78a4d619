// /programs/:programId/applicants — the admin's applicants board: who applied, their answers and profile
// facts, the mentors' places, and pairing in a few clicks (ranked suggestions for one mentee, a manual
// choice, or "Suggest all" for everyone waiting). Members who are not admins are told this is for admins.
import { useParams } from "@solidjs/router";
import { createEffect, createMemo, createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import type { ApplicationRole } from "../../../../shared/api/applications.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonLink } from "../../components/Button.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { t } from "../../i18n/index.ts";
import { ApiError } from "../../lib/api.ts";
import { usePageTitle } from "../../lib/page.ts";
import { sessionExpired } from "../../lib/session.ts";
import { ApplicantCard } from "./applicants/ApplicantCard.tsx";
import { Breadcrumb } from "./applicants/Breadcrumb.tsx";
import {
  fetchApplicants,
  fetchProgramDetail,
  fetchProgramPairs,
  hasPlaces,
  isPairableMentee,
  lastEndedPairs,
  suggestAll,
  type Applicant,
  type SuggestAll,
} from "./applicants/api.ts";
import { pairingError } from "./applicants/pairing.ts";
import { SuggestAllPanel } from "./applicants/SuggestAllPanel.tsx";
import { SuggestionsPanel } from "./applicants/SuggestionsPanel.tsx";
import "./applicants/shared.css";
import "./applicants/board.css";

type RoleFilter = "all" | ApplicationRole;
type StatusFilter = "all" | "waiting" | "paired" | "withdrawn";
const ROLE_FILTERS: RoleFilter[] = ["all", "mentee", "mentor"];
const STATUS_FILTERS: StatusFilter[] = ["all", "waiting", "paired", "withdrawn"];

const isForbidden = (error: unknown) => error instanceof ApiError && error.status === 403;

export default function Applicants() {
  const params = useParams<{ programId: string }>();
  const [detail, { refetch: refetchDetail }] = createResource(() => params.programId, fetchProgramDetail);
  const isAdmin = () => detail.state === "ready" && detail()!.myRole !== "member";
  // Past pairs let the board say "Completed with Omar, 12 May" and offer "Pair again" explicitly.
  const [programPairs, { refetch: refetchPairs }] = createResource(() => params.programId, fetchProgramPairs);
  const pastPairs = createMemo(() => lastEndedPairs(programPairs.state === "ready" ? programPairs() : []));
  const [applicants, { refetch }] = createResource(
    () => (isAdmin() ? params.programId : false),
    (programId) => fetchApplicants(programId),
  );
  const [roleFilter, setRoleFilter] = createSignal<RoleFilter>("all");
  const [statusFilter, setStatusFilter] = createSignal<StatusFilter>("all");
  const [picked, setPicked] = createSignal<Applicant | null>(null);
  const [notice, setNotice] = createSignal<(() => string) | null>(null);
  const [allResult, setAllResult] = createSignal<SuggestAll | null>(null);
  const [allLoading, setAllLoading] = createSignal(false);
  const [allError, setAllError] = createSignal<string | null>(null);
  let noticeEl: HTMLDivElement | undefined;

  usePageTitle(() => (detail.state === "ready" ? t("applicants.pageTitle", { program: detail()!.program.title }) : t("applicants.title")));

  createEffect(() => {
    for (const error of [detail.error, applicants.error]) {
      if (error instanceof ApiError && error.status === 401) sessionExpired();
    }
  });

  // Keep showing the last list while a refresh after pairing runs.
  const list = createMemo<Applicant[] | undefined>(() => (applicants.state === "ready" || applicants.state === "refreshing" ? applicants.latest : undefined));
  const program = () => (detail.state === "ready" ? detail()!.program : undefined);
  const availability = () =>
    program()?.questions.mentee.find((q) => q.id === "availability") ?? program()?.questions.mentor.find((q) => q.id === "availability");

  const mentees = () => (list() ?? []).filter((a) => a.role === "mentee");
  const mentors = () => (list() ?? []).filter((a) => a.role === "mentor");
  const mentorsWithPlaces = () => mentors().filter(hasPlaces);
  const waitingMentees = () => mentees().filter(isPairableMentee);
  const pairCount = () => mentors().reduce((sum, mentor) => sum + mentor.capacityUsed, 0);
  const matchesStatus = (a: Applicant) => statusFilter() === "all" || a.status === statusFilter();
  const shownMentees = () => mentees().filter(matchesStatus);
  const shownMentors = () => mentors().filter(matchesStatus);
  const people = createMemo(() => ({
    mentors: new Map(mentors().map((a) => [a.userId, a])),
    mentees: new Map(mentees().map((a) => [a.userId, a])),
  }));

  function pick(applicant: Applicant) {
    setAllResult(null);
    setNotice(null);
    setPicked((current) => (current?.id === applicant.id ? null : applicant));
  }

  /** After a panel closes, focus goes back to what opened it rather than to the top of the page. */
  function returnFocus(selector: string) {
    queueMicrotask(() => document.querySelector<HTMLElement>(selector)?.focus());
  }

  function showNotice(text: () => string) {
    setNotice(() => text);
    queueMicrotask(() => noticeEl?.focus());
  }

  async function runSuggestAll() {
    setPicked(null);
    setNotice(null);
    setAllError(null);
    setAllLoading(true);
    try {
      setAllResult(await suggestAll(params.programId));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return sessionExpired();
      setAllError(pairingError(error));
    } finally {
      setAllLoading(false);
    }
  }

  return (
    <div class="container board">
      <Switch fallback={<BoardSkeleton />}>
        <Match when={detail.state === "errored"}>
          <PageHeading>{t("applicants.title")}</PageHeading>
          <Show
            when={detail.error instanceof ApiError && detail.error.status === 404}
            fallback={
              <Alert tone="error" title={t("applicants.loadError")}>
                <p>{pairingError(detail.error)}</p>
                <Button variant="secondary" onClick={() => void refetchDetail()}>
                  {t("applicants.retry")}
                </Button>
              </Alert>
            }
          >
            <Alert tone="error" title={t("apply.notFoundTitle")}>
              <p>{t("apply.notFoundBody")}</p>
              <ButtonLink href="/" variant="secondary">
                {t("apply.backHome")}
              </ButtonLink>
            </Alert>
          </Show>
        </Match>
        <Match when={program()}>
          {(loaded) => (
            <>
              <div class="page-intro board__intro">
                <Breadcrumb group={detail()!.group} program={loaded()} />
                <PageHeading>{t("applicants.title")}</PageHeading>
                <p class="lead">{t("applicants.intro", { program: loaded().title })}</p>
              </div>

              <Switch>
                <Match when={!isAdmin() || isForbidden(applicants.error)}>
                  <Alert tone="info" title={t("applicants.adminsOnlyTitle")}>
                    <p>{t("applicants.adminsOnlyBody")}</p>
                    <ButtonLink href={`/programs/${encodeURIComponent(loaded().id)}/apply`} variant="secondary">
                      {t("applicants.adminsOnlyApply")}
                    </ButtonLink>
                  </Alert>
                </Match>
                <Match when={applicants.state === "errored"}>
                  <Alert tone="error" title={t("applicants.loadError")}>
                    <p>{pairingError(applicants.error)}</p>
                    <Button variant="secondary" onClick={() => void refetch()}>
                      {t("applicants.retry")}
                    </Button>
                  </Alert>
                </Match>
                <Match when={list()?.length === 0}>
                  <EmptyState title={t("applicants.emptyTitle")}>
                    <p>{t(loaded().status === "open" ? "applicants.emptyBodyOpen" : "applicants.emptyBodyNotOpen")}</p>
                  </EmptyState>
                </Match>
                <Match when={list()}>
                  <ul class="board__stats" role="list">
                    <li>
                      <strong>{waitingMentees().length}</strong> {t("applicants.statWaiting", { count: waitingMentees().length })}
                    </li>
                    <li>
                      <strong>{mentorsWithPlaces().length}</strong> {t("applicants.statMentors", { count: mentorsWithPlaces().length })}
                    </li>
                    <li>
                      <strong>{pairCount()}</strong> {t("applicants.statPairs", { count: pairCount() })}
                    </li>
                  </ul>

                  <div class="board__toolbar">
                    <div class="board__suggest">
                      <Button
                        id="suggest-all-button"
                        onClick={() => void runSuggestAll()}
                        loading={allLoading()}
                        loadingText={t("applicants.suggestingAll")}
                        disabled={waitingMentees().length === 0 || mentorsWithPlaces().length === 0}
                        aria-describedby="suggest-all-hint"
                      >
                        {t("applicants.suggestAll")}
                      </Button>
                      <p id="suggest-all-hint" class="board__hint">
                        {waitingMentees().length === 0
                          ? t("applicants.suggestAllNoMentees")
                          : mentorsWithPlaces().length === 0
                            ? t("applicants.suggestAllNoMentors")
                            : t("applicants.suggestAllHint")}
                      </p>
                    </div>
                    <div class="board__filters" role="group" aria-label={t("applicants.filtersLabel")}>
                      <label class="filter">
                        <span class="filter__label">{t("applicants.filterRole")}</span>
                        <select class="input select" value={roleFilter()} onChange={(e) => setRoleFilter(e.currentTarget.value as RoleFilter)}>
                          <For each={ROLE_FILTERS}>
                            {(value) => (
                              <option value={value} selected={value === roleFilter()}>
                                {t(`applicants.roleFilter.${value}`)}
                              </option>
                            )}
                          </For>
                        </select>
                      </label>
                      <label class="filter">
                        <span class="filter__label">{t("applicants.filterStatus")}</span>
                        <select class="input select" value={statusFilter()} onChange={(e) => setStatusFilter(e.currentTarget.value as StatusFilter)}>
                          <For each={STATUS_FILTERS}>
                            {(value) => (
                              <option value={value} selected={value === statusFilter()}>
                                {t(`applicants.statusFilter.${value}`)}
                              </option>
                            )}
                          </For>
                        </select>
                      </label>
                    </div>
                  </div>

                  <Show when={notice()}>
                    {(text) => (
                      <Alert tone="success" ref={(el) => (noticeEl = el)}>
                        <p>{text()()}</p>
                      </Alert>
                    )}
                  </Show>
                  <Show when={allError()}>
                    <Alert tone="error" title={t("applicants.suggestAllError")}>
                      <p>{allError()}</p>
                    </Alert>
                  </Show>

                  <Show when={allResult()}>
                    {(result) => (
                      <SuggestAllPanel
                        programId={loaded().id}
                        programTitle={loaded().title}
                        result={result()}
                        people={people()}
                        availability={availability()}
                        onDone={() => void refetch()}
                        onClose={() => {
                          setAllResult(null);
                          returnFocus("#suggest-all-button");
                        }}
                      />
                    )}
                  </Show>

                  <Show when={picked()} keyed>
                    {(mentee) => (
                      <SuggestionsPanel
                        programId={loaded().id}
                        mentee={mentee}
                        mentors={mentorsWithPlaces()}
                        availability={availability()}
                        previousMentorId={mentee.capacityUsed === 0 ? pastPairs().get(mentee.userId)?.mentor.id : undefined}
                        onClose={() => {
                          setPicked(null);
                          returnFocus(`[data-pick="${CSS.escape(mentee.id)}"]`);
                        }}
                        onPaired={(mentor, pairedMentee) => {
                          setPicked(null);
                          showNotice(() => t("applicants.pairedNotice", { mentee: pairedMentee.user.displayName, mentor: mentor.user.displayName }));
                          void refetch();
                          void refetchPairs();
                        }}
                      />
                    )}
                  </Show>

                  <div class="board__columns" classList={{ "board__columns--single": roleFilter() !== "all" }}>
                    <Show when={roleFilter() !== "mentor"}>
                      <section class="board__column" aria-labelledby="mentees-heading">
                        <h2 id="mentees-heading" class="section-title">
                          {t("applicants.menteesHeading")} <span class="count">({shownMentees().length})</span>
                        </h2>
                        <Show
                          when={shownMentees().length > 0}
                          fallback={<p class="board__empty">{mentees().length ? t("applicants.noMatchingMentees") : t("applicants.noMentees")}</p>}
                        >
                          <ul class="applicant-list" role="list">
                            <For each={shownMentees()}>
                              {(applicant) => (
                                <ApplicantCard
                                  applicant={applicant}
                                  questions={loaded().questions.mentee}
                                  picked={picked()?.id === applicant.id}
                                  onPick={pick}
                                  pastPair={pastPairs().get(applicant.userId)}
                                />
                              )}
                            </For>
                          </ul>
                        </Show>
                      </section>
                    </Show>
                    <Show when={roleFilter() !== "mentee"}>
                      <section class="board__column" aria-labelledby="mentors-heading">
                        <h2 id="mentors-heading" class="section-title">
                          {t("applicants.mentorsHeading")} <span class="count">({shownMentors().length})</span>
                        </h2>
                        <Show when={mentors().length > 0 && mentorsWithPlaces().length === 0}>
                          <p class="board__warning">{t("applicants.noMentorsWithPlaces")}</p>
                        </Show>
                        <Show
                          when={shownMentors().length > 0}
                          fallback={<p class="board__empty">{mentors().length ? t("applicants.noMatchingMentors") : t("applicants.noMentors")}</p>}
                        >
                          <ul class="applicant-list" role="list">
                            <For each={shownMentors()}>{(applicant) => <ApplicantCard applicant={applicant} questions={loaded().questions.mentor} />}</For>
                          </ul>
                        </Show>
                      </section>
                    </Show>
                  </div>
                </Match>
                <Match when={true}>
                  <BoardSkeleton inner />
                </Match>
              </Switch>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}

function BoardSkeleton(props: { inner?: boolean }) {
  return (
    <div role="status" class="board__skeleton">
      <span class="visually-hidden">{t("applicants.loading")}</span>
      <div aria-hidden="true">
        <Show when={!props.inner}>
          <div class="skeleton skeleton--badge" />
          <div class="skeleton skeleton--title" />
        </Show>
        <div class="board__columns">
          <div class="card skeleton-card" />
          <div class="card skeleton-card" />
        </div>
      </div>
    </div>
  );
}
