/**
 * The pair room's WebSocket protocol. Every frame in either direction is one member of these unions;
 * both sides import them. The room parses every inbound frame with `ClientFrame`.
 */
import { z } from "zod";
import { Goal, Meeting, MyFeedback } from "./api/rhythm.ts";
import { CLIENT_ID_MAX, MESSAGE_MAX_CHARS } from "./rules/limits.ts";

// Plain values live in zod-free modules so that the SPA can import them; re-exported here for the worker.
export { HISTORY_PAGE_SIZE, MAX_FRAME_BYTES, RATE_LIMIT } from "./rules/limits.ts";
export { CLOSE, PING_FRAME, PONG_FRAME, type RoomErrorCode } from "./protocol-constants.ts";

const ClientId = z.string().min(1).max(CLIENT_ID_MAX);

export const ClientFrame = z.discriminatedUnion("type", [
  z.object({ type: z.literal("send"), clientId: ClientId, body: z.string().trim().min(1).max(MESSAGE_MAX_CHARS) }),
  z.object({ type: z.literal("typing"), typing: z.boolean() }),
  z.object({ type: z.literal("read"), seq: z.number().int().min(0) }),
  z.object({ type: z.literal("ping") }),
]);
export type ClientFrame = z.infer<typeof ClientFrame>;

export const ChatMessage = z.object({
  seq: z.number().int(),
  clientId: z.string(),
  senderId: z.string(),
  body: z.string(),
  sentAt: z.number().int(),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

const ActivityProgress = z.object({
  id: z.string(),
  label: z.string(),
  done: z.boolean(),
  doneBy: z.string().nullable(),
  doneAt: z.number().nullable(),
});

export const StepProgress = z.object({
  id: z.string(),
  week: z.number().int(),
  title: z.string(),
  guidance: z.string(),
  activities: z.array(ActivityProgress),
  done: z.boolean(),
  doneBy: z.string().nullable(),
  doneAt: z.number().nullable(),
});
export type StepProgress = z.infer<typeof StepProgress>;

export const Comment = z.object({ id: z.string(), clientId: z.string(), postId: z.string(), authorId: z.string(), body: z.string(), createdAt: z.number() });
export type Comment = z.infer<typeof Comment>;

export const Post = z.object({
  id: z.string(),
  clientId: z.string(),
  authorId: z.string(),
  title: z.string(),
  body: z.string(),
  url: z.string().nullable(),
  createdAt: z.number(),
  comments: z.array(Comment),
});
export type Post = z.infer<typeof Post>;

export const Checkin = z.object({
  id: z.string(),
  clientId: z.string(),
  authorId: z.string(),
  mood: z.number().int(),
  note: z.string(),
  createdAt: z.number(),
});
export type Checkin = z.infer<typeof Checkin>;

export const RoomStatus = z.enum(["active", "completed", "ended"]);
export type RoomStatus = z.infer<typeof RoomStatus>;

export const ServerFrame = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("hello"),
    userId: z.string(),
    status: RoomStatus,
    lastSeq: z.number().int(),
    online: z.array(z.string()),
    readCursors: z.record(z.string(), z.number().int()),
    blocked: z.boolean(),
  }),
  z.object({ type: z.literal("history"), messages: z.array(ChatMessage) }),
  z.object({ type: z.literal("synced"), lastSeq: z.number().int() }),
  z.object({ type: z.literal("message"), ...ChatMessage.shape }),
  // The sender's own socket gets the ack instead of an echo of its message: seq and sentAt complete it.
  z.object({ type: z.literal("ack"), clientId: z.string(), seq: z.number().int(), sentAt: z.number().int() }),
  z.object({ type: z.literal("presence"), userId: z.string(), online: z.boolean() }),
  z.object({ type: z.literal("typing"), userId: z.string(), typing: z.boolean() }),
  z.object({ type: z.literal("read"), userId: z.string(), seq: z.number().int() }),
  z.object({ type: z.literal("steps"), steps: z.array(StepProgress) }),
  z.object({ type: z.literal("post"), post: Post }),
  z.object({ type: z.literal("comment"), comment: Comment }),
  z.object({ type: z.literal("checkin"), checkin: Checkin }),
  z.object({ type: z.literal("status"), status: RoomStatus, blocked: z.boolean() }),
  z.object({ type: z.literal("pong") }),
  z.object({ type: z.literal("error"), code: z.string(), message: z.string(), clientId: z.string().optional() }),
  // The weekly rhythm: a meeting was proposed or changed; the goal was set or updated; my own feedback
  // (sent only to the sockets of the person who answered).
  z.object({ type: z.literal("meeting"), meeting: Meeting }),
  z.object({ type: z.literal("goal"), goal: Goal.nullable() }),
  z.object({ type: z.literal("feedback"), feedback: MyFeedback }),
]);
export type ServerFrame = z.infer<typeof ServerFrame>;
