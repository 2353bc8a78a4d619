import type { ServerFrame } from "../../shared/protocol.ts";
import type { Env } from "../env.ts";

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
  /** Asks the room to recompute its alarm (the earliest of every module's next due time). */
  rescheduleAlarm(): Promise<void>;
};

export type RhythmErrorCode = "not_found" | "pair_ended" | "blocked" | "meeting_changed" | "forbidden" | "not_open" | "validation_failed";
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
