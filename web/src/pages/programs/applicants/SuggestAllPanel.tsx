// "Suggest all": the best assignment of every waiting mentee to a mentor with a place, for the admin to
// review. Each proposal has a checkbox (all ticked); "Pair selected" makes the pairs one at a time, says
// how far it got ("Pairing 3 of 7…") and lists any that failed, with the reason.
import { createSignal, createUniqueId, For, onMount, Show } from "solid-js";
import type { Question } from "../../../../../shared/api/programs.ts";
import { Alert } from "../../../components/Alert.tsx";
import { Button } from "../../../components/Button.tsx";
import { CloseIcon } from "../../../components/Icons.tsx";
import { t } from "../../../i18n/index.ts";
import { ApiError } from "../../../lib/api.ts";
import { sessionExpired } from "../../../lib/session.ts";
import { pairPeople, type Applicant, type Proposal, type SuggestAll } from "./api.ts";
import { formatList } from "./format.ts";
import { pairingError } from "./pairing.ts";
import { ReasonList } from "./ReasonList.tsx";

type Props = {
  programId: string;
  result: SuggestAll;
  /** Applicants by role and user id, to name the people in each proposal. */
  people: { mentors: Map<string, Applicant>; mentees: Map<string, Applicant> };
  availability: Question | undefined;
  /** Called after a run with how many pairs were made, so the board can refresh. */
  onDone: (made: number) => void;
  onClose: () => void;
};

type Failure = { proposal: Proposal; message: string };

const keyOf = (proposal: Proposal) => `${proposal.mentorId}|${proposal.menteeId}`;

export function SuggestAllPanel(props: Props) {
  const titleId = createUniqueId();
  let heading!: HTMLHeadingElement;
  const [selected, setSelected] = createSignal(new Set(props.result.proposals.map(keyOf)));
  const [progress, setProgress] = createSignal<{ done: number; total: number } | null>(null);
  const [finished, setFinished] = createSignal<{ made: number; total: number; failures: Failure[] } | null>(null);
  const [madeKeys, setMadeKeys] = createSignal(new Set<string>());

  onMount(() => {
    heading.focus();
    heading.scrollIntoView({ block: "start", behavior: "smooth" });
  });

  const mentorName = (id: string) => props.people.mentors.get(id)?.user.displayName ?? t("applicants.unknownPerson");
  const menteeName = (id: string) => props.people.mentees.get(id)?.user.displayName ?? t("applicants.unknownPerson");
  const running = () => progress() !== null && finished() === null;
  const pending = () => props.result.proposals.filter((p) => !madeKeys().has(keyOf(p)));
  const chosen = () => pending().filter((p) => selected().has(keyOf(p)));

  const toggle = (proposal: Proposal, on: boolean) => {
    const next = new Set(selected());
    if (on) next.add(keyOf(proposal));
    else next.delete(keyOf(proposal));
    setSelected(next);
  };
  const setAll = (on: boolean) => setSelected(new Set(on ? pending().map(keyOf) : []));

  async function pairSelected() {
    const queue = chosen();
    if (!queue.length || running()) return;
    setFinished(null);
    const failures: Failure[] = [];
    let made = 0;
    for (const [index, proposal] of queue.entries()) {
      setProgress({ done: index + 1, total: queue.length });
      try {
        await pairPeople(props.programId, proposal.mentorId, proposal.menteeId);
        made += 1;
        setMadeKeys((keys) => new Set(keys).add(keyOf(proposal)));
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return sessionExpired();
        failures.push({ proposal, message: pairingError(error) });
      }
    }
    setFinished({ made, total: queue.length, failures });
    props.onDone(made);
  }

  return (
    <section
      class="panel card suggest-all"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === "Escape" && !running()) props.onClose();
      }}
    >
      <div class="panel__head">
        <div>
          <h2 id={titleId} ref={heading} tabindex="-1" class="panel__title">
            {t("applicants.suggestAllTitle")}
          </h2>
          <p class="panel__intro">
            {props.result.proposals.length ? t("applicants.suggestAllIntro") : t("applicants.suggestAllNone")}
          </p>
        </div>
        <button type="button" class="icon-button" aria-label={t("applicants.closeSuggestAll")} title={t("applicants.closeSuggestAll")} onClick={() => props.onClose()} disabled={running()}>
          <CloseIcon />
        </button>
      </div>

      <Show when={props.result.proposals.length > 0}>
        <div class="suggest-all__tools">
          <Button variant="ghost" onClick={() => setAll(true)} disabled={running()}>
            {t("applicants.selectAll")}
          </Button>
          <Button variant="ghost" onClick={() => setAll(false)} disabled={running()}>
            {t("applicants.selectNone")}
          </Button>
        </div>
        <ul class="proposals" role="list">
          <For each={props.result.proposals}>
            {(proposal) => {
              const id = createUniqueId();
              const made = () => madeKeys().has(keyOf(proposal));
              return (
                <li class="proposal" classList={{ "is-made": made() }}>
                  <input
                    id={id}
                    type="checkbox"
                    class="proposal__check"
                    checked={made() || selected().has(keyOf(proposal))}
                    disabled={made() || running()}
                    onChange={(event) => toggle(proposal, event.currentTarget.checked)}
                  />
                  <div class="proposal__body">
                    <label for={id} class="proposal__names">
                      <span class="proposal__mentee">{menteeName(proposal.menteeId)}</span>
                      <span class="proposal__arrow" aria-hidden="true">
                        {" ↔ "}
                      </span>
                      <span class="visually-hidden"> {t("applicants.withMentor")} </span>
                      <span class="proposal__mentor">{mentorName(proposal.mentorId)}</span>
                    </label>
                    <div class="proposal__meta">
                      <span class="score">{t("applicants.score", { score: proposal.score })}</span>
                      <Show when={made()}>
                        <span class="status status--paired">{t("applicants.paired")}</span>
                      </Show>
                    </div>
                    <ReasonList reasons={proposal.reasons} availability={props.availability} />
                  </div>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>

      <Show when={props.result.unmatchedMenteeIds.length > 0}>
        <div class="unmatched">
          <h3 class="unmatched__title">{t("applicants.unmatchedTitle", { count: props.result.unmatchedMenteeIds.length })}</h3>
          <p>{formatList(props.result.unmatchedMenteeIds.map(menteeName))}</p>
          <p class="unmatched__hint">{t("applicants.unmatchedHint")}</p>
        </div>
      </Show>

      <div class="suggest-all__status" role="status" aria-live="polite">
        <Show when={running() && progress()}>
          {(now) => (
            <p class="progress-line">
              <span class="spinner" aria-hidden="true" />
              {t("applicants.pairingProgress", { done: now().done, total: now().total })}
            </p>
          )}
        </Show>
        <Show when={finished()}>
          {(result) => (
            <p class={result().failures.length ? "progress-line progress-line--partial" : "progress-line progress-line--done"}>
              {t("applicants.pairingDone", { count: result().made, total: result().total })}
            </p>
          )}
        </Show>
      </div>

      <Show when={finished()?.failures.length}>
        <Alert tone="error" title={t("applicants.pairingFailures", { count: finished()!.failures.length })}>
          <ul class="failures">
            <For each={finished()!.failures}>
              {(failure) => (
                <li>
                  <strong>
                    {t("applicants.pairNames", { mentee: menteeName(failure.proposal.menteeId), mentor: mentorName(failure.proposal.mentorId) })}
                  </strong>
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
          <Button onClick={() => void pairSelected()} loading={running()} loadingText={t("applicants.pairingShort")} disabled={chosen().length === 0}>
            {t("applicants.pairSelected", { count: chosen().length })}
          </Button>
        </Show>
        <Button variant="secondary" onClick={() => props.onClose()} disabled={running()}>
          {finished() || pending().length === 0 ? t("applicants.done") : t("applicants.cancel")}
        </Button>
      </div>
    </section>
  );
}
