import type { RoomErrorCode, ServerFrame } from "../../shared/protocol.ts";
import type { Env } from "../env.ts";
import type { Chat } from "./chat.ts";
import { DAY_MS, type RoomHost } from "./host.ts";
import type { RoomState } from "./state.ts";
import type { Steps } from "./steps.ts";

/** What the rhythm modules (meetings, goal, feedback, nudges) need from the room, and nothing more. */
export type RhythmHost = {
  readonly sql: SqlStorage;
  readonly env: Env;
  now(): number;
  pairId(): string;
  programId(): string;
  startedAt(): number;
  /** Days the program runs, for the feedback midpoint. */
  programDays(): number;
  members(): { userId: string; role: "mentor" | "mentee"; displayName: string }[];
  isMember(userId: string): boolean;
  /** Members only, never after the end, never across a block. */
  canWrite(userId: string): RhythmResult<true>;
  isActive(): boolean;
  /** Records activity for the dashboard and the quiet-pair nudges. */
  touch(at: number): void;
  lastActivityAt(): number | null;
  /** When this person first wrote in the chat, for the report's time to first message. */
  firstMessageAt(userId: string): number | null;
  /** This week's step, for the nudge. */
  currentStep(): { week: number; title: string } | null;
  broadcast(frame: ServerFrame): void;
  sendToUser(userId: string, frame: ServerFrame): void;
  meta(key: string): string | null;
  setMeta(key: string, value: string): void;
  waitUntil(promise: Promise<unknown>): void;
  /** Asks the room to recompute its alarm (the earliest of every module's next due time). */
  rescheduleAlarm(): Promise<void>;
};

export type RhythmErrorCode = RoomErrorCode | "meeting_changed" | "forbidden" | "not_open" | "validation_failed";
export type RhythmResult<T> = { ok: true; value: T } | { ok: false; code: RhythmErrorCode; message: string; path?: string };

export const ok = <T>(value: T): RhythmResult<T> => ({ ok: true, value });
export const fail = <T = never>(code: RhythmErrorCode, message: string, path?: string): RhythmResult<T> =>
  path ? { ok: false, code, message, path } : { ok: false, code, message };

/** The room's SQLite tables for the rhythm; appended to ROOM_MIGRATIONS as one entry. */
export const RHYTHM_ROOM_MIGRATION = {
  id: "003_rhythm",
  sql: `
    CREATE TABLE meetings (
      id TEXT PRIMARY KEY,
      client_id TEXT NOT NULL,
      created_by TEXT NOT NULL,
      status TEXT NOT NULL,
      proposed_by TEXT NOT NULL,
      options TEXT NOT NULL,
      accepted_option_id TEXT,
      starts_at INTEGER,
      ends_at INTEGER,
      duration_minutes INTEGER NOT NULL,
      place TEXT,
      agenda TEXT NOT NULL,
      decline_note TEXT,
      changed_by TEXT NOT NULL,
      sequence INTEGER NOT NULL,
      reminders_sent TEXT NOT NULL DEFAULT '[]',
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      UNIQUE (created_by, client_id)
    );
    CREATE TABLE goal (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      what TEXT NOT NULL,
      why TEXT NOT NULL,
      by_when TEXT NOT NULL,
      measure TEXT NOT NULL,
      step_id TEXT,
      progress TEXT NOT NULL,
      progress_note TEXT NOT NULL,
      set_by TEXT NOT NULL,
      updated_by TEXT NOT NULL,
      set_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE TABLE feedback (
      user_id TEXT NOT NULL,
      round TEXT NOT NULL,
      rating INTEGER NOT NULL,
      goal_met TEXT,
      again INTEGER,
      comment TEXT NOT NULL,
      answered_at INTEGER NOT NULL,
      PRIMARY KEY (user_id, round)
    );
  `,
};

/** The rhythm's view of the room, built from the room's own host, state, chat and steps. */
export function createRhythmHost(host: RoomHost, state: RoomState, parts: { chat: Chat; steps: Steps }, rescheduleAlarm: () => Promise<void>): RhythmHost {
  return {
    sql: host.sql,
    env: host.env,
    now: () => host.now(),
    pairId: () => state.pairId ?? "",
    programId: () => state.meta("program_id") ?? "",
    startedAt: () => state.startedAt(),
    programDays: () => (parts.steps.titles().length * state.cadenceMs()) / DAY_MS,
    members: () => state.members().map((m) => ({ userId: m.user_id, role: m.role, displayName: m.display_name })),
    isMember: (userId) => state.isMember(userId),
    canWrite: (userId) => state.canWrite(userId),
    isActive: () => state.status === "active",
    touch: (at) => state.touch(at),
    lastActivityAt: () => Math.max(Number(state.meta("last_activity_at") ?? 0), parts.chat.lastMessageAt() ?? 0) || null,
    firstMessageAt: (userId) => parts.chat.firstMessageAt(userId),
    currentStep: () => {
      const week = parts.steps.currentWeek();
      const step = parts.steps.titles()[week - 1];
      return step ? { week, title: step.title } : null;
    },
    broadcast: (frame) => host.broadcast(frame),
    sendToUser: (userId, frame) => {
      for (const ws of host.sockets(userId)) host.send(ws, frame);
    },
    meta: (key) => state.meta(key),
    setMeta: (key, value) => state.setMeta(key, value),
    waitUntil: (promise) => host.waitUntil(promise),
    rescheduleAlarm,
  };
}
