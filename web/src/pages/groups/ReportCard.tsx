// What the group's report queue (Reports.tsx) and the operator's view (operator/Operator.tsx) share: the
// tabs over one list of reports, and a report's card: who reported whom, the reason, the one message it
// is about (if any), and the actions. Each page brings its own words and actions.
import { For, type JSX, Show } from "solid-js";
import { tabKeyTarget } from "../../lib/tab-keys.ts";

/** Tabs over one panel (`panelId`), following the ARIA pattern: one tab stop, arrows, Home and End. */
export function ReportTabs<T extends string>(props: {
  idPrefix: string;
  panelId: string;
  label: string;
  tabs: readonly T[];
  selected: T;
  onSelect: (tab: T, focus: boolean) => void;
  children: (tab: T) => JSX.Element;
  ref?: (tab: T, el: HTMLButtonElement) => void;
}) {
  function onKey(event: KeyboardEvent) {
    const next = tabKeyTarget(event.key, props.tabs.indexOf(props.selected), props.tabs.length);
    if (next === null) return;
    event.preventDefault();
    props.onSelect(props.tabs[next]!, true);
  }
  return (
    <div class="report-tabs" role="tablist" aria-label={props.label}>
      <For each={props.tabs}>
        {(tab) => (
          <button
            type="button"
            role="tab"
            id={`${props.idPrefix}-tab-${tab}`}
            class="report-tabs__tab"
            aria-selected={props.selected === tab ? "true" : "false"}
            aria-controls={props.panelId}
            tabindex={props.selected === tab ? 0 : -1}
            ref={(el) => props.ref?.(tab, el)}
            onClick={() => props.onSelect(tab, false)}
            onKeyDown={onKey}
          >
            {props.children(tab)}
          </button>
        )}
      </For>
    </div>
  );
}

/** A report's card. `message` is the reported message, with its caption and the line under it. */
export function ReportCard(props: {
  titleId: string;
  title: string;
  meta: JSX.Element;
  reasonLabel: string;
  reason: string;
  message: { label: string; body: string; meta: string } | null;
  noMessage: string;
  resolved?: boolean;
  actions?: JSX.Element;
}) {
  return (
    <li class="report-list__item">
      <article class="report-card card" classList={{ "report-card--resolved": !!props.resolved }} aria-labelledby={props.titleId}>
        <div class="report-card__head">
          <h2 id={props.titleId} class="report-card__title">
            {props.title}
          </h2>
          <p class="report-card__meta">{props.meta}</p>
        </div>
        <div class="report-card__section">
          <h3 class="report-card__label">{props.reasonLabel}</h3>
          <p class="report-card__reason">{props.reason}</p>
        </div>
        <Show when={props.message} fallback={<p class="report-card__no-message">{props.noMessage}</p>}>
          {(message) => (
            <figure class="reported-message">
              <figcaption class="report-card__label">{message().label}</figcaption>
              <blockquote class="reported-message__body">{message().body}</blockquote>
              <p class="reported-message__meta">{message().meta}</p>
            </figure>
          )}
        </Show>
        <Show when={props.actions}>
          <div class="report-card__actions">{props.actions}</div>
        </Show>
      </article>
    </li>
  );
}
