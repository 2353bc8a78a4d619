// The message list and the catch-up cursor: messages are kept by seq (each seq once, in order), and the
// cursor is the highest seq up to which this client holds every message, the `after` of the next
// connection. Nothing here knows about sockets or state listeners.
import type { ChatMessage } from "./frames.ts";

/** Which seqs this client holds, and the cursor they give. */
export class SeqCursor {
  /** Every seq this client holds: received from the room, or my own message completed by its ack. */
  private readonly held = new Set<number>();
  private seq = 0;

  /** Starts from the first page of messages (sorted by seq): the cursor is its newest. */
  constructor(initial: ChatMessage[]) {
    for (const message of initial) this.held.add(message.seq);
    this.seq = initial.at(-1)?.seq ?? 0;
  }

  get cursor() {
    return this.seq;
  }

  /** These seqs are held now; the cursor moves over every gap they close. */
  hold(seqs: number[]) {
    for (const seq of seqs) this.held.add(seq);
    while (this.held.has(this.seq + 1)) this.seq += 1;
  }

  /** The room says it delivered everything up to `lastSeq` on this connection. */
  syncedTo(lastSeq: number) {
    this.seq = Math.max(this.seq, lastSeq);
  }
}

/**
 * `incoming` merged into `messages` (ordered by seq) as a new array. A message seen before keeps the
 * object already held, so views keyed by identity do not redraw it.
 */
export function mergeMessages(messages: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  const merged = [...messages];
  for (const message of incoming) {
    const index = lowerBound(merged, message.seq);
    if (merged[index]?.seq === message.seq) {
      if (!sameMessage(merged[index]!, message)) merged[index] = message;
    } else merged.splice(index, 0, message);
  }
  return merged;
}

/** Messages ordered by seq, each seq once (the last copy wins). */
export function dedupeBySeq(messages: ChatMessage[]): ChatMessage[] {
  const bySeq = new Map<number, ChatMessage>();
  for (const message of messages) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

function sameMessage(a: ChatMessage, b: ChatMessage) {
  return a.clientId === b.clientId && a.senderId === b.senderId && a.body === b.body && a.sentAt === b.sentAt;
}

function lowerBound(messages: ChatMessage[], seq: number): number {
  let low = 0;
  let high = messages.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (messages[mid]!.seq < seq) low = mid + 1;
    else high = mid;
  }
  return low;
}
