// What the admins' lists of people (join requests, bans) share: acting on one person at a time with the
// outcome announced (and focused) above the list, the empty state, and one card per person with a name,
// a line about them, and the actions.
import { createSignal, For, type JSX, Show } from "solid-js";
import { Alert } from "../../components/Alert.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import type { MessageKey } from "../../i18n/index.ts";
import { actionError } from "./AdminFrame.tsx";

type Notice = { tone: "success" | "error"; text: string };

/**
 * One action at a time on a list: `busy()` is the id being acted on, and `notice()` what came of the last
 * action. A failure is explained with the page's own messages (`errorsKey.<code>`, else `fallbackKey`)
 * and the list is fetched again, since it may have changed meanwhile.
 */
export function createListActions(options: { errorsKey: string; fallbackKey: MessageKey; refetch: () => unknown }) {
  const [busy, setBusy] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal<Notice | null>(null);
  let noticeEl: HTMLDivElement | undefined;

  /** Runs `work` for the item `id`; it gives the success message. */
  async function run(id: string, work: () => Promise<string>) {
    setBusy(id);
    setNotice(null);
    try {
      setNotice({ tone: "success", text: await work() });
    } catch (error) {
      setNotice({ tone: "error", text: actionError(error, options.errorsKey, options.fallbackKey) });
      void options.refetch();
    } finally {
      setBusy(null);
      queueMicrotask(() => noticeEl?.focus());
    }
  }

  return { busy, notice, run, noticeRef: (el: HTMLDivElement) => (noticeEl = el) };
}

/** The outcome of the last action, the empty state, or the list of people. */
export function PeopleList<T>(props: {
  items: T[];
  testId: string;
  emptyTitle: string;
  emptyBody: string;
  notice: Notice | null;
  noticeRef: (el: HTMLDivElement) => void;
  children: (item: T) => JSX.Element;
}) {
  return (
    <>
      <Show when={props.notice}>
        {(shown) => (
          <Alert tone={shown().tone} ref={props.noticeRef}>
            <p>{shown().text}</p>
          </Alert>
        )}
      </Show>
      <Show
        when={props.items.length > 0}
        fallback={
          <EmptyState title={props.emptyTitle}>
            <p>{props.emptyBody}</p>
          </EmptyState>
        }
      >
        <ul class="membership-list" role="list" data-testid={props.testId}>
          <For each={props.items}>{(item) => props.children(item)}</For>
        </ul>
      </Show>
    </>
  );
}

/** One person's card: their name, a line about them (and more below it), and the actions. */
export function PersonCard(props: { name: string; meta: JSX.Element; children?: JSX.Element; actions: JSX.Element }) {
  return (
    <li class="membership-item card">
      <div class="membership-item__text">
        <h2 class="membership-item__title">{props.name}</h2>
        <p class="membership-item__meta">{props.meta}</p>
        {props.children}
      </div>
      <div class="membership-item__actions">{props.actions}</div>
    </li>
  );
}
