// The socket protocol's plain values, with no zod, so that the SPA imports them as values while the
// protocol's schemas (shared/protocol.ts, which re-exports all of this) stay on the worker's side.

/**
 * Close codes the room uses, and what a client does about each:
 * - sessionRevoked: the session was signed out, revoked, its password changed or reset, or the account was
 *   suspended or deleted. Go back to sign-in (keep the outbox: it is re-sent after signing in again).
 * - blocked: contact in this pair is blocked. Do not reconnect.
 * - removed: this person is no longer part of the pair (left or removed from the group). Reload the pair read-only.
 * - tooManySockets: a newer socket of the same person replaced this one. Do not reconnect from this tab.
 */
export const CLOSE = {
  sessionRevoked: 4001,
  blocked: 4003,
  removed: 4004,
  tooManySockets: 4008,
} as const;

/**
 * The heartbeat. The room answers this exact text without waking up (setWebSocketAutoResponse), so the
 * client must send it byte for byte.
 */
export const PING_FRAME = '{"type":"ping"}';
export const PONG_FRAME = '{"type":"pong"}';

/** Error codes in `error` frames and REST answers from the room. */
export type RoomErrorCode = "bad_frame" | "frame_too_large" | "rate_limited" | "pair_ended" | "blocked" | "not_found" | "client_id_conflict";
