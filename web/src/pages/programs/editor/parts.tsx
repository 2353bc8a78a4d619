// Small building blocks of the program editor: the context every list shares, item toolbars and a
// labelled text control tied to an error path.
import { createUniqueId, Show, type JSX } from "solid-js";
import type { SetStoreFunction } from "solid-js/store";
import { AlertIcon } from "../../../components/Icons.tsx";
import { LengthCount } from "../../../components/LengthCount.tsx";
import { ArrowDownIcon, ArrowUpIcon, TrashIcon } from "../../groups/common.tsx";
import type { Draft } from "./model.ts";

export type EditorApi = {
  draft: Draft;
  setDraft: SetStoreFunction<Draft>;
  errorAt: (path: string) => string | undefined;
  /** True when some error sits at `prefix` or below it. */
  hasErrorsUnder: (prefix: string) => boolean;
  clearError: (path: string) => void;
  /** After adding, removing or moving items the paths shift, so errors below `prefix` go. */
  clearErrorsUnder: (prefix: string) => void;
  isExpanded: (id: string) => boolean;
  setExpanded: (id: string, open: boolean) => void;
  announce: (text: string) => void;
};

/** Focus a control inside the item with `itemId` once the DOM has caught up. */
export function focusIn(itemId: string, selector: string, fallback?: () => HTMLElement | null | undefined) {
  queueMicrotask(() => {
    const item = document.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(itemId)}"]`);
    const target = item?.querySelector<HTMLElement>(selector);
    if (target && !(target as HTMLButtonElement).disabled) target.focus();
    else fallback?.()?.focus();
  });
}

/** After a move: focus the same button on the moved item, or its sibling when that one is now disabled. */
export function focusMoveButton(itemId: string, direction: "up" | "down") {
  queueMicrotask(() => {
    const item = document.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(itemId)}"]`);
    const same = item?.querySelector<HTMLButtonElement>(`[data-move="${direction}"]`);
    const other = item?.querySelector<HTMLButtonElement>(`[data-move="${direction === "up" ? "down" : "up"}"]`);
    (same && !same.disabled ? same : other)?.focus();
  });
}

export function ItemTools(props: {
  index: number;
  count: number;
  upLabel: string;
  downLabel: string;
  removeLabel: string;
  disabled?: boolean;
  onMove: (direction: "up" | "down") => void;
  onRemove: () => void;
}) {
  return (
    <div class="item-tools">
      <button
        type="button"
        class="editor-icon-button"
        data-move="up"
        disabled={props.disabled || props.index === 0}
        title={props.upLabel}
        onClick={() => props.onMove("up")}
      >
        <ArrowUpIcon />
        <span class="visually-hidden">{props.upLabel}</span>
      </button>
      <button
        type="button"
        class="editor-icon-button"
        data-move="down"
        disabled={props.disabled || props.index >= props.count - 1}
        title={props.downLabel}
        onClick={() => props.onMove("down")}
      >
        <ArrowDownIcon />
        <span class="visually-hidden">{props.downLabel}</span>
      </button>
      <button
        type="button"
        class="editor-icon-button editor-icon-button--danger"
        data-remove
        disabled={props.disabled}
        title={props.removeLabel}
        onClick={() => props.onRemove()}
      >
        <TrashIcon />
        <span class="visually-hidden">{props.removeLabel}</span>
      </button>
    </div>
  );
}

/** A field's error line, with an id for aria-describedby. */
export function ErrorLine(props: { id: string; text: string | undefined }) {
  return (
    <Show when={props.text}>
      <p class="field__error" id={props.id}>
        <AlertIcon class="field__error-icon" />
        <span>{props.text}</span>
      </p>
    </Show>
  );
}

type TextControlProps = {
  api: EditorApi;
  path: string;
  label: string;
  hint?: string;
  value: string;
  onValue: (value: string) => void;
  multiline?: boolean;
  rows?: number;
  maxlength?: number;
  name?: string;
  hideLabel?: boolean;
  class?: string;
  after?: JSX.Element;
};

/** A labelled input or textarea whose error comes from the editor's errors at `path`. */
export function TextControl(props: TextControlProps) {
  const id = createUniqueId();
  const error = () => props.api.errorAt(props.path);
  const describedBy = () => [props.hint ? `${id}-hint` : "", error() ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  const input = (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
    props.onValue(event.currentTarget.value);
    props.api.clearError(props.path);
  };
  return (
    <div class={`field ${error() ? "field--invalid" : ""} ${props.class ?? ""}`}>
      <label class={props.hideLabel ? "visually-hidden" : "field__label"} for={id}>
        {props.label}
      </label>
      <Show when={props.hint}>
        <p class="field__hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <Show
        when={props.multiline}
        fallback={
          <input
            class="input"
            id={id}
            name={props.name ?? props.path}
            data-path={props.path}
            value={props.value}
            aria-invalid={error() ? "true" : undefined}
            aria-describedby={describedBy()}
            onInput={input}
          />
        }
      >
        <textarea
          class="input textarea"
          id={id}
          name={props.name ?? props.path}
          data-path={props.path}
          rows={props.rows ?? 4}
          value={props.value}
          aria-invalid={error() ? "true" : undefined}
          aria-describedby={describedBy()}
          onInput={input}
        />
      </Show>
      <Show when={props.maxlength}>{(max) => <LengthCount length={props.value.length} max={max()} />}</Show>
      <ErrorLine id={`${id}-error`} text={error()} />
      {props.after}
    </div>
  );
}
