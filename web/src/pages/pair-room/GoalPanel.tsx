import { createSignal, createUniqueId, For, Show } from "solid-js";
import type { PublicProfile } from "../../../../shared/api/users.ts";
import { GOAL_PROGRESS, type GoalProgress } from "../../../../shared/rules/rhythm.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { Field } from "../../components/Field.tsx";
import { t } from "../../i18n/index.ts";
import { ApiError } from "../../lib/api.ts";
import { formatShortDate } from "./format.ts";
import { rhythmError } from "./MeetingsPanel.tsx";
import { setGoal, setGoalProgress, type Goal } from "./rhythm-api.ts";
import type { Rhythm } from "./rhythm-store.ts";

type GoalPanelProps = { pairId: string; rhythm: Rhythm; readOnly: boolean; meId: string; other: PublicProfile; currentStepId: string | null };

/** The pair's one goal, always in view: what, why, by when, how they will know, and its progress. */
export function GoalPanel(props: GoalPanelProps) {
  const headingId = createUniqueId();
  const [editing, setEditing] = createSignal(false);
  const goal = () => props.rhythm.state.goal;
  const byWhen = (date: string) => formatShortDate(Date.parse(`${date}T12:00:00`));

  return (
    <section class="rhythm-section goal" aria-labelledby={headingId} data-testid="goal">
      <div class="panel-head">
        <h2 id={headingId} class="panel-title">
          {t("rhythm.goal.heading")}
        </h2>
        <Show when={goal() && !props.readOnly && !editing()}>
          <Button variant="ghost" onClick={() => setEditing(true)}>
            {t("rhythm.goal.edit")}
          </Button>
        </Show>
      </div>
      {/* Keyed: the view gets the goal itself, not an accessor that would go stale when editing starts. */}
      <Show
        when={!editing() && goal()}
        keyed
        fallback={
          <Show
            when={editing()}
            fallback={
              <>
                <p class="muted">{t("rhythm.goal.empty")}</p>
                <Show when={!props.readOnly}>
                  <Button variant="secondary" onClick={() => setEditing(true)}>
                    {t("rhythm.goal.set")}
                  </Button>
                </Show>
              </>
            }
          >
            <GoalForm
              {...props}
              goal={goal()}
              onDone={(saved) => {
                if (saved) props.rhythm.setGoal(saved);
                setEditing(false);
              }}
            />
          </Show>
        }
      >
        {(g) => (
          <div class="goal__view">
            <p class="goal__what">{g.what}</p>
            <p class="goal__meta">
              <span class={`badge goal-state goal-state--${g.progress}`} data-testid="goal-state">
                {t(`rhythm.goal.states.${g.progress}`)}
              </span>
              <span>{t("rhythm.goal.byWhenValue", { date: byWhen(g.byWhen) })}</span>
            </p>
            <Show when={g.why}>
              <p>
                <span class="meeting__label">{t("rhythm.goal.whyLabel")}:</span> {g.why}
              </p>
            </Show>
            <p>
              <span class="meeting__label">{t("rhythm.goal.measureLabel")}:</span> {g.measure}
            </p>
            <Show when={g.progressNote}>
              <p class="goal__note">“{g.progressNote}”</p>
            </Show>
            <p class="muted goal__updated">
              {t("rhythm.goal.updated", {
                name: g.updatedBy === props.meId ? t("rhythm.goal.you") : props.other.displayName,
                date: formatShortDate(g.updatedAt),
              })}
            </p>
            <Show when={!props.readOnly}>
              <ProgressForm pairId={props.pairId} goal={g} onSaved={props.rhythm.setGoal} />
            </Show>
          </div>
        )}
      </Show>
      <p class="muted goal__private">{t("rhythm.goal.private")}</p>
    </section>
  );
}

function GoalForm(props: GoalPanelProps & { goal: Goal | null; onDone: (goal: Goal | null) => void }) {
  const [what, setWhat] = createSignal(props.goal?.what ?? "");
  const [why, setWhy] = createSignal(props.goal?.why ?? "");
  const [byWhen, setByWhen] = createSignal(props.goal?.byWhen ?? new Date(Date.now() + 42 * 86_400_000).toISOString().slice(0, 10));
  const [measure, setMeasure] = createSignal(props.goal?.measure ?? "");
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [failure, setFailure] = createSignal<string | null>(null);
  const [saving, setSaving] = createSignal(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!what().trim()) found.what = t("rhythm.goal.whatRequired");
    if (!measure().trim()) found.measure = t("rhythm.goal.measureRequired");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(byWhen())) found.byWhen = t("rhythm.goal.byWhenRequired");
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length) return;
    setSaving(true);
    try {
      const stepId = props.goal ? undefined : props.currentStepId;
      props.onDone(
        await setGoal(props.pairId, { what: what().trim(), why: why().trim(), byWhen: byWhen(), measure: measure().trim(), ...(stepId ? { stepId } : {}) }),
      );
    } catch (error) {
      if (error instanceof ApiError && error.issues.length) setErrors(Object.fromEntries(error.issues.map((issue) => [issue.path, issue.message])));
      setFailure(`${t("rhythm.goal.failed")} ${rhythmError(error)}`);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form class="goal-form" onSubmit={submit} noValidate>
      <Show when={failure()}>
        <Alert tone="error">{failure()}</Alert>
      </Show>
      <Field label={t("rhythm.goal.what")} error={errors().what}>
        {(control) => <input class="input" {...control} maxLength={500} value={what()} onInput={(e) => setWhat(e.currentTarget.value)} />}
      </Field>
      <Field label={t("rhythm.goal.why")} error={errors().why}>
        {(control) => <textarea class="input" rows={2} {...control} maxLength={1000} value={why()} onInput={(e) => setWhy(e.currentTarget.value)} />}
      </Field>
      <Field label={t("rhythm.goal.byWhen")} error={errors().byWhen}>
        {(control) => <input class="input" type="date" {...control} value={byWhen()} onInput={(e) => setByWhen(e.currentTarget.value)} />}
      </Field>
      <Field label={t("rhythm.goal.measure")} error={errors().measure}>
        {(control) => <textarea class="input" rows={2} {...control} maxLength={1000} value={measure()} onInput={(e) => setMeasure(e.currentTarget.value)} />}
      </Field>
      <div class="propose-form__actions">
        <Button type="submit" loading={saving()} loadingText={t("rhythm.goal.saving")}>
          {t("rhythm.goal.save")}
        </Button>
        <Button variant="ghost" onClick={() => props.onDone(null)}>
          {t("rhythm.goal.close")}
        </Button>
      </div>
    </form>
  );
}

function ProgressForm(props: { pairId: string; goal: Goal; onSaved: (goal: Goal) => void }) {
  const [progress, setProgress] = createSignal<GoalProgress>(props.goal.progress);
  const [note, setNote] = createSignal("");
  const [saving, setSaving] = createSignal(false);
  const [failure, setFailure] = createSignal<string | null>(null);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setSaving(true);
    setFailure(null);
    try {
      props.onSaved(await setGoalProgress(props.pairId, { progress: progress(), note: note().trim() }));
      setNote("");
    } catch (error) {
      setFailure(`${t("rhythm.goal.failed")} ${rhythmError(error)}`);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form class="goal-progress" onSubmit={submit} noValidate>
      <Show when={failure()}>
        <Alert tone="error">{failure()}</Alert>
      </Show>
      <Field label={t("rhythm.goal.progress")}>
        {(control) => (
          <select class="input" {...control} value={progress()} onChange={(e) => setProgress(e.currentTarget.value as GoalProgress)}>
            <For each={GOAL_PROGRESS}>
              {(state) => (
                <option value={state} selected={state === progress()}>
                  {t(`rhythm.goal.states.${state}`)}
                </option>
              )}
            </For>
          </select>
        )}
      </Field>
      <Field label={t("rhythm.goal.progressNote")}>
        {(control) => <input class="input" {...control} maxLength={1000} value={note()} onInput={(e) => setNote(e.currentTarget.value)} />}
      </Field>
      <Button type="submit" variant="secondary" loading={saving()} loadingText={t("rhythm.goal.saving")}>
        {t("rhythm.goal.updateProgress")}
      </Button>
    </form>
  );
}
