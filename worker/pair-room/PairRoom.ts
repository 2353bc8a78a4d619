import { DurableObject } from "cloudflare:workers";
import { RoomInit } from "../../shared/api/pairs.ts";
import type { PairHealth, RoomSnapshot } from "../../shared/api/room.ts";
import {
  CLOSE,
  ClientFrame,
  HISTORY_PAGE_SIZE,
  MAX_FRAME_BYTES,
  RATE_LIMIT,
  type ChatMessage,
  type Checkin,
  type Comment,
  type Post,
  type RoomErrorCode,
  type ServerFrame,
  type StepProgress,
} from "../../shared/protocol.ts";
import { computeHealth, currentWeek, type HealthInputs } from "../../shared/rules/health.ts";
import type { Env } from "../env.ts";
import { runRoomMigrations } from "./migrations.ts";

type RoomStatus = "active" | "completed" | "ended";
type Attachment = { userId: string };
type Block = { blocker: string; blocked: string };

export type RoomResult<T> = { ok: true; value: T } | { ok: false; code: RoomErrorCode; message: string };

const DAY_MS = 86_400_000;
/** Chat activity reaches the dashboard's aggregates at most this often; other changes at once. */
const HEALTH_PUBLISH_EVERY_MS = 60_000;

const ok = <T>(value: T): RoomResult<T> => ({ ok: true, value });
const fail = <T = never>(code: RoomErrorCode, message: string): RoomResult<T> => ({ ok: false, code, message });

type MessageRow = { seq: number; client_id: string; sender_id: string; body: string; sent_at: number };
const toMessage = (row: MessageRow): ChatMessage => ({
  seq: row.seq,
  clientId: row.client_id,
  senderId: row.sender_id,
  body: row.body,
  sentAt: row.sent_at,
});

/**
 * One pair's private space: messages, posts and comments, step progress, check-ins and read cursors,
 * in the object's own SQLite. Only the worker reaches it, after checking in D1 that the caller is one of
 * the pair; every entry point here checks that id against the room's own two members again.
 *
 * Sockets use the Hibernation API: the object can be evicted between frames while sockets stay open,
 * so nothing lives in memory that the database or the socket attachments do not also hold.
 */
export class PairRoom extends DurableObject<Env> {
  private readonly sql: SqlStorage;
  // Read on every frame, written only by this object: cached in memory, rebuilt after each wake-up.
  private memberIds = new Set<string>();
  private status_: RoomStatus = "active";
  private blocks_: Block[] = [];
  private lastHealthPublish = 0;
  private readonly recentSends = new Map<string, number[]>();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    ctx.blockConcurrencyWhile(async () => {
      runRoomMigrations(this.sql);
      this.loadCaches();
    });
  }

  private loadCaches() {
    this.memberIds = new Set(this.sql.exec<{ user_id: string }>("SELECT user_id FROM members").toArray().map((row) => row.user_id));
    this.status_ = (this.meta("status") as RoomStatus | null) ?? "active";
    this.blocks_ = JSON.parse(this.meta("blocks") ?? "[]") as Block[];
  }

  // ---------------------------------------------------------------------------------------------
  // State

  private meta(key: string): string | null {
    return this.sql.exec<{ value: string }>("SELECT value FROM meta WHERE key = ?", key).toArray()[0]?.value ?? null;
  }

  private setMeta(key: string, value: string) {
    this.sql.exec("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value);
  }

  private isMember(userId: string): boolean {
    return this.memberIds.has(userId);
  }

  private currentStatus(): RoomStatus {
    return this.status_;
  }

  private blocks(): Block[] {
    return this.blocks_;
  }

  private setBlocks(blocks: Block[]) {
    this.setMeta("blocks", JSON.stringify(blocks));
    this.blocks_ = blocks;
  }

  private cadenceMs(): number {
    return Number(this.meta("checkin_cadence_days") ?? 7) * DAY_MS;
  }

  private startedAt(): number {
    return Date.parse(this.meta("started_at") ?? new Date().toISOString());
  }

  private touch(at = Date.now()) {
    this.setMeta("last_activity_at", String(at));
  }

  private lastSeq(): number {
    return this.sql.exec<{ seq: number | null }>("SELECT MAX(seq) AS seq FROM messages").one().seq ?? 0;
  }

  /** Every write goes through here first: members only, never after the end, never across a block. */
  private canWrite(userId: string): RoomResult<true> {
    if (!this.isMember(userId)) return fail("not_found", "This pair does not exist.");
    if (this.currentStatus() !== "active") return fail("pair_ended", "This mentorship has ended. The space is read-only.");
    if (this.blocks().length) return fail("blocked", "Contact in this pair is blocked.");
    return ok(true);
  }

  // ---------------------------------------------------------------------------------------------
  // Creation and end

  /** Creates the room once. Calling it again for the same pair is a no-op, so a retry is safe. */
  async initialize(input: RoomInit): Promise<{ created: boolean }> {
    const init = RoomInit.parse(input);
    const existing = this.meta("pair_id");
    if (existing) {
      if (existing !== init.pairId) throw new Error("This room belongs to another pair.");
      return { created: false };
    }
    this.ctx.storage.transactionSync(() => {
      this.setMeta("pair_id", init.pairId);
      this.setMeta("program_id", init.programId);
      this.setMeta("group_id", init.groupId);
      this.setMeta("program_title", init.programTitle);
      this.setMeta("started_at", init.startedAt);
      this.setMeta("checkin_cadence_days", String(init.checkinCadenceDays));
      this.setMeta("status", "active");
      this.sql.exec("INSERT INTO members (user_id, role, display_name) VALUES (?, 'mentor', ?)", init.mentor.id, init.mentor.displayName);
      this.sql.exec("INSERT INTO members (user_id, role, display_name) VALUES (?, 'mentee', ?)", init.mentee.id, init.mentee.displayName);
      init.steps.forEach((step, position) => {
        this.sql.exec(
          "INSERT INTO steps (position, id, title, guidance, activities) VALUES (?, ?, ?, ?, ?)",
          position,
          step.id,
          step.title,
          step.guidance,
          JSON.stringify(step.activities),
        );
      });
    });
    this.loadCaches();
    await this.ctx.storage.setAlarm(Date.parse(init.startedAt) + init.checkinCadenceDays * DAY_MS);
    await this.publishHealth();
    return { created: true };
  }

  status(): RoomStatus | null {
    return this.meta("pair_id") ? this.currentStatus() : null;
  }

  /** The steps snapshot the room was created with; later edits of the program do not reach it. */
  stepsSnapshot(): { id: string; title: string }[] {
    return this.sql.exec<{ id: string; title: string }>("SELECT id, title FROM steps ORDER BY position").toArray();
  }

  /** Ends the mentorship: the room becomes read-only for good and its reminders stop. */
  async end(outcome: "completed" | "ended"): Promise<void> {
    if (!this.meta("pair_id")) return;
    this.setMeta("status", outcome);
    this.status_ = outcome;
    await this.ctx.storage.deleteAlarm();
    await this.publishHealth();
    this.broadcast({ type: "status", status: outcome, blocked: this.blocks().length > 0 });
  }

  /** For the fault test only (reachable through worker/bench/routes.ts when BENCH=1): simulate an eviction. */
  abortForFaultTest(): void {
    this.ctx.abort("fault test: evicted");
  }

  // ---------------------------------------------------------------------------------------------
  // Blocking

  /** Stops all contact at once: the blocked person's sockets close now, and every write is refused. */
  block(blockerId: string, blockedId: string): void {
    if (!this.isMember(blockerId) || !this.isMember(blockedId)) return;
    const blocks = this.blocks().filter((b) => !(b.blocker === blockerId && b.blocked === blockedId));
    blocks.push({ blocker: blockerId, blocked: blockedId });
    this.setBlocks(blocks);
    for (const ws of this.ctx.getWebSockets(blockedId)) {
      this.send(ws, { type: "error", code: "blocked", message: "Contact in this pair is blocked." });
      ws.close(CLOSE.blocked, "blocked");
    }
    this.broadcast({ type: "status", status: this.currentStatus(), blocked: true });
  }

  unblock(blockerId: string, blockedId: string): void {
    const blocks = this.blocks().filter((b) => !(b.blocker === blockerId && b.blocked === blockedId));
    this.setBlocks(blocks);
    this.broadcast({ type: "status", status: this.currentStatus(), blocked: blocks.length > 0 });
  }

  isBlockedFor(userId: string): boolean {
    return this.blocks().some((b) => b.blocked === userId);
  }

  // ---------------------------------------------------------------------------------------------
  // WebSocket

  override async fetch(request: Request): Promise<Response> {
    // Set by the worker after it authenticated the session and checked D1; the room checks it again.
    const userId = request.headers.get("X-Pair-User") ?? "";
    if (!this.isMember(userId)) return new Response("Not found", { status: 404 });
    if (request.headers.get("Upgrade")?.toLowerCase() !== "websocket") return new Response("Expected a WebSocket", { status: 426 });
    if (this.isBlockedFor(userId)) return new Response("Blocked", { status: 403 });

    const after = Math.max(0, Number.parseInt(new URL(request.url).searchParams.get("after") ?? "0", 10) || 0);
    const [client, server] = Object.values(new WebSocketPair()) as [WebSocket, WebSocket];
    const wasOnline = this.ctx.getWebSockets(userId).length > 0;
    this.ctx.acceptWebSocket(server, [userId]);
    server.serializeAttachment({ userId } satisfies Attachment);

    this.send(server, {
      type: "hello",
      userId,
      status: this.currentStatus(),
      lastSeq: this.lastSeq(),
      online: this.onlineUsers(),
      readCursors: this.readCursors(),
      blocked: this.blocks().length > 0,
    });
    // Catch-up first, in pages, then live messages. Nothing can interleave: this runs synchronously.
    let cursor = after;
    for (;;) {
      const page = this.sql
        .exec<MessageRow>("SELECT * FROM messages WHERE seq > ? ORDER BY seq LIMIT ?", cursor, HISTORY_PAGE_SIZE)
        .toArray()
        .map(toMessage);
      if (!page.length) break;
      this.send(server, { type: "history", messages: page });
      cursor = page.at(-1)!.seq;
      if (page.length < HISTORY_PAGE_SIZE) break;
    }
    this.send(server, { type: "synced", lastSeq: this.lastSeq() });
    if (!wasOnline) this.broadcast({ type: "presence", userId, online: true }, server);
    return new Response(null, { status: 101, webSocket: client });
  }

  override async webSocketMessage(ws: WebSocket, raw: string | ArrayBuffer): Promise<void> {
    const { userId } = ws.deserializeAttachment() as Attachment;
    // A UTF-16 code unit is at most 3 bytes of UTF-8: only long frames need measuring.
    const size =
      typeof raw !== "string" ? raw.byteLength : raw.length * 3 <= MAX_FRAME_BYTES ? raw.length : new TextEncoder().encode(raw).byteLength;
    if (size > MAX_FRAME_BYTES) {
      return this.send(ws, { type: "error", code: "frame_too_large", message: `Frames are limited to ${MAX_FRAME_BYTES} bytes.` });
    }
    let json: unknown;
    try {
      json = JSON.parse(typeof raw === "string" ? raw : new TextDecoder().decode(raw));
    } catch {
      return this.send(ws, { type: "error", code: "bad_frame", message: "Frames must be JSON." });
    }
    const parsed = ClientFrame.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      // Name the send that failed, when the frame says which one it was.
      const clientId = typeof (json as { clientId?: unknown } | null)?.clientId === "string" ? ((json as { clientId: string }).clientId).slice(0, 64) : undefined;
      return this.send(ws, {
        type: "error",
        code: "bad_frame",
        message: `Invalid frame: ${issue?.path.join(".") || "type"} ${issue?.message ?? ""}`.trim(),
        ...(clientId ? { clientId } : {}),
      });
    }
    const frame = parsed.data;
    switch (frame.type) {
      case "send": {
        const result = this.writeMessage(userId, frame.clientId, frame.body);
        if (!result.ok) return this.send(ws, { type: "error", code: result.code, message: result.message, clientId: frame.clientId });
        // The ack goes out only after the write: output gates hold it until the row is durable. It
        // carries what the sender lacks (seq, sentAt), so the sending socket gets no echo; the other
        // person and the sender's other tabs get the message.
        const { message, created } = result.value;
        this.send(ws, { type: "ack", clientId: message.clientId, seq: message.seq, sentAt: message.sentAt });
        if (created) this.broadcast({ type: "message", ...message }, ws);
        return;
      }
      case "typing":
        if (this.canWrite(userId).ok) this.broadcast({ type: "typing", userId, typing: frame.typing }, ws);
        return;
      case "read": {
        const seq = Math.min(frame.seq, this.lastSeq());
        this.sql.exec(
          `INSERT INTO read_cursors (user_id, seq, at) VALUES (?, ?, ?)
           ON CONFLICT (user_id) DO UPDATE SET seq = MAX(seq, excluded.seq), at = excluded.at`,
          userId,
          seq,
          Date.now(),
        );
        const stored = this.readCursors()[userId] ?? seq;
        this.broadcast({ type: "read", userId, seq: stored });
        return;
      }
      case "ping":
        return this.send(ws, { type: "pong" });
    }
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    // Reciprocate, or the client sees 1006 instead of a clean close.
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, reason);
    } catch {
      // already closed
    }
    this.announceIfOffline(ws);
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    this.announceIfOffline(ws);
  }

  private announceIfOffline(closing: WebSocket) {
    const { userId } = closing.deserializeAttachment() as Attachment;
    const stillOpen = this.ctx.getWebSockets(userId).some((ws) => ws !== closing && ws.readyState === WebSocket.OPEN);
    if (!stillOpen) this.broadcast({ type: "presence", userId, online: false }, closing);
  }

  private onlineUsers(): string[] {
    const users = new Set<string>();
    for (const ws of this.ctx.getWebSockets()) {
      if (ws.readyState === WebSocket.OPEN) users.add((ws.deserializeAttachment() as Attachment).userId);
    }
    return [...users];
  }

  private send(ws: WebSocket, frame: ServerFrame) {
    try {
      ws.send(JSON.stringify(frame));
    } catch {
      // The socket is closing; its close handler cleans up.
    }
  }

  private broadcast(frame: ServerFrame, except?: WebSocket) {
    const text = JSON.stringify(frame);
    for (const ws of this.ctx.getWebSockets()) {
      if (ws === except) continue;
      try {
        ws.send(text);
      } catch {
        // closing
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Chat

  /**
   * Stores a message once per (sender, clientId): a resend gets the original seq back and stores
   * nothing. Seqs come from SQLite's rowid in write order, so they have no gaps.
   */
  private writeMessage(userId: string, clientId: string, body: string): RoomResult<{ message: ChatMessage; created: boolean }> {
    const refused = this.canWrite(userId);
    const now = Date.now();
    const limited = refused.ok && !this.withinRateLimit(userId, now);
    if (!refused.ok || limited) {
      // A resend of a message that was already stored still gets its ack, even after the end or when
      // the sender is over the limit: it was written, so it must not look lost.
      const existing = this.sql.exec<MessageRow>("SELECT * FROM messages WHERE sender_id = ? AND client_id = ?", userId, clientId).toArray()[0];
      if (existing) return ok({ message: toMessage(existing), created: false });
      if (!refused.ok) return refused;
      const limit = this.rateLimit();
      return fail("rate_limited", `Slow down: at most ${limit} messages per ${RATE_LIMIT.windowMs / 1000} seconds.`);
    }
    // One statement for the common path; a duplicate clientId inserts nothing and is looked up instead.
    const row = this.sql
      .exec<MessageRow>(
        "INSERT INTO messages (client_id, sender_id, body, sent_at) VALUES (?, ?, ?, ?) ON CONFLICT (sender_id, client_id) DO NOTHING RETURNING *",
        clientId,
        userId,
        body,
        now,
      )
      .toArray()[0];
    if (!row) {
      const existing = this.sql.exec<MessageRow>("SELECT * FROM messages WHERE sender_id = ? AND client_id = ?", userId, clientId).one();
      return ok({ message: toMessage(existing), created: false });
    }
    this.recentSends.get(userId)!.push(now);
    // Last activity for messages is read from the messages themselves; the dashboard hears of it at
    // most once a minute, off the hot path.
    if (now - this.lastHealthPublish > HEALTH_PUBLISH_EVERY_MS) this.ctx.waitUntil(this.publishHealth());
    return ok({ message: toMessage(row), created: true });
  }

  private rateLimit(): number {
    return Number(this.env.CHAT_RATE_LIMIT_PER_10S) > 0 ? Number(this.env.CHAT_RATE_LIMIT_PER_10S) : RATE_LIMIT.messages;
  }

  /**
   * Sliding window of each member's stored messages, kept in memory and rebuilt from the messages
   * table the first time a member sends after the object wakes, so the limit holds across hibernation.
   */
  private withinRateLimit(userId: string, now: number): boolean {
    const since = now - RATE_LIMIT.windowMs;
    let window = this.recentSends.get(userId);
    if (!window) {
      window = this.sql
        .exec<{ sent_at: number }>("SELECT sent_at FROM messages WHERE sender_id = ? AND sent_at > ? ORDER BY sent_at", userId, since)
        .toArray()
        .map((row) => row.sent_at);
      this.recentSends.set(userId, window);
    }
    while (window.length && window[0]! <= since) window.shift();
    return window.length < this.rateLimit();
  }

  /** For tests and tools that write without a socket; same rules as the `send` frame. */
  sendMessage(userId: string, clientId: string, body: string): RoomResult<ChatMessage> {
    const result = this.writeMessage(userId, clientId, body);
    if (!result.ok) return result;
    if (result.value.created) this.broadcast({ type: "message", ...result.value.message });
    return ok(result.value.message);
  }

  messagesBefore(userId: string, before: number | null, limit: number): RoomResult<{ messages: ChatMessage[]; hasMore: boolean }> {
    if (!this.isMember(userId)) return fail("not_found", "This pair does not exist.");
    const rows = this.sql
      .exec<MessageRow>("SELECT * FROM messages WHERE seq < ? ORDER BY seq DESC LIMIT ?", before ?? Number.MAX_SAFE_INTEGER, limit + 1)
      .toArray();
    return ok({ messages: rows.slice(0, limit).reverse().map(toMessage), hasMore: rows.length > limit });
  }

  /** The one message a report hands over, and nothing else. */
  messageForReport(userId: string, seq: number): RoomResult<ChatMessage> {
    if (!this.isMember(userId)) return fail("not_found", "This pair does not exist.");
    const row = this.sql.exec<MessageRow>("SELECT * FROM messages WHERE seq = ?", seq).toArray()[0];
    return row ? ok(toMessage(row)) : fail("not_found", "There is no such message in this pair.");
  }

  private readCursors(): Record<string, number> {
    const cursors: Record<string, number> = {};
    for (const row of this.sql.exec<{ user_id: string; seq: number }>("SELECT user_id, seq FROM read_cursors")) cursors[row.user_id] = row.seq;
    return cursors;
  }

  // ---------------------------------------------------------------------------------------------
  // Steps

  private currentWeek(now = Date.now()): number {
    const total = this.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM steps").one().n;
    return currentWeek(this.startedAt(), this.cadenceMs() / DAY_MS, total, now);
  }

  private steps(): StepProgress[] {
    const ticks = new Map<string, { done_by: string; done_at: number }>();
    for (const tick of this.sql.exec<{ step_id: string; activity_id: string; done_by: string; done_at: number }>("SELECT * FROM activity_ticks")) {
      ticks.set(`${tick.step_id}/${tick.activity_id}`, tick);
    }
    return this.sql
      .exec<{ position: number; id: string; title: string; guidance: string; activities: string; done_at: number | null; done_by: string | null }>(
        "SELECT * FROM steps ORDER BY position",
      )
      .toArray()
      .map((step) => ({
        id: step.id,
        week: step.position + 1,
        title: step.title,
        guidance: step.guidance,
        done: step.done_at !== null,
        doneAt: step.done_at,
        doneBy: step.done_by,
        activities: (JSON.parse(step.activities) as { id: string; label: string }[]).map((activity) => {
          const tick = ticks.get(`${step.id}/${activity.id}`);
          return { id: activity.id, label: activity.label, done: !!tick, doneBy: tick?.done_by ?? null, doneAt: tick?.done_at ?? null };
        }),
      }));
  }

  async setActivityDone(userId: string, stepId: string, activityId: string, done: boolean): Promise<RoomResult<StepProgress[]>> {
    const allowed = this.canWrite(userId);
    if (!allowed.ok) return allowed;
    const step = this.sql.exec<{ activities: string }>("SELECT activities FROM steps WHERE id = ?", stepId).toArray()[0];
    if (!step || !(JSON.parse(step.activities) as { id: string }[]).some((a) => a.id === activityId)) {
      return fail("not_found", "There is no such step or activity.");
    }
    const now = Date.now();
    if (done) {
      this.sql.exec("INSERT INTO activity_ticks (step_id, activity_id, done_by, done_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", stepId, activityId, userId, now);
    } else {
      this.sql.exec("DELETE FROM activity_ticks WHERE step_id = ? AND activity_id = ?", stepId, activityId);
    }
    this.touch(now);
    const steps = this.steps();
    this.broadcast({ type: "steps", steps });
    await this.publishHealth();
    return ok(steps);
  }

  async setStepDone(userId: string, stepId: string, done: boolean): Promise<RoomResult<StepProgress[]>> {
    const allowed = this.canWrite(userId);
    if (!allowed.ok) return allowed;
    const now = Date.now();
    const result = done
      ? this.sql.exec("UPDATE steps SET done_at = COALESCE(done_at, ?), done_by = COALESCE(done_by, ?) WHERE id = ?", now, userId, stepId)
      : this.sql.exec("UPDATE steps SET done_at = NULL, done_by = NULL WHERE id = ?", stepId);
    if (result.rowsWritten === 0 && !this.sql.exec("SELECT 1 FROM steps WHERE id = ?", stepId).toArray().length) {
      return fail("not_found", "There is no such step.");
    }
    this.touch(now);
    const steps = this.steps();
    this.broadcast({ type: "steps", steps });
    await this.publishHealth();
    return ok(steps);
  }

  // ---------------------------------------------------------------------------------------------
  // Posts and comments

  private comments(postId?: string): Comment[] {
    const rows = postId
      ? this.sql.exec<Record<string, any>>("SELECT * FROM comments WHERE post_id = ? ORDER BY created_at, id", postId).toArray()
      : this.sql.exec<Record<string, any>>("SELECT * FROM comments ORDER BY created_at, id").toArray();
    return rows.map((r) => ({ id: r.id, clientId: r.client_id, postId: r.post_id, authorId: r.author_id, body: r.body, createdAt: r.created_at }));
  }

  private post(id: string, comments: Comment[]): Post | null {
    const r = this.sql.exec<Record<string, any>>("SELECT * FROM posts WHERE id = ?", id).toArray()[0];
    if (!r) return null;
    return { id: r.id, clientId: r.client_id, authorId: r.author_id, title: r.title, body: r.body, url: r.url, createdAt: r.created_at, comments };
  }

  listPosts(userId: string): RoomResult<Post[]> {
    if (!this.isMember(userId)) return fail("not_found", "This pair does not exist.");
    const comments = this.comments();
    const ids = this.sql.exec<{ id: string }>("SELECT id FROM posts ORDER BY created_at DESC, id").toArray();
    return ok(ids.map(({ id }) => this.post(id, comments.filter((c) => c.postId === id))!));
  }

  async createPost(userId: string, input: { clientId: string; title: string; body: string; url?: string | null | undefined }): Promise<RoomResult<Post>> {
    const existing = this.sql.exec<{ id: string }>("SELECT id FROM posts WHERE author_id = ? AND client_id = ?", userId, input.clientId).toArray()[0];
    if (existing && this.isMember(userId)) return ok(this.post(existing.id, this.comments(existing.id))!);
    const allowed = this.canWrite(userId);
    if (!allowed.ok) return allowed;
    const id = crypto.randomUUID();
    const now = Date.now();
    this.sql.exec(
      "INSERT INTO posts (id, client_id, author_id, title, body, url, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      id,
      input.clientId,
      userId,
      input.title,
      input.body,
      input.url ?? null,
      now,
    );
    this.touch(now);
    await this.publishHealth();
    const post = this.post(id, [])!;
    this.broadcast({ type: "post", post });
    return ok(post);
  }

  async createComment(userId: string, postId: string, input: { clientId: string; body: string }): Promise<RoomResult<Comment>> {
    const existing = this.sql.exec<{ id: string }>("SELECT id FROM comments WHERE author_id = ? AND client_id = ?", userId, input.clientId).toArray()[0];
    if (existing && this.isMember(userId)) return ok(this.comments(postId).find((c) => c.id === existing.id)!);
    const allowed = this.canWrite(userId);
    if (!allowed.ok) return allowed;
    if (!this.sql.exec("SELECT 1 FROM posts WHERE id = ?", postId).toArray().length) return fail("not_found", "There is no such post.");
    const comment: Comment = { id: crypto.randomUUID(), clientId: input.clientId, postId, authorId: userId, body: input.body, createdAt: Date.now() };
    this.sql.exec(
      "INSERT INTO comments (id, client_id, post_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      comment.id,
      comment.clientId,
      postId,
      userId,
      comment.body,
      comment.createdAt,
    );
    this.touch(comment.createdAt);
    await this.publishHealth();
    this.broadcast({ type: "comment", comment });
    return ok(comment);
  }

  // ---------------------------------------------------------------------------------------------
  // Check-ins and reminders

  private checkins(limit = 50): Checkin[] {
    return this.sql
      .exec<Record<string, any>>("SELECT * FROM checkins ORDER BY created_at DESC LIMIT ?", limit)
      .toArray()
      .map((r) => ({ id: r.id, clientId: r.client_id, authorId: r.author_id, mood: r.mood, note: r.note, createdAt: r.created_at }));
  }

  async createCheckin(userId: string, input: { clientId: string; mood: number; note: string }): Promise<RoomResult<Checkin>> {
    const existing = this.sql
      .exec<Record<string, any>>("SELECT * FROM checkins WHERE author_id = ? AND client_id = ?", userId, input.clientId)
      .toArray()[0];
    if (existing && this.isMember(userId)) {
      return ok({ id: existing.id, clientId: existing.client_id, authorId: existing.author_id, mood: existing.mood, note: existing.note, createdAt: existing.created_at });
    }
    const allowed = this.canWrite(userId);
    if (!allowed.ok) return allowed;
    const checkin: Checkin = { id: crypto.randomUUID(), clientId: input.clientId, authorId: userId, mood: input.mood, note: input.note, createdAt: Date.now() };
    this.sql.exec(
      "INSERT INTO checkins (id, client_id, author_id, mood, note, created_at) VALUES (?, ?, ?, ?, ?, ?)",
      checkin.id,
      checkin.clientId,
      userId,
      checkin.mood,
      checkin.note,
      checkin.createdAt,
    );
    this.touch(checkin.createdAt);
    // The next reminder is due one cadence after this check-in.
    await this.ctx.storage.setAlarm(checkin.createdAt + this.cadenceMs());
    this.broadcast({ type: "checkin", checkin });
    await this.publishHealth();
    return ok(checkin);
  }

  private lastCheckinAt(): number | null {
    return this.sql.exec<{ at: number | null }>("SELECT MAX(created_at) AS at FROM checkins").one().at;
  }

  /**
   * The weekly reminder. Alarms are the room's only timer: when a cadence passes without a check-in,
   * both people get an in-app notification, and the next alarm is set. An ended pair sets no more.
   */
  override async alarm(): Promise<void> {
    if (!this.meta("pair_id") || this.currentStatus() !== "active") return;
    const now = Date.now();
    const cadence = this.cadenceMs();
    const last = this.lastCheckinAt() ?? this.startedAt();
    if (now - last >= cadence - 60_000) {
      const members = this.sql.exec<{ user_id: string; display_name: string }>("SELECT user_id, display_name FROM members").toArray();
      const pairId = this.meta("pair_id")!;
      const programTitle = this.meta("program_title") ?? "";
      await this.env.DB.batch(
        members.map((member) => {
          const other = members.find((m) => m.user_id !== member.user_id);
          return this.env.DB.prepare("INSERT INTO notifications (id, user_id, kind, data, created_at) VALUES (?1, ?2, 'checkin_reminder', ?3, ?4)").bind(
            crypto.randomUUID(),
            member.user_id,
            JSON.stringify({ pairId, programTitle, otherName: other?.display_name ?? "" }),
            new Date(now).toISOString(),
          );
        }),
      );
      this.setMeta("last_reminder_at", String(now));
      await this.ctx.storage.setAlarm(now + cadence);
    } else {
      await this.ctx.storage.setAlarm(last + cadence);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Reads for the pair, and aggregates for admins

  snapshot(userId: string): RoomResult<RoomSnapshot> {
    if (!this.isMember(userId)) return fail("not_found", "This pair does not exist.");
    return ok({
      status: this.currentStatus(),
      blocked: this.blocks().length > 0,
      blockedMe: this.isBlockedFor(userId),
      currentWeek: this.currentWeek(),
      cadenceDays: Number(this.meta("checkin_cadence_days") ?? 7),
      lastSeq: this.lastSeq(),
      readCursors: this.readCursors(),
      steps: this.steps(),
      checkins: this.checkins(),
    });
  }

  private healthInputs(): HealthInputs {
    const steps = this.steps();
    const lastTouch = Number(this.meta("last_activity_at") ?? 0);
    const lastMessage = this.sql.exec<{ at: number | null }>("SELECT MAX(sent_at) AS at FROM messages").one().at ?? 0;
    const lastActivityAt = Math.max(lastTouch, lastMessage) || null;
    return {
      active: this.currentStatus() === "active",
      stepsDone: steps.filter((s) => s.done).length,
      stepsTotal: steps.length,
      activitiesDone: steps.reduce((sum, s) => sum + s.activities.filter((a) => a.done).length, 0),
      activitiesTotal: steps.reduce((sum, s) => sum + s.activities.length, 0),
      checkinTimes: this.sql.exec<{ created_at: number }>("SELECT created_at FROM checkins ORDER BY created_at DESC LIMIT 60").toArray().map((r) => r.created_at),
      lastActivityAt,
      startedAt: this.startedAt(),
      cadenceDays: this.cadenceMs() / DAY_MS,
    };
  }

  /** Aggregates only: no message, post, note or title ever leaves through here. */
  health(now = Date.now()): PairHealth {
    return computeHealth(this.healthInputs(), now);
  }

  /**
   * Publishes the aggregates to D1 (table pair_health), where the program dashboard reads every pair
   * in one query. Numbers and times only.
   */
  async publishHealth(): Promise<void> {
    const pairId = this.meta("pair_id");
    if (!pairId) return;
    this.lastHealthPublish = Date.now();
    const h = this.healthInputs();
    await this.env.DB.prepare(
      `INSERT INTO pair_health (pair_id, steps_done, steps_total, activities_done, activities_total, checkin_times,
         last_checkin_at, last_activity_at, started_at, cadence_days, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
       ON CONFLICT (pair_id) DO UPDATE SET steps_done = excluded.steps_done, steps_total = excluded.steps_total,
         activities_done = excluded.activities_done, activities_total = excluded.activities_total,
         checkin_times = excluded.checkin_times, last_checkin_at = excluded.last_checkin_at,
         last_activity_at = excluded.last_activity_at, started_at = excluded.started_at,
         cadence_days = excluded.cadence_days, updated_at = excluded.updated_at`,
    )
      .bind(
        pairId,
        h.stepsDone,
        h.stepsTotal,
        h.activitiesDone,
        h.activitiesTotal,
        JSON.stringify(h.checkinTimes),
        h.checkinTimes[0] ?? null,
        h.lastActivityAt,
        h.startedAt,
        h.cadenceDays,
        this.lastHealthPublish,
      )
      .run()
      .catch((error) => console.error("publishing pair health failed", pairId, error));
  }
}
