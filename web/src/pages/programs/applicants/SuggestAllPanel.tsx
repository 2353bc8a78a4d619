// "Suggest all": the best assignment of every waiting mentee to a mentor with a place, for the admin to
// review before anything happens. The admin picks the objective (best total match, or most mentees
// matched), unticks proposals, swaps mentors between two proposals, edits the introduction everyone
// receives, and publishes the ticked pairs in one action (POST …/pairs/bulk). Each pair then shows
// whether it was created or why not; mentees without a proposal are listed with the reason.
import { createSignal, createUniqueId, For, onMount, Show } from "solid-js";
import type { Question } from "../../../../../shared/api/programs.ts";
import { Alert } from "../../../components/Alert.tsx";
import { Button } from "../../../components/Button.tsx";
import { confirmAction } from "../../../components/ConfirmDialog.tsx";
import { CloseIcon } from "../../../components/Icons.tsx";
import { hasMessage, language, t } from "../../../i18n/index.ts";
import { ApiError } from "../../../lib/api.ts";
import { sessionExpired } from "../../../lib/session.ts";
import { publishPairs, suggestAll, type Applicant, type Objective, type Reason, type SuggestAll, type Unmatched } from "./api.ts";
import { formatList, languageName } from "./format.ts";
import { pairingError } from "./pairing.ts";
import { ReasonList } from "./ReasonList.tsx";
import "./review.css";

type Props = {
  programId: string;
  programTitle: string;
  result: SuggestAll;
  /** Applicants by role and user id, to name the people in each proposal. */
  people: { mentors: Map<string, Applicant>; mentees: Map<string, Applicant> };
  availability: Question | undefined;
  /** Called after publishing with how many pairs were made, so the board can refresh. */
  onDone: (made: number) => void;
  onClose: () => void;
};

/** One reviewed proposal. `key` stays with the row when mentors are swapped. */
type Row = { key: string; mentorId: string; menteeId: string; score: number; reasons: Reason[]; swapped: boolean };
type Outcome = { ok: true } | { ok: false; message: string };

const INTRODUCTION_MAX = 2000;

const rowsOf = (result: SuggestAll): Row[] =>
  result.proposals.map((p) => ({ key: p.menteeId, mentorId: p.mentorId, menteeId: p.menteeId, score: p.score, reasons: p.reasons, swapped: false }));

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []);

/** Why a mentee got no proposal, in the interface language (the server's text for an unknown kind). */
function unmatchedSentence(reason: Reason): string {
  const key = `matchingReview.unmatched.${reason.kind}`;
  if (!hasMessage(key)) return reason.text;
  return t(key, {
    languages: (() => {
      const names = strings(reason.languages).map(languageName);
      try {
        return new Intl.ListFormat(language(), { type: "disjunction" }).format(names);
      } catch {
        return names.join(", ");
      }
    })(),
    topics: formatList(strings(reason.topics)),
  });
}

export function SuggestAllPanel(props: Props) {
  const titleId = createUniqueId();
  const introId = createUniqueId();
  let heading!: HTMLHeadingElement;
  // The panel owns its result from here on: switching the objective fetches a new one.
  const [result, setResult] = createSignal(props.result);
  const [objective, setObjective] = createSignal<Objective>(props.result.objective ?? "score");
  const [rows, setRows] = createSignal<Row[]>(rowsOf(props.result));
  const [selected, setSelected] = createSignal(new Set(rows().map((r) => r.key)));
  const [swapFrom, setSwapFrom] = createSignal<string | null>(null);
  const [introduction, setIntroduction] = createSignal(t("matchingReview.defaultIntroduction", { program: props.programTitle }));
  const [recomputing, setRecomputing] = createSignal(false);
  const [recomputeError, setRecomputeError] = createSignal<string | null>(null);
  const [publishing, setPublishing] = createSignal(false);
  const [publishError, setPublishError] = createSignal<string | null>(null);
  const [outcomes, setOutcomes] = createSignal(new Map<string, Outcome>());
  const [summary, setSummary] = createSignal<{ made: number; total: number } | null>(null);

  onMount(() => {
    heading.focus();
    heading.scrollIntoView({ block: "start", behavior: "smooth" });
  });

  const mentorName = (id: string) => props.people.mentors.get(id)?.user.displayName ?? t("applicants.unknownPerson");
  const menteeName = (id: string) => props.people.mentees.get(id)?.user.displayName ?? t("applicants.unknownPerson");
  const busy = () => publishing() || recomputing();
  const created = (row: Row) => outcomes().get(row.key)?.ok === true;
  const pending = () => rows().filter((row) => !created(row));
  const chosen = () => pending().filter((row) => selected().has(row.key));
  const introTooLong = () => introduction().length > INTRODUCTION_MAX;
  const failures = () =>
    rows().flatMap((row) => {
      const outcome = outcomes().get(row.key);
      return outcome && !outcome.ok ? [{ row, message: outcome.message }] : [];
    });

  const toggle = (row: Row, on: boolean) => {
    const next = new Set(selected());
    if (on) next.add(row.key);
    else next.delete(row.key);
    setSelected(next);
  };
  const setAll = (on: boolean) => setSelected(new Set(on ? pending().map((r) => r.key) : []));

  /** First click picks a pair, the second exchanges the two pairs' mentors. */
  function swapWith(row: Row) {
    const from = swapFrom();
    if (from === null) return setSwapFrom(row.key);
    setSwapFrom(null);
    if (from === row.key) return;
    const a = rows().find((r) => r.key === from);
    if (!a) return;
    setRows(
      rows().map((r) =>
        r.key === a.key
          ? { ...r, mentorId: row.mentorId, swapped: true, reasons: [] }
          : r.key === row.key
            ? { ...r, mentorId: a.mentorId, swapped: true, reasons: [] }
            : r,
      ),
    );
  }

  async function changeObjective(next: Objective) {
    if (next === objective() || busy()) return;
    setObjective(next);
    setRecomputing(true);
    setRecomputeError(null);
    try {
      const fresh = await suggestAll(props.programId, next);
      setResult(fresh);
      const freshRows = rowsOf(fresh);
      setRows(freshRows);
      setSelected(new Set(freshRows.map((r) => r.key)));
      setSwapFrom(null);
      setOutcomes(new Map());
      setSummary(null);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return sessionExpired();
      setRecomputeError(pairingError(error));
    } finally {
      setRecomputing(false);
    }
  }

  async function publish() {
    const queue = chosen();
    if (!queue.length || busy() || introTooLong()) return;
    const answer = await confirmAction({
      title: t("matchingReview.confirmTitle", { count: queue.length }),
      body: <p>{t("matchingReview.confirmBody")}</p>,
      confirmLabel: t("matchingReview.confirmPublish"),
    });
    if (!answer) return;
    setPublishing(true);
    setPublishError(null);
    setSummary(null);
    try {
      const results = await publishPairs(
        props.programId,
        queue.map((row) => ({ mentorId: row.mentorId, menteeId: row.menteeId })),
        introduction().trim(),
      );
      const next = new Map(outcomes());
      let made = 0;
      results.forEach((r, index) => {
        const row = queue[index]!;
        if (r.status === 201) {
          made += 1;
          next.set(row.key, { ok: true });
        } else {
          next.set(row.key, { ok: false, message: pairingError(new ApiError(r.status, r.error?.code ?? "internal", r.error?.message ?? "")) });
        }
      });
      setOutcomes(next);
      setSummary({ made, total: queue.length });
      props.onDone(made);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return sessionExpired();
      setPublishError(pairingError(error));
    } finally {
      setPublishing(false);
    }
  }

  return (
    <section
      class="panel card suggest-all"
      aria-labelledby={titleId}
      aria-busy={recomputing() ? "true" : undefined}
      onKeyDown={(event) => {
        if (event.key === "Escape" && !busy()) props.onClose();
      }}
    >
      <div class="panel__head">
        <div>
          <h2 id={titleId} ref={heading} tabindex="-1" class="panel__title">
            {t("applicants.suggestAllTitle")}
          </h2>
          <p class="panel__intro">{rows().length ? t("applicants.suggestAllIntro") : t("applicants.suggestAllNone")}</p>
        </div>
        <button
          type="button"
          class="icon-button"
          aria-label={t("applicants.closeSuggestAll")}
          title={t("applicants.closeSuggestAll")}
          onClick={() => props.onClose()}
          disabled={busy()}
        >
          <CloseIcon />
        </button>
      </div>

      <fieldset class="objective" disabled={busy()}>
        <legend class="objective__legend">{t("matchingReview.objectiveLabel")}</legend>
        <For each={["score", "coverage"] as const}>
          {(value) => (
            <label class="objective__option" classList={{ "is-selected": objective() === value }}>
              <input type="radio" name={`${titleId}-objective`} value={value} checked={objective() === value} onChange={() => void changeObjective(value)} />
              <span>
                <span class="objective__name">{value === "score" ? t("matchingReview.objectiveScore") : t("matchingReview.objectiveCoverage")}</span>
                <span class="objective__hint">{value === "score" ? t("matchingReview.objectiveScoreHint") : t("matchingReview.objectiveCoverageHint")}</span>
              </span>
            </label>
          )}
        </For>
      </fieldset>
      <Show when={recomputing()}>
        <p class="progress-line" role="status">
          <span class="spinner" aria-hidden="true" />
          {t("matchingReview.recomputing")}
        </p>
      </Show>
      <Show when={recomputeError()}>
        <Alert tone="error" title={t("matchingReview.recomputeError")}>
          <p>{recomputeError()}</p>
        </Alert>
      </Show>

      <Show when={rows().length > 0}>
        <div class="suggest-all__tools">
          <Button variant="ghost" onClick={() => setAll(true)} disabled={busy()}>
            {t("applicants.selectAll")}
          </Button>
          <Button variant="ghost" onClick={() => setAll(false)} disabled={busy()}>
            {t("applicants.selectNone")}
          </Button>
        </div>
        <Show when={swapFrom()}>
          <p class="suggest-all__swap-hint" role="status">
            {t("matchingReview.swapHint")}
          </p>
        </Show>
        <ul class="proposals" role="list">
          <For each={rows()}>
            {(row) => {
              const id = createUniqueId();
              const outcome = () => outcomes().get(row.key);
              const isSource = () => swapFrom() === row.key;
              return (
                <li class="proposal" classList={{ "is-made": created(row), "is-swapping": isSource() }} data-mentee={row.menteeId}>
                  <input
                    id={id}
                    type="checkbox"
                    class="proposal__check"
                    checked={created(row) || selected().has(row.key)}
                    disabled={created(row) || busy()}
                    onChange={(event) => toggle(row, event.currentTarget.checked)}
                  />
                  <div class="proposal__body">
                    <label for={id} class="proposal__names">
                      <span class="proposal__mentee">{menteeName(row.menteeId)}</span>
                      <span class="proposal__arrow" aria-hidden="true">
                        {" ↔ "}
                      </span>
                      <span class="visually-hidden"> {t("applicants.withMentor")} </span>
                      <span class="proposal__mentor">{mentorName(row.mentorId)}</span>
                    </label>
                    <div class="proposal__meta">
                      <Show when={!row.swapped}>
                        <span class="score">{t("applicants.score", { score: row.score })}</span>
                      </Show>
                      <Show when={outcome()}>
                        {(o) => (
                          <span class={o().ok ? "status status--paired" : "status status--refused"}>
                            {o().ok ? t("matchingReview.created") : t("matchingReview.refused")}
                          </span>
                        )}
                      </Show>
                      <Show when={!created(row) && rows().length > 1}>
                        <button
                          type="button"
                          class="link-button proposal__swap"
                          aria-pressed={isSource() ? "true" : "false"}
                          disabled={busy()}
                          onClick={() => swapWith(row)}
                        >
                          {isSource() ? t("matchingReview.swapCancel") : swapFrom() ? t("matchingReview.swapWith") : t("matchingReview.swap")}
                        </button>
                      </Show>
                    </div>
                    <Show when={outcome() && !outcome()!.ok}>
                      <p class="proposal__error">{(outcome() as { message: string }).message}</p>
                    </Show>
                    <Show when={row.swapped} fallback={<ReasonList reasons={row.reasons} availability={props.availability} />}>
                      <p class="proposal__swapped">{t("matchingReview.swapped")}</p>
                    </Show>
                  </div>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>

      <Show when={result().unmatched?.length}>
        <div class="unmatched">
          <h3 class="unmatched__title">{t("matchingReview.unmatchedTitle", { count: result().unmatched.length })}</h3>
          <ul class="unmatched__list" role="list">
            <For each={result().unmatched}>
              {(u: Unmatched) => (
                <li data-mentee={u.menteeId}>
                  <strong>{menteeName(u.menteeId)}</strong>
                  {": "}
                  {unmatchedSentence(u.reason)}
                </li>
              )}
            </For>
          </ul>
          <p class="unmatched__hint">{t("applicants.unmatchedHint")}</p>
        </div>
      </Show>

      <Show when={pending().length > 0}>
        <div class="field suggest-all__intro">
          <label for={introId} class="field__label">
            {t("matchingReview.introductionLabel")}
          </label>
          <p class="field__hint" id={`${introId}-hint`}>
            {t("matchingReview.introductionHint")}
          </p>
          <textarea
            id={introId}
            class="input"
            rows="4"
            aria-describedby={`${introId}-hint ${introId}-count`}
            aria-invalid={introTooLong() ? "true" : undefined}
            value={introduction()}
            disabled={busy()}
            onInput={(event) => setIntroduction(event.currentTarget.value)}
          />
          <p id={`${introId}-count`} class={introTooLong() ? "field__error" : "field__hint"}>
            {introTooLong()
              ? t("matchingReview.introductionTooLong", { max: INTRODUCTION_MAX })
              : t("matchingReview.introductionCount", { count: introduction().length, max: INTRODUCTION_MAX })}
          </p>
        </div>
      </Show>

      <div class="suggest-all__status" role="status" aria-live="polite">
        <Show when={publishing()}>
          <p class="progress-line">
            <span class="spinner" aria-hidden="true" />
            {t("matchingReview.publishing")}
          </p>
        </Show>
        <Show when={summary()}>
          {(s) => (
            <p class={failures().length ? "progress-line progress-line--partial" : "progress-line progress-line--done"}>
              {t("matchingReview.published", { count: s().made, total: s().total })}
            </p>
          )}
        </Show>
      </div>

      <Show when={publishError()}>
        <Alert tone="error" title={t("matchingReview.publishError")}>
          <p>{publishError()}</p>
        </Alert>
      </Show>

      <Show when={failures().length}>
        <Alert tone="error" title={t("matchingReview.failuresTitle", { count: failures().length })}>
          <ul class="failures">
            <For each={failures()}>
              {(failure) => (
                <li>
                  <strong>{t("applicants.pairNames", { mentee: menteeName(failure.row.menteeId), mentor: mentorName(failure.row.mentorId) })}</strong>
                  {": "}
                  {failure.message}
                </li>
              )}
            </For>
          </ul>
        </Alert>
      </Show>

      <div class="suggest-all__actions">
        <Show when={pending().length > 0}>
          <Button
            onClick={() => void publish()}
            loading={publishing()}
            loadingText={t("matchingReview.publishing")}
            disabled={chosen().length === 0 || introTooLong() || recomputing()}
          >
            {t("matchingReview.publish", { count: chosen().length })}
          </Button>
        </Show>
        <Button variant="secondary" onClick={() => props.onClose()} disabled={busy()}>
          {summary() || pending().length === 0 ? t("applicants.done") : t("applicants.cancel")}
        </Button>
      </div>
    </section>
  );
}
