// The private pair space at /pairs/:pairId: live chat, the program's weekly steps, posts and the weekly
// check-in, for the mentor and the mentee only. Lazily loaded, with partysocket, only on this route.
import "./pair.css";
import { useParams } from "@solidjs/router";
import { createEffect, createResource, createRoot, createSignal, For, Match, onCleanup, onMount, Show, Switch, type JSX } from "solid-js";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonLink } from "../../components/Button.tsx";
import { confirmAction, type ConfirmOptions } from "../../components/ConfirmDialog.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { t } from "../../i18n/index.ts";
import { ApiError } from "../../lib/api.ts";
import { useAppViewport } from "../../lib/app-viewport.ts";
import { loadDraft, saveDraft } from "../../lib/drafts.ts";
import { markPairNotificationsRead } from "../../lib/notifications.ts";
import { usePageTitle } from "../../lib/page.ts";
import type { ChatMessage } from "../../lib/pair-chat/store.ts";
import { session, sessionExpired } from "../../lib/session.ts";
import { ChatPanel } from "./ChatPanel.tsx";
import { CheckinPanel } from "./CheckinPanel.tsx";
import { LockIcon } from "./icons.tsx";
import { createModeration } from "./moderation.ts";
import { loadPairSpace, pairErrorMessage } from "./pair-api.ts";
import { PairHeader } from "./PairHeader.tsx";
import { PostsPanel } from "./PostsPanel.tsx";
import { NextMeetingLine } from "./MeetingsPanel.tsx";
import { RhythmPanel } from "./RhythmPanel.tsx";
import { createRhythm } from "./rhythm-store.ts";
import { StepsPanel } from "./StepsPanel.tsx";
import { createPairRoom, type LoadedPair } from "./store.ts";
import { Tabs, tabId, tabPanelId, type TabItem } from "./Tabs.tsx";

export default function PairPage() {
  const params = useParams<{ pairId: string }>();
  const [data, { refetch }] = createResource(() => params.pairId, loadPairSpace);
  // Removed from the pair while on this page (close code 4004): read it again, and show it without a socket.
  const [removed, setRemoved] = createSignal(false);
  const onRemoved = () => {
    setRemoved(true);
    void refetch();
  };
  useAppViewport();
  onMount(() => void markPairNotificationsRead(params.pairId).catch(() => undefined));

  usePageTitle(() => (data.state === "ready" ? t("pair.pageTitle", { name: data().detail.other.displayName }) : t("app.loading")));

  createEffect(() => {
    if (data.state === "errored" && data.error instanceof ApiError && data.error.status === 401) sessionExpired();
  });

  const notFound = () => data.state === "errored" && data.error instanceof ApiError && data.error.status === 404;

  return (
    <div class="container pair-page">
      <Switch fallback={<PairSkeleton />}>
        <Match when={notFound()}>
          <EmptyState title={t("pair.notFoundTitle")} actions={<ButtonLink href="/">{t("pair.backHome")}</ButtonLink>}>
            <p>{t("pair.notFoundBody")}</p>
          </EmptyState>
        </Match>
        <Match when={data.state === "errored"}>
          <div class="pair-load-error">
            <PageHeading>{t("pair.loadError")}</PageHeading>
            <Alert tone="error">
              <p>{pairErrorMessage(data.error)}</p>
              <Button variant="secondary" onClick={() => void refetch()}>
                {t("pair.retry")}
              </Button>
            </Alert>
          </div>
        </Match>
        <Match when={data.state === "ready" && data()} keyed>
          {(loaded) => <PairSpace pairId={params.pairId} loaded={loaded} live={!removed()} onRemoved={onRemoved} onReload={() => void refetch()} />}
        </Match>
      </Switch>
    </div>
  );
}

type Tab = "chat" | "steps" | "posts" | "checkin" | "rhythm";

/** Runs a confirmation whose body may hold reactive JSX, and disposes of that JSX once answered. */
function ask(build: () => ConfirmOptions): Promise<{ value: string } | null> {
  return createRoot(async (dispose) => {
    try {
      return await confirmAction(build());
    } finally {
      dispose();
    }
  });
}

function PairSpace(props: { pairId: string; loaded: LoadedPair; live: boolean; onRemoved: () => void; onReload: () => void }) {
  const { detail } = props.loaded;
  const pairId = props.pairId;
  const meId = session.user?.id ?? "";
  const other = detail.other;
  const otherRole = detail.myRole === "mentor" ? "mentee" : "mentor";

  const pair = createPairRoom({
    pairId,
    loaded: props.loaded,
    meId,
    live: props.live,
    onSignedOut: sessionExpired,
    onRemoved: props.onRemoved,
    onReload: props.onReload,
  });
  const { chat, room, posts } = pair;
  const moderation = createModeration(pair, { pairId, other, onSignedOut: sessionExpired });
  const rhythm = createRhythm(pairId, chat);

  // ---- Layout: phone tabs for everything, or chat beside tabs for the rest.
  const wideQuery = window.matchMedia("(min-width: 960px)");
  const [wide, setWide] = createSignal(wideQuery.matches);
  const onWide = (event: MediaQueryListEvent) => setWide(event.matches);
  wideQuery.addEventListener("change", onWide);
  onCleanup(() => wideQuery.removeEventListener("change", onWide));
  const [tab, setTab] = createSignal<Tab>("chat");
  const sideTab = () => (tab() === "chat" ? "steps" : tab());
  const shown = (id: Tab) => (id === "chat" ? wide() || tab() === "chat" : wide() ? sideTab() === id : tab() === id);
  const tabs = (): TabItem<Tab>[] => {
    const side: TabItem<Tab>[] = [
      { id: "steps", label: t("pair.tabs.steps") },
      { id: "posts", label: t("pair.tabs.posts") },
      { id: "checkin", label: t("pair.tabs.checkin") },
      { id: "rhythm", label: t("rhythm.tab") },
    ];
    return wide() ? side : [{ id: "chat", label: t("pair.tabs.chat") }, ...side];
  };

  // ---- Actions. Each asks first; the moderation store says what happened.
  const [draft, setDraft] = createSignal(loadDraft(meId, pairId));
  createEffect(() => saveDraft(meId, pairId, draft()));

  async function endMentorship() {
    const [outcome, setOutcome] = createSignal<"completed" | "ended">("completed");
    const answer = await ask(() => ({
      title: t("pair.end.title"),
      body: <EndChoice outcome={outcome()} onChange={setOutcome} />,
      confirmLabel: t("pair.end.confirm"),
      danger: true,
      // Read by the dialog inside its own reactive scope, so the reason is asked for (and required) only
      // for an early end.
      input: {
        get label() {
          return outcome() === "ended" ? t("pair.end.reasonRequired") : t("pair.end.reasonOptional");
        },
        get required() {
          return outcome() === "ended";
        },
        multiline: true,
      },
    }));
    if (answer) await moderation.end(outcome(), answer.value);
  }

  async function block() {
    const answer = await ask(() => ({
      title: t("pair.block.title", { name: other.displayName }),
      body: <p>{t("pair.block.body", { name: other.displayName })}</p>,
      confirmLabel: t("pair.block.confirm"),
      danger: true,
    }));
    if (answer) await moderation.block();
  }

  async function reportPerson() {
    const answer = await ask(() => ({
      title: t("pair.report.personTitle", { name: other.displayName }),
      body: <p>{t("pair.report.personBody")}</p>,
      confirmLabel: t("pair.report.confirm"),
      input: { label: t("pair.report.reason"), required: true, multiline: true },
    }));
    if (answer) await moderation.reportPerson(answer.value);
  }

  async function reportMessage(message: ChatMessage) {
    const answer = await ask(() => ({
      title: t("pair.report.messageTitle"),
      body: (
        <>
          <p>{t("pair.report.messageBody")}</p>
          <blockquote class="report-quote">{message.body}</blockquote>
        </>
      ),
      confirmLabel: t("pair.report.confirm"),
      input: { label: t("pair.report.reason"), required: true, multiline: true },
    }));
    if (answer) await moderation.reportMessage(message, answer.value);
  }

  const startedAt = Date.parse(detail.pair.startedAt) || Date.now();
  function Panel(panel: { id: Tab; class: string; children: JSX.Element }) {
    // On a wide screen the chat is always beside the tabs, so it is a plain region rather than a tab panel.
    const plain = () => panel.id === "chat" && wide();
    return (
      // biome-ignore lint/a11y/useAriaPropsSupportedByRole: aria-labelledby is set only together with the tabpanel role.
      <div
        id={tabPanelId("pair", panel.id)}
        role={plain() ? undefined : "tabpanel"}
        aria-labelledby={plain() ? undefined : tabId("pair", panel.id)}
        hidden={!shown(panel.id)}
        class={`pair-panel ${panel.class}`}
      >
        {panel.children}
      </div>
    );
  }

  return (
    <div class="pair-space">
      <PairHeader
        other={other}
        otherRole={otherRole}
        programTitle={detail.programTitle}
        status={chat.state.status}
        online={pair.otherOnline()}
        blockedByMe={pair.blockedByMe()}
        busy={moderation.busy()}
        onEnd={() => void endMentorship()}
        onBlock={() => void block()}
        onUnblock={() => void moderation.unblock()}
        onReport={() => void reportPerson()}
      />
      <NextMeetingLine rhythm={rhythm} other={other} active={chat.state.status === "active"} />
      <div class="pair-notices">
        <Show when={pair.banner()}>
          {(text) => (
            <div class="pair-banner" role="status">
              <LockIcon />
              <div>
                <p>{text()}</p>
                <Show when={chat.state.status === "ended" && room.endReason}>
                  {(reason) => (
                    <p class="pair-banner__reason">
                      {t("pair.banner.reason", { reason: reason() === "account_deleted" ? t("accounts.endReasonDeleted") : reason() })}
                    </p>
                  )}
                </Show>
              </div>
            </div>
          )}
        </Show>
        <Show when={moderation.notice()}>{(current) => <Alert tone={current().tone}>{current().text}</Alert>}</Show>
      </div>
      <div class="pair-layout" classList={{ "pair-layout--wide": wide() }}>
        <Tabs idPrefix="pair" label={t("pair.tabs.label")} tabs={tabs()} selected={wide() ? sideTab() : tab()} onSelect={setTab} class="pair-layout__tabs" />
        <Panel id="chat" class="pair-panel--chat">
          <ChatPanel
            chat={chat}
            other={other}
            readOnly={pair.readOnly()}
            visible={shown("chat")}
            draft={draft()}
            onDraft={setDraft}
            reportedSeqs={moderation.reported()}
            onReport={(message) => void reportMessage(message)}
          />
        </Panel>
        <Panel id="steps" class="pair-panel--side">
          <StepsPanel
            pairId={pairId}
            steps={room.steps}
            currentWeek={room.currentWeek}
            readOnly={pair.readOnly()}
            meId={meId}
            otherName={other.displayName}
            onSteps={pair.setSteps}
          />
        </Panel>
        <Panel id="posts" class="pair-panel--side">
          <PostsPanel
            pairId={pairId}
            posts={posts.list}
            error={posts.error}
            onRetry={() => void pair.loadPosts()}
            readOnly={pair.readOnly()}
            meId={meId}
            otherName={other.displayName}
            onPost={pair.upsertPost}
            onComment={pair.addComment}
          />
        </Panel>
        <Panel id="checkin" class="pair-panel--side">
          <CheckinPanel
            pairId={pairId}
            checkins={room.checkins}
            startedAt={startedAt}
            cadenceDays={room.cadenceDays}
            readOnly={pair.readOnly()}
            meId={meId}
            otherName={other.displayName}
            onCheckin={pair.addCheckin}
          />
        </Panel>
        <Panel id="rhythm" class="pair-panel--side">
          <RhythmPanel
            pairId={pairId}
            rhythm={rhythm}
            readOnly={pair.readOnly()}
            meId={meId}
            other={other}
            currentStepId={room.steps[room.currentWeek - 1]?.id ?? null}
          />
        </Panel>
      </div>
    </div>
  );
}

/** The two ways a mentorship ends, as a radio group inside the confirmation dialog. */
function EndChoice(props: { outcome: "completed" | "ended"; onChange: (outcome: "completed" | "ended") => void }) {
  const options = [
    { value: "completed" as const, label: () => t("pair.end.completed"), hint: () => t("pair.end.completedHint") },
    { value: "ended" as const, label: () => t("pair.end.ended"), hint: () => t("pair.end.endedHint") },
  ];
  return (
    <>
      <p>{t("pair.end.body")}</p>
      <fieldset class="end-choice">
        <legend class="end-choice__legend">{t("pair.end.choice")}</legend>
        <For each={options}>
          {(option) => (
            <label class="end-choice__option" classList={{ "is-checked": props.outcome === option.value }}>
              <input
                type="radio"
                name="end-outcome"
                value={option.value}
                checked={props.outcome === option.value}
                onChange={() => props.onChange(option.value)}
              />
              <span>
                <span class="end-choice__label">{option.label()}</span>
                <span class="end-choice__hint">{option.hint()}</span>
              </span>
            </label>
          )}
        </For>
      </fieldset>
    </>
  );
}

function PairSkeleton() {
  return (
    <div class="pair-skeleton" role="status">
      <span class="visually-hidden">{t("pair.loading")}</span>
      <div class="pair-skeleton__header" aria-hidden="true">
        <div class="skeleton pair-skeleton__avatar" />
        <div class="pair-skeleton__lines">
          <div class="skeleton skeleton--title" />
          <div class="skeleton skeleton--line skeleton--short" />
        </div>
      </div>
      <div class="pair-skeleton__body card" aria-hidden="true">
        <div class="skeleton skeleton--line" />
        <div class="skeleton skeleton--line skeleton--short" />
        <div class="skeleton skeleton--line" />
      </div>
    </div>
  );
}
