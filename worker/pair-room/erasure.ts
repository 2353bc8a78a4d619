import { CLOSE } from "../../shared/protocol.ts";
import type { RoomHost } from "./host.ts";
import type { RoomState } from "./state.ts";

/**
 * Account deletion, in the room (effect `erase_user`). Everything the person wrote here goes: messages,
 * posts (with the comments under them), comments, check-ins, their read cursor. Their member row stays,
 * so the room still has two sides, but under a fresh placeholder id with no name; who ticked a step is
 * handed to that placeholder, so the other person keeps their progress. A line in `meta` records that a
 * member was erased (never who), for the other person's screen. Idempotent: a second delivery finds
 * nothing left to erase.
 */
export function eraseUser(host: RoomHost, state: RoomState, userId: string): { erased: boolean } {
  if (!state.isMember(userId)) return { erased: false };
  for (const ws of host.sockets(userId)) {
    try {
      ws.close(CLOSE.sessionRevoked, "account_deleted");
    } catch {
      // already closing
    }
  }
  const placeholder = `deleted-${crypto.randomUUID()}`;
  host.storage.transactionSync(() => {
    const sql = host.sql;
    sql.exec("DELETE FROM messages WHERE sender_id = ?", userId);
    sql.exec("DELETE FROM comments WHERE post_id IN (SELECT id FROM posts WHERE author_id = ?)", userId);
    sql.exec("DELETE FROM comments WHERE author_id = ?", userId);
    sql.exec("DELETE FROM posts WHERE author_id = ?", userId);
    sql.exec("DELETE FROM checkins WHERE author_id = ?", userId);
    sql.exec("DELETE FROM read_cursors WHERE user_id = ?", userId);
    sql.exec("UPDATE steps SET done_by = ? WHERE done_by = ?", placeholder, userId);
    sql.exec("UPDATE activity_ticks SET done_by = ? WHERE done_by = ?", placeholder, userId);
    sql.exec("UPDATE members SET user_id = ?, display_name = '' WHERE user_id = ?", placeholder, userId);
    state.setBlocks(state.blocks.filter((b) => b.blocker !== userId && b.blocked !== userId));
    state.setMeta("erased_members", String(Number(state.meta("erased_members") ?? 0) + 1));
  });
  state.load();
  // The other person's screen reloads the space (and sees "Deleted member") on this frame.
  host.broadcast(state.statusFrame());
  return { erased: true };
}
