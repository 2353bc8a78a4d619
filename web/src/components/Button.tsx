import { A } from "@solidjs/router";
import { Show, splitProps, type JSX } from "solid-js";

type Variant = "primary" | "secondary" | "ghost";

type ButtonProps = JSX.ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: Variant;
  /** While true the button is disabled and shows `loadingText` with a spinner. */
  loading?: boolean;
  loadingText?: string;
  block?: boolean;
};

export function Button(props: ButtonProps) {
  const [local, rest] = splitProps(props, ["variant", "loading", "loadingText", "block", "class", "children", "type", "disabled"]);
  return (
    <button
      {...rest}
      type={local.type ?? "button"}
      class={`button button--${local.variant ?? "primary"} ${local.block ? "button--block" : ""} ${local.class ?? ""}`}
      disabled={local.disabled || local.loading}
      aria-busy={local.loading ? "true" : undefined}
    >
      <Show when={local.loading} fallback={local.children}>
        <span class="spinner" aria-hidden="true" />
        {local.loadingText ?? local.children}
      </Show>
    </button>
  );
}

/** A link that looks like a button: it goes somewhere rather than doing something. */
export function ButtonLink(props: { href: string; variant?: Variant; class?: string; children: JSX.Element }) {
  return (
    <A href={props.href} class={`button button--${props.variant ?? "primary"} ${props.class ?? ""}`}>
      {props.children}
    </A>
  );
}
