import { z } from "zod";
import { END_REASON_MAX } from "../rules/limits.ts";
import { ProgramStep } from "./programs.ts";
import { PublicProfile } from "./users.ts";

const PAIR_STATUSES = ["active", "completed", "ended"] as const;
export const PairStatus = z.enum(PAIR_STATUSES);
export type PairStatus = z.infer<typeof PairStatus>;

export const Pair = z
  .object({
    id: z.string(),
    programId: z.string(),
    groupId: z.string(),
    status: PairStatus,
    mentor: PublicProfile,
    mentee: PublicProfile,
    startedAt: z.string(),
    endedAt: z.string().nullable(),
    endReason: z.string().nullable(),
  })
  .meta({ id: "Pair" });
export type Pair = z.infer<typeof Pair>;

/** A pair as one of its two members sees it in their list. */
export const MyPair = z
  .object({
    id: z.string(),
    status: PairStatus,
    myRole: z.enum(["mentor", "mentee"]),
    other: PublicProfile,
    program: z.object({ id: z.string(), title: z.string() }),
    group: z.object({ id: z.string(), name: z.string() }),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
    /** Why it ended: `member_left`, `member_removed`, or the reason given when it was ended. */
    endReason: z.string().nullable(),
    /** One of the two blocked the other; who blocked whom is never said. */
    contactBlocked: z.boolean(),
  })
  .meta({ id: "MyPair" });
export type MyPair = z.infer<typeof MyPair>;

export const CreatePairBody = z
  .object({ mentorId: z.string().min(1), menteeId: z.string().min(1) })
  .strict()
  .meta({ id: "CreatePairBody", description: "User ids of a mentor and a mentee who applied to this program" });

export const EndPairBody = z
  .object({
    outcome: z.enum(["completed", "ended"]),
    reason: z
      .string()
      .trim()
      .max(END_REASON_MAX, `Keep the reason under ${END_REASON_MAX.toLocaleString("en")} characters.`)
      .optional(),
  })
  .strict()
  .meta({ id: "EndPairBody" });

export const PairResponse = z.object({ pair: Pair }).meta({ id: "PairResponse" });
export const MyPairListResponse = z.object({ pairs: z.array(MyPair) }).meta({ id: "MyPairListResponse" });
export const ProgramPairListResponse = z.object({ pairs: z.array(Pair) }).meta({ id: "ProgramPairListResponse" });

/** What a pair's room is created with: the two people and a snapshot of the program's steps. */
export const RoomInit = z.object({
  pairId: z.string(),
  programId: z.string(),
  groupId: z.string(),
  programTitle: z.string(),
  mentor: z.object({ id: z.string(), displayName: z.string() }),
  mentee: z.object({ id: z.string(), displayName: z.string() }),
  steps: z.array(ProgramStep),
  checkinCadenceDays: z.number().int().min(1),
  startedAt: z.string(),
});
export type RoomInit = z.infer<typeof RoomInit>;

/** At most this many pairs per bulk publish: each pair is one D1 statement and one room, within a Worker's limits. */
export const MAX_BULK_PAIRS = 500;

export const BulkPairBody = z
  .object({
    pairs: z
      .array(z.object({ mentorId: z.string().min(1), menteeId: z.string().min(1) }).strict())
      .min(1, "Choose at least one pair.")
      .max(MAX_BULK_PAIRS, `Publish at most ${MAX_BULK_PAIRS} pairs at once.`),
    introduction: z.string().trim().max(2000, "Keep the introduction under 2,000 characters.").optional(),
  })
  .strict()
  .meta({
    id: "BulkPairBody",
    description: "Pairs to create (user ids), and an optional introduction message sent to every person paired",
  });
export type BulkPairBody = z.infer<typeof BulkPairBody>;

/** One pair's result in a bulk publish: `status` is what POST /programs/{programId}/pairs would have answered. */
export const BulkPairResult = z
  .object({
    mentorId: z.string(),
    menteeId: z.string(),
    status: z.number().int(),
    pairId: z.string().optional(),
    error: z.object({ code: z.string(), message: z.string() }).optional(),
  })
  .meta({ id: "BulkPairResult" });
export type BulkPairResult = z.infer<typeof BulkPairResult>;

export const BulkPairResponse = z
  .object({ results: z.array(BulkPairResult), created: z.number().int(), failed: z.number().int() })
  .meta({ id: "BulkPairResponse" });
export type BulkPairResponse = z.infer<typeof BulkPairResponse>;
