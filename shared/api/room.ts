import { z } from "zod";
import {
  CHECKIN_NOTE_MAX,
  CLIENT_ID_MAX,
  COMMENT_MAX,
  MOOD_MAX,
  MOOD_MIN,
  POST_BODY_MAX,
  POST_TITLE_MAX,
  POST_URL_MAX,
  REPORT_REASON_MAX,
} from "../rules/limits.ts";
import { ChatMessage, Checkin, Comment, Post, RoomStatus, StepProgress } from "../protocol.ts";
import { Pair } from "./pairs.ts";
import { PublicProfile } from "./users.ts";

const HEALTH_STATES = ["active", "quiet", "no_checkin_2_weeks", "blocked", "ended"] as const;

/** What admins may know about a pair: aggregates only, never content. */
export const PairHealth = z
  .object({
    stepsDone: z.number().int(),
    stepsTotal: z.number().int(),
    activitiesDone: z.number().int(),
    activitiesTotal: z.number().int(),
    currentWeek: z.number().int(),
    checkinStreak: z.number().int(),
    lastCheckinAt: z.number().nullable(),
    lastActivityAt: z.number().nullable(),
    state: z.enum(HEALTH_STATES),
  })
  .meta({ id: "PairHealth" });
export type PairHealth = z.infer<typeof PairHealth>;

export const RoomSnapshot = z.object({
  status: RoomStatus,
  blocked: z.boolean(),
  /** True when the other person has blocked me (then my socket is refused). */
  blockedMe: z.boolean(),
  currentWeek: z.number().int(),
  cadenceDays: z.number().int(),
  lastSeq: z.number().int(),
  readCursors: z.record(z.string(), z.number().int()),
  steps: z.array(StepProgress),
  checkins: z.array(Checkin),
});
export type RoomSnapshot = z.infer<typeof RoomSnapshot>;

export const PairDetailResponse = z
  .object({ pair: Pair, myRole: z.enum(["mentor", "mentee"]), other: PublicProfile, programTitle: z.string(), room: RoomSnapshot })
  .meta({ id: "PairDetailResponse" });
export type PairDetailResponse = z.infer<typeof PairDetailResponse>;

export const MessagePage = z.object({ messages: z.array(ChatMessage), hasMore: z.boolean() }).meta({ id: "MessagePage" });
export const PostListResponse = z.object({ posts: z.array(Post) }).meta({ id: "PostListResponse" });
export const PostResponse = z.object({ post: Post }).meta({ id: "PostResponse" });
export const CommentResponse = z.object({ comment: Comment }).meta({ id: "CommentResponse" });
export const CheckinResponse = z.object({ checkin: Checkin }).meta({ id: "CheckinResponse" });
export const StepsResponse = z.object({ steps: z.array(StepProgress) }).meta({ id: "StepsResponse" });

const ClientIdField = z.string().min(1).max(CLIENT_ID_MAX).describe("Chosen by the client; resending the same id stores nothing new");

export const CreatePostBody = z
  .object({
    clientId: ClientIdField,
    title: z.string().trim().min(1, "Give the post a title.").max(POST_TITLE_MAX),
    body: z.string().trim().max(POST_BODY_MAX).default(""),
    url: z
      .string()
      .trim()
      .max(POST_URL_MAX)
      .refine((value) => /^https?:\/\//i.test(value), { message: "Links must start with http:// or https://." })
      .nullable()
      .optional(),
  })
  .strict()
  .meta({ id: "CreatePostBody" });

export const CreateCommentBody = z
  .object({ clientId: ClientIdField, body: z.string().trim().min(1, "Write a comment.").max(COMMENT_MAX) })
  .strict()
  .meta({ id: "CreateCommentBody" });

export const CreateCheckinBody = z
  .object({
    clientId: ClientIdField,
    mood: z.number().int().min(MOOD_MIN).max(MOOD_MAX),
    note: z.string().trim().max(CHECKIN_NOTE_MAX).default(""),
  })
  .strict()
  .meta({ id: "CreateCheckinBody" });

export const SetDoneBody = z.object({ done: z.boolean() }).strict().meta({ id: "SetDoneBody" });

export const CreateReportBody = z
  .object({
    pairId: z.string(),
    seq: z.number().int().min(1).optional().describe("The reported message; omit to report the person"),
    reason: z.string().trim().min(1, "Say what is wrong.").max(REPORT_REASON_MAX),
  })
  .strict()
  .meta({ id: "CreateReportBody" });

export const Report = z
  .object({
    id: z.string(),
    groupId: z.string(),
    pairId: z.string(),
    reporter: z.object({ id: z.string(), displayName: z.string() }),
    reported: z.object({ id: z.string(), displayName: z.string() }),
    reason: z.string(),
    message: z.object({ seq: z.number().int(), body: z.string(), sentAt: z.number() }).nullable(),
    status: z.enum(["open", "resolved"]),
    createdAt: z.string(),
    /** When a group admin handed it on to the operator (POST /api/reports/:reportId/escalate). */
    escalatedAt: z.string().nullable(),
  })
  .meta({ id: "Report" });
export type Report = z.infer<typeof Report>;

export const ReportResponse = z.object({ report: Report }).meta({ id: "ReportResponse" });
export const ReportListResponse = z.object({ reports: z.array(Report) }).meta({ id: "ReportListResponse" });

/** A pair as the dashboard lists it: who and since when, never anything they wrote. */
export const PairSummary = z
  .object({
    id: z.string(),
    status: Pair.shape.status,
    mentor: z.object({ id: z.string(), displayName: z.string() }),
    mentee: z.object({ id: z.string(), displayName: z.string() }),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
    endReason: z.string().nullable(),
    /** One of the two blocked the other; who blocked whom is never said. */
    contactBlocked: z.boolean(),
  })
  .meta({ id: "PairSummary" });

export type PairSummary = z.infer<typeof PairSummary>;

const DashboardEntry = z
  .object({
    pair: PairSummary,
    health: PairHealth,
    /** "Needs attention": an active pair quiet for at least the program's attentionAfterDays (see rhythm). */
    attention: z.object({ quietDays: z.number().int() }).nullable(),
  })
  .meta({ id: "DashboardEntry" });
export const DashboardResponse = z
  .object({ program: z.object({ id: z.string(), title: z.string() }), pairs: z.array(DashboardEntry) })
  .meta({ id: "DashboardResponse" });
export type DashboardResponse = z.infer<typeof DashboardResponse>;
