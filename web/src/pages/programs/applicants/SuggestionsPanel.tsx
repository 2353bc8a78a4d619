// Pairing one mentee: the mentors with places left, ranked, each with the reasons behind its score and a
// "Pair" button; below them, a plain choice of any mentor with a place, for when the admin knows better.
import { createResource, createSignal, createUniqueId, For, Match, onMount, Show, Switch } from "solid-js";
import type { Question } from "../../../../../shared/api/programs.ts";
import { Alert } from "../../../components/Alert.tsx";
import { Button } from "../../../components/Button.tsx";
import { confirmAction } from "../../../components/ConfirmDialog.tsx";
import { CloseIcon } from "../../../components/Icons.tsx";
import { t } from "../../../i18n/index.ts";
import { ApiError } from "../../../lib/api.ts";
import { sessionExpired } from "../../../lib/session.ts";
import { fetchSuggestions, pairPeople, type Applicant } from "./api.ts";
import { formatList, languageName } from "./format.ts";
import { ReasonList } from "./ReasonList.tsx";
import { pairingError } from "./pairing.ts";

type Props = {
  programId: string;
  mentee: Applicant;
  /** Every mentor who still has a place, for the manual choice. */
  mentors: Applicant[];
  availability: Question | undefined;
  onPaired: (mentor: Applicant, mentee: Applicant) => void;
  onClose: () => void;
  /** The mentor of this mentee's last, ended mentorship: pairing them again asks first. */
  previousMentorId?: string | undefined;
};

export function SuggestionsPanel(props: Props) {
  const titleId = createUniqueId();
  let heading!: HTMLHeadingElement;
  const [suggestions, { refetch }] = createResource(
    () => ({ programId: props.programId, menteeId: props.mentee.userId }),
    ({ programId, menteeId }) => fetchSuggestions(programId, menteeId),
  );
  const [pairing, setPairing] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [manualMentor, setManualMentor] = createSignal("");
  const [manualError, setManualError] = createSignal<string | null>(null);

  onMount(() => {
    heading.focus();
    heading.scrollIntoView({ block: "start", behavior: "smooth" });
  });

  const menteeName = () => props.mentee.user.displayName;
  const manualChoices = () => props.mentors.filter((mentor) => mentor.userId !== props.mentee.userId);

  /** `source` tells which button shows the spinner: a suggestion's or the manual form's. */
  async function pair(mentor: Applicant, source: "suggestion" | "manual") {
    if (pairing()) return;
    if (mentor.userId === props.previousMentorId) {
      const again = await confirmAction({
        title: t("phone.pairAgain.sameTitle"),
        body: <p>{t("phone.pairAgain.sameBody", { mentor: mentor.user.displayName, mentee: menteeName() })}</p>,
        confirmLabel: t("phone.pairAgain.sameConfirm"),
      });
      if (!again) return;
    }
    setPairing(`${source}:${mentor.userId}`);
    setError(null);
    try {
      await pairPeople(props.programId, mentor.userId, props.mentee.userId);
      props.onPaired(mentor, props.mentee);
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 401) return sessionExpired();
      setError(pairingError(failure));
      // Capacities or the mentee's situation changed: show the current ranking.
      if (failure instanceof ApiError && failure.status === 409) void refetch();
    } finally {
      setPairing(null);
    }
  }

  function pairManually(event: SubmitEvent) {
    event.preventDefault();
    const mentor = manualChoices().find((m) => m.userId === manualMentor());
    if (!mentor) {
      setManualError(t("applicants.manualRequired"));
      return;
    }
    setManualError(null);
    void pair(mentor, "manual");
  }

  return (
    <section
      class="panel card"
      aria-labelledby={titleId}
      aria-busy={suggestions.loading ? "true" : undefined}
      onKeyDown={(event) => {
        if (event.key === "Escape" && !pairing()) props.onClose();
      }}
    >
      <div class="panel__head">
        <div>
          <h2 id={titleId} ref={heading} tabindex="-1" class="panel__title">
            {t("applicants.suggestionsTitle", { name: menteeName() })}
          </h2>
          <p class="panel__intro">{t("applicants.suggestionsIntro")}</p>
        </div>
        <button
          type="button"
          class="icon-button"
          aria-label={t("applicants.closeSuggestions")}
          title={t("applicants.closeSuggestions")}
          onClick={() => props.onClose()}
        >
          <CloseIcon />
        </button>
      </div>

      <Show when={props.mentee.user.topics.length || props.mentee.user.languages.length}>
        <p class="panel__mentee">
          <Show when={props.mentee.user.topics.length}>
            <span>{t("applicants.menteeTopics", { topics: formatList(props.mentee.user.topics) })}</span>
          </Show>
          <Show when={props.mentee.user.languages.length}>
            <span>{t("applicants.menteeLanguages", { languages: formatList(props.mentee.user.languages.map(languageName)) })}</span>
          </Show>
        </p>
      </Show>

      <Show when={error()}>
        <Alert tone="error" title={t("applicants.pairFailed")}>
          <p>{error()}</p>
        </Alert>
      </Show>

      <Switch fallback={<SuggestionsSkeleton />}>
        <Match when={suggestions.state === "errored"}>
          <Alert tone="error" title={t("applicants.suggestionsError")}>
            <p>{pairingError(suggestions.error)}</p>
            <Button variant="secondary" onClick={() => void refetch()}>
              {t("applicants.retry")}
            </Button>
          </Alert>
        </Match>
        <Match when={(suggestions.state === "ready" || suggestions.state === "refreshing") && suggestions.latest?.suggestions.length === 0}>
          <div class="panel__empty">
            <p class="panel__empty-title">{t("applicants.noMentorsTitle")}</p>
            <p>{t("applicants.noMentorsBody")}</p>
          </div>
        </Match>
        <Match when={(suggestions.state === "ready" || suggestions.state === "refreshing") && suggestions.latest}>
          {(loaded) => (
            <ol class="suggestions" role="list" aria-label={t("applicants.suggestionsLabel", { name: menteeName() })}>
              <For each={loaded().suggestions}>
                {(suggestion, index) => (
                  <li class="suggestion" classList={{ "suggestion--top": index() === 0 && suggestion.score > 0 }}>
                    <div class="suggestion__rank" aria-hidden="true">
                      {index() + 1}
                    </div>
                    <div class="suggestion__body">
                      <div class="suggestion__head">
                        <h3 class="suggestion__name">{suggestion.mentor.user.displayName}</h3>
                        <Show when={index() === 0 && suggestion.score > 0}>
                          <span class="best-match">{t("applicants.bestMatch")}</span>
                        </Show>
                        <span class="score" title={t("applicants.scoreHelp")}>
                          {t("applicants.score", { score: suggestion.score })}
                        </span>
                      </div>
                      <p class="suggestion__places">{t("applicants.capacityLeft", { count: suggestion.mentor.capacityLeft })}</p>
                      <ReasonList reasons={suggestion.reasons} availability={props.availability} />
                    </div>
                    <Button
                      class="suggestion__pair"
                      variant={index() === 0 ? "primary" : "secondary"}
                      loading={pairing() === `suggestion:${suggestion.mentor.userId}`}
                      loadingText={t("applicants.pairing")}
                      disabled={!!pairing()}
                      aria-label={t("applicants.pairWith", { mentee: menteeName(), mentor: suggestion.mentor.user.displayName })}
                      onClick={() => void pair(suggestion.mentor, "suggestion")}
                    >
                      {t("applicants.pair")}
                    </Button>
                  </li>
                )}
              </For>
            </ol>
          )}
        </Match>
      </Switch>

      <form class="manual" onSubmit={pairManually} novalidate>
        <h3 class="manual__title">{t("applicants.manualTitle")}</h3>
        <Show when={manualChoices().length > 0} fallback={<p class="manual__empty">{t("applicants.noMentorsBody")}</p>}>
          <div class="manual__row">
            <div class="field manual__field">
              <label class="visually-hidden" for={`${titleId}-manual`}>
                {t("applicants.manualLabel")}
              </label>
              <select
                id={`${titleId}-manual`}
                class="input select"
                value={manualMentor()}
                aria-invalid={manualError() ? "true" : undefined}
                aria-describedby={manualError() ? `${titleId}-manual-error` : undefined}
                onChange={(event) => {
                  setManualMentor(event.currentTarget.value);
                  setManualError(null);
                }}
              >
                <option value="">{t("applicants.manualPlaceholder")}</option>
                <For each={manualChoices()}>
                  {(mentor) => (
                    <option value={mentor.userId}>{t("applicants.manualOption", { name: mentor.user.displayName, count: mentor.capacityLeft })}</option>
                  )}
                </For>
              </select>
              <Show when={manualError()}>
                <p class="field__error" id={`${titleId}-manual-error`}>
                  {manualError()}
                </p>
              </Show>
            </div>
            <Button
              type="submit"
              variant="secondary"
              loading={pairing() === `manual:${manualMentor()}`}
              loadingText={t("applicants.pairing")}
              disabled={!!pairing()}
            >
              {t("applicants.manualPair")}
            </Button>
          </div>
        </Show>
      </form>
    </section>
  );
}

function SuggestionsSkeleton() {
  return (
    <div class="suggestions" role="status">
      <span class="visually-hidden">{t("applicants.loadingSuggestions")}</span>
      <For each={[0, 1]}>
        {() => (
          <div class="suggestion" aria-hidden="true">
            <div class="skeleton skeleton--title" />
            <div class="skeleton skeleton--line" />
          </div>
        )}
      </For>
    </div>
  );
}
