import { DurableObject } from "cloudflare:workers";
import { RoomInit } from "../../shared/api/pairs.ts";
import type { PairHealth, RoomSnapshot } from "../../shared/api/room.ts";
import { CLOSE, PING_FRAME, PONG_FRAME, type ChatMessage, type Checkin, type Comment, type Post, type StepProgress } from "../../shared/protocol.ts";
import type { Env } from "../env.ts";
import { AwayNotices } from "./away.ts";
import { Chat } from "./chat.ts";
import { Checkins } from "./checkins.ts";
import { RoomEffect } from "./effects.ts";
import { eraseUser } from "./erasure.ts";
import { RoomExport, type RoomExportCursor, type RoomExportPage } from "./export.ts";
import { FloodGuard } from "./flood-guard.ts";
import { Health } from "./health.ts";
import { createRoomHost, ok, type RoomHost, type RoomResult } from "./host.ts";
import { runRoomMigrations } from "./migrations.ts";
import { Posts, type PostInput } from "./posts.ts";
import type { FeedbackBody, GoalProgressBody, SetGoalBody } from "../../shared/api/rhythm.ts";
import type { MeetingChange, ProposeInput } from "./meetings.ts";
import { Rhythm } from "./rhythm.ts";
import { createRhythmHost } from "./rhythm-host.ts";
import { Safety } from "./safety.ts";
import { Sockets, UPGRADE_USER_HEADER } from "./sockets.ts";
import { RoomState } from "./state.ts";
import { Steps } from "./steps.ts";

export type { RoomResult } from "./host.ts";

/**
 * One pair's private space, in the object's own SQLite. Only the worker reaches it, after checking in
 * D1 that the caller is one of the pair; every entry point checks that id against the room's own two
 * members again. This class only wires entry points to the capability modules beside it (state, sockets,
 * chat, steps, posts, check-ins, safety, health), which work through the narrow RoomHost interface.
 */
export class PairRoom extends DurableObject<Env> {
  private readonly host: RoomHost;
  private readonly state: RoomState;
  private readonly chat: Chat;
  private readonly steps: Steps;
  private readonly posts: Posts;
  private readonly checkins: Checkins;
  private readonly safety: Safety;
  private readonly pairHealth: Health;
  private readonly sockets_: Sockets;
  private readonly floodGuard: FloodGuard;
  /** Meetings, the goal, feedback and nudges (rhythm.ts); its RPC entry points are at the end. */
  private readonly rhythm_: Rhythm;
  private readonly away: AwayNotices;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    const host = createRoomHost(ctx, env);
    this.host = host;
    const published = () => this.pairHealth.publish();
    this.state = new RoomState(host);
    // Runs after every stored message: each of these answers from memory unless it has something to do.
    this.chat = new Chat(host, this.state, (at, senderId) => {
      this.pairHealth.chatActivity(at);
      this.rhythm_.chatActivity(senderId);
      this.away.messageStored(at, senderId);
    });
    this.away = new AwayNotices(host, this.state, () => this.chat.readCursors());
    this.steps = new Steps(host, this.state, published);
    this.posts = new Posts(host, this.state, published);
    this.checkins = new Checkins(host, this.state, published);
    this.safety = new Safety(host, this.state);
    this.pairHealth = new Health(host, this.state, { steps: this.steps, chat: this.chat, checkins: this.checkins });
    this.sockets_ = new Sockets(host, this.state, this.chat);
    this.floodGuard = new FloodGuard(host, this.state, this.chat);
    this.rhythm_ = new Rhythm(createRhythmHost(host, this.state, { chat: this.chat, steps: this.steps }, () => this.rhythm_.scheduleAlarm(ctx.storage)));
    // The heartbeat is answered by the runtime, so a hibernated room stays asleep while sockets ping.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING_FRAME, PONG_FRAME));
    ctx.blockConcurrencyWhile(async () => {
      runRoomMigrations(host.sql);
      this.state.load();
    });
  }

  // Creation, status and effects from D1

  /** Creates the room once. Calling it again for the same pair is a no-op, so a retry is safe. */
  async initialize(input: RoomInit): Promise<{ created: boolean }> {
    const init = RoomInit.parse(input);
    let created = false;
    this.ctx.storage.transactionSync(() => {
      created = this.state.create(init);
      if (created) this.steps.create(init.steps);
    });
    if (!created) return { created: false };
    this.state.load();
    await this.checkins.scheduleFirstReminder();
    await this.rhythm_.scheduleAlarm(this.ctx.storage);
    await this.pairHealth.publish();
    return { created: true };
  }

  status() {
    return this.state.pairId ? this.state.status : null;
  }

  stepsSnapshot(): { id: string; title: string }[] {
    return this.steps.titles();
  }

  /** Applies what a D1 change requires of this room (see effects.ts). Idempotent. */
  async applyEffect(input: RoomEffect): Promise<void> {
    const effect = RoomEffect.parse(input);
    switch (effect.type) {
      case "end":
        return this.end(effect.outcome, effect.reason);
      case "block":
        return this.safety.block(effect.blockerId, effect.blockedId);
      case "unblock":
        return this.safety.unblock(effect.blockerId, effect.blockedId);
      case "close_sessions": {
        const hashes = new Set(effect.sessionHashes);
        this.sockets_.closeWhere((socket) => hashes.has(socket.sessionHash), CLOSE.sessionRevoked, "session_revoked");
        return;
      }
      case "erase_user":
        if (this.state.isMember(effect.userId)) await this.rhythm_.eraseUser(effect.userId);
        if (eraseUser(this.host, this.state, effect.userId).erased) await this.pairHealth.publish();
        return;
      case "initialize":
        await this.initialize(effect.init);
        return;
      case "remove_member":
        await this.end("ended", effect.reason);
        this.sockets_.closeWhere((socket) => socket.userId === effect.userId, CLOSE.removed, "removed");
        return;
    }
  }

  /** Ends the mentorship: the room becomes read-only for good and its reminders stop. */
  private async end(outcome: "completed" | "ended", reason: string | null): Promise<void> {
    if (!this.state.pairId || this.state.status !== "active") return;
    this.state.setStatus(outcome);
    if (reason) this.state.setMeta("end_reason", reason);
    await this.ctx.storage.deleteAlarm();
    await this.pairHealth.publish();
    this.host.broadcast(this.state.statusFrame());
    await this.rhythm_.ended();
  }

  // Sockets

  override async fetch(request: Request): Promise<Response> {
    const response = this.sockets_.upgrade(request);
    if (response.status === 101) this.floodGuard.capSockets(request.headers.get(UPGRADE_USER_HEADER) ?? "");
    return response;
  }

  override async webSocketMessage(ws: WebSocket, raw: string | ArrayBuffer): Promise<void> {
    const frame = this.sockets_.parse(ws, raw);
    if (frame && !this.floodGuard.handle(ws, frame)) this.sockets_.dispatch(ws, frame);
  }

  override async webSocketClose(ws: WebSocket, code: number, reason: string): Promise<void> {
    this.sockets_.closed(ws, code, reason);
  }

  override async webSocketError(ws: WebSocket): Promise<void> {
    this.sockets_.errored(ws);
  }

  override async alarm(): Promise<void> {
    await this.checkins.onAlarm();
    await this.rhythm_.alarm();
    await this.rhythm_.scheduleAlarm(this.ctx.storage);
    await this.away.onAlarm();
  }

  // Reads and writes for the pair (RPC from the worker's routes)

  sendMessage(userId: string, clientId: string, body: string): RoomResult<ChatMessage> {
    const result = this.chat.write(userId, clientId, body);
    if (!result.ok) return result;
    if (result.value.created) this.host.broadcast({ type: "message", ...result.value.message });
    return ok(result.value.message);
  }

  messagesBefore(userId: string, before: number | null, limit: number) {
    return this.chat.before(userId, before, limit);
  }

  messageForReport(userId: string, seq: number): RoomResult<ChatMessage> {
    return this.chat.forReport(userId, seq);
  }

  /** One page of this member's data export (GET /api/me/export); see export.ts. */
  exportPage(userId: string, cursor: RoomExportCursor | null): RoomResult<RoomExportPage> {
    return new RoomExport(this.host, this.state).page(userId, cursor);
  }

  setActivityDone(userId: string, stepId: string, activityId: string, done: boolean): Promise<RoomResult<StepProgress[]>> {
    return this.steps.setActivityDone(userId, stepId, activityId, done);
  }

  setStepDone(userId: string, stepId: string, done: boolean): Promise<RoomResult<StepProgress[]>> {
    return this.steps.setStepDone(userId, stepId, done);
  }

  listPosts(userId: string): RoomResult<Post[]> {
    return this.posts.list(userId);
  }

  createPost(userId: string, input: PostInput): Promise<RoomResult<Post>> {
    return this.posts.create(userId, input);
  }

  createComment(userId: string, postId: string, input: { clientId: string; body: string }): Promise<RoomResult<Comment>> {
    return this.posts.comment(userId, postId, input);
  }

  async createCheckin(userId: string, input: { clientId: string; mood: number; note: string }): Promise<RoomResult<Checkin>> {
    const result = await this.checkins.create(userId, input);
    await this.rhythm_.scheduleAlarm(this.ctx.storage);
    await this.away.ensureAlarm(); // the check-in moved the shared alarm; keep a due notice's time
    return result;
  }

  snapshot(userId: string): RoomResult<RoomSnapshot> {
    const readable = this.state.canRead(userId);
    if (!readable.ok) return readable;
    return ok({
      status: this.state.status,
      blocked: this.state.isBlocked(),
      blockedMe: this.state.isBlockedFor(userId),
      currentWeek: this.steps.currentWeek(),
      cadenceDays: Number(this.state.meta("checkin_cadence_days") ?? 7),
      lastSeq: this.chat.lastSeq(),
      readCursors: this.chat.readCursors(),
      steps: this.steps.list(),
      checkins: this.checkins.list(),
    });
  }

  /** Aggregates only, for admins. */
  health(now?: number): PairHealth {
    return this.pairHealth.compute(now);
  }

  async publishHealth(): Promise<void> {
    await this.pairHealth.publish();
  }

  // The weekly rhythm (routes/rhythm.ts)

  rhythmSnapshot(userId: string) {
    return this.rhythm_.snapshot(userId);
  }

  proposeMeeting(userId: string, input: ProposeInput) {
    return this.rhythm_.proposeMeeting(userId, input);
  }

  changeMeeting(userId: string, meetingId: string, change: MeetingChange) {
    return this.rhythm_.changeMeeting(userId, meetingId, change);
  }

  calendarMeetings(userId: string) {
    return this.rhythm_.calendar(userId);
  }

  setGoal(userId: string, input: SetGoalBody) {
    return this.rhythm_.setGoal(userId, input);
  }

  setGoalProgress(userId: string, input: GoalProgressBody) {
    return this.rhythm_.setGoalProgress(userId, input);
  }

  answerFeedback(userId: string, input: FeedbackBody) {
    return this.rhythm_.answerFeedback(userId, input);
  }
}
