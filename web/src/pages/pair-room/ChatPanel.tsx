import { createEffect, createMemo, createSignal, createUniqueId, For, Match, on, onCleanup, onMount, Show, Switch } from "solid-js";
import type { PublicProfile } from "../../../../shared/api/users.ts";
import { Button } from "../../components/Button.tsx";
import { Linkified } from "../../components/Linkified.tsx";
import { t } from "../../i18n/index.ts";
import { MESSAGE_MAX_CHARS } from "../../../../shared/rules/limits.ts";
import type { ChatMessage, OutboxItem, PairChat } from "../../lib/pair-chat/store.ts";
import { dayLabel, formatDateTime, formatTime, startOfDay } from "./format.ts";
import { FlagIcon, SendIcon } from "./icons.tsx";

/** Typing stops being announced this long after the last keystroke. */
const TYPING_IDLE_MS = 2_500;
/** The remaining-characters counter appears this close to the limit. */
const COUNTER_FROM = MESSAGE_MAX_CHARS - 400;
/** Consecutive messages from one person closer than this read as one run. */
const RUN_GAP_MS = 5 * 60_000;

type ChatPanelProps = {
  chat: PairChat;
  other: PublicProfile;
  readOnly: boolean;
  /** The chat is on screen (its tab is selected, or the layout shows it beside the rest). */
  visible: boolean;
  draft: string;
  onDraft: (value: string) => void;
  reportedSeqs: ReadonlySet<number>;
  onReport: (message: ChatMessage) => void;
};

export function ChatPanel(props: ChatPanelProps) {
  const chat = props.chat;
  const me = chat.userId;
  let scroller!: HTMLDivElement;
  let input!: HTMLTextAreaElement;
  const [atBottom, setAtBottom] = createSignal(true);
  const [pageVisible, setPageVisible] = createSignal(document.visibilityState === "visible");
  const [tooLong, setTooLong] = createSignal(false);
  const headingId = createUniqueId();
  const hintId = createUniqueId();
  const inputId = createUniqueId();
  let typingIdle: ReturnType<typeof setTimeout> | undefined;

  const onVisibility = () => setPageVisible(document.visibilityState === "visible");
  document.addEventListener("visibilitychange", onVisibility);
  onCleanup(() => {
    document.removeEventListener("visibilitychange", onVisibility);
    clearTimeout(typingIdle);
    chat.setTyping(false);
  });

  const scrollToEnd = () => {
    scroller.scrollTop = scroller.scrollHeight;
    setAtBottom(true);
  };
  const measure = () => setAtBottom(scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 80);

  onMount(scrollToEnd);

  // When the list's box changes height (the on-screen keyboard opens, the composer grows, a banner
  // appears), the newest message stays in view if it was in view.
  onMount(() => {
    let lastHeight = scroller.clientHeight;
    const observer = new ResizeObserver(() => {
      if (scroller.clientHeight !== lastHeight && atBottom()) scrollToEnd();
      lastHeight = scroller.clientHeight;
    });
    observer.observe(scroller);
    onCleanup(() => observer.disconnect());
  });

  // New messages keep the view at the end, unless the person scrolled up to read older ones.
  createEffect(
    on(
      () => [chat.state.messages.at(-1)?.seq, chat.state.pending.length],
      () => {
        if (atBottom()) scrollToEnd();
      },
      { defer: true },
    ),
  );

  // A hidden panel has no layout; when it shows again, return to where the conversation is.
  createEffect(
    on(
      () => props.visible,
      (visible) => {
        if (visible && atBottom()) queueMicrotask(scrollToEnd);
      },
      { defer: true },
    ),
  );

  // Read receipts: only what is actually on screen counts as read.
  createEffect(() => {
    const latest = chat.state.messages.at(-1)?.seq ?? 0;
    if (props.visible && pageVisible() && atBottom() && chat.state.connection === "live" && latest > 0) chat.markRead(latest);
  });

  async function loadOlder() {
    const fromBottom = scroller.scrollHeight - scroller.scrollTop;
    await chat.loadOlder();
    // Keep the message that was at the top where it was, rather than jumping.
    scroller.scrollTop = scroller.scrollHeight - fromBottom;
  }

  const otherRead = () => chat.state.readCursors[props.other.id] ?? 0;
  /** "Seen" goes under my last message the other person has read; "Sent" under a later one of mine. */
  const receipts = createMemo(() => {
    const read = otherRead();
    let seen = -1;
    let last = -1;
    for (const message of chat.state.messages) {
      if (message.senderId !== me) continue;
      last = message.seq;
      if (message.seq <= read) seen = message.seq;
    }
    return { seen, sent: last > seen ? last : -1 };
  });

  const typingName = () => (chat.state.typing.includes(props.other.id) && !props.readOnly ? props.other.displayName : null);

  function onInput(value: string) {
    props.onDraft(value);
    if (tooLong() && value.length <= MESSAGE_MAX_CHARS) setTooLong(false);
    clearTimeout(typingIdle);
    if (!value.trim()) {
      chat.setTyping(false);
      return;
    }
    chat.setTyping(true);
    typingIdle = setTimeout(() => chat.setTyping(false), TYPING_IDLE_MS);
  }

  function submit() {
    if (props.readOnly) return;
    const result = chat.send(props.draft);
    if (!result.ok) {
      if (result.reason === "too_long") setTooLong(true);
      return;
    }
    clearTimeout(typingIdle);
    props.onDraft("");
    setTooLong(false);
    queueMicrotask(scrollToEnd);
    input.focus();
  }

  const remaining = () => MESSAGE_MAX_CHARS - props.draft.length;

  return (
    <section class="chat" aria-labelledby={headingId}>
      <h2 id={headingId} class="visually-hidden">
        {t("pair.chat.heading", { name: props.other.displayName })}
      </h2>
      <ConnectionNotice chat={chat} />
      <div class="chat__scroller" ref={scroller} onScroll={measure}>
        <Switch>
          <Match when={chat.state.hasOlder}>
            <div class="chat__older">
              <Button variant="ghost" loading={chat.state.loadingOlder} loadingText={t("pair.chat.loadingOlder")} onClick={() => void loadOlder()}>
                {t("pair.chat.loadOlder")}
              </Button>
              <Show when={chat.state.olderError}>
                <p class="chat__older-error" role="alert">
                  {t("pair.chat.olderError")}
                </p>
              </Show>
            </div>
          </Match>
          <Match when={chat.state.messages.length > 0}>
            <p class="chat__start">{t("pair.chat.start")}</p>
          </Match>
        </Switch>
        <Show when={chat.state.messages.length === 0 && chat.state.pending.length === 0}>
          <div class="chat__empty">
            <p class="chat__empty-title">{t("pair.chat.emptyTitle", { name: props.other.displayName })}</p>
            <Show when={!props.readOnly}>
              <p class="chat__empty-body">{t("pair.chat.emptyBody")}</p>
            </Show>
          </div>
        </Show>
        <div role="log" aria-live="polite" aria-label={t("pair.chat.logLabel", { name: props.other.displayName })}>
          <ol class="chat__list">
            <For each={chat.state.messages}>
              {(message, index) => {
                const previous = () => chat.state.messages[index() - 1];
                const next = () => chat.state.messages[index() + 1];
                const newDay = () => !previous() || startOfDay(previous()!.sentAt) !== startOfDay(message.sentAt);
                const runStart = () => newDay() || previous()!.senderId !== message.senderId || message.sentAt - previous()!.sentAt > RUN_GAP_MS;
                const runEnd = () =>
                  !next() ||
                  next()!.senderId !== message.senderId ||
                  next()!.sentAt - message.sentAt > RUN_GAP_MS ||
                  startOfDay(next()!.sentAt) !== startOfDay(message.sentAt);
                return (
                  <>
                    <Show when={newDay()}>
                      <li class="chat__day">
                        <span>{dayLabel(message.sentAt)}</span>
                      </li>
                    </Show>
                    <MessageItem
                      message={message}
                      mine={message.senderId === me}
                      otherName={props.other.displayName}
                      runStart={runStart()}
                      runEnd={runEnd()}
                      receipt={message.seq === receipts().seen ? "seen" : message.seq === receipts().sent ? "sent" : null}
                      reported={props.reportedSeqs.has(message.seq)}
                      onReport={() => props.onReport(message)}
                    />
                  </>
                );
              }}
            </For>
            <For each={chat.state.pending}>
              {(item) => <PendingItem item={item} onRetry={() => chat.retry(item.clientId)} onDiscard={() => chat.discard(item.clientId)} />}
            </For>
          </ol>
        </div>
      </div>
      <p class="chat__typing" role="status">
        <Show when={typingName()}>
          {(name) => (
            <>
              <span class="typing-dots" aria-hidden="true">
                <span />
                <span />
                <span />
              </span>
              {t("pair.chat.typing", { name: name() })}
            </>
          )}
        </Show>
      </p>
      <form
        class="composer"
        classList={{ "composer--disabled": props.readOnly }}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label for={inputId} class="visually-hidden">
          {t("pair.chat.composerLabel", { name: props.other.displayName })}
        </label>
        <textarea
          ref={input}
          id={inputId}
          class="input composer__input"
          rows={1}
          value={props.draft}
          disabled={props.readOnly}
          placeholder={props.readOnly ? t("pair.chat.readOnly") : t("pair.chat.composerPlaceholder")}
          aria-describedby={hintId}
          aria-invalid={tooLong() || remaining() < 0 ? "true" : undefined}
          onInput={(event) => onInput(event.currentTarget.value)}
          onBlur={() => chat.setTyping(false)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && !event.shiftKey && !event.isComposing && !event.altKey) {
              event.preventDefault();
              submit();
            }
          }}
        />
        <Button type="submit" class="composer__send" disabled={props.readOnly || !props.draft.trim() || remaining() < 0}>
          <SendIcon />
          <span>{t("pair.chat.send")}</span>
        </Button>
        <p
          id={hintId}
          class="composer__hint"
          classList={{
            "composer__hint--error": tooLong() || remaining() < 0,
            "composer__hint--keys": !tooLong() && remaining() >= 0 && props.draft.length < COUNTER_FROM,
          }}
        >
          <Switch fallback={<Show when={!props.readOnly}>{t("pair.chat.composerHint")}</Show>}>
            <Match when={tooLong() || remaining() < 0}>{t("pair.chat.tooLong", { max: MESSAGE_MAX_CHARS })}</Match>
            <Match when={props.draft.length >= COUNTER_FROM}>{t("pair.chat.charsLeft", { count: remaining() })}</Match>
          </Switch>
        </p>
      </form>
    </section>
  );
}

function ConnectionNotice(props: { chat: PairChat }) {
  const connection = () => props.chat.state.connection;
  return (
    <div class="chat__connection" role="status">
      <Switch>
        <Match when={connection() === "connecting"}>
          <p class="connection connection--quiet">
            <span class="spinner" aria-hidden="true" />
            {t("pair.chat.connecting")}
          </p>
        </Match>
        <Match when={connection() === "reconnecting"}>
          <p class="connection">
            <span class="spinner" aria-hidden="true" />
            {t("pair.chat.reconnecting")}
            <button type="button" class="link-button" onClick={() => props.chat.reconnectNow()}>
              {t("pair.chat.reconnectNow")}
            </button>
          </p>
        </Match>
        <Match when={connection() === "offline"}>
          <p class="connection connection--offline">{t("pair.chat.offline")}</p>
        </Match>
        <Match when={connection() === "replaced"}>
          <p class="connection connection--offline">{t("pairChat.replaced")}</p>
        </Match>
      </Switch>
    </div>
  );
}

function MessageItem(props: {
  message: ChatMessage;
  mine: boolean;
  otherName: string;
  runStart: boolean;
  runEnd: boolean;
  receipt: "seen" | "sent" | null;
  reported: boolean;
  onReport: () => void;
}) {
  return (
    <li
      class="msg"
      classList={{ "msg--mine": props.mine, "msg--theirs": !props.mine, "msg--run-start": props.runStart, "msg--run-end": props.runEnd }}
      data-seq={props.message.seq}
    >
      <div class="msg__row">
        <div class="msg__bubble">
          <span class="visually-hidden">{props.mine ? t("pair.chat.fromMe") : t("pair.chat.fromOther", { name: props.otherName })} </span>
          <span class="msg__body">
            <Linkified text={props.message.body} />
          </span>
          <time class="msg__time" datetime={new Date(props.message.sentAt).toISOString()} title={formatDateTime(props.message.sentAt)}>
            {formatTime(props.message.sentAt)}
          </time>
        </div>
        <Show when={!props.mine && !props.reported}>
          <button
            type="button"
            class="msg__report"
            aria-label={t("pair.report.messageLabel", { name: props.otherName })}
            title={t("pair.report.message")}
            onClick={() => props.onReport()}
          >
            <FlagIcon />
          </button>
        </Show>
      </div>
      <Show when={props.receipt}>{(receipt) => <p class="msg__status">{receipt() === "seen" ? t("pair.chat.seen") : t("pair.chat.sent")}</p>}</Show>
      <Show when={props.reported}>
        <p class="msg__status msg__status--reported">{t("pair.report.reported")}</p>
      </Show>
    </li>
  );
}

function PendingItem(props: { item: OutboxItem; onRetry: () => void; onDiscard: () => void }) {
  const failure = () =>
    props.item.failed === "pair_ended" ? t("pair.chat.failedEnded") : props.item.failed === "blocked" ? t("pair.chat.failedBlocked") : t("pair.chat.failed");
  return (
    <li class="msg msg--mine msg--pending msg--run-start msg--run-end" classList={{ "msg--failed": !!props.item.failed }} data-client-id={props.item.clientId}>
      <div class="msg__row">
        <div class="msg__bubble">
          <span class="visually-hidden">{t("pair.chat.fromMe")} </span>
          <span class="msg__body">{props.item.body}</span>
        </div>
      </div>
      <Show when={props.item.failed} fallback={<p class="msg__status">{t("pair.chat.sending")}</p>}>
        <p class="msg__status msg__status--failed">
          <span>{failure()}</span>
          <button type="button" class="link-button" onClick={() => props.onRetry()}>
            {t("pair.chat.retry")}
          </button>
          <button type="button" class="link-button" onClick={() => props.onDiscard()}>
            {t("pair.chat.discard")}
          </button>
        </p>
      </Show>
    </li>
  );
}
