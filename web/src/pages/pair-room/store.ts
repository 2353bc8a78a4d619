// The pair room's state for the page: the live chat, the room's snapshot (steps, check-ins, week), the
// posts, what each frame from the room changes, and what that state allows (read-only, banners).
// No markup here: PairPage.tsx composes this with the panels and the moderation actions.
import { batch, createSignal, onCleanup, onMount } from "solid-js";
import { createStore, produce, reconcile } from "solid-js/store";
import { t } from "../../i18n/index.ts";
import { api } from "../../lib/api.ts";
import { PairChat } from "../../lib/pair-chat/store.ts";
import { fetchPosts, type Checkin, type Comment, type loadPairSpace, type PairDetailResponse, type Post, type StepProgress } from "./pair-api.ts";

export type LoadedPair = Awaited<ReturnType<typeof loadPairSpace>>;

export type PairRoomOptions = {
  pairId: string;
  loaded: LoadedPair;
  meId: string;
  /** False when this person was just removed from the pair: show it read-only, without a socket. */
  live: boolean;
  onSignedOut: () => void;
  onRemoved: () => void;
  /** The other person deleted their account: load the space again, without what they wrote. */
  onReload?: () => void;
};

/** Creates the room's state inside the calling component; the socket starts at once and stops with it. */
export function createPairRoom(options: PairRoomOptions) {
  const { pairId, meId } = options;
  const { detail, page } = options.loaded;
  const other = detail.other;

  const chat = new PairChat({
    pairId,
    userId: meId,
    initial: { messages: page.messages, hasMore: page.hasMore, room: detail.room },
    onSignedOut: options.onSignedOut,
    onRemoved: options.onRemoved,
  });
  onMount(() => (options.live ? chat.start() : chat.stop()));
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
  const setEndReason = (reason: string | null) => setRoom("endReason", reason);
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
      if (fresh.other.deleted && !other.deleted && options.onReload) return options.onReload();
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

  // Frame dispatch: the chat applies its own frames; the rest of the room's state is kept here.
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
          // After an account deletion the room erases that person's content and says so with a status
          // frame: the space is loaded again so their messages leave this screen too.
          if (frame.status !== "active" && other.deleted && options.onReload) options.onReload();
          else if (frame.status !== "active" && !room.endReason) void refresh();
          return;
        default:
          return;
      }
    }),
  );

  // ---- What the state allows.
  const [iBlocked, setIBlocked] = createSignal(false);
  const blockedMe = () => chat.state.connection === "blocked";
  // Whoever blocked keeps their socket, so a live socket in a blocked pair means I am the one who blocked.
  const blockedByMe = () => chat.state.blocked && !blockedMe() && (iBlocked() || chat.state.connection === "live");
  const readOnly = () => !options.live || chat.state.status !== "active" || chat.state.blocked || blockedMe();
  const otherOnline = () => chat.state.online.includes(other.id) && !chat.state.blocked;

  const banner = (): string | null => {
    if (!options.live) return t("pairChat.removed");
    if (chat.state.status === "completed") return t("pair.banner.completed");
    if (chat.state.status === "ended") return t("pair.banner.ended");
    if (blockedMe()) return t("pair.banner.blockedMe");
    if (blockedByMe()) return t("pair.banner.blockedByMe", { name: other.displayName });
    if (chat.state.blocked) return t("pair.banner.blocked");
    return null;
  };

  return {
    chat,
    room,
    posts,
    loadPosts,
    setSteps,
    setEndReason,
    addCheckin,
    upsertPost,
    addComment,
    setIBlocked,
    blockedByMe,
    readOnly,
    otherOnline,
    banner,
  };
}

export type PairRoom = ReturnType<typeof createPairRoom>;

function mergeComments(existing: Comment[], incoming: Comment[]): Comment[] {
  const byId = new Map(existing.map((comment) => [comment.id, comment]));
  for (const comment of incoming) byId.set(comment.id, comment);
  return [...byId.values()].sort((a, b) => a.createdAt - b.createdAt);
}
