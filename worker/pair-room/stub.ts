import type { Env } from "../env.ts";

/** The room of a pair: one Durable Object per pair, named by the pair id. */
export function pairRoom(env: Env, pairId: string) {
  return env.PAIR_ROOM.get(env.PAIR_ROOM.idFromName(pairId));
}
