// The group's name, description and focus: checks and the focus choice, shared by "create" and "edit".
import { For, Show } from "solid-js";
import { AlertIcon } from "../../components/Icons.tsx";
import { t } from "../../i18n/index.ts";
import { GROUP_FOCUSES, type GroupFocus } from "../../lib/groups.ts";
import { message, type Message } from "../../lib/validation.ts";

export const GROUP_NAME_MIN = 2;
export const GROUP_NAME_MAX = 80;
export const GROUP_DESCRIPTION_MAX = 2000;

export const GROUP_FIELDS = ["name", "description", "focus"] as const;
export type GroupFieldName = (typeof GROUP_FIELDS)[number];
export type GroupErrors = Partial<Record<GroupFieldName, Message>>;

/** Mirrors CreateGroupBody / UpdateGroupBody in shared/api/groups.ts, with translated messages. */
export function checkGroup(values: { name: string; description: string; focus: GroupFocus | "" }): GroupErrors {
  const name = values.name.trim();
  return {
    name: !name
      ? message("groups.form.nameRequired")
      : name.length < GROUP_NAME_MIN
        ? message("groups.form.nameShort", { min: GROUP_NAME_MIN })
        : name.length > GROUP_NAME_MAX
          ? message("groups.form.nameLong", { max: GROUP_NAME_MAX })
          : undefined,
    description:
      values.description.trim().length > GROUP_DESCRIPTION_MAX
        ? message("groups.form.descriptionLong", { max: GROUP_DESCRIPTION_MAX })
        : undefined,
    focus: values.focus ? undefined : message("groups.form.focusRequired"),
  };
}

/** The focus choice as a group of radio cards: four options read better side by side than in a <select>. */
export function FocusChoice(props: { value: GroupFocus | ""; onChange: (focus: GroupFocus) => void; error?: string | undefined; name: string }) {
  const errorId = `${props.name}-error`;
  return (
    <fieldset class="field focus-choice" aria-describedby={props.error ? errorId : undefined} aria-invalid={props.error ? "true" : undefined}>
      <legend class="field__label">{t("groups.form.focus")}</legend>
      <p class="field__hint">{t("groups.form.focusHint")}</p>
      <div class="focus-choice__options">
        <For each={GROUP_FOCUSES}>
          {(focus) => (
            <label class="focus-choice__option" classList={{ "is-checked": props.value === focus }}>
              <input
                type="radio"
                name={props.name}
                value={focus}
                checked={props.value === focus}
                onChange={() => props.onChange(focus)}
              />
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

