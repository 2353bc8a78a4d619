import { For, Match, Show, Switch } from "solid-js";
import { PairEndNote } from "../../../components/PairEndNote.tsx";
import { t } from "../../../i18n/index.ts";
import { formatDate, formatDateTime, isoString, relativeTime } from "./format.ts";
import { HealthBadge } from "./HealthBadge.tsx";
import "../report/report.css";
import type { DashboardEntry } from "./health.ts";

type PairTableProps = {
  entries: DashboardEntry[];
  caption: string;
  now: number;
  /** The pair whose ending is being sent, if any. */
  endingId: string | null;
  onEnd: (entry: DashboardEntry) => void;
};

/**
 * Every pair as a row: who, health, progress, week, check-ins, last activity and the admin's action.
 * On a phone each row becomes a card (dashboard.css); cells then show their column's name from
 * data-label. Names are plain text on purpose: nothing here leads into a pair's private space.
 */
export function PairTable(props: PairTableProps) {
  return (
    <div class="pair-table__wrap">
      <table class="pair-table">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("dashboard.columns.pair")}</th>
            <th scope="col">{t("dashboard.columns.health")}</th>
            <th scope="col">{t("dashboard.columns.progress")}</th>
            <th scope="col">{t("dashboard.columns.checkins")}</th>
            <th scope="col">{t("dashboard.columns.lastActivity")}</th>
            <th scope="col">
              <span class="visually-hidden">{t("dashboard.columns.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.entries}>
            {(entry) => <PairRow entry={entry} now={props.now} ending={props.endingId === entry.pair.id} onEnd={() => props.onEnd(entry)} />}
          </For>
        </tbody>
      </table>
    </div>
  );
}

function PairRow(props: { entry: DashboardEntry; now: number; ending: boolean; onEnd: () => void }) {
  const pair = () => props.entry.pair;
  const health = () => props.entry.health;
  const running = () => pair().status === "active";
  const percent = () => (health().stepsTotal > 0 ? Math.round((health().stepsDone / health().stepsTotal) * 100) : 0);

  return (
    <tr class={`pair-row pair-row--${health().state}`} data-pair-id={pair().id}>
      <th scope="row" class="pair-row__who">
        <span class="pair-row__people">
          <span class="pair-row__person">
            <span class="pair-row__role">{t("dashboard.mentor")}</span>
            <span class="pair-row__name">{pair().mentor.displayName}</span>
          </span>
          <span class="pair-row__person">
            <span class="pair-row__role">{t("dashboard.mentee")}</span>
            <span class="pair-row__name">{pair().mentee.displayName}</span>
          </span>
        </span>
      </th>
      <td data-label={t("dashboard.columns.health")} class="pair-row__health">
        <HealthBadge state={health().state} />
        <Show when={props.entry.attention}>
          {(a) => (
            <span class="badge report-attention" data-testid="needs-attention">
              {t("rhythm.report.attention", { days: a().quietDays })}
            </span>
          )}
        </Show>
        <span class="pair-row__status">
          <Switch>
            <Match when={pair().status === "active"}>{t("dashboard.status.active", { date: formatDate(pair().startedAt) })}</Match>
            <Match when={pair().status === "completed"}>{t("dashboard.status.completed", { date: formatDate(pair().endedAt ?? pair().startedAt) })}</Match>
            <Match when={pair().status === "ended"}>{t("dashboard.status.ended", { date: formatDate(pair().endedAt ?? pair().startedAt) })}</Match>
          </Switch>
        </span>
        <PairEndNote status={pair().status} endReason={pair().endReason} contactBlocked={pair().contactBlocked} />
      </td>
      <td data-label={t("dashboard.columns.progress")} class="pair-row__progress">
        <span class="pair-row__steps">{t("dashboard.steps", { done: health().stepsDone, count: health().stepsTotal })}</span>
        <span class="progress-bar" aria-hidden="true">
          <span class="progress-bar__fill" style={{ width: `${percent()}%` }} />
        </span>
        <span class="pair-row__muted">
          <Show when={running()}>
            <span class="pair-row__week">{t("dashboard.week", { week: health().currentWeek })}</span>
          </Show>
          <Show when={running() && health().activitiesTotal > 0}>
            <span aria-hidden="true"> · </span>
            <span class="visually-hidden">, </span>
          </Show>
          <Show when={health().activitiesTotal > 0}>{t("dashboard.activities", { done: health().activitiesDone, count: health().activitiesTotal })}</Show>
        </span>
      </td>
      <td data-label={t("dashboard.columns.checkins")}>
        <Switch>
          <Match when={health().checkinStreak > 0}>{t("dashboard.streak", { count: health().checkinStreak })}</Match>
          <Match when={health().lastCheckinAt}>
            {(at) => (
              <span>
                {t("dashboard.lastCheckin")}{" "}
                <time datetime={isoString(at())} title={formatDateTime(at())}>
                  {relativeTime(at(), props.now)}
                </time>
              </span>
            )}
          </Match>
          <Match when={true}>
            <span class="pair-row__muted">{t("dashboard.noCheckin")}</span>
          </Match>
        </Switch>
      </td>
      <td data-label={t("dashboard.columns.lastActivity")}>
        <Show when={health().lastActivityAt} fallback={<span class="pair-row__muted">{t("dashboard.noActivity")}</span>}>
          {(at) => (
            <time datetime={isoString(at())} title={formatDateTime(at())}>
              {relativeTime(at(), props.now)}
            </time>
          )}
        </Show>
      </td>
      <td class="pair-row__actions">
        <Show when={running()}>
          <button
            type="button"
            class="button button--ghost end-pair-button"
            disabled={props.ending}
            aria-busy={props.ending ? "true" : undefined}
            onClick={() => props.onEnd()}
          >
            {/* The accessible name starts with the visible words, then says whose mentorship (WCAG 2.5.3). */}
            <Show
              when={props.ending}
              fallback={
                <>
                  {t("dashboard.endPair")}
                  <span class="visually-hidden"> ({t("phone.endPairOf", { mentor: pair().mentor.displayName, mentee: pair().mentee.displayName })})</span>
                </>
              }
            >
              <span class="spinner" aria-hidden="true" />
              {t("dashboard.ending")}
            </Show>
          </button>
        </Show>
      </td>
    </tr>
  );
}
