import { createUniqueId, Show, splitProps, type JSX } from "solid-js";
import { AlertIcon } from "./Icons.tsx";
import { LengthCount } from "./LengthCount.tsx";

/** What a form control needs to be tied to its label, hint and error. Spread it onto the control. */
type ControlProps = {
  id: string;
  "aria-describedby": string | undefined;
  "aria-invalid": "true" | undefined;
};

type FieldProps = {
  label: string;
  hint?: string | undefined;
  error?: string | null | undefined;
  class?: string;
  /** Extra content after the control, such as a preview of parsed values. */
  after?: JSX.Element;
  /** A length limit: the field counts down to it as the person nears it (and never truncates). */
  count?: { length: number; max: number } | undefined;
  children: (control: ControlProps) => JSX.Element;
};

/** A labelled form field. The error is tied to the control by aria-describedby and marks it aria-invalid. */
export function Field(props: FieldProps) {
  const id = createUniqueId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const control: ControlProps = {
    id,
    get "aria-describedby"() {
      return [props.hint ? hintId : "", props.error ? errorId : ""].filter(Boolean).join(" ") || undefined;
    },
    get "aria-invalid"() {
      return props.error ? "true" : undefined;
    },
  };
  return (
    <div class={`field ${props.error ? "field--invalid" : ""} ${props.class ?? ""}`}>
      <label class="field__label" for={id}>
        {props.label}
      </label>
      <Show when={props.hint}>
        <p class="field__hint" id={hintId}>
          {props.hint}
        </p>
      </Show>
      {props.children(control)}
      <Show when={props.count}>{(count) => <LengthCount length={count().length} max={count().max} />}</Show>
      <Show when={props.error}>
        <p class="field__error" id={errorId}>
          <AlertIcon class="field__error-icon" />
          <span>{props.error}</span>
        </p>
      </Show>
      {props.after}
    </div>
  );
}

type TextFieldProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, "value" | "onInput"> & {
  label: string;
  hint?: string | undefined;
  error?: string | null | undefined;
  value: string;
  onValue: (value: string) => void;
  /** The length limit to count down to; use instead of `maxlength`, which cuts text silently. */
  limit?: number;
};

export function TextField(props: TextFieldProps) {
  const [local, rest] = splitProps(props, ["label", "hint", "error", "value", "onValue", "class", "limit"]);
  return (
    <Field
      label={local.label}
      hint={local.hint}
      error={local.error}
      class={local.class}
      count={local.limit ? { length: local.value.length, max: local.limit } : undefined}
    >
      {(control) => <input class="input" {...rest} {...control} value={local.value} onInput={(event) => local.onValue(event.currentTarget.value)} />}
    </Field>
  );
}
