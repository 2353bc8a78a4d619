// Inbound frames are parsed at the edge with zod/mini: the same shapes as shared/protocol.ts (whose full
// zod stays on the worker's side), at a fraction of the size, and only in the pair page's chunk. The type
// check below fails if this copy and the protocol's ServerFrame ever disagree.
import * as z from "zod/mini";
import type { ChatMessage as ProtocolChatMessage, ServerFrame as ProtocolServerFrame } from "../../../../shared/protocol.ts";

const Status = z.enum(["active", "completed", "ended"]);
const Int = z.int();
const NullableNumber = z.nullable(z.number());

export const ChatMessage = z.object({ seq: Int, clientId: z.string(), senderId: z.string(), body: z.string(), sentAt: Int });

const Activity = z.object({ id: z.string(), label: z.string(), done: z.boolean(), doneBy: z.nullable(z.string()), doneAt: NullableNumber });
const Step = z.object({
  id: z.string(),
  week: Int,
  title: z.string(),
  guidance: z.string(),
  activities: z.array(Activity),
  done: z.boolean(),
  doneBy: z.nullable(z.string()),
  doneAt: NullableNumber,
});
const Comment = z.object({ id: z.string(), clientId: z.string(), postId: z.string(), authorId: z.string(), body: z.string(), createdAt: z.number() });
const Post = z.object({
  id: z.string(),
  clientId: z.string(),
  authorId: z.string(),
  title: z.string(),
  body: z.string(),
  url: z.nullable(z.string()),
  createdAt: z.number(),
  comments: z.array(Comment),
});
const Checkin = z.object({ id: z.string(), clientId: z.string(), authorId: z.string(), mood: Int, note: z.string(), createdAt: z.number() });

// The weekly rhythm (shared/api/rhythm.ts).
const NullableString = z.nullable(z.string());
const NullableInt = z.nullable(Int);
const Meeting = z.object({
  id: z.string(),
  status: z.enum(["proposed", "accepted", "declined", "cancelled"]),
  proposedBy: z.string(),
  options: z.array(z.object({ id: z.string(), startsAt: Int })),
  acceptedOptionId: NullableString,
  startsAt: NullableInt,
  endsAt: NullableInt,
  durationMinutes: Int,
  place: NullableString,
  agenda: z.string(),
  declineNote: NullableString,
  changedBy: z.string(),
  sequence: Int,
  createdAt: Int,
  updatedAt: Int,
});
const Goal = z.object({
  what: z.string(),
  why: z.string(),
  byWhen: z.string(),
  measure: z.string(),
  stepId: NullableString,
  progress: z.enum(["not_started", "on_track", "at_risk", "achieved"]),
  progressNote: z.string(),
  setBy: z.string(),
  updatedBy: z.string(),
  setAt: Int,
  updatedAt: Int,
});
const Round = z.enum(["midpoint", "end"]);
const MyFeedback = z.object({
  open: z.array(Round),
  answers: z.array(
    z.object({
      round: Round,
      rating: Int,
      goalMet: z.nullable(z.enum(["yes", "partly", "no"])),
      again: z.nullable(z.boolean()),
      comment: z.string(),
      answeredAt: Int,
    }),
  ),
});

export const ServerFrame = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("hello"),
    userId: z.string(),
    status: Status,
    lastSeq: Int,
    online: z.array(z.string()),
    readCursors: z.record(z.string(), Int),
    blocked: z.boolean(),
  }),
  z.object({ type: z.literal("history"), messages: z.array(ChatMessage) }),
  z.object({ type: z.literal("synced"), lastSeq: Int }),
  z.object({ type: z.literal("message"), ...ChatMessage.shape }),
  z.object({ type: z.literal("ack"), clientId: z.string(), seq: Int, sentAt: Int }),
  z.object({ type: z.literal("presence"), userId: z.string(), online: z.boolean() }),
  z.object({ type: z.literal("typing"), userId: z.string(), typing: z.boolean() }),
  z.object({ type: z.literal("read"), userId: z.string(), seq: Int }),
  z.object({ type: z.literal("steps"), steps: z.array(Step) }),
  z.object({ type: z.literal("post"), post: Post }),
  z.object({ type: z.literal("comment"), comment: Comment }),
  z.object({ type: z.literal("checkin"), checkin: Checkin }),
  z.object({ type: z.literal("status"), status: Status, blocked: z.boolean() }),
  z.object({ type: z.literal("pong") }),
  z.object({ type: z.literal("error"), code: z.string(), message: z.string(), clientId: z.optional(z.string()) }),
  z.object({ type: z.literal("meeting"), meeting: Meeting }),
  z.object({ type: z.literal("goal"), goal: z.nullable(Goal) }),
  z.object({ type: z.literal("feedback"), feedback: MyFeedback }),
]);
export type ServerFrame = ProtocolServerFrame;
export type ChatMessage = ProtocolChatMessage;

// Compile-time proof that this schema and the protocol's describe the same frames, both ways.
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const sameFrames: Same<z.infer<typeof ServerFrame>, ProtocolServerFrame> = true;
const sameMessage: Same<z.infer<typeof ChatMessage>, ProtocolChatMessage> = true;
void sameFrames;
void sameMessage;

/** A frame from the room, or null for anything that is not valid JSON of a known, well-formed frame. */
export function parseServerFrame(raw: unknown): ServerFrame | null {
  if (typeof raw !== "string") return null;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = ServerFrame.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** Messages from a REST page, each checked; anything malformed is left out rather than trusted. */
export function validMessages(messages: unknown): ChatMessage[] {
  if (!Array.isArray(messages)) return [];
  return messages.flatMap((message) => {
    const parsed = ChatMessage.safeParse(message);
    return parsed.success ? [parsed.data] : [];
  });
}
