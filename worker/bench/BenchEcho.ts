import { DurableObject } from "cloudflare:workers";

/**
 * The benchmarks' baseline: the least a hibernatable Durable Object room can do. It relays each frame
 * to the other sockets in its room, with no auth, no validation and no storage. The worker serves it
 * only when BENCH=1 (set with `wrangler dev --var BENCH:1`), so production never exposes it.
 */
export class BenchEcho extends DurableObject {
  override async fetch(): Promise<Response> {
    const [client, server] = Object.values(new WebSocketPair()) as [WebSocket, WebSocket];
    this.ctx.acceptWebSocket(server);
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    for (const other of this.ctx.getWebSockets()) if (other !== ws) other.send(message);
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
  }
}
