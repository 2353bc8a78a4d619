// The group's name, description and focus: the form shared by "create" and "edit", its checks and the
// focus choice.
import { createSignal, For, onMount, Show, type JSX } from "solid-js";
import { Alert } from "../../components/Alert.tsx";
import { Field, TextField } from "../../components/Field.tsx";
import { AlertIcon } from "../../components/Icons.tsx";
import { t } from "../../i18n/index.ts";
import { splitApiError } from "../../lib/errors.ts";
import { GROUP_DESCRIPTION_MAX, GROUP_NAME_MAX, GROUP_NAME_MIN } from "../../../../shared/rules/limits.ts";
import { GROUP_FOCUSES, type GroupFocus } from "../../../../shared/rules/vocabulary.ts";
import { message, type Message } from "../../lib/validation.ts";
import { failureMessage } from "./common.tsx";

const GROUP_FIELDS = ["name", "description", "focus"] as const;
export type GroupFieldName = (typeof GROUP_FIELDS)[number];
export type GroupErrors = Partial<Record<GroupFieldName, Message>>;

/** The checks of CreateGroupBody / UpdateGroupBody (shared/api/groups.ts), on the same limits, with translated messages. */
function checkGroup(values: { name: string; description: string; focus: GroupFocus | "" }): GroupErrors {
  const name = values.name.trim();
  return {
    name: !name
      ? message("groups.form.nameRequired")
      : name.length < GROUP_NAME_MIN
        ? message("groups.form.nameShort", { min: GROUP_NAME_MIN })
        : name.length > GROUP_NAME_MAX
          ? message("groups.form.nameLong", { max: GROUP_NAME_MAX })
          : undefined,
    description: values.description.trim().length > GROUP_DESCRIPTION_MAX ? message("groups.form.descriptionLong", { max: GROUP_DESCRIPTION_MAX }) : undefined,
    focus: values.focus ? undefined : message("groups.form.focusRequired"),
  };
}

/** The focus choice as a group of radio cards: four options read better side by side than in a <select>. */
function FocusChoice(props: { value: GroupFocus | ""; onChange: (focus: GroupFocus) => void; error?: string | undefined; name: string }) {
  const errorId = `${props.name}-error`;
  return (
    <fieldset class="field focus-choice" aria-describedby={props.error ? errorId : undefined} aria-invalid={props.error ? "true" : undefined}>
      <legend class="field__label">{t("groups.form.focus")}</legend>
      <p class="field__hint">{t("groups.form.focusHint")}</p>
      <div class="focus-choice__options">
        <For each={GROUP_FOCUSES}>
          {(focus) => (
            <label class="focus-choice__option" classList={{ "is-checked": props.value === focus }}>
              <input type="radio" name={props.name} value={focus} checked={props.value === focus} onChange={() => props.onChange(focus)} />
              <span class="focus-choice__text">
                <span class="focus-choice__title">{t(`groups.focus.${focus}`)}</span>
                <span class="focus-choice__hint">{t(`groups.focusHint.${focus}`)}</span>
              </span>
            </label>
          )}
        </For>
      </div>
      <Show when={props.error}>
        <p class="field__error" id={errorId}>
          <AlertIcon class="field__error-icon" />
          <span>{props.error}</span>
        </p>
      </Show>
    </fieldset>
  );
}

export type GroupValues = { name: string; description: string; focus: GroupFocus };

/**
 * The whole form: fields, checks in the browser, server errors placed on their field (or as an alert),
 * focus on the first problem. `save` receives trimmed values; `footer` gets the saving state.
 */
export function GroupForm(props: {
  initial?: { name: string; description: string; focus: GroupFocus | "" };
  save: (values: GroupValues) => Promise<void>;
  footer: (saving: () => boolean) => JSX.Element;
  class: string;
  ariaLabel?: string;
  nameHint?: string;
  /** Namespace of the translated error messages for form-level failures. */
  errorNamespace?: string;
  autofocus?: boolean;
  onEscape?: () => void;
}) {
  const [name, setName] = createSignal(props.initial?.name ?? "");
  const [description, setDescription] = createSignal(props.initial?.description ?? "");
  const [focus, setFocus] = createSignal<GroupFocus | "">(props.initial?.focus ?? "");
  const [errors, setErrors] = createSignal<GroupErrors>({});
  const [formError, setFormError] = createSignal<string | null>(null);
  const [saving, setSaving] = createSignal(false);
  let form!: HTMLFormElement;
  let alert: HTMLDivElement | undefined;

  onMount(() => {
    if (props.autofocus) form.querySelector<HTMLInputElement>('[name="name"]')?.focus();
  });

  const errorFor = (field: GroupFieldName) => errors()[field]?.();
  const edited = (field: GroupFieldName) => {
    if (errors()[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  };
  function focusFirstError(found: GroupErrors) {
    const first = GROUP_FIELDS.find((field) => found[field]);
    if (first) form.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (saving()) return;
    setFormError(null);
    const found = checkGroup({ name: name(), description: description(), focus: focus() });
    setErrors(found);
    if (GROUP_FIELDS.some((field) => found[field])) return focusFirstError(found);
    setSaving(true);
    try {
      await props.save({ name: name().trim(), description: description().trim(), focus: focus() as GroupFocus });
    } catch (error) {
      const split = splitApiError(error, GROUP_FIELDS);
      setErrors(split.fields);
      setFormError(split.form ? failureMessage(error, props.errorNamespace) : null);
      if (split.form) alert?.focus();
      else focusFirstError(split.fields);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      ref={form}
      class={props.class}
      novalidate
      onSubmit={submit}
      aria-label={props.ariaLabel}
      aria-busy={saving() ? "true" : undefined}
      onKeyDown={(event) => {
        if (event.key === "Escape" && !saving()) props.onEscape?.();
      }}
    >
      <Show when={formError()}>
        {(text) => (
          <Alert tone="error" ref={(el) => (alert = el)}>
            <p>{text()}</p>
          </Alert>
        )}
      </Show>
      <TextField
        label={t("groups.form.name")}
        hint={props.nameHint}
        name="name"
        autocomplete="off"
        required
        limit={GROUP_NAME_MAX}
        value={name()}
        onValue={(value) => {
          setName(value);
          edited("name");
        }}
        error={errorFor("name")}
      />
      <Field
        label={t("groups.form.description")}
        hint={t("groups.form.descriptionHint")}
        error={errorFor("description")}
        count={{ length: description().length, max: GROUP_DESCRIPTION_MAX }}
      >
        {(control) => (
          <textarea
            class="input textarea"
            {...control}
            name="description"
            rows={4}
            value={description()}
            onInput={(event) => {
              setDescription(event.currentTarget.value);
              edited("description");
            }}
          />
        )}
      </Field>
      <FocusChoice
        name="focus"
        value={focus()}
        onChange={(value) => {
          setFocus(value);
          edited("focus");
        }}
        error={errorFor("focus")}
      />
      <div class="form__footer">{props.footer(saving)}</div>
    </form>
  );
}
