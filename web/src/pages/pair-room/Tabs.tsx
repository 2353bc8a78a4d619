import { createEffect, For } from "solid-js";
import { tabKeyTarget } from "../../lib/tab-keys.ts";

export type TabItem<T extends string> = { id: T; label: string };

/**
 * An ARIA tab list with automatic activation: arrow keys, Home and End move between tabs. Only the
 * selected tab is in the tab order. The panels belong to the caller, with ids from `tabPanelId`.
 */
export function Tabs<T extends string>(props: { idPrefix: string; label: string; tabs: TabItem<T>[]; selected: T; onSelect: (id: T) => void; class?: string }) {
  const buttons = new Map<T, HTMLButtonElement>();

  // On a phone the tabs may be wider than the screen (French): the list scrolls sideways, and the
  // selected tab is always scrolled into view.
  createEffect(() => {
    const tab = buttons.get(props.selected);
    const list = tab?.parentElement;
    if (!tab || !list || list.scrollWidth <= list.clientWidth) return;
    const box = list.getBoundingClientRect();
    const at = tab.getBoundingClientRect();
    if (at.left < box.left) list.scrollLeft -= box.left - at.left + 8;
    else if (at.right > box.right) list.scrollLeft += at.right - box.right + 8;
  });

  function onKeyDown(event: KeyboardEvent, index: number) {
    const target = tabKeyTarget(event.key, index, props.tabs.length);
    if (target === null) return;
    event.preventDefault();
    const tab = props.tabs[target]!;
    props.onSelect(tab.id);
    buttons.get(tab.id)?.focus();
  }

  return (
    <div class={`pair-tabs ${props.class ?? ""}`} role="tablist" aria-label={props.label}>
      <For each={props.tabs}>
        {(tab, index) => (
          <button
            ref={(el) => buttons.set(tab.id, el)}
            type="button"
            role="tab"
            id={tabId(props.idPrefix, tab.id)}
            class="pair-tabs__tab"
            aria-selected={props.selected === tab.id ? "true" : "false"}
            aria-controls={tabPanelId(props.idPrefix, tab.id)}
            tabindex={props.selected === tab.id ? 0 : -1}
            onClick={() => props.onSelect(tab.id)}
            onKeyDown={(event) => onKeyDown(event, index())}
          >
            {tab.label}
          </button>
        )}
      </For>
    </div>
  );
}

export const tabId = (prefix: string, id: string) => `${prefix}-tab-${id}`;
export const tabPanelId = (prefix: string, id: string) => `${prefix}-panel-${id}`;
