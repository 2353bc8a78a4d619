import { useNavigate } from "@solidjs/router";
import { createSignal, Show } from "solid-js";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonLink } from "../../components/Button.tsx";
import { Field, TextField } from "../../components/Field.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { t } from "../../i18n/index.ts";
import { splitApiError } from "../../lib/errors.ts";
import { createGroup, type GroupFocus } from "../../lib/groups.ts";
import { usePageTitle } from "../../lib/page.ts";
import { failureMessage } from "./common.tsx";
import { checkGroup, FocusChoice, GROUP_DESCRIPTION_MAX, GROUP_FIELDS as FIELDS, GROUP_NAME_MAX, type GroupErrors as Errors, type GroupFieldName as FieldName } from "./GroupForm.tsx";
import "./groups.css";

export default function NewGroup() {
  usePageTitle(() => t("groups.new.title"));
  const navigate = useNavigate();
  const [name, setName] = createSignal("");
  const [description, setDescription] = createSignal("");
  const [focus, setFocus] = createSignal<GroupFocus | "">("");
  const [errors, setErrors] = createSignal<Errors>({});
  const [formError, setFormError] = createSignal<string | null>(null);
  const [saving, setSaving] = createSignal(false);
  let form!: HTMLFormElement;
  let alert: HTMLDivElement | undefined;

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
      const group = await createGroup({ name: name().trim(), description: description().trim(), focus: focus() as GroupFocus });
      navigate(`/groups/${encodeURIComponent(group.id)}`);
    } catch (error) {
      const split = splitApiError(error, FIELDS);
      setErrors(split.fields);
      setFormError(split.form ? failureMessage(error) : null);
      if (split.form) alert?.focus();
      else focusFirstError(split.fields);
    } finally {
      setSaving(false);
    }
  }

  return (
    <div class="container narrow new-group">
      <div class="page-intro">
        <PageHeading>{t("groups.new.title")}</PageHeading>
        <p class="lead">{t("groups.new.intro")}</p>
      </div>
      <form ref={form} class="form card groups-form" novalidate onSubmit={submit} aria-busy={saving() ? "true" : undefined}>
        <Show when={formError()}>
          {(text) => (
            <Alert tone="error" ref={(el) => (alert = el)}>
              <p>{text()}</p>
            </Alert>
          )}
        </Show>
        <TextField
          label={t("groups.form.name")}
          hint={t("groups.form.nameHint")}
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
          <Button type="submit" loading={saving()} loadingText={t("groups.new.creating")}>
            {t("groups.new.submit")}
          </Button>
          <ButtonLink href="/" variant="secondary">
            {t("groups.new.cancel")}
          </ButtonLink>
        </div>
      </form>
    </div>
  );
}
