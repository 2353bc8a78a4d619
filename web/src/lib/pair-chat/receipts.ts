// Typing indicators and read receipts: when to tell the room that I am typing or have read up to a
// message, and who else is typing right now. The engine (engine.ts) sends the frames.

/** Another person's "typing" fades on its own if their "stopped typing" never arrives. */
const TYPING_FADES_AFTER_MS = 8_000;
/** While someone keeps typing, "typing: true" is repeated at most this often. */
const TYPING_REPEAT_MS = 3_000;

/** What I last told the room: whether I am typing (and when), and how far I have read. */
export class MySignals {
  private typingSent = false;
  private typingSentAt = 0;
  private readSent: number;

  constructor(readCursor: number) {
    this.readSent = readCursor;
  }

  /** Whether `typing` is news to the room: a change, or "still typing" after a while. */
  typingDue(typing: boolean, now: number): boolean {
    return typing !== this.typingSent || (typing && now - this.typingSentAt >= TYPING_REPEAT_MS);
  }

  typingWasSent(typing: boolean, now: number) {
    this.typingSent = typing;
    this.typingSentAt = now;
  }

  /** A new socket knows nothing of my typing. */
  connectionLost() {
    this.typingSent = false;
  }

  /** Whether `seq` moves my read cursor forward (it never moves back). */
  readDue(seq: number): boolean {
    return seq > this.readSent;
  }

  /** My read cursor is at least `seq`: sent from here, or from another tab of mine. */
  readAt(seq: number) {
    this.readSent = Math.max(this.readSent, seq);
  }
}

/** The other people typing now, each fading on its own after a while. */
export class TypingList {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly read: () => string[];
  private readonly write: (typing: string[]) => void;

  /** `read` and `write` are the state's `typing` field. */
  constructor(read: () => string[], write: (typing: string[]) => void) {
    this.read = read;
    this.write = write;
  }

  show(userId: string) {
    clearTimeout(this.timers.get(userId));
    this.timers.set(
      userId,
      setTimeout(() => this.clear(userId), TYPING_FADES_AFTER_MS),
    );
    if (!this.read().includes(userId)) this.write([...this.read(), userId]);
  }

  clear(userId: string) {
    clearTimeout(this.timers.get(userId));
    this.timers.delete(userId);
    if (this.read().includes(userId)) this.write(this.read().filter((id) => id !== userId));
  }

  /** Forgets everyone's timers; the caller empties the list. */
  stop() {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
