// A chat client that behaves like the SPA's pair socket: an outbox of unacknowledged messages that is
// re-sent in order after every reconnect, catch-up from the last contiguous seq, dedup by seq.
import type { ChatMessage, ServerFrame } from "../../shared/protocol.ts";

export type Outgoing = { clientId: string; body: string };

export class ChatClient {
  readonly received = new Map<number, ChatMessage>();
  readonly acked = new Map<string, number>();
  readonly outbox: Outgoing[] = [];
  produced: Outgoing[] = [];
  private readonly bodies = new Map<string, string>();
  reconnects = 0;
  private ws: WebSocket | null = null;
  private stopped = false;
  private open = false;
  private readonly url: (after: number) => string;
  private readonly headers: Record<string, string>;
  readonly userId: string;

  constructor(options: { url: (after: number) => string; headers: Record<string, string>; userId: string }) {
    this.url = options.url;
    this.headers = options.headers;
    this.userId = options.userId;
  }

  /** The highest seq up to which this client holds every message. */
  contiguousSeq(): number {
    let seq = 0;
    while (this.received.has(seq + 1)) seq++;
    return seq;
  }

  connect() {
    if (this.stopped) return;
    const ws = new WebSocket(this.url(this.contiguousSeq()), { headers: this.headers } as unknown as string[]);
    this.ws = ws;
    ws.addEventListener("open", () => {
      this.open = true;
      // Everything not yet acknowledged goes again, in the order it was written.
      for (const message of this.outbox) this.sendFrame(message);
    });
    ws.addEventListener("message", (event) => this.onFrame(JSON.parse(String(event.data)) as ServerFrame));
    const reconnect = () => {
      if (this.ws !== ws) return;
      this.open = false;
      this.ws = null;
      if (this.stopped) return;
      this.reconnects++;
      setTimeout(() => this.connect(), 20 + Math.random() * 150);
    };
    ws.addEventListener("close", reconnect);
    ws.addEventListener("error", reconnect);
  }

  private sendFrame(message: Outgoing) {
    try {
      this.ws?.send(JSON.stringify({ type: "send", clientId: message.clientId, body: message.body }));
    } catch {
      // closed meanwhile: the outbox keeps it for the next connection
    }
  }

  private onFrame(frame: ServerFrame) {
    switch (frame.type) {
      case "history":
        for (const message of frame.messages) this.received.set(message.seq, message);
        break;
      case "message": {
        const { type: _type, ...message } = frame;
        this.received.set(message.seq, message);
        break;
      }
      case "ack": {
        this.acked.set(frame.clientId, frame.seq);
        // The room does not echo my message to me: the ack completes it, as in the SPA.
        const body = this.bodies.get(frame.clientId);
        if (body !== undefined) this.received.set(frame.seq, { seq: frame.seq, clientId: frame.clientId, senderId: this.userId, body, sentAt: frame.sentAt });
        const index = this.outbox.findIndex((m) => m.clientId === frame.clientId);
        if (index >= 0) this.outbox.splice(index, 1);
        break;
      }
      case "error":
        // rate_limited and the like: the message stays in the outbox and goes again on reconnect.
        if (frame.clientId) setTimeout(() => this.dropSocket(), 200);
        break;
    }
  }

  /** Writes a new message: first into the outbox (as the SPA writes to localStorage), then sends. */
  write(body: string) {
    const message = { clientId: `${this.userId.slice(0, 8)}-${this.produced.length + 1}`, body };
    this.produced.push(message);
    this.bodies.set(message.clientId, body);
    this.outbox.push(message);
    if (this.open) this.sendFrame(message);
  }

  /** A fault: the connection drops without warning (from the app's point of view). */
  dropSocket() {
    this.ws?.close(4000, "fault injected");
  }

  isOpen() {
    return this.open;
  }

  stop() {
    this.stopped = true;
    this.ws?.close(1000, "done");
  }
}
