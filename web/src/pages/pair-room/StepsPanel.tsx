import { createMemo, createSignal, createUniqueId, For, Show } from "solid-js";
import { createStore } from "solid-js/store";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { t } from "../../i18n/index.ts";
import { DoneIcon } from "./icons.tsx";
import { pairErrorMessage, setActivityDone, setStepDone, type StepProgress } from "./pair-api.ts";

type StepsPanelProps = {
  pairId: string;
  steps: StepProgress[];
  currentWeek: number;
  readOnly: boolean;
  meId: string;
  otherName: string;
  onSteps: (steps: StepProgress[]) => void;
};

/** The program, week by week: this week first and open, the others folded with their progress. */
export function StepsPanel(props: StepsPanelProps) {
  const headingId = createUniqueId();
  // Ticks show at once; the room's answer (or a `steps` frame) then replaces them.
  const [overrides, setOverrides] = createStore<Record<string, boolean | undefined>>({});
  const [busySteps, setBusySteps] = createSignal<ReadonlySet<string>>(new Set());
  const [error, setError] = createSignal<string | null>(null);

  const total = () => props.steps.length;
  const current = createMemo(() => props.steps.find((step) => step.week === props.currentWeek) ?? props.steps[0]);
  const others = () => props.steps.filter((step) => step !== current());
  const weeksDone = () => props.steps.filter((step) => step.done).length;

  const isTicked = (step: StepProgress, activityId: string) =>
    overrides[`${step.id}/${activityId}`] ?? step.activities.find((a) => a.id === activityId)?.done ?? false;

  async function toggleActivity(step: StepProgress, activityId: string, done: boolean) {
    const key = `${step.id}/${activityId}`;
    setError(null);
    setOverrides(key, done);
    try {
      props.onSteps(await setActivityDone(props.pairId, step.id, activityId, done));
    } catch (failure) {
      setError(pairErrorMessage(failure));
    } finally {
      setOverrides(key, undefined);
    }
  }

  async function toggleStep(step: StepProgress, done: boolean) {
    setError(null);
    setBusySteps((busy) => new Set([...busy, step.id]));
    try {
      props.onSteps(await setStepDone(props.pairId, step.id, done));
    } catch (failure) {
      setError(pairErrorMessage(failure));
    } finally {
      setBusySteps((busy) => new Set([...busy].filter((id) => id !== step.id)));
    }
  }

  const tickedBy = (userId: string | null) =>
    userId === props.meId ? t("pair.steps.tickedByMe") : userId ? t("pair.steps.tickedBy", { name: props.otherName }) : "";

  function StepBody(bodyProps: { step: StepProgress; current?: boolean }) {
    const step = () => bodyProps.step;
    return (
      <div class="step__body">
        <p class="step__guidance">{step().guidance}</p>
        <Show when={step().activities.length > 0}>
          <ul class="step__activities" role="list">
            <For each={step().activities}>
              {(activity) => (
                <li>
                  <label class="check" classList={{ "check--done": isTicked(step(), activity.id) }}>
                    <input
                      type="checkbox"
                      class="check__box"
                      checked={isTicked(step(), activity.id)}
                      disabled={props.readOnly}
                      onChange={(event) => void toggleActivity(step(), activity.id, event.currentTarget.checked)}
                    />
                    <span class="check__text">
                      <span class="check__label">{activity.label}</span>
                      <Show when={activity.done && activity.doneBy}>
                        <span class="check__by">{tickedBy(activity.doneBy)}</span>
                      </Show>
                    </span>
                  </label>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <div class="step__footer">
          <Show
            when={step().done}
            fallback={
              <Show when={!props.readOnly}>
                <Button variant="secondary" loading={busySteps().has(step().id)} onClick={() => void toggleStep(step(), true)}>
                  {bodyProps.current ? t("pair.steps.markDone") : t("pair.steps.markWeekDone", { week: step().week })}
                </Button>
              </Show>
            }
          >
            <p class="step__done">
              <DoneIcon />
              <span>{t("pair.steps.weekDone")}</span>
            </p>
            <Show when={!props.readOnly}>
              <button type="button" class="link-button" disabled={busySteps().has(step().id)} onClick={() => void toggleStep(step(), false)}>
                {t("pair.steps.markNotDone")}
              </button>
            </Show>
          </Show>
        </div>
      </div>
    );
  }

  const activityProgress = (step: StepProgress) =>
    t("pair.steps.progress", { done: step.activities.filter((a) => isTicked(step, a.id)).length, total: step.activities.length });

  return (
    <section class="steps" aria-labelledby={headingId}>
      <div class="panel-head">
        <h2 id={headingId} class="panel-title">
          {t("pair.steps.heading")}
        </h2>
        <Show when={total() > 0}>
          <p class="steps__overall">
            <span>{t("pair.steps.weeksDone", { done: weeksDone(), total: total() })}</span>
            <progress class="progress" max={total()} value={weeksDone()} aria-label={t("pair.steps.weeksDone", { done: weeksDone(), total: total() })} />
          </p>
        </Show>
      </div>
      <Show when={error()}>
        <Alert tone="error">{error()}</Alert>
      </Show>
      <Show when={current()} fallback={<p class="muted">{t("pair.steps.empty")}</p>}>
        {(step) => (
          <article class="step step--current" classList={{ "step--done": step().done }} aria-labelledby={`${headingId}-current`}>
            <p class="step__eyebrow">
              <span class="step__this-week">{t("pair.steps.thisWeek")}</span>
              <span>{t("pair.steps.weekOf", { week: step().week, total: total() })}</span>
            </p>
            <h3 id={`${headingId}-current`} class="step__title">
              {step().title}
            </h3>
            <Show when={step().activities.length > 0}>
              <p class="step__progress">{activityProgress(step())}</p>
            </Show>
            <StepBody step={step()} current />
          </article>
        )}
      </Show>
      <Show when={others().length > 0}>
        <h3 class="steps__all">{t("pair.steps.allWeeks")}</h3>
        <ul class="steps__list" role="list">
          <For each={others()}>
            {(step) => (
              <li>
                <details class="step step--folded" classList={{ "step--done": step.done }}>
                  <summary class="step__summary">
                    <span class="step__week">{t("pair.steps.week", { week: step.week })}</span>
                    <span class="step__summary-title">{step.title}</span>
                    <span class="step__summary-progress">
                      <Show when={step.done} fallback={activityProgress(step)}>
                        <DoneIcon />
                        <span>{t("pair.steps.weekDone")}</span>
                      </Show>
                    </span>
                  </summary>
                  <StepBody step={step} />
                </details>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
