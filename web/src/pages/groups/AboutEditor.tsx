import { createSignal, onMount, Show } from "solid-js";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { Field, TextField } from "../../components/Field.tsx";
import { t } from "../../i18n/index.ts";
import { splitApiError } from "../../lib/errors.ts";
import { updateGroup, type GroupDetail, type GroupFocus } from "../../lib/groups.ts";
import { failureMessage } from "./common.tsx";
import {
  checkGroup,
  FocusChoice,
  GROUP_DESCRIPTION_MAX,
  GROUP_FIELDS as FIELDS,
  GROUP_NAME_MAX,
  type GroupErrors as Errors,
  type GroupFieldName as FieldName,
} from "./GroupForm.tsx";

type Group = GroupDetail["group"];

/** The group's name, description and focus, edited in place on the group page (admins). */
export function AboutEditor(props: { group: Group; onSaved: (group: Group) => void; onCancel: () => void }) {
  const [name, setName] = createSignal(props.group.name);
  const [description, setDescription] = createSignal(props.group.description);
  const [focus, setFocus] = createSignal<GroupFocus | "">(props.group.focus);
  const [errors, setErrors] = createSignal<Errors>({});
  const [formError, setFormError] = createSignal<string | null>(null);
  const [saving, setSaving] = createSignal(false);
  let form!: HTMLFormElement;
  let alert: HTMLDivElement | undefined;

  onMount(() => form.querySelector<HTMLInputElement>('[name="name"]')?.focus());

  const errorFor = (field: FieldName) => errors()[field]?.();
  const edited = (field: FieldName) => {
    if (errors()[field]) setErrors((current) => ({ ...current, [field]: undefined }));
  };
  function focusFirstError(found: Errors) {
    const first = FIELDS.find((field) => found[field]);
    if (first) form.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (saving()) return;
    setFormError(null);
    const found = checkGroup({ name: name(), description: description(), focus: focus() });
    setErrors(found);
    if (FIELDS.some((field) => found[field])) return focusFirstError(found);
    setSaving(true);
    try {
      const group = await updateGroup(props.group.id, {
        name: name().trim(),
        description: description().trim(),
        focus: focus() as GroupFocus,
      });
      props.onSaved(group);
    } catch (error) {
      const split = splitApiError(error, FIELDS);
      setErrors(split.fields);
      setFormError(split.form ? failureMessage(error, "groups.errors") : null);
      if (split.form) alert?.focus();
      else focusFirstError(split.fields);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      ref={form}
      class="form about-editor"
      novalidate
      onSubmit={submit}
      aria-label={t("groups.about.formLabel")}
      aria-busy={saving() ? "true" : undefined}
      onKeyDown={(event) => {
        if (event.key === "Escape" && !saving()) props.onCancel();
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
        name="name"
        autocomplete="off"
        required
        maxlength={GROUP_NAME_MAX}
        value={name()}
        onValue={(value) => {
          setName(value);
          edited("name");
        }}
        error={errorFor("name")}
      />
      <Field label={t("groups.form.description")} hint={t("groups.form.descriptionHint")} error={errorFor("description")}>
        {(control) => (
          <textarea
            class="input textarea"
            {...control}
            name="description"
            rows={4}
            maxlength={GROUP_DESCRIPTION_MAX}
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
      <div class="form__footer">
        <Button type="submit" loading={saving()} loadingText={t("groups.about.saving")}>
          {t("groups.about.save")}
        </Button>
        <Button variant="secondary" onClick={() => props.onCancel()} disabled={saving()}>
          {t("groups.about.cancel")}
        </Button>
      </div>
    </form>
  );
}
