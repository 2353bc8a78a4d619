// The program report for the group's admins: outcomes in counts, dates and states, never content.
// Feedback shows only once at least 3 people answered a question. The chart library loads with this page only.
import { A, useParams } from "@solidjs/router";
import { createEffect, createResource, createSignal, For, Match, Show, Switch } from "solid-js";
import type { ProgramReport, RhythmSettings } from "../../../../shared/api/rhythm.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import { Field } from "../../components/Field.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { t } from "../../i18n/index.ts";
import { api, ApiError } from "../../lib/api.ts";
import { errorMessage } from "../../lib/errors.ts";
import { usePageTitle } from "../../lib/page.ts";
import { sessionExpired } from "../../lib/session.ts";
import "./dashboard/dashboard.css";
import { AccessPanel } from "./dashboard/admin.tsx";
import { StatusChart } from "./report/StatusChart.tsx";
import "./report/report.css";

const number = (value: number | null, digits = 1) =>
  value === null ? t("rhythm.report.none") : value.toLocaleString(undefined, { maximumFractionDigits: digits });
const percent = (value: number | null) => (value === null ? t("rhythm.report.none") : `${Math.round(value * 100)} %`);
const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString() : t("rhythm.report.none"));

export default function Report() {
  const params = useParams<{ programId: string }>();
  const base = () => `/programs/${encodeURIComponent(params.programId)}`;
  const [report, { refetch, mutate }] = createResource(
    () => params.programId,
    (id) => api.get<ProgramReport>(`/programs/${encodeURIComponent(id)}/report`),
  );
  const failure = () => (report.state === "errored" ? report.error : undefined);
  const failedWith = (status: number) => failure() instanceof ApiError && (failure() as ApiError).status === status;
  createEffect(() => {
    if (failedWith(401)) sessionExpired();
  });
  usePageTitle(() => (report.latest ? t("rhythm.report.pageTitle", { title: report.latest.program.title }) : t("rhythm.report.title")));

  return (
    <div class="container report">
      <div class="page-intro">
        <PageHeading>{t("rhythm.report.title")}</PageHeading>
        <Show when={report.latest}>{(r) => <p class="lead">{r().program.title}</p>}</Show>
        <p class="muted">{t("rhythm.report.intro")}</p>
        <p class="report__links">
          <A href={`${base()}/dashboard`}>{t("rhythm.report.back")}</A>
          <Show when={report.latest}>
            <a class="button button--secondary" href={`/api${base()}/report.csv`} download="program-report.csv">
              {t("rhythm.report.csv")}
            </a>
          </Show>
        </p>
      </div>
      <Switch
        fallback={
          <p class="muted" role="status">
            {t("rhythm.report.loading")}
          </p>
        }
      >
        <Match when={failedWith(403)}>
          <AccessPanel title={t("rhythm.report.title")} body={t("rhythm.report.forbidden")} href={base()} link={t("dashboard.backToProgram")} />
        </Match>
        <Match when={failedWith(404)}>
          <AccessPanel title={t("dashboard.notFoundTitle")} body={t("dashboard.notFoundBody")} href="/" link={t("dashboard.home")} />
        </Match>
        <Match when={failure()}>
          <Alert tone="error" title={t("rhythm.report.loadError")}>
            <p>{errorMessage(failure())}</p>
            <Button variant="secondary" onClick={() => void refetch()}>
              {t("rhythm.report.retry")}
            </Button>
          </Alert>
        </Match>
        <Match when={report.latest}>
          {(r) => (
            <ReportBody
              report={r()}
              programId={params.programId}
              onSettings={(settings) => mutate((current) => (current ? { ...current, settings } : current))}
            />
          )}
        </Match>
      </Switch>
    </div>
  );
}

function ReportBody(props: { report: ProgramReport; programId: string; onSettings: (settings: RhythmSettings) => void }) {
  const r = () => props.report;
  const figures = () =>
    [
      { key: "pairsMade", value: number(r().pairsMade, 0) },
      { key: "active", value: number(r().active, 0) },
      { key: "completed", value: number(r().completed, 0) },
      { key: "endedEarly", value: number(r().endedEarly, 0) },
      { key: "medianMentor", value: number(r().medianDaysToFirstMessage.mentor) },
      { key: "medianMentee", value: number(r().medianDaysToFirstMessage.mentee) },
      { key: "bothWays", value: percent(r().bothWaysWithin7Days) },
      { key: "meetingsPerPair", value: number(r().meetingsHeldPerPair, 2) },
      { key: "goalsSet", value: number(r().goalsSet, 0) },
      { key: "goalsAchieved", value: number(r().goalsAchieved, 0) },
      { key: "needsAttention", value: number(r().needsAttention, 0) },
    ] as const;
  const fb = () => r().feedback;

  return (
    <Show when={r().pairsMade > 0} fallback={<EmptyState title={t("rhythm.report.empty")}>{null}</EmptyState>}>
      <section class="report-figures" aria-label={t("rhythm.report.title")}>
        <dl class="report-figures__list">
          <For each={figures()}>
            {(figure) => (
              <div class="report-figure" data-testid={`figure-${figure.key}`}>
                <dt>{t(`rhythm.report.figures.${figure.key}`)}</dt>
                <dd>{figure.value}</dd>
              </div>
            )}
          </For>
        </dl>
      </section>
      <StatusChart
        bars={[
          { label: t("rhythm.report.statuses.active"), value: r().active, color: "#3b6fd8" },
          { label: t("rhythm.report.statuses.completed"), value: r().completed, color: "#2f8f5b" },
          { label: t("rhythm.report.statuses.ended"), value: r().endedEarly, color: "#c2571a" },
        ]}
      />
      <div class="report-columns">
        <section class="card report-card" aria-labelledby="report-feedback">
          <h2 id="report-feedback">{t("rhythm.report.feedback")}</h2>
          <dl class="report-feedback">
            <Rating
              label={t("rhythm.report.ratingMidpoint")}
              answers={fb().ratingMidpoint.answers}
              value={fb().ratingMidpoint.average}
              threshold={fb().threshold}
            />
            <Rating label={t("rhythm.report.ratingEnd")} answers={fb().ratingEnd.answers} value={fb().ratingEnd.average} threshold={fb().threshold} />
            <div data-testid="feedback-goalMet">
              <dt>{t("rhythm.report.goalMet")}</dt>
              <dd>
                <Show when={fb().goalMet.counts} fallback={<Hidden answers={fb().goalMet.answers} threshold={fb().threshold} />}>
                  {(c) => t("rhythm.report.split", { yes: c().yes, partly: c().partly, no: c().no })}
                </Show>
              </dd>
            </div>
            <div>
              <dt>{t("rhythm.report.again")}</dt>
              <dd>
                <Show when={fb().again.counts} fallback={<Hidden answers={fb().again.answers} threshold={fb().threshold} />}>
                  {(c) => t("rhythm.report.splitYesNo", { yes: c().yes, no: c().no })}
                </Show>
              </dd>
            </div>
          </dl>
        </section>
        <section class="card report-card" aria-labelledby="report-reasons">
          <h2 id="report-reasons">{t("rhythm.report.reasons")}</h2>
          <Show when={r().endedEarlyByReason.length} fallback={<p class="muted">{t("rhythm.report.none")}</p>}>
            <ul class="report-reasons">
              <For each={r().endedEarlyByReason}>
                {(entry) => (
                  <li>
                    <span>{entry.reason ?? t("rhythm.report.noReason")}</span> <strong>{entry.count}</strong>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>
      </div>
      <section class="report-pairs" aria-labelledby="report-pairs">
        <h2 id="report-pairs">{t("rhythm.report.pairs")}</h2>
        {/* It scrolls sideways on a phone: focusable, so keyboard users can scroll it too. */}
        <div class="report-table-wrap" tabindex="0" role="group" aria-labelledby="report-pairs">
          <table class="report-table">
            <thead>
              <tr>
                <th scope="col">{t("rhythm.report.mentor")}</th>
                <th scope="col">{t("rhythm.report.mentee")}</th>
                <th scope="col">{t("rhythm.report.status")}</th>
                <th scope="col">{t("rhythm.report.started")}</th>
                <th scope="col">{t("rhythm.report.meetings")}</th>
                <th scope="col">{t("rhythm.report.goal")}</th>
              </tr>
            </thead>
            <tbody>
              <For each={r().rows}>
                {(row) => (
                  <tr data-testid="report-row">
                    <td>{row.mentor}</td>
                    <td>{row.mentee}</td>
                    <td>
                      {t(`rhythm.report.statuses.${row.status}`)}
                      <Show when={row.needsAttention}>
                        <span class="badge report-attention">{t("rhythm.report.attentionShort")}</span>
                      </Show>
                    </td>
                    <td>{day(row.startedAt)}</td>
                    <td>{row.meetingsHeld}</td>
                    <td>{row.goalState ? t(`rhythm.goal.states.${row.goalState}`) : t("rhythm.report.none")}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </section>
      <SettingsForm programId={props.programId} settings={r().settings} onSaved={props.onSettings} />
    </Show>
  );
}

function Rating(props: { label: string; answers: number; value: number | null; threshold: number }) {
  return (
    <div data-testid="feedback-rating">
      <dt>{props.label}</dt>
      <dd>
        <Show when={props.value !== null} fallback={<Hidden answers={props.answers} threshold={props.threshold} />}>
          {t("rhythm.report.average", { value: props.value! })} · {t("rhythm.report.answers", { count: props.answers })}
        </Show>
      </dd>
    </div>
  );
}

function Hidden(props: { answers: number; threshold: number }) {
  return (
    <span class="muted">
      {t("rhythm.report.answers", { count: props.answers })} · {t("rhythm.report.hidden", { threshold: props.threshold })}
    </span>
  );
}

function SettingsForm(props: { programId: string; settings: RhythmSettings; onSaved: (settings: RhythmSettings) => void }) {
  const [nudge, setNudge] = createSignal(props.settings.nudgeAfterDays);
  const [attention, setAttention] = createSignal(props.settings.attentionAfterDays);
  const [saving, setSaving] = createSignal(false);
  const [notice, setNotice] = createSignal<{ tone: "success" | "error"; text: string } | null>(null);
  const [errors, setErrors] = createSignal<Record<string, string>>({});

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setSaving(true);
    setNotice(null);
    setErrors({});
    try {
      const { settings } = await api.put<{ settings: RhythmSettings }>(`/programs/${encodeURIComponent(props.programId)}/rhythm-settings`, {
        nudgeAfterDays: nudge(),
        attentionAfterDays: attention(),
      });
      props.onSaved(settings);
      setNotice({ tone: "success", text: t("rhythm.report.settings.saved") });
    } catch (error) {
      if (error instanceof ApiError) setErrors(Object.fromEntries(error.issues.map((issue) => [issue.path, issue.message])));
      setNotice({ tone: "error", text: `${t("rhythm.report.settings.failed")} ${errorMessage(error)}` });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form class="card report-card report-settings" onSubmit={submit} noValidate aria-labelledby="report-settings">
      <h2 id="report-settings">{t("rhythm.report.settings.heading")}</h2>
      <Show when={notice()} keyed>
        {(n) => <Alert tone={n.tone}>{n.text}</Alert>}
      </Show>
      <Field label={t("rhythm.report.settings.nudgeAfterDays")} error={errors().nudgeAfterDays}>
        {(control) => (
          <input class="input" type="number" min={1} max={60} {...control} value={nudge()} onInput={(e) => setNudge(e.currentTarget.valueAsNumber)} />
        )}
      </Field>
      <Field label={t("rhythm.report.settings.attentionAfterDays")} error={errors().attentionAfterDays}>
        {(control) => (
          <input class="input" type="number" min={1} max={120} {...control} value={attention()} onInput={(e) => setAttention(e.currentTarget.valueAsNumber)} />
        )}
      </Field>
      <div>
        <Button type="submit" variant="secondary" loading={saving()} loadingText={t("rhythm.report.settings.saving")}>
          {t("rhythm.report.settings.save")}
        </Button>
      </div>
    </form>
  );
}
