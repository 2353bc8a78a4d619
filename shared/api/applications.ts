import { z } from "zod";
import { PublicProfile } from "./users.ts";

const APPLICATION_ROLES = ["mentor", "mentee"] as const;
export const ApplicationRole = z.enum(APPLICATION_ROLES);
export type ApplicationRole = z.infer<typeof ApplicationRole>;

const APPLICATION_STATUSES = ["waiting", "paired", "withdrawn"] as const;
export const ApplicationStatus = z.enum(APPLICATION_STATUSES);

/** Text answers are strings; multiple-choice answers are arrays of choice ids. */
export const Answers = z.record(z.string().max(64), z.union([z.string().max(5000), z.array(z.string().max(64)).max(12)]));

export const Application = z
  .object({
    id: z.string(),
    programId: z.string(),
    userId: z.string(),
    role: ApplicationRole,
    status: ApplicationStatus,
    answers: Answers,
    capacity: z.number().int().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Application" });
export type Application = z.infer<typeof Application>;

/** What admins see on the applicants board: the answers, the profile and, for mentors, capacity. */
export const Applicant = Application.extend({
  user: PublicProfile,
  capacityUsed: z.number().int(),
  capacityLeft: z.number().int(),
}).meta({ id: "Applicant" });
export type Applicant = z.infer<typeof Applicant>;

export const MyApplication = Application.extend({
  program: z.object({ id: z.string(), title: z.string(), status: z.string(), groupId: z.string(), groupName: z.string() }),
}).meta({ id: "MyApplication" });
export type MyApplication = z.infer<typeof MyApplication>;

export const CreateApplicationBody = z
  .object({
    role: ApplicationRole,
    answers: Answers,
    capacity: z.number().int().min(1).optional(),
  })
  .strict()
  .meta({ id: "CreateApplicationBody" });

export const UpdateApplicationBody = z
  .object({ answers: Answers.optional(), capacity: z.number().int().min(1).optional() })
  .strict()
  .meta({ id: "UpdateApplicationBody" });

export const ApplicationResponse = z.object({ application: Application }).meta({ id: "ApplicationResponse" });
export const ApplicantListResponse = z.object({ applications: z.array(Applicant) }).meta({ id: "ApplicantListResponse" });
export const MyApplicationListResponse = z.object({ applications: z.array(MyApplication) }).meta({ id: "MyApplicationListResponse" });

const MatchReasonSchema = z.object({ kind: z.string(), text: z.string() }).catchall(z.unknown());

const Suggestion = z
  .object({
    mentor: Applicant,
    score: z.number(),
    reasons: z.array(MatchReasonSchema),
  })
  .meta({ id: "Suggestion" });

export const SuggestionListResponse = z.object({ mentee: Applicant, suggestions: z.array(Suggestion) }).meta({ id: "SuggestionListResponse" });

const ProposedPair = z
  .object({ mentorId: z.string(), menteeId: z.string(), score: z.number(), reasons: z.array(MatchReasonSchema) })
  .meta({ id: "ProposedPair" });

const MATCH_OBJECTIVES = ["score", "coverage"] as const;
const MatchObjective = z.enum(MATCH_OBJECTIVES);

export const SuggestAllBody = z
  .object({ objective: MatchObjective.default("score") })
  .strict()
  .meta({
    id: "SuggestAllBody",
    description: '"score": the best total match; "coverage": as many mentees as possible, then the best total among those',
  });

const UnmatchedMentee = z.object({ menteeId: z.string(), reason: MatchReasonSchema }).meta({ id: "UnmatchedMentee" });

export const SuggestAllResponse = z
  .object({
    objective: MatchObjective,
    proposals: z.array(ProposedPair),
    unmatchedMenteeIds: z.array(z.string()),
    /** Why each unmatched mentee got no proposal. */
    unmatched: z.array(UnmatchedMentee),
    totalScore: z.number(),
    /** True when the proposal is proven optimal over every allowed pair (see the README). */
    optimal: z.boolean(),
  })
  .meta({ id: "SuggestAllResponse" });
