import { createSignal, Show, type JSX } from "solid-js";
import { render } from "solid-js/web";
import { t } from "../i18n/index.ts";

export type ConfirmOptions = {
  title: string;
  body?: JSX.Element;
  confirmLabel: string;
  cancelLabel?: string;
  /** Red confirm button, for actions that remove, end or block something. */
  danger?: boolean;
  /** Optional free-text field (for example a reason), returned with the answer. */
  input?: { label: string; required?: boolean; multiline?: boolean };
};

/**
 * Asks before a destructive action, in a native modal <dialog> (focus is trapped and Escape cancels).
 * Resolves to null when cancelled, or to { value } with the optional text.
 */
export function confirmAction(options: ConfirmOptions): Promise<{ value: string } | null> {
  return new Promise((resolve) => {
    const host = document.createElement("div");
    document.body.append(host);
    let dialog!: HTMLDialogElement;
    const [value, setValue] = createSignal("");
    const [touched, setTouched] = createSignal(false);
    const finish = (answer: { value: string } | null) => {
      dispose();
      host.remove();
      resolve(answer);
    };
    const missing = () => !!options.input?.required && !value().trim();
    const dispose = render(
      () => (
        <dialog
          ref={dialog}
          class="confirm-dialog"
          aria-labelledby="confirm-dialog-title"
          onCancel={(event) => {
            event.preventDefault();
            finish(null);
          }}
        >
          <form
            method="dialog"
            onSubmit={(event) => {
              event.preventDefault();
              setTouched(true);
              if (!missing()) finish({ value: value().trim() });
            }}
          >
            <h2 id="confirm-dialog-title">{options.title}</h2>
            <Show when={options.body}>
              <div class="confirm-dialog__body">{options.body}</div>
            </Show>
            <Show when={options.input}>
              {(input) => (
                <label class="field">
                  <span class="field__label">{input().label}</span>
                  <Show
                    when={input().multiline}
                    fallback={<input class="input" value={value()} onInput={(e) => setValue(e.currentTarget.value)} aria-invalid={touched() && missing()} />}
                  >
                    <textarea class="input" rows={3} value={value()} onInput={(e) => setValue(e.currentTarget.value)} aria-invalid={touched() && missing()} />
                  </Show>
                  <Show when={touched() && missing()}>
                    <span class="field__error" role="alert">
                      {t("confirm.required")}
                    </span>
                  </Show>
                </label>
              )}
            </Show>
            <div class="confirm-dialog__actions">
              <button type="button" class="button button--secondary" onClick={() => finish(null)}>
                {options.cancelLabel ?? t("confirm.cancel")}
              </button>
              <button type="submit" class={`button ${options.danger ? "button--danger" : "button--primary"}`}>
                {options.confirmLabel}
              </button>
            </div>
          </form>
        </dialog>
      ),
      host,
    );
    dialog.showModal();
  });
}
