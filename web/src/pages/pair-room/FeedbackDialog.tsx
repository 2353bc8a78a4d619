import { createSignal, createUniqueId, For, Show } from "solid-js";
import type { PublicProfile } from "../../../../shared/api/users.ts";
import type { FeedbackRound, GoalMet } from "../../../../shared/rules/rhythm.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { Field } from "../../components/Field.tsx";
import { t } from "../../i18n/index.ts";
import { rhythmError } from "./MeetingsPanel.tsx";
import { answerFeedback } from "./rhythm-api.ts";
import type { Rhythm } from "./rhythm-store.ts";

/**
 * "How is your mentorship going?", asked privately at the midpoint and at the end: the latest open round,
 * until answered; then a thank-you with a way to change the answer.
 */
export function FeedbackDialog(props: { pairId: string; rhythm: Rhythm; other: PublicProfile }) {
  const round = (): FeedbackRound | null => {
    const open = props.rhythm.state.feedback.open;
    return open.includes("end") ? "end" : open.includes("midpoint") ? "midpoint" : null;
  };
  const answered = () => props.rhythm.state.feedback.answers.find((a) => a.round === round()) ?? null;
  const [changing, setChanging] = createSignal(false);

  return (
    <Show when={round()} keyed>
      {(r) => (
        <section class="rhythm-section feedback card" role="region" aria-label={t("rhythm.feedback.heading")} data-testid="feedback">
          <h2 class="panel-title">{t("rhythm.feedback.heading")}</h2>
          <Show
            when={!answered() || changing()}
            fallback={
              <>
                <p>{t("rhythm.feedback.thanks")}</p>
                <Button variant="ghost" onClick={() => setChanging(true)}>
                  {t("rhythm.feedback.change")}
                </Button>
              </>
            }
          >
            <p class="muted">{r === "end" ? t("rhythm.feedback.end") : t("rhythm.feedback.midpoint")}</p>
            <FeedbackForm pairId={props.pairId} round={r} rhythm={props.rhythm} other={props.other} onDone={() => setChanging(false)} />
          </Show>
        </section>
      )}
    </Show>
  );
}

function FeedbackForm(props: { pairId: string; round: FeedbackRound; rhythm: Rhythm; other: PublicProfile; onDone: () => void }) {
  const id = createUniqueId();
  const previous = props.rhythm.state.feedback.answers.find((a) => a.round === props.round);
  const [rating, setRating] = createSignal<number | null>(previous?.rating ?? null);
  const [goalMet, setGoalMet] = createSignal<GoalMet | null>(previous?.goalMet ?? null);
  const [again, setAgain] = createSignal<boolean | null>(previous?.again ?? null);
  const [comment, setComment] = createSignal(previous?.comment ?? "");
  const [missing, setMissing] = createSignal<string[]>([]);
  const [failure, setFailure] = createSignal<string | null>(null);
  const [saving, setSaving] = createSignal(false);
  const end = () => props.round === "end";

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const gaps = [rating() === null ? "rating" : "", end() && !goalMet() ? "goalMet" : "", end() && again() === null ? "again" : ""].filter(Boolean);
    setMissing(gaps);
    setFailure(null);
    if (gaps.length) return;
    setSaving(true);
    try {
      const feedback = await answerFeedback(props.pairId, {
        round: props.round,
        rating: rating()!,
        comment: comment().trim(),
        ...(end() ? { goalMet: goalMet()!, again: again()! } : {}),
      });
      props.rhythm.setFeedback(feedback);
      props.onDone();
    } catch (error) {
      setFailure(`${t("rhythm.feedback.failed")} ${rhythmError(error)}`);
    } finally {
      setSaving(false);
    }
  }

  const choice = <V extends string | number | boolean>(
    name: string,
    legend: string,
    options: { value: V; label: string }[],
    value: () => V | null,
    set: (v: V) => void,
  ) => (
    <fieldset class="feedback__choice">
      <legend>{legend}</legend>
      <div class="feedback__options">
        <For each={options}>
          {(option) => (
            <label class="feedback__option" classList={{ "is-checked": value() === option.value }}>
              <input type="radio" name={`${id}-${name}`} checked={value() === option.value} onChange={() => set(option.value)} />
              <span>{option.label}</span>
            </label>
          )}
        </For>
      </div>
      <Show when={missing().includes(name)}>
        <p class="field__error">{t("rhythm.feedback.required")}</p>
      </Show>
    </fieldset>
  );

  return (
    <form class="feedback-form" onSubmit={submit} noValidate>
      <p class="muted">{t("rhythm.feedback.private", { name: props.other.displayName })}</p>
      <Show when={failure()}>
        <Alert tone="error">{failure()}</Alert>
      </Show>
      {choice(
        "rating",
        t("rhythm.feedback.rating"),
        [1, 2, 3, 4, 5].map((value) => ({ value, label: `${value} · ${t(`rhythm.feedback.ratings.r${value as 1 | 2 | 3 | 4 | 5}`)}` })),
        rating,
        setRating,
      )}
      <Show when={end()}>
        {choice(
          "goalMet",
          t("rhythm.feedback.goalMet"),
          (["yes", "partly", "no"] as const).map((value) => ({ value, label: t(`rhythm.feedback.goalMetOptions.${value}`) })),
          goalMet,
          setGoalMet,
        )}
        {choice(
          "again",
          t("rhythm.feedback.again"),
          [
            { value: true, label: t("rhythm.feedback.yes") },
            { value: false, label: t("rhythm.feedback.no") },
          ],
          again,
          setAgain,
        )}
      </Show>
      <Field label={t("rhythm.feedback.comment")}>
        {(control) => <textarea class="input" rows={2} {...control} maxLength={2000} value={comment()} onInput={(e) => setComment(e.currentTarget.value)} />}
      </Field>
      <Button type="submit" loading={saving()} loadingText={t("rhythm.feedback.submitting")}>
        {t("rhythm.feedback.submit")}
      </Button>
    </form>
  );
}
