import { createUniqueId, type JSX } from "solid-js";

type EmptyStateProps = {
  title: string;
  /** The heading level that fits the page outline. */
  level?: 2 | 3;
  illustration?: JSX.Element;
  children?: JSX.Element;
  actions?: JSX.Element;
  note?: JSX.Element;
};

/** What to show when there is nothing yet: why, and what to do next. */
export function EmptyState(props: EmptyStateProps) {
  // Unique per instance: a page can show more than one empty state.
  const titleId = `empty-state-${createUniqueId()}`;
  return (
    <section class="empty-state" aria-labelledby={titleId}>
      {props.illustration}
      {props.level === 3 ? (
        <h3 id={titleId} class="empty-state__title">
          {props.title}
        </h3>
      ) : (
        <h2 id={titleId} class="empty-state__title">
          {props.title}
        </h2>
      )}
      <div class="empty-state__body">{props.children}</div>
      {props.actions && <div class="empty-state__actions">{props.actions}</div>}
      {props.note && <p class="empty-state__note">{props.note}</p>}
    </section>
  );
}
