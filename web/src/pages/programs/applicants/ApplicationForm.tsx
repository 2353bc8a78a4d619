// The sign-up form for one role: the program's own questions, and for mentors how many mentees they can
// take. Used to apply (POST) and to edit a waiting application (PATCH). Required answers are checked
// here first; the server checks everything again and its 422 issues land next to the right question.
import { createSignal, createUniqueId, For, Match, Show, Switch } from "solid-js";
import { createStore } from "solid-js/store";
import type { Application, ApplicationRole } from "../../../../../shared/api/applications.ts";
import type { Program, Question } from "../../../../../shared/api/programs.ts";
import { LONG_TEXT_MAX, SHORT_TEXT_MAX } from "../../../../../shared/rules/answers.ts";
import { Alert } from "../../../components/Alert.tsx";
import { Button } from "../../../components/Button.tsx";
import { AlertIcon } from "../../../components/Icons.tsx";
import { LengthCount } from "../../../components/LengthCount.tsx";
import { t } from "../../../i18n/index.ts";
import { api, ApiError } from "../../../lib/api.ts";
import { sessionExpired } from "../../../lib/session.ts";
import { message, type Message } from "../../../lib/validation.ts";
import { pageError } from "./format.ts";

type AnswerValue = string | string[];
type Errors = Partial<Record<string, Message>>;

const CAPACITY_FIELD = "__capacity";
/** Codes after which the page should reload what it knows about my applications and the program. */
const CONFLICTS = new Set(["already_applied", "already_paired", "withdrawn", "program_not_open"]);

type Props = {
  title: string;
  titleId: string;
  program: Program;
  role: ApplicationRole;
  /** A waiting application is edited; a withdrawn one only pre-fills the form for applying again. */
  existing?: Pick<Application, "id" | "status" | "answers" | "capacity"> | undefined;
  onSaved: (application: Application) => void;
  onCancel?: () => void;
  /** The server said the situation changed (already applied, paired, closed…): the page reloads and shows `message`. */
  onConflict: (message: string) => void;
};

const isEmpty = (value: AnswerValue | undefined) => value === undefined || (typeof value === "string" ? value.trim() === "" : value.length === 0);

function checkAnswer(question: Question, value: AnswerValue | undefined): Message | undefined {
  if (isEmpty(value)) {
    if (!question.required) return undefined;
    if (question.kind === "single_choice") return message("apply.validation.chooseOne");
    if (question.kind === "multiple_choice") return message("apply.validation.chooseSome");
    return message("apply.validation.required");
  }
  if (typeof value === "string" && (question.kind === "short_text" || question.kind === "long_text")) {
    const max = question.kind === "short_text" ? SHORT_TEXT_MAX : LONG_TEXT_MAX;
    if (value.trim().length > max) return message("apply.validation.tooLong", { max });
  }
  return undefined;
}

export function ApplicationForm(props: Props) {
  const questions = () => props.program.questions[props.role];
  const editing = () => props.existing?.status === "waiting";
  const [answers, setAnswers] = createStore<Record<string, AnswerValue>>({ ...(props.existing?.answers ?? {}) });
  const maxCapacity = () => Math.max(1, props.program.mentorCapacityMax);
  const [capacity, setCapacity] = createSignal(
    Math.min(props.existing?.capacity ?? props.program.mentorCapacityDefault, Math.max(1, props.program.mentorCapacityMax)),
  );
  const [errors, setErrors] = createSignal<Errors>({});
  const [formError, setFormError] = createSignal<Message | null>(null);
  const [saving, setSaving] = createSignal(false);
  let form!: HTMLFormElement;
  let alert: HTMLDivElement | undefined;

  const edited = (id: string) => {
    if (errors()[id]) setErrors((current) => ({ ...current, [id]: undefined }));
  };

  function focusFirstError(found: Errors) {
    const first = [...questions().map((q) => q.id), CAPACITY_FIELD].find((id) => found[id]);
    if (!first) return;
    form.querySelector<HTMLElement>(`[data-question="${CSS.escape(first)}"] :is(input, textarea, select)`)?.focus();
  }

  function validate(): Errors {
    const found: Errors = {};
    for (const question of questions()) {
      const problem = checkAnswer(question, answers[question.id]);
      if (problem) found[question.id] = problem;
    }
    return found;
  }

  /** Only this role's questions, text trimmed, choices in the question's own order. */
  function payload(): Record<string, AnswerValue> {
    const out: Record<string, AnswerValue> = {};
    for (const question of questions()) {
      const value = answers[question.id];
      if (isEmpty(value)) continue;
      if (Array.isArray(value)) {
        const order = question.choices?.map((choice) => choice.id) ?? [];
        out[question.id] = order.filter((id) => value.includes(id));
      } else {
        out[question.id] = value!.trim();
      }
    }
    return out;
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (saving()) return;
    setFormError(null);
    const found = validate();
    setErrors(found);
    if (Object.values(found).some(Boolean)) {
      setFormError(() => message("apply.validation.summary"));
      focusFirstError(found);
      return;
    }
    const capacityValue = props.role === "mentor" ? capacity() : undefined;
    setSaving(true);
    try {
      const { application } = editing()
        ? await api.patch<{ application: Application }>(`/applications/${encodeURIComponent(props.existing!.id)}`, {
            answers: payload(),
            ...(capacityValue ? { capacity: capacityValue } : {}),
          })
        : await api.post<{ application: Application }>(`/programs/${encodeURIComponent(props.program.id)}/applications`, {
            role: props.role,
            answers: payload(),
            ...(capacityValue ? { capacity: capacityValue } : {}),
          });
      props.onSaved(application);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return sessionExpired();
      if (error instanceof ApiError && CONFLICTS.has(error.code)) return props.onConflict(pageError("apply", error));
      const placed: Errors = {};
      if (error instanceof ApiError) {
        for (const issue of error.issues) {
          const [head, id] = issue.path.split(".");
          if (head === "answers" && id) {
            const question = questions().find((q) => q.id === id);
            placed[id] = (question && checkAnswer(question, answers[id])) ?? message("apply.validation.invalid");
          } else if (head === "capacity") {
            placed[CAPACITY_FIELD] = message("apply.validation.capacity", { max: maxCapacity() });
          }
        }
      }
      setErrors(placed);
      const anyPlaced = Object.keys(placed).length > 0;
      setFormError(() => (anyPlaced ? message("apply.validation.summary") : () => pageError("apply", error)));
      if (anyPlaced) focusFirstError(placed);
      else alert?.focus();
    } finally {
      setSaving(false);
    }
  }

  return (
    <form ref={form} class="card apply-form form" novalidate onSubmit={submit} aria-labelledby={props.titleId} aria-busy={saving() ? "true" : undefined}>
      <div class="apply-form__head">
        <h2 id={props.titleId} class="apply__panel-title">
          {props.title}
        </h2>
        <p class="apply-form__required-note">
          <span aria-hidden="true">* </span>
          {t("apply.requiredNote")}
        </p>
      </div>

      <Show when={formError()}>
        {(text) => (
          <Alert tone="error" ref={(el) => (alert = el)}>
            <p>{text()()}</p>
          </Alert>
        )}
      </Show>

      <Show when={questions().length === 0}>
        <p class="apply-form__no-questions">{t("apply.noQuestions")}</p>
      </Show>

      <For each={questions()}>
        {(question) => (
          <QuestionField
            question={question}
            value={answers[question.id]}
            error={errors()[question.id]?.()}
            onChange={(value) => {
              setAnswers(question.id, value);
              edited(question.id);
            }}
          />
        )}
      </For>

      <Show when={props.role === "mentor"}>
        <CapacityField
          value={capacity()}
          max={maxCapacity()}
          error={errors()[CAPACITY_FIELD]?.()}
          onChange={(value) => {
            setCapacity(value);
            edited(CAPACITY_FIELD);
          }}
        />
      </Show>

      <div class="form__footer">
        <Button type="submit" loading={saving()} loadingText={editing() ? t("apply.saving") : t("apply.sending")}>
          {editing() ? t("apply.save") : t(`apply.submit.${props.role}`)}
        </Button>
        <Show when={props.onCancel}>
          {(cancel) => (
            <Button variant="secondary" onClick={() => cancel()()} disabled={saving()}>
              {t("apply.cancelEdit")}
            </Button>
          )}
        </Show>
      </div>
    </form>
  );
}

function RequiredMark() {
  return (
    <span class="required-mark" aria-hidden="true">
      {" *"}
    </span>
  );
}

function FieldError(props: { id: string; text: string | undefined }) {
  return (
    <Show when={props.text}>
      <p class="field__error" id={props.id}>
        <AlertIcon class="field__error-icon" />
        <span>{props.text}</span>
      </p>
    </Show>
  );
}

function QuestionField(props: { question: Question; value: AnswerValue | undefined; error: string | undefined; onChange: (value: AnswerValue) => void }) {
  const id = createUniqueId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = () => [props.question.help ? hintId : "", props.error ? errorId : ""].filter(Boolean).join(" ") || undefined;
  const invalid = () => (props.error ? "true" : undefined);
  const text = () => (typeof props.value === "string" ? props.value : "");
  const selected = () => (Array.isArray(props.value) ? props.value : typeof props.value === "string" && props.value ? [props.value] : []);
  const hint = () => (
    <Show when={props.question.help}>
      <p class="field__hint" id={hintId}>
        {props.question.help}
      </p>
    </Show>
  );

  return (
    <Switch>
      <Match when={props.question.kind === "short_text" || props.question.kind === "long_text"}>
        <div class="field" classList={{ "field--invalid": !!props.error }} data-question={props.question.id}>
          <label class="field__label" for={id}>
            {props.question.label}
            <Show when={props.question.required}>
              <RequiredMark />
            </Show>
          </label>
          {hint()}
          <Show
            when={props.question.kind === "long_text"}
            fallback={
              <input
                id={id}
                class="input"
                name={props.question.id}
                aria-required={props.question.required ? "true" : undefined}
                aria-describedby={describedBy()}
                aria-invalid={invalid()}
                value={text()}
                onInput={(event) => props.onChange(event.currentTarget.value)}
              />
            }
          >
            <textarea
              id={id}
              class="input textarea"
              name={props.question.id}
              rows={4}
              aria-required={props.question.required ? "true" : undefined}
              aria-describedby={describedBy()}
              aria-invalid={invalid()}
              value={text()}
              onInput={(event) => props.onChange(event.currentTarget.value)}
            />
          </Show>
          <LengthCount length={text().length} max={props.question.kind === "long_text" ? LONG_TEXT_MAX : SHORT_TEXT_MAX} />
          <FieldError id={errorId} text={props.error} />
        </div>
      </Match>
      <Match when={props.question.kind === "single_choice" || props.question.kind === "multiple_choice"}>
        {(() => {
          const multiple = props.question.kind === "multiple_choice";
          const toggle = (choice: string, checked: boolean) => {
            if (!multiple) return props.onChange(choice);
            const current = selected().filter((item) => item !== choice);
            props.onChange(checked ? [...current, choice] : current);
          };
          return (
            <fieldset
              class="field choice-field"
              classList={{ "field--invalid": !!props.error }}
              data-question={props.question.id}
              role={multiple ? "group" : "radiogroup"}
              aria-describedby={describedBy()}
              aria-invalid={!multiple ? invalid() : undefined}
            >
              <legend class="field__label">
                {props.question.label}
                <Show when={props.question.required}>
                  <RequiredMark />
                  <span class="visually-hidden"> ({t("apply.required")})</span>
                </Show>
              </legend>
              {hint()}
              <div class="choices" classList={{ "choices--many": (props.question.choices?.length ?? 0) > 5 }}>
                <For each={props.question.choices ?? []}>
                  {(choice) => (
                    <label class="choice">
                      <input
                        type={multiple ? "checkbox" : "radio"}
                        name={`${id}-${props.question.id}`}
                        value={choice.id}
                        checked={selected().includes(choice.id)}
                        onChange={(event) => toggle(choice.id, event.currentTarget.checked)}
                      />
                      <span>{choice.label}</span>
                    </label>
                  )}
                </For>
              </div>
              <FieldError id={errorId} text={props.error} />
            </fieldset>
          );
        })()}
      </Match>
    </Switch>
  );
}

function CapacityField(props: { value: number; max: number; error: string | undefined; onChange: (value: number) => void }) {
  const id = createUniqueId();
  const options = () => Array.from({ length: props.max }, (_, index) => index + 1);
  return (
    <div class="field capacity-field" classList={{ "field--invalid": !!props.error }} data-question={CAPACITY_FIELD}>
      <label class="field__label" for={id}>
        {t("apply.capacityQuestion")}
      </label>
      <p class="field__hint" id={`${id}-hint`}>
        {t("apply.capacityHint", { max: props.max })}
      </p>
      <select
        id={id}
        class="input select"
        name="capacity"
        aria-describedby={[`${id}-hint`, props.error ? `${id}-error` : ""].filter(Boolean).join(" ")}
        aria-invalid={props.error ? "true" : undefined}
        value={String(props.value)}
        onChange={(event) => props.onChange(Number(event.currentTarget.value))}
      >
        <For each={options()}>
          {(count) => (
            <option value={String(count)} selected={count === props.value}>
              {t("apply.capacityOption", { count })}
            </option>
          )}
        </For>
      </select>
      <FieldError id={`${id}-error`} text={props.error} />
    </div>
  );
}
