// The worker the benchmarks and the fault test run: the product, plus two baseline rooms and an eviction
// hook. It has its own wrangler config (test/bench/wrangler.toml), so none of this is ever deployed.
import { DurableObject } from "cloudflare:workers";
import product from "../../worker/index.ts";
import { PairRoom as ProductPairRoom } from "../../worker/pair-room/PairRoom.ts";
import type { Env } from "../../worker/env.ts";
import { notify } from "../../worker/notifications/notify.ts";

type BenchEnv = Omit<Env, "PAIR_ROOM"> & {
  BENCH_ECHO: DurableObjectNamespace<BenchEcho>;
  DURABLE_ECHO: DurableObjectNamespace<DurableEcho>;
  PAIR_ROOM: DurableObjectNamespace<PairRoom>;
};

/** The product's room, plus a way for the fault test to drop its memory and sockets as an eviction does. */
export class PairRoom extends ProductPairRoom {
  evictForFaultTest(): void {
    this.ctx.abort("fault test: evicted");
  }
}

/** The least a hibernatable room can do: relay each frame to the other sockets. No auth, no validation, no storage. */
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

/**
 * What is physically required of a chat room that acknowledges only stored messages: the same single
 * SQLite insert as the product's room, then the relay. No auth, no validation.
 */
export class DurableEcho extends BenchEcho {
  private readonly sql = this.ctx.storage.sql;
  private ready = false;

  override async webSocketMessage(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    if (!this.ready) {
      this.sql.exec("CREATE TABLE IF NOT EXISTS messages (seq INTEGER PRIMARY KEY, body TEXT NOT NULL, sent_at INTEGER NOT NULL)");
      this.ready = true;
    }
    this.sql.exec("INSERT INTO messages (body, sent_at) VALUES (?, ?)", typeof message === "string" ? message : "", Date.now());
    await super.webSocketMessage(ws, message);
  }
}

/**
 * B6's hooks: verify addresses (so that emails really go out), notify in bulk, and count deliveries.
 * The header `X-Bench-Notify: off` serves a request as if no notification channel were configured.
 */
async function notificationBench(request: Request, env: BenchEnv, ctx: ExecutionContext, action: string): Promise<Response> {
  const db = env.DB;
  if (action === "verify" && request.method === "POST") {
    const { userIds } = (await request.json()) as { userIds: string[] };
    await db.batch(userIds.map((id) => db.prepare("UPDATE users SET email_verified_at = ?2 WHERE id = ?1").bind(id, new Date().toISOString())));
    return new Response(null, { status: 204 });
  }
  if (action === "notify" && request.method === "POST") {
    const { userIds, count, prefix } = (await request.json()) as { userIds: string[]; count: number; prefix: string };
    const items = Array.from({ length: count }, (_, i) => ({
      id: `${prefix}:${i}`,
      userId: userIds[i % userIds.length]!,
      kind: "pair_ended" as const,
      inApp: false,
      data: { pairId: `bench-${i}`, outcome: "completed", otherName: "Bench", reason: null },
    }));
    for (let i = 0; i < items.length; i += 100) await notify(env as unknown as Env, ctx, items.slice(i, i + 100));
    return new Response(null, { status: 202 });
  }
  if (action === "deliveries") {
    const prefix = new URL(request.url).searchParams.get("prefix") ?? "";
    const row = await db
      .prepare(
        "SELECT COUNT(*) AS done, SUM(status = 'sent') AS sent FROM notification_deliveries WHERE notification_id LIKE ?1 AND channel = 'email' AND status != 'sending'",
      )
      .bind(`${prefix}:%`)
      .first<{ done: number; sent: number | null }>();
    return Response.json({ done: row?.done ?? 0, sent: row?.sent ?? 0 });
  }
  return new Response(null, { status: 404 });
}

export default {
  ...product,
  async fetch(request, env, ctx) {
    const path = new URL(request.url).pathname.split("/").filter(Boolean);
    if (request.headers.get("X-Bench-Notify") === "off") env = { ...env, NOTIFY_QUEUE: undefined };
    if (path[0] === "api" && path[1] === "bench") {
      if (path[2] === "notifications" && path[3]) return notificationBench(request, env, ctx, path[3]);
      if (path[2] === "echo" && path[3]) return env.BENCH_ECHO.get(env.BENCH_ECHO.idFromName(path[3])).fetch(request);
      if (path[2] === "durable-echo" && path[3]) return env.DURABLE_ECHO.get(env.DURABLE_ECHO.idFromName(path[3])).fetch(request);
      if (path[2] === "pairs" && path[3] && path[4] === "evict" && request.method === "POST") {
        await env.PAIR_ROOM.get(env.PAIR_ROOM.idFromName(path[3]))
          .evictForFaultTest()
          .catch(() => undefined);
        return new Response(null, { status: 204 });
      }
    }
    return product.fetch(request, env, ctx);
  },
} satisfies ExportedHandler<BenchEnv>;
