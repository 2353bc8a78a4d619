import { A, useParams } from "@solidjs/router";
import { createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import { Alert } from "../../components/Alert.tsx";
import { PageLoading } from "../../components/AppShell.tsx";
import { Button, ButtonLink } from "../../components/Button.tsx";
import { confirmAction } from "../../components/ConfirmDialog.tsx";
import { ArrowRightIcon, CheckIcon } from "../../components/Icons.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { t } from "../../i18n/index.ts";
import { changeProgramStatus, fetchProgram, isGroupAdmin, PROGRAM_ACTIONS, type ProgramDetail, type ProgramStatus } from "../../lib/groups.ts";
import { usePageTitle } from "../../lib/page.ts";
import { ArrowLeftIcon, CalendarIcon, ClockIcon, failureMessage, isNotFound, LoadFailure, PencilIcon, StatusBadge, StepsIcon } from "../groups/common.tsx";
import "../groups/groups.css";

export default function ProgramPage() {
  const params = useParams<{ programId: string }>();
  const [detail, { mutate, refetch }] = createResource(() => params.programId, fetchProgram);
  usePageTitle(() => (detail.state === "ready" ? detail().program.title : t("programs.page.title")));

  return (
    <div class="container program-page">
      <Switch fallback={<PageLoading />}>
        <Match when={detail.state === "errored" && isNotFound(detail.error)}>
          <div class="narrow-block">
            <PageHeading>{t("programs.page.notFoundTitle")}</PageHeading>
            <p class="lead">{t("programs.page.notFoundBody")}</p>
            <ButtonLink href="/" variant="secondary" class="group-page__home">
              {t("groups.page.backHome")}
            </ButtonLink>
          </div>
        </Match>
        <Match when={detail.state === "errored"}>
          <PageHeading>{t("programs.page.title")}</PageHeading>
          <LoadFailure title={t("programs.page.loadError")} error={detail.error} onRetry={() => void refetch()} />
        </Match>
        <Match when={detail.state === "ready" ? detail() : undefined}>
          {(loaded) => <ProgramView detail={loaded()} onChange={(next) => mutate(next)} onReload={() => void refetch()} />}
        </Match>
      </Switch>
    </div>
  );
}

/** The label of the button that moves a program to `to`, by where it is now. */
function actionLabel(from: ProgramStatus, to: ProgramStatus): string {
  if (to === "open") return from === "closed" ? t("programs.actions.reopen") : t("programs.actions.open");
  if (to === "closed") return t("programs.actions.close");
  return t("programs.actions.archive");
}

function ProgramView(props: { detail: ProgramDetail; onChange: (detail: ProgramDetail) => void; onReload: () => void }) {
  const program = () => props.detail.program;
  const admin = () => isGroupAdmin(props.detail.myRole);
  const base = () => `/programs/${encodeURIComponent(program().id)}`;
  const [changing, setChanging] = createSignal<ProgramStatus | null>(null);
  const [statusError, setStatusError] = createSignal<string | null>(null);
  const [statusNote, setStatusNote] = createSignal("");
  let alert: HTMLDivElement | undefined;

  async function move(to: ProgramStatus) {
    setStatusError(null);
    setStatusNote("");
    if (to === "archived") {
      const answer = await confirmAction({
        title: t("programs.actions.archiveTitle", { title: program().title }),
        body: <p>{t("programs.actions.archiveBody")}</p>,
        confirmLabel: t("programs.actions.archive"),
        danger: true,
      });
      if (!answer) return;
    }
    setChanging(to);
    try {
      const updated = await changeProgramStatus(program().id, to);
      props.onChange({ ...props.detail, program: updated });
      setStatusNote(t("programs.actions.changed", { status: t(`programs.status.${updated.status}`) }));
    } catch (error) {
      setStatusError(failureMessage(error, "programs.errors"));
      queueMicrotask(() => alert?.focus());
    } finally {
      setChanging(null);
    }
  }

  return (
    <>
      <nav class="back-link" aria-label={t("programs.page.breadcrumb")}>
        <A href={`/groups/${encodeURIComponent(props.detail.group.id)}`}>
          <ArrowLeftIcon />
          {props.detail.group.name}
        </A>
      </nav>

      <header class="program-hero">
        <div class="program-hero__badges">
          <StatusBadge status={program().status} />
        </div>
        <PageHeading class="program-hero__title">{program().title}</PageHeading>
        <Show when={program().description}>
          <p class="program-hero__description">{program().description}</p>
        </Show>
        <ul class="program-facts" role="list" aria-label={t("programs.page.factsLabel")}>
          <li>
            <CalendarIcon />
            {t("programs.weeks", { count: program().durationWeeks })}
          </li>
          <li>
            <StepsIcon />
            {t("programs.steps", { count: program().steps.length })}
          </li>
          <li>
            <ClockIcon />
            {t("programs.page.cadence", { count: program().checkinCadenceDays })}
          </li>
        </ul>
      </header>

      <Switch>
        <Match when={program().status === "open"}>
          <section class="signup-cta" aria-labelledby="signup-cta-title">
            <div>
              <h2 id="signup-cta-title" class="signup-cta__title">
                {t("programs.page.openTitle")}
              </h2>
              <p class="signup-cta__body">{t("programs.page.openBody")}</p>
            </div>
            <ButtonLink href={`${base()}/apply`} class="signup-cta__button">
              {t("programs.page.signUp")}
              <ArrowRightIcon />
            </ButtonLink>
          </section>
        </Match>
        <Match when={program().status === "closed"}>
          <Alert tone="info" title={t("programs.page.closedTitle")}>
            <p>{t("programs.page.closedBody")}</p>
          </Alert>
        </Match>
        <Match when={program().status === "draft"}>
          <Alert tone="info" title={t("programs.page.draftTitle")}>
            <p>{t("programs.page.draftBody")}</p>
          </Alert>
        </Match>
        <Match when={program().status === "archived"}>
          <Alert tone="info" title={t("programs.page.archivedTitle")}>
            <p>{t("programs.page.archivedBody")}</p>
          </Alert>
        </Match>
      </Switch>

      <Show when={admin()}>
        <section class="admin-panel card" aria-labelledby="admin-panel-title">
          <h2 id="admin-panel-title" class="admin-panel__title">
            {t("programs.admin.title")}
          </h2>
          <div class="admin-panel__links">
            <Show when={program().status !== "archived"}>
              <ButtonLink href={`${base()}/edit`} variant="secondary">
                <PencilIcon />
                {t("programs.admin.edit")}
              </ButtonLink>
            </Show>
            <ButtonLink href={`${base()}/applicants`} variant="secondary">
              {t("programs.admin.applicants")}
            </ButtonLink>
            <ButtonLink href={`${base()}/dashboard`} variant="secondary">
              {t("programs.admin.dashboard")}
            </ButtonLink>
          </div>
          <Show when={PROGRAM_ACTIONS[program().status].length > 0}>
            <div class="admin-panel__status">
              <p class="admin-panel__label">{t("programs.admin.statusHint")}</p>
              <div class="admin-panel__links">
                <For each={PROGRAM_ACTIONS[program().status]}>
                  {(to) => (
                    <Button
                      variant={to === "archived" ? "ghost" : "primary"}
                      class={to === "archived" ? "button--danger-ghost" : ""}
                      loading={changing() === to}
                      loadingText={t("programs.actions.working")}
                      disabled={changing() !== null}
                      onClick={() => void move(to)}
                    >
                      {actionLabel(program().status, to)}
                    </Button>
                  )}
                </For>
              </div>
            </div>
          </Show>
          <Show when={statusError()}>
            {(text) => (
              <Alert tone="error" ref={(el) => (alert = el)}>
                <p>{text()}</p>
                <Button variant="secondary" class="button--small" onClick={() => props.onReload()}>
                  {t("programs.actions.reload")}
                </Button>
              </Alert>
            )}
          </Show>
          <p class="admin-panel__note" role="status">
            <Show when={statusNote()}>
              <CheckIcon />
              {statusNote()}
            </Show>
          </p>
        </section>
      </Show>

      <section class="plan" aria-labelledby="plan-title">
        <h2 id="plan-title" class="section-title">
          {t("programs.page.planTitle")}
        </h2>
        <Show when={program().steps.length > 0} fallback={<p class="group-muted">{t("programs.page.noSteps")}</p>}>
          <ol class="plan__steps" role="list">
            <For each={program().steps}>
              {(step, index) => (
                <li class="plan-step card">
                  <p class="plan-step__week">{t("programs.page.week", { number: index() + 1 })}</p>
                  <h3 class="plan-step__title">{step.title}</h3>
                  <Show when={step.guidance}>
                    <div class="plan-step__guidance">
                      <For each={step.guidance.split(/\n{2,}/)}>{(paragraph) => <p>{paragraph}</p>}</For>
                    </div>
                  </Show>
                  <Show when={step.activities.length > 0}>
                    <h4 class="plan-step__subtitle">{t("programs.page.activities")}</h4>
                    <ul class="plan-step__activities" role="list">
                      <For each={step.activities}>
                        {(activity) => (
                          <li>
                            <CheckIcon />
                            <span>{activity.label}</span>
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                </li>
              )}
            </For>
          </ol>
        </Show>
      </section>
    </>
  );
}
