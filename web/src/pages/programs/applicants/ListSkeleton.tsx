import { For } from "solid-js";

/** Placeholder cards while a list loads; screen readers hear `label`. */
export function ListSkeleton(props: { label: string; count?: number }) {
  return (
    <div class="item-list" role="status">
      <span class="visually-hidden">{props.label}</span>
      <For each={Array.from({ length: props.count ?? 3 }, (_, i) => i)}>
        {() => (
          <div class="item card item--skeleton" aria-hidden="true">
            <div class="item__main">
              <div class="skeleton skeleton--badge" />
              <div class="skeleton skeleton--title" />
              <div class="skeleton skeleton--line skeleton--short" />
            </div>
          </div>
        )}
      </For>
    </div>
  );
}
