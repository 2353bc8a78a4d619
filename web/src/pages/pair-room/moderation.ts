// What a person may do to the pair itself: end it, block or unblock the other person, report them or one
// of their messages. Each action says what happened (a notice) and keeps the room's state in step; the
// page asks for confirmation before calling any of them.
import { createEffect, createSignal, onCleanup } from "solid-js";
import { t } from "../../i18n/index.ts";
import { ApiError } from "../../lib/api.ts";
import type { ChatMessage } from "../../lib/pair-chat/store.ts";
import { blockUser, endPair, pairErrorMessage, report, unblockUser } from "./pair-api.ts";
import type { PairRoom } from "./store.ts";

export type ModerationKind = "end" | "block" | "unblock" | "report";
export type Notice = { tone: "success" | "error"; text: string };

export function createModeration(room: PairRoom, options: { pairId: string; other: { id: string; displayName: string }; onSignedOut: () => void }) {
  const { pairId, other } = options;
  const [busy, setBusy] = createSignal<ModerationKind | null>(null);
  const [notice, setNotice] = createSignal<Notice | null>(null);
  const [reported, setReported] = createSignal<ReadonlySet<number>>(new Set());

  // A success note fades after a while; an error stays until the next action.
  let noticeTimer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(noticeTimer));
  createEffect(() => {
    clearTimeout(noticeTimer);
    if (notice()?.tone === "success") noticeTimer = setTimeout(() => setNotice(null), 10_000);
  });

  async function run(kind: ModerationKind, failure: string, action: () => Promise<string | null>) {
    setBusy(kind);
    setNotice(null);
    try {
      const done = await action();
      if (done) setNotice({ tone: "success", text: done });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) options.onSignedOut();
      setNotice({ tone: "error", text: `${failure} ${pairErrorMessage(error)}` });
    } finally {
      setBusy(null);
    }
  }

  return {
    busy,
    notice,
    reported,
    end: (outcome: "completed" | "ended", reason: string) =>
      run("end", t("pair.end.failed"), async () => {
        const pair = await endPair(pairId, outcome, reason);
        room.setEndReason(pair.endReason);
        room.chat.noteRoomState({ status: pair.status });
        return null;
      }),
    block: () =>
      run("block", t("pair.block.failed", { name: other.displayName }), async () => {
        await blockUser(other.id);
        room.setIBlocked(true);
        room.chat.noteRoomState({ blocked: true });
        return null;
      }),
    unblock: () =>
      run("unblock", t("pair.block.unblockFailed", { name: other.displayName }), async () => {
        await unblockUser(other.id);
        room.setIBlocked(false);
        room.chat.noteRoomState({ blocked: false });
        return null;
      }),
    reportPerson: (reason: string) =>
      run("report", t("pair.report.failed"), async () => {
        await report({ pairId, reason });
        return t("pair.report.done");
      }),
    reportMessage: (message: ChatMessage, reason: string) =>
      run("report", t("pair.report.failed"), async () => {
        await report({ pairId, seq: message.seq, reason });
        setReported((seqs) => new Set([...seqs, message.seq]));
        return t("pair.report.done");
      }),
  };
}
