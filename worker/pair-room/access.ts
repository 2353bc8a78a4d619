import type { Context } from "hono";
import type { RoomErrorCode } from "../../shared/protocol.ts";
import type { AppEnv } from "../env.ts";
import { currentUser } from "../auth/session.ts";
import { findPair, type PairRow } from "../db/pairs.ts";
import { ApiError, notFound } from "../http/errors.ts";
import type { RoomResult } from "./PairRoom.ts";
import { pairRoom } from "./stub.ts";

/**
 * Only the two people of a pair may reach its content. Everyone else, group admins and the operator
 * included, gets the same 404 as for a pair that does not exist.
 */
export async function loadPairAsMember(c: Context<AppEnv>, pairId: string): Promise<{ pair: PairRow; userId: string; room: ReturnType<typeof pairRoom> }> {
  const userId = currentUser(c).id;
  const pair = await findPair(c.env.DB, pairId);
  if (!pair || (pair.mentor_id !== userId && pair.mentee_id !== userId)) throw notFound("This pair");
  return { pair, userId, room: pairRoom(c.env, pair.id) };
}

const STATUS: Record<RoomErrorCode, 404 | 409 | 422 | 429> = {
  not_found: 404,
  pair_ended: 409,
  blocked: 409,
  client_id_conflict: 409,
  rate_limited: 429,
  bad_frame: 422,
  frame_too_large: 422,
};

/** Turns the room's answer into the value or the API's error shape. */
export function unwrap<T>(result: RoomResult<T>): T {
  if (result.ok) return result.value;
  throw new ApiError(STATUS[result.code], result.code, result.message);
}
