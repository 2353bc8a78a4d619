// The pair's rhythm on screen: meetings, the goal and my feedback, loaded once and kept live by the room's
// `meeting`, `goal` and `feedback` frames (and read again after a reconnect).
import { onCleanup } from "solid-js";
import { createStore, produce, reconcile } from "solid-js/store";
import type { PairChat } from "../../lib/pair-chat/store.ts";
import { loadRhythm, type Goal, type Meeting, type MyFeedback } from "./rhythm-api.ts";

export type RhythmState = {
  status: "loading" | "ready" | "error";
  error: unknown;
  meetings: Meeting[];
  goal: Goal | null;
  feedback: MyFeedback;
};

export function createRhythm(pairId: string, chat: PairChat) {
  const [state, setState] = createStore<RhythmState>({ status: "loading", error: null, meetings: [], goal: null, feedback: { open: [], answers: [] } });

  async function load() {
    if (state.status !== "ready") setState({ status: "loading", error: null });
    try {
      const snapshot = await loadRhythm(pairId);
      setState({ status: "ready", error: null, goal: snapshot.goal, feedback: snapshot.feedback });
      setState("meetings", reconcile(snapshot.meetings, { key: "id" }));
    } catch (error) {
      if (state.status !== "ready") setState({ status: "error", error });
    }
  }

  /** Keeps the newest version of a meeting: frames and answers may cross on the wire. */
  function upsertMeeting(meeting: Meeting) {
    setState(
      "meetings",
      produce((list) => {
        const index = list.findIndex((m) => m.id === meeting.id);
        if (index < 0) list.unshift(meeting);
        else if (list[index]!.sequence <= meeting.sequence) list[index] = meeting;
      }),
    );
  }

  const setGoal = (goal: Goal | null) => setState("goal", goal);
  const setFeedback = (feedback: MyFeedback) => setState("feedback", feedback);

  let hellos = 0;
  onCleanup(
    chat.onFrame((frame) => {
      if (frame.type === "meeting") upsertMeeting(frame.meeting);
      else if (frame.type === "goal") setGoal(frame.goal);
      else if (frame.type === "feedback") setFeedback(frame.feedback);
      else if (frame.type === "hello" && ++hellos > 1) void load();
      else if (frame.type === "status") void load();
    }),
  );
  void load();

  /** The next agreed meeting that has not ended. */
  const next = () =>
    state.meetings.filter((m) => m.status === "accepted" && m.endsAt !== null && m.endsAt > Date.now()).sort((a, b) => a.startsAt! - b.startsAt!)[0] ?? null;

  return { state, load, upsertMeeting, setGoal, setFeedback, next };
}

export type Rhythm = ReturnType<typeof createRhythm>;
