// The private pair space at /pairs/:pairId: live chat, the program's weekly steps, posts and the weekly
// check-in, for the mentor and the mentee only. Lazily loaded, with partysocket, only on this route.
import "./pair.css";
import { useParams } from "@solidjs/router";
import { batch, createEffect, createResource, createRoot, createSignal, For, Match, onCleanup, onMount, Show, Switch, type JSX } from "solid-js";
import { createStore, produce, reconcile } from "solid-js/store";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonLink } from "../../components/Button.tsx";
import { confirmAction, type ConfirmOptions } from "../../components/ConfirmDialog.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { t } from "../../i18n/index.ts";
import { api, ApiError } from "../../lib/api.ts";
import { usePageTitle } from "../../lib/page.ts";
import { PairChat, type ChatMessage } from "../../lib/pair-socket.ts";
import { session, sessionExpired } from "../../lib/session.ts";
import { ChatPanel } from "./ChatPanel.tsx";
import { CheckinPanel } from "./CheckinPanel.tsx";
import { LockIcon } from "./icons.tsx";
import {
  blockUser,
  endPair,
  fetchPosts,
  loadPairSpace,
  pairErrorMessage,
  report,
  unblockUser,
  type Checkin,
  type Comment,
  type PairDetailResponse,
  type Post,
  type StepProgress,
} from "./pair-api.ts";
import { PairHeader } from "./PairHeader.tsx";
import { PostsPanel } from "./PostsPanel.tsx";
import { StepsPanel } from "./StepsPanel.tsx";
import { Tabs, tabId, tabPanelId, type TabItem } from "./Tabs.tsx";

type Loaded = Awaited<ReturnType<typeof loadPairSpace>>;

export default function PairPage() {
  const params = useParams<{ pairId: string }>();
  const [data, { refetch }] = createResource(() => params.pairId, loadPairSpace);

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
          {(loaded) => <PairSpace pairId={params.pairId} loaded={loaded} />}
        </Match>
      </Switch>
    </div>
  );
}

type Tab = "chat" | "steps" | "posts" | "checkin";

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

function PairSpace(props: { pairId: string; loaded: Loaded }) {
  const { detail, page } = props.loaded;
  const pairId = props.pairId;
  const meId = session.user?.id ?? "";
  const other = detail.other;
  const otherRole = detail.myRole === "mentor" ? "mentee" : "mentor";

  const chat = new PairChat({
    pairId,
    userId: meId,
    initial: { messages: page.messages, hasMore: page.hasMore, room: detail.room },
    onSignedOut: sessionExpired,
  });
  onMount(() => chat.start());
  onCleanup(() => chat.stop());

  const [room, setRoom] = createStore({
    steps: detail.room.steps,
    checkins: detail.room.checkins,
    currentWeek: detail.room.currentWeek,
    cadenceDays: detail.room.cadenceDays,
    endReason: detail.pair.endReason,
  });
  const [posts, setPosts] = createStore<{ list: Post[] | undefined; error: unknown }>({ list: undefined, error: null });

  async function loadPosts() {
    setPosts("error", null);
    try {
      setPosts("list", reconcile(await fetchPosts(pairId), { key: "id" }));
    } catch (error) {
      setPosts("error", error);
    }
  }
  void loadPosts();

  const setSteps = (steps: StepProgress[]) => setRoom("steps", reconcile(steps, { key: "id" }));
  const addCheckin = (checkin: Checkin) =>
    setRoom("checkins", (list) => (list.some((c) => c.id === checkin.id) ? list : [checkin, ...list].sort((a, b) => b.createdAt - a.createdAt)));
  const upsertPost = (post: Post) =>
    setPosts(
      "list",
      produce((list) => {
        if (!list) return;
        const index = list.findIndex((p) => p.id === post.id);
        if (index >= 0) list[index] = { ...post, comments: mergeComments(list[index]!.comments, post.comments) };
        else list.unshift(post);
      }),
    );
  const addComment = (comment: Comment) =>
    setPosts(
      "list",
      produce((list) => {
        const post = list?.find((p) => p.id === comment.postId);
        if (post && !post.comments.some((c) => c.id === comment.id)) post.comments.push(comment);
      }),
    );

  /** After a reconnect: the chat catches up by itself, everything else is read again. */
  async function refresh() {
    try {
      const fresh = await api.get<PairDetailResponse>(`/pairs/${encodeURIComponent(pairId)}`);
      batch(() => {
        setSteps(fresh.room.steps);
        setRoom({ checkins: fresh.room.checkins, currentWeek: fresh.room.currentWeek, cadenceDays: fresh.room.cadenceDays, endReason: fresh.pair.endReason });
        chat.noteRoomState({ status: fresh.room.status, blocked: fresh.room.blocked });
      });
    } catch {
      // The next reconnect tries again; what is on screen stays.
    }
    void loadPosts();
  }

  let hellos = 0;
  onCleanup(
    chat.onFrame((frame) => {
      switch (frame.type) {
        case "hello":
          hellos += 1;
          if (hellos > 1) void refresh();
          return;
        case "steps":
          return setSteps(frame.steps);
        case "checkin":
          return addCheckin(frame.checkin);
        case "post":
          return upsertPost(frame.post);
        case "comment":
          return addComment(frame.comment);
        case "status":
          if (frame.status !== "active" && !room.endReason) void refresh();
          return;
        default:
          return;
      }
    }),
  );

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
    ];
    return wide() ? side : [{ id: "chat", label: t("pair.tabs.chat") }, ...side];
  };

  // ---- State that decides what may be done.
  const [iBlocked, setIBlocked] = createSignal(false);
  const blockedMe = () => chat.state.connection === "blocked";
  // Whoever blocked keeps their socket, so a live socket in a blocked pair means I am the one who blocked.
  const blockedByMe = () => chat.state.blocked && !blockedMe() && (iBlocked() || chat.state.connection === "live");
  const readOnly = () => chat.state.status !== "active" || chat.state.blocked || blockedMe();
  const otherOnline = () => chat.state.online.includes(other.id) && !chat.state.blocked;

  const banner = (): string | null => {
    if (chat.state.status === "completed") return t("pair.banner.completed");
    if (chat.state.status === "ended") return t("pair.banner.ended");
    if (blockedMe()) return t("pair.banner.blockedMe");
    if (blockedByMe()) return t("pair.banner.blockedByMe", { name: other.displayName });
    if (chat.state.blocked) return t("pair.banner.blocked");
    return null;
  };

  // ---- Actions. Each asks first; each says what happened.
  const [busy, setBusy] = createSignal<"end" | "block" | "unblock" | "report" | null>(null);
  const [notice, setNotice] = createSignal<{ tone: "success" | "error"; text: string } | null>(null);
  const [reported, setReported] = createSignal<ReadonlySet<number>>(new Set());
  const [draft, setDraft] = createSignal("");

  // A success note fades after a while; an error stays until the next action.
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(noticeTimer));
  createEffect(() => {
    clearTimeout(noticeTimer);
    if (notice()?.tone === "success") noticeTimer = setTimeout(() => setNotice(null), 10_000);
  });

  async function run(kind: "end" | "block" | "unblock" | "report", failure: string, action: () => Promise<string | null>) {
    setBusy(kind);
    setNotice(null);
    try {
      const done = await action();
      if (done) setNotice({ tone: "success", text: done });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) sessionExpired();
      setNotice({ tone: "error", text: `${failure} ${pairErrorMessage(error)}` });
    } finally {
      setBusy(null);
    }
  }

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
    if (!answer) return;
    await run("end", t("pair.end.failed"), async () => {
      const pair = await endPair(pairId, outcome(), answer.value);
      setRoom("endReason", pair.endReason);
      chat.noteRoomState({ status: pair.status });
      return null;
    });
  }

  async function block() {
    const answer = await ask(() => ({
      title: t("pair.block.title", { name: other.displayName }),
      body: <p>{t("pair.block.body", { name: other.displayName })}</p>,
      confirmLabel: t("pair.block.confirm"),
      danger: true,
    }));
    if (!answer) return;
    await run("block", t("pair.block.failed", { name: other.displayName }), async () => {
      await blockUser(other.id);
      setIBlocked(true);
      chat.noteRoomState({ blocked: true });
      return null;
    });
  }

  async function unblock() {
    await run("unblock", t("pair.block.unblockFailed", { name: other.displayName }), async () => {
      await unblockUser(other.id);
      setIBlocked(false);
      chat.noteRoomState({ blocked: false });
      return null;
    });
  }

  async function reportPerson() {
    const answer = await ask(() => ({
      title: t("pair.report.personTitle", { name: other.displayName }),
      body: <p>{t("pair.report.personBody")}</p>,
      confirmLabel: t("pair.report.confirm"),
      input: { label: t("pair.report.reason"), required: true, multiline: true },
    }));
    if (!answer) return;
    await run("report", t("pair.report.failed"), async () => {
      await report({ pairId, reason: answer.value });
      return t("pair.report.done");
    });
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
    if (!answer) return;
    await run("report", t("pair.report.failed"), async () => {
      await report({ pairId, seq: message.seq, reason: answer.value });
      setReported((seqs) => new Set([...seqs, message.seq]));
      return t("pair.report.done");
    });
  }

  const startedAt = Date.parse(detail.pair.startedAt) || Date.now();
  function Panel(panel: { id: Tab; class: string; children: JSX.Element }) {
    // On a wide screen the chat is always beside the tabs, so it is a plain region rather than a tab panel.
    const plain = () => panel.id === "chat" && wide();
    return (
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
        online={otherOnline()}
        blockedByMe={blockedByMe()}
        busy={busy()}
        onEnd={() => void endMentorship()}
        onBlock={() => void block()}
        onUnblock={() => void unblock()}
        onReport={() => void reportPerson()}
      />
      <div class="pair-notices">
        <Show when={banner()}>
          {(text) => (
            <div class="pair-banner" role="status">
              <LockIcon />
              <div>
                <p>{text()}</p>
                <Show when={chat.state.status === "ended" && room.endReason}>
                  {(reason) => <p class="pair-banner__reason">{t("pair.banner.reason", { reason: reason() })}</p>}
                </Show>
              </div>
            </div>
          )}
        </Show>
        <Show when={notice()}>{(current) => <Alert tone={current().tone}>{current().text}</Alert>}</Show>
      </div>
      <div class="pair-layout" classList={{ "pair-layout--wide": wide() }}>
        <Tabs idPrefix="pair" label={t("pair.tabs.label")} tabs={tabs()} selected={wide() ? sideTab() : tab()} onSelect={setTab} class="pair-layout__tabs" />
        <Panel id="chat" class="pair-panel--chat">
          <ChatPanel
            chat={chat}
            other={other}
            readOnly={readOnly()}
            visible={shown("chat")}
            draft={draft()}
            onDraft={setDraft}
            reportedSeqs={reported()}
            onReport={(message) => void reportMessage(message)}
          />
        </Panel>
        <Panel id="steps" class="pair-panel--side">
          <StepsPanel
            pairId={pairId}
            steps={room.steps}
            currentWeek={room.currentWeek}
            readOnly={readOnly()}
            meId={meId}
            otherName={other.displayName}
            onSteps={setSteps}
          />
        </Panel>
        <Panel id="posts" class="pair-panel--side">
          <PostsPanel
            pairId={pairId}
            posts={posts.list}
            error={posts.error}
            onRetry={() => void loadPosts()}
            readOnly={readOnly()}
            meId={meId}
            otherName={other.displayName}
            onPost={upsertPost}
            onComment={addComment}
          />
        </Panel>
        <Panel id="checkin" class="pair-panel--side">
          <CheckinPanel
            pairId={pairId}
            checkins={room.checkins}
            startedAt={startedAt}
            cadenceDays={room.cadenceDays}
            readOnly={readOnly()}
            meId={meId}
            otherName={other.displayName}
            onCheckin={addCheckin}
          />
        </Panel>
      </div>
    </div>
  );
}

function mergeComments(existing: Comment[], incoming: Comment[]): Comment[] {
  const byId = new Map(existing.map((comment) => [comment.id, comment]));
  for (const comment of incoming) byId.set(comment.id, comment);
  return [...byId.values()].sort((a, b) => a.createdAt - b.createdAt);
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
              <input type="radio" name="end-outcome" value={option.value} checked={props.outcome === option.value} onChange={() => props.onChange(option.value)} />
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
