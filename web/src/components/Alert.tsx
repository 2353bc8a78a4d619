import { Match, Switch, type JSX } from "solid-js";
import { AlertIcon, CheckIcon, InfoIcon } from "./Icons.tsx";

type AlertProps = {
  tone: "error" | "success" | "info";
  title?: string;
  children?: JSX.Element;
  class?: string;
  ref?: (el: HTMLDivElement) => void;
};

/**
 * A message about the whole form or page. Errors use role="alert" so screen readers announce them at
 * once; success and info use role="status", which waits for a pause.
 */
export function Alert(props: AlertProps) {
  return (
    <div ref={props.ref} class={`alert alert--${props.tone} ${props.class ?? ""}`} role={props.tone === "error" ? "alert" : "status"} tabindex="-1">
      <Switch>
        <Match when={props.tone === "error"}>
          <AlertIcon class="alert__icon" />
        </Match>
        <Match when={props.tone === "success"}>
          <CheckIcon class="alert__icon" />
        </Match>
        <Match when={props.tone === "info"}>
          <InfoIcon class="alert__icon" />
        </Match>
      </Switch>
      <div class="alert__body">
        {props.title && <p class="alert__title">{props.title}</p>}
        {props.children}
      </div>
    </div>
  );
}
