import { exports } from "cloudflare:workers";
import type { ServerFrame } from "../../shared/protocol.ts";
import { ORIGIN, type TestClient } from "./helpers.ts";

/** A WebSocket into a pair room, through the worker, that records every frame it receives. */
export class RoomSocket {
  frames: ServerFrame[] = [];
  closed: { code: number; reason: string } | null = null;
  private waiters: (() => void)[] = [];

  constructor(readonly ws: WebSocket) {
    ws.addEventListener("message", (event) => {
      this.frames.push(JSON.parse(event.data as string));
      this.notify();
    });
    ws.addEventListener("close", (event) => {
      this.closed = { code: event.code, reason: event.reason };
      this.notify();
    });
  }

  private notify() {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  send(frame: unknown) {
    this.ws.send(typeof frame === "string" ? frame : JSON.stringify(frame));
  }

  /** Waits until a received frame matches, or fails after `timeoutMs`. */
  async waitFor<T extends ServerFrame["type"]>(type: T, match: (frame: Extract<ServerFrame, { type: T }>) => boolean = () => true, timeoutMs = 3000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.find((f) => f.type === type && match(f as Extract<ServerFrame, { type: T }>));
      if (found) return found as Extract<ServerFrame, { type: T }>;
      if (Date.now() > deadline) throw new Error(`no ${type} frame within ${timeoutMs} ms; got ${JSON.stringify(this.frames.map((f) => f.type))}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  async waitForClose(timeoutMs = 3000) {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error("socket did not close");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.closed;
  }

  of<T extends ServerFrame["type"]>(type: T) {
    return this.frames.filter((f) => f.type === type) as Extract<ServerFrame, { type: T }>[];
  }

  close() {
    try {
      this.ws.close(1000, "done");
    } catch {}
  }
}

export async function openSocket(client: TestClient, pairId: string, options: { after?: number; origin?: string } = {}) {
  const headers = new Headers({ Upgrade: "websocket", Origin: options.origin ?? ORIGIN });
  if (client.cookie) headers.set("Cookie", client.cookie);
  const res = await exports.default.fetch(new Request(`${ORIGIN}/api/pairs/${pairId}/ws?after=${options.after ?? 0}`, { headers }));
  if (res.status !== 101 || !res.webSocket) return { status: res.status, socket: null, body: await res.text() };
  res.webSocket.accept();
  return { status: 101, socket: new RoomSocket(res.webSocket), body: "" };
}

export async function connect(client: TestClient, pairId: string, after = 0) {
  const opened = await openSocket(client, pairId, { after });
  if (!opened.socket) throw new Error(`socket refused: ${opened.status} ${opened.body}`);
  await opened.socket.waitFor("synced");
  return opened.socket;
}
