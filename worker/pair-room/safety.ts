import { CLOSE } from "../../shared/protocol.ts";
import type { RoomHost } from "./host.ts";
import type { RoomState } from "./state.ts";

/** Blocking: stops all contact at once. D1 holds the block for pairing; the room enforces it here. */
export class Safety {
  constructor(
    private readonly host: RoomHost,
    private readonly state: RoomState,
  ) {}

  /** The blocked person's sockets close now, and every write is refused. Applying it twice changes nothing. */
  block(blockerId: string, blockedId: string) {
    if (!this.state.isMember(blockerId) || !this.state.isMember(blockedId)) return;
    const blocks = this.state.blocks.filter((b) => !(b.blocker === blockerId && b.blocked === blockedId));
    blocks.push({ blocker: blockerId, blocked: blockedId });
    this.state.setBlocks(blocks);
    for (const ws of this.host.sockets(blockedId)) {
      this.host.send(ws, { type: "error", code: "blocked", message: "Contact in this pair is blocked." });
      ws.close(CLOSE.blocked, "blocked");
    }
    this.host.broadcast(this.state.statusFrame());
  }

  unblock(blockerId: string, blockedId: string) {
    this.state.setBlocks(this.state.blocks.filter((b) => !(b.blocker === blockerId && b.blocked === blockedId)));
    this.host.broadcast(this.state.statusFrame());
  }
}
