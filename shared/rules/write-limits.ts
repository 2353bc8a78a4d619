/**
 * Limits on every write, in one place for the worker, the SPA and the README.
 *
 * Two layers: a per-client burst guard in front of every state-changing route (the Cloudflare rate
 * limiting binding WRITE_LIMITER, configured in wrangler.toml: BURST_LIMIT requests per
 * BURST_PERIOD_SECONDS), and exact per-person windows kept in D1 for the writes people could flood.
 */
export const BURST_LIMIT = 100;
export const BURST_PERIOD_SECONDS = 10;

export type WriteWindow = { max: number; windowSeconds: number };

const HOUR = 60 * 60;
const DAY = 24 * HOUR;

export const WRITE_WINDOWS = {
  post: { max: 20, windowSeconds: HOUR },
  comment: { max: 60, windowSeconds: HOUR },
  checkin: { max: 10, windowSeconds: DAY },
  report: { max: 10, windowSeconds: DAY },
  invite: { max: 30, windowSeconds: HOUR },
  join_request: { max: 10, windowSeconds: DAY },
  application: { max: 20, windowSeconds: DAY },
} as const satisfies Record<string, WriteWindow>;

export type WriteKind = keyof typeof WRITE_WINDOWS;

/**
 * The pair room's own limits (worker/pair-room/flood-guard.ts). A ninth socket of one person in one
 * pair closes their oldest with CLOSE.tooManySockets. Typing and read receipts reach the other person
 * at most once per SIGNAL_INTERVAL_MS per person and kind (the latest state wins), and a read cursor is
 * written to storage at most once per READ_CURSOR_WRITE_MS.
 */
export const ROOM_LIMITS = {
  socketsPerPerson: 8,
  signalIntervalMs: 250,
  readCursorWriteMs: 1000,
} as const;
