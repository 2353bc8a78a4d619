import { createUniqueId, For, Show } from "solid-js";
import { produce } from "solid-js/store";
import { Button } from "../../../components/Button.tsx";
import { confirmAction } from "../../../components/ConfirmDialog.tsx";
import { PlusIcon } from "../../../components/Icons.tsx";
import { t } from "../../../i18n/index.ts";
import { ChevronIcon, TrashIcon } from "../../groups/common.tsx";
import {
  CHOICE_MAX,
  isChoiceKind,
  MAX_CHOICES,
  MAX_QUESTIONS_PER_ROLE,
  moved,
  newId,
  QUESTION_HELP_MAX,
  QUESTION_KINDS,
  QUESTION_LABEL_MAX,
  type DraftQuestion,
  type QuestionKind,
  type QuestionRole,
} from "./model.ts";
import { ErrorLine, focusIn, focusMoveButton, ItemTools, TextControl, type EditorApi } from "./parts.tsx";
import { SubitemInput } from "./StepsEditor.tsx";

/** The sign-up questions for one side (mentors or mentees). */
export function QuestionsEditor(props: { api: EditorApi; role: QuestionRole }) {
  const api = props.api;
  let addButton: HTMLButtonElement | undefined;
  const questions = () => api.draft.questions[props.role];
  const prefix = () => `questions.${props.role}`;
  const headingId = `questions-${props.role}-heading`;
  const allIds = () => [...api.draft.questions.mentor, ...api.draft.questions.mentee].map((q) => q.id);

  function add() {
    const id = newId("question", allIds());
    const question: DraftQuestion = { id, kind: "short_text", label: "", help: "", required: true, choices: [] };
    api.setDraft("questions", props.role, (list) => [...list, question]);
    api.clearErrorsUnder(prefix());
    api.setExpanded(id, true);
    api.announce(t("editor.questions.added", { number: questions().length }));
    focusIn(id, "select");
  }

  function move(index: number, direction: "up" | "down") {
    const to = direction === "up" ? index - 1 : index + 1;
    const question = questions()[index];
    if (!question || to < 0 || to >= questions().length) return;
    api.setDraft("questions", props.role, (list) => moved(list, index, to));
    api.clearErrorsUnder(prefix());
    api.announce(t("editor.questions.moved", { label: question.label || t("editor.questions.untitled"), number: to + 1 }));
    focusMoveButton(question.id, direction);
  }

  async function remove(index: number) {
    const question = questions()[index];
    if (!question) return;
    const answer = await confirmAction({
      title: t("editor.questions.removeTitle", { number: index + 1 }),
      body: <p>{t("editor.questions.removeBody", { label: question.label || t("editor.questions.untitled") })}</p>,
      confirmLabel: t("editor.questions.removeConfirm"),
      danger: true,
    });
    if (!answer) return;
    api.setDraft("questions", props.role, (list) => list.filter((item) => item.id !== question.id));
    api.clearErrorsUnder(prefix());
    api.announce(t("editor.questions.removed", { number: index + 1 }));
    const next = questions()[index] ?? questions()[index - 1];
    if (next) focusIn(next.id, ".edit-item__toggle");
    else queueMicrotask(() => addButton?.focus());
  }

  return (
    <section class="editor-subsection" aria-labelledby={headingId}>
      <h3 id={headingId} class="editor-subsection__title">
        {t(`editor.questions.${props.role}Title`)}
      </h3>
      <p class="editor-section__intro">{t(`editor.questions.${props.role}Intro`)}</p>
      <ErrorLine id={`${headingId}-error`} text={api.errorAt(prefix())} />
      <Show when={questions().length > 0} fallback={<p class="editor-empty">{t("editor.questions.empty")}</p>}>
        <ol class="edit-list" role="list">
          <For each={questions()}>
            {(question, index) => (
              <QuestionCard
                api={api}
                role={props.role}
                question={question}
                index={index()}
                count={questions().length}
                onMove={(d) => move(index(), d)}
                onRemove={() => void remove(index())}
              />
            )}
          </For>
        </ol>
      </Show>
      <Button variant="secondary" ref={addButton} disabled={questions().length >= MAX_QUESTIONS_PER_ROLE} onClick={add}>
        <PlusIcon />
        {t(`editor.questions.${props.role}Add`)}
      </Button>
      <Show when={questions().length >= MAX_QUESTIONS_PER_ROLE}>
        <p class="field__hint">{t("editor.questions.limit", { max: MAX_QUESTIONS_PER_ROLE })}</p>
      </Show>
    </section>
  );
}

function QuestionCard(props: {
  api: EditorApi;
  role: QuestionRole;
  question: DraftQuestion;
  index: number;
  count: number;
  onMove: (direction: "up" | "down") => void;
  onRemove: () => void;
}) {
  const api = props.api;
  const at = () => `questions.${props.role}.${props.index}`;
  const open = () => api.isExpanded(props.question.id);
  const bodyId = `question-body-${props.question.id}`;
  const kindId = createUniqueId();
  const requiredId = createUniqueId();
  const number = () => props.index + 1;
  const label = () => props.question.label.trim() || t("editor.questions.untitled");
  const update = <K extends keyof DraftQuestion>(field: K, value: DraftQuestion[K]) =>
    api.setDraft("questions", props.role, props.index, field, value as never);

  function changeKind(kind: QuestionKind) {
    api.setDraft(
      "questions",
      props.role,
      props.index,
      produce((question) => {
        question.kind = kind;
        // A choice question needs two choices to be valid: start it with two empty ones.
        if (isChoiceKind(kind)) {
          while (question.choices.length < 2)
            question.choices.push({
              id: newId(
                "choice",
                question.choices.map((c) => c.id),
              ),
              label: "",
            });
        }
      }),
    );
    api.clearErrorsUnder(`${at()}.choices`);
  }

  function addChoice() {
    const id = newId(
      "choice",
      props.question.choices.map((c) => c.id),
    );
    api.setDraft("questions", props.role, props.index, "choices", (list) => [...list, { id, label: "" }]);
    api.clearErrorsUnder(`${at()}.choices`);
    focusIn(props.question.id, `[data-choice="${id}"]`);
  }

  function removeChoice(choiceIndex: number) {
    const choices = props.question.choices;
    api.setDraft(
      "questions",
      props.role,
      props.index,
      produce((question) => {
        question.choices.splice(choiceIndex, 1);
      }),
    );
    api.clearErrorsUnder(`${at()}.choices`);
    api.announce(t("editor.choices.removed", { number: choiceIndex + 1 }));
    const next = choices[choiceIndex] ?? choices[choiceIndex - 1];
    focusIn(props.question.id, next ? `[data-choice="${next.id}"]` : "[data-add-choice]");
  }

  return (
    <li class="edit-item" classList={{ "is-open": open(), "has-errors": api.hasErrorsUnder(at()) }} data-item-id={props.question.id}>
      <div class="edit-item__header">
        <h4 class="edit-item__heading">
          <button
            type="button"
            class="edit-item__toggle"
            aria-expanded={open() ? "true" : "false"}
            aria-controls={bodyId}
            onClick={() => api.setExpanded(props.question.id, !open())}
          >
            <ChevronIcon class="edit-item__chevron" />
            <span class="edit-item__eyebrow">
              {t("editor.questions.number", { number: number() })}
              <span class="edit-item__kind"> · {t(`editor.kinds.${props.question.kind}`)}</span>
              <Show when={!props.question.required}>
                <span class="edit-item__kind"> · {t("editor.questions.optional")}</span>
              </Show>
            </span>
            <span class="edit-item__name">{label()}</span>
          </button>
        </h4>
        <Show when={api.hasErrorsUnder(at()) && !open()}>
          <span class="edit-item__flag">{t("editor.needsAttention")}</span>
        </Show>
        <ItemTools
          index={props.index}
          count={props.count}
          upLabel={t("editor.questions.moveUp", { number: number() })}
          downLabel={t("editor.questions.moveDown", { number: number() })}
          removeLabel={t("editor.questions.remove", { number: number() })}
          onMove={props.onMove}
          onRemove={props.onRemove}
        />
      </div>
      <Show when={open()}>
        <div class="edit-item__body" id={bodyId} role="group" aria-label={t("editor.questions.number", { number: number() })}>
          <div class="field">
            <label class="field__label" for={kindId}>
              {t("editor.questions.kind")}
            </label>
            <select
              class="input select question-kind"
              id={kindId}
              name={`${at()}.kind`}
              value={props.question.kind}
              onChange={(event) => changeKind(event.currentTarget.value as QuestionKind)}
            >
              <For each={QUESTION_KINDS}>
                {(kind) => (
                  <option value={kind} selected={kind === props.question.kind}>
                    {t(`editor.kinds.${kind}`)}
                  </option>
                )}
              </For>
            </select>
          </div>
          <TextControl
            api={api}
            path={`${at()}.label`}
            label={t("editor.questions.label")}
            value={props.question.label}
            maxlength={QUESTION_LABEL_MAX}
            onValue={(value) => update("label", value)}
          />
          <TextControl
            api={api}
            path={`${at()}.help`}
            label={t("editor.questions.help")}
            hint={t("editor.questions.helpHint")}
            value={props.question.help}
            multiline
            rows={2}
            maxlength={QUESTION_HELP_MAX}
            onValue={(value) => update("help", value)}
          />
          <div class="checkbox-field">
            <input
              type="checkbox"
              id={requiredId}
              name={`${at()}.required`}
              checked={props.question.required}
              onChange={(event) => update("required", event.currentTarget.checked)}
            />
            <label for={requiredId}>{t("editor.questions.required")}</label>
          </div>
          <Show when={isChoiceKind(props.question.kind)}>
            <fieldset class="subitems" aria-describedby={api.errorAt(`${at()}.choices`) ? `${bodyId}-choices-error` : undefined}>
              <legend class="field__label">{t("editor.choices.title")}</legend>
              <p class="field__hint">{t("editor.choices.hint")}</p>
              <ol class="subitem-list" role="list">
                <For each={props.question.choices}>
                  {(choice, choiceIndex) => (
                    <li class="subitem">
                      <span class="subitem__number" aria-hidden="true">
                        {choiceIndex() + 1}
                      </span>
                      <SubitemInput
                        api={api}
                        path={`${at()}.choices.${choiceIndex()}.label`}
                        label={t("editor.choices.label", { number: choiceIndex() + 1 })}
                        value={choice.label}
                        maxlength={CHOICE_MAX}
                        data={{ "data-choice": choice.id }}
                        onValue={(value) => api.setDraft("questions", props.role, props.index, "choices", choiceIndex(), "label", value)}
                      />
                      <button
                        type="button"
                        class="editor-icon-button editor-icon-button--danger"
                        title={t("editor.choices.remove", { number: choiceIndex() + 1 })}
                        onClick={() => removeChoice(choiceIndex())}
                      >
                        <TrashIcon />
                        <span class="visually-hidden">{t("editor.choices.remove", { number: choiceIndex() + 1 })}</span>
                      </button>
                    </li>
                  )}
                </For>
              </ol>
              <ErrorLine id={`${bodyId}-choices-error`} text={api.errorAt(`${at()}.choices`)} />
              <Button variant="ghost" class="button--small" data-add-choice disabled={props.question.choices.length >= MAX_CHOICES} onClick={addChoice}>
                <PlusIcon />
                {t("editor.choices.add")}
              </Button>
            </fieldset>
          </Show>
        </div>
      </Show>
    </li>
  );
}
