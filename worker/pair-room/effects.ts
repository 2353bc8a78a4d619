import { z } from "zod";
import { RoomInit } from "../../shared/api/pairs.ts";

/**
 * What a change in D1 requires of a room. The worker never calls a room directly after a D1 write:
 * it writes one outbox row per affected room in the same D1 batch (worker/db/room-outbox.ts), and the
 * drain delivers it with retries until the room confirms. Every effect is idempotent, so delivering
 * one twice is harmless.
 */
export const RoomEffect = z.discriminatedUnion("type", [
  /** The mentorship ended: the room turns read-only for good and its reminders stop. */
  z.object({ type: z.literal("end"), outcome: z.enum(["completed", "ended"]), reason: z.string().nullable() }),
  z.object({ type: z.literal("block"), blockerId: z.string(), blockedId: z.string() }),
  z.object({ type: z.literal("unblock"), blockerId: z.string(), blockedId: z.string() }),
  /** Sessions were signed out or revoked: their sockets close with CLOSE.sessionRevoked. */
  z.object({ type: z.literal("close_sessions"), sessionHashes: z.array(z.string()).min(1) }),
  /** The person left the group or was removed: the pair ends with that reason and their sockets close. */
  z.object({ type: z.literal("remove_member"), userId: z.string(), reason: z.string() }),
  /** The person deleted their account: what they wrote here is erased (worker/pair-room/erasure.ts). */
  z.object({ type: z.literal("erase_user"), userId: z.string() }),
  /** A new pair: the room is created once with the two people and the program's steps (idempotent). */
  z.object({ type: z.literal("initialize"), init: RoomInit }),
]);
export type RoomEffect = z.infer<typeof RoomEffect>;
