import { For, Show } from "solid-js";
import { produce } from "solid-js/store";
import { Button } from "../../../components/Button.tsx";
import { confirmAction } from "../../../components/ConfirmDialog.tsx";
import { PlusIcon } from "../../../components/Icons.tsx";
import { LengthCount } from "../../../components/LengthCount.tsx";
import { t } from "../../../i18n/index.ts";
import { ChevronIcon, TrashIcon } from "../../groups/common.tsx";
import { ACTIVITY_MAX, GUIDANCE_MAX, MAX_ACTIVITIES, MAX_STEPS, moved, newId, STEP_TITLE_MAX, type DraftStep } from "./model.ts";
import { ErrorLine, focusIn, focusMoveButton, ItemTools, TextControl, type EditorApi } from "./parts.tsx";

export function StepsEditor(props: { api: EditorApi }) {
  const api = props.api;
  let addButton: HTMLButtonElement | undefined;
  const steps = () => api.draft.steps;
  const allIds = () => steps().flatMap((step) => [step.id, ...step.activities.map((a) => a.id)]);

  function addStep() {
    const id = newId("step", allIds());
    const step: DraftStep = { id, title: "", guidance: "", activities: [{ id: newId("activity", allIds()), label: "" }] };
    api.setDraft("steps", (list) => [...list, step]);
    api.clearErrorsUnder("steps");
    api.setExpanded(id, true);
    api.announce(t("editor.steps.added", { number: steps().length }));
    focusIn(id, "input");
  }

  function move(index: number, direction: "up" | "down") {
    const to = direction === "up" ? index - 1 : index + 1;
    const step = steps()[index];
    if (!step || to < 0 || to >= steps().length) return;
    api.setDraft("steps", (list) => moved(list, index, to));
    api.clearErrorsUnder("steps");
    api.announce(t("editor.steps.moved", { title: step.title || t("editor.steps.untitled"), number: to + 1 }));
    focusMoveButton(step.id, direction);
  }

  async function remove(index: number) {
    const step = steps()[index];
    if (!step) return;
    const answer = await confirmAction({
      title: t("editor.steps.removeTitle", { number: index + 1 }),
      body: <p>{t("editor.steps.removeBody", { title: step.title || t("editor.steps.untitled") })}</p>,
      confirmLabel: t("editor.steps.removeConfirm"),
      danger: true,
    });
    if (!answer) return;
    api.setDraft("steps", (list) => list.filter((item) => item.id !== step.id));
    api.clearErrorsUnder("steps");
    api.announce(t("editor.steps.removed", { number: index + 1 }));
    const next = steps()[index] ?? steps()[index - 1];
    if (next) focusIn(next.id, ".edit-item__toggle");
    else queueMicrotask(() => addButton?.focus());
  }

  return (
    <section class="editor-section card" aria-labelledby="steps-heading">
      <div class="editor-section__header">
        <h2 id="steps-heading" class="editor-section__title">
          {t("editor.steps.title")}
        </h2>
        <p class="editor-section__intro">{t("editor.steps.intro")}</p>
      </div>
      <ErrorLine id="steps-error" text={api.errorAt("steps")} />
      <Show when={steps().length > 0} fallback={<p class="editor-empty">{t("editor.steps.empty")}</p>}>
        <ol class="edit-list" role="list" aria-describedby={api.errorAt("steps") ? "steps-error" : undefined}>
          <For each={steps()}>
            {(step, index) => (
              <StepCard api={api} step={step} index={index()} count={steps().length} onMove={(d) => move(index(), d)} onRemove={() => void remove(index())} />
            )}
          </For>
        </ol>
      </Show>
      <Button variant="secondary" ref={addButton} disabled={steps().length >= MAX_STEPS} onClick={addStep}>
        <PlusIcon />
        {t("editor.steps.add")}
      </Button>
      <Show when={steps().length >= MAX_STEPS}>
        <p class="field__hint">{t("editor.steps.limit", { max: MAX_STEPS })}</p>
      </Show>
    </section>
  );
}

function StepCard(props: { api: EditorApi; step: DraftStep; index: number; count: number; onMove: (direction: "up" | "down") => void; onRemove: () => void }) {
  const api = props.api;
  const at = () => `steps.${props.index}`;
  const open = () => api.isExpanded(props.step.id);
  const bodyId = `step-body-${props.step.id}`;
  const week = () => props.index + 1;
  const title = () => props.step.title.trim() || t("editor.steps.untitled");
  const set = (field: "title" | "guidance") => (value: string) => api.setDraft("steps", props.index, field, value);

  function addActivity() {
    const id = newId(
      "activity",
      props.step.activities.map((a) => a.id),
    );
    api.setDraft("steps", props.index, "activities", (list) => [...list, { id, label: "" }]);
    api.clearErrorsUnder(`${at()}.activities`);
    focusIn(props.step.id, `[data-activity="${id}"]`);
  }

  function removeActivity(activityIndex: number) {
    const activities = props.step.activities;
    api.setDraft(
      "steps",
      props.index,
      produce((step) => {
        step.activities.splice(activityIndex, 1);
      }),
    );
    api.clearErrorsUnder(`${at()}.activities`);
    api.announce(t("editor.activities.removed", { number: activityIndex + 1 }));
    const next = activities[activityIndex] ?? activities[activityIndex - 1];
    focusIn(props.step.id, next ? `[data-activity="${next.id}"]` : "[data-add-activity]");
  }

  return (
    <li class="edit-item" classList={{ "is-open": open(), "has-errors": api.hasErrorsUnder(at()) }} data-item-id={props.step.id}>
      <div class="edit-item__header">
        <h3 class="edit-item__heading">
          <button
            type="button"
            class="edit-item__toggle"
            aria-expanded={open() ? "true" : "false"}
            aria-controls={bodyId}
            onClick={() => api.setExpanded(props.step.id, !open())}
          >
            <ChevronIcon class="edit-item__chevron" />
            <span class="edit-item__eyebrow">{t("editor.steps.week", { number: week() })}</span>
            <span class="edit-item__name">{title()}</span>
          </button>
        </h3>
        <Show when={api.hasErrorsUnder(at()) && !open()}>
          <span class="edit-item__flag">{t("editor.needsAttention")}</span>
        </Show>
        <ItemTools
          index={props.index}
          count={props.count}
          upLabel={t("editor.steps.moveUp", { number: week() })}
          downLabel={t("editor.steps.moveDown", { number: week() })}
          removeLabel={t("editor.steps.remove", { number: week() })}
          onMove={props.onMove}
          onRemove={props.onRemove}
        />
      </div>
      <Show when={open()}>
        <div class="edit-item__body" id={bodyId} role="group" aria-label={t("editor.steps.week", { number: week() })}>
          <TextControl
            api={api}
            path={`${at()}.title`}
            label={t("editor.steps.stepTitle")}
            value={props.step.title}
            maxlength={STEP_TITLE_MAX}
            onValue={set("title")}
          />
          <TextControl
            api={api}
            path={`${at()}.guidance`}
            label={t("editor.steps.guidance")}
            hint={t("editor.steps.guidanceHint")}
            value={props.step.guidance}
            multiline
            rows={8}
            maxlength={GUIDANCE_MAX}
            onValue={set("guidance")}
          />
          <fieldset class="subitems" aria-describedby={api.errorAt(`${at()}.activities`) ? `${bodyId}-activities-error` : undefined}>
            <legend class="field__label">{t("editor.activities.title")}</legend>
            <p class="field__hint">{t("editor.activities.hint")}</p>
            <ol class="subitem-list" role="list">
              <For each={props.step.activities}>
                {(activity, activityIndex) => (
                  <li class="subitem">
                    <span class="subitem__number" aria-hidden="true">
                      {activityIndex() + 1}
                    </span>
                    <SubitemInput
                      api={api}
                      path={`${at()}.activities.${activityIndex()}.label`}
                      label={t("editor.activities.label", { number: activityIndex() + 1 })}
                      value={activity.label}
                      maxlength={ACTIVITY_MAX}
                      data={{ "data-activity": activity.id }}
                      onValue={(value) => api.setDraft("steps", props.index, "activities", activityIndex(), "label", value)}
                    />
                    <button
                      type="button"
                      class="editor-icon-button editor-icon-button--danger"
                      title={t("editor.activities.remove", { number: activityIndex() + 1 })}
                      onClick={() => removeActivity(activityIndex())}
                    >
                      <TrashIcon />
                      <span class="visually-hidden">{t("editor.activities.remove", { number: activityIndex() + 1 })}</span>
                    </button>
                  </li>
                )}
              </For>
            </ol>
            <ErrorLine id={`${bodyId}-activities-error`} text={api.errorAt(`${at()}.activities`)} />
            <Button variant="ghost" class="button--small" data-add-activity disabled={props.step.activities.length >= MAX_ACTIVITIES} onClick={addActivity}>
              <PlusIcon />
              {t("editor.activities.add")}
            </Button>
          </fieldset>
        </div>
      </Show>
    </li>
  );
}

/** One line of a list inside an item (an activity, a choice): input, hidden label, error below. */
export function SubitemInput(props: {
  api: EditorApi;
  path: string;
  label: string;
  value: string;
  maxlength: number;
  data: Record<string, string>;
  onValue: (value: string) => void;
}) {
  const error = () => props.api.errorAt(props.path);
  const errorId = () => `error-${props.path.replaceAll(".", "-")}`;
  return (
    <div class="subitem__field">
      <input
        class="input"
        {...props.data}
        name={props.path}
        data-path={props.path}
        aria-label={props.label}
        value={props.value}
        aria-invalid={error() ? "true" : undefined}
        aria-describedby={error() ? errorId() : undefined}
        onInput={(event) => {
          props.onValue(event.currentTarget.value);
          props.api.clearError(props.path);
        }}
      />
      <LengthCount length={props.value.length} max={props.maxlength} />
      <ErrorLine id={errorId()} text={error()} />
    </div>
  );
}
