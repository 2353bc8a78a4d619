/**
 * The pair's weekly rhythm: meetings, the goal, private feedback, calendar feeds and the program report.
 * Meetings, the goal and feedback live in the pair's room; admins get the report, which holds no content.
 */
import { z } from "zod";
import { MEETING_LIMITS, MEETING_STATUSES, checkOptions } from "../rules/meetings.ts";
import { FEEDBACK_ROUNDS, GOAL_MET, GOAL_PROGRESS, NUDGE_DEFAULTS } from "../rules/rhythm.ts";
import { TimeZone } from "./users.ts";

// -----------------------------------------------------------------------------------------------------------
// Meetings

const MeetingOption = z.object({ id: z.string(), startsAt: z.number().int() }).meta({ id: "MeetingOption" });

export const Meeting = z
  .object({
    id: z.string(),
    status: z.enum(MEETING_STATUSES),
    proposedBy: z.string(),
    options: z.array(MeetingOption),
    acceptedOptionId: z.string().nullable(),
    /** The agreed time (kept while a new one is being agreed, for calendars); null before any agreement. */
    startsAt: z.number().int().nullable(),
    endsAt: z.number().int().nullable(),
    durationMinutes: z.number().int(),
    place: z.string().nullable(),
    agenda: z.string(),
    declineNote: z.string().nullable(),
    changedBy: z.string(),
    sequence: z.number().int(),
    createdAt: z.number().int(),
    updatedAt: z.number().int(),
  })
  .meta({ id: "Meeting" });
export type Meeting = z.infer<typeof Meeting>;

const StartsAt = z.iso.datetime({ offset: true, message: "Give a date and time such as 2026-12-08T18:00:00+01:00." });

/** Times, duration, place and agenda, with the past and the limits refused field by field. */
const meetingTimes = {
  options: z
    .array(z.object({ startsAt: StartsAt }).strict())
    .min(1, "Propose at least one time.")
    .max(MEETING_LIMITS.maxOptions, `Propose at most ${MEETING_LIMITS.maxOptions} times.`),
  durationMinutes: z
    .number()
    .int()
    .min(MEETING_LIMITS.minMinutes, `A meeting lasts at least ${MEETING_LIMITS.minMinutes} minutes.`)
    .max(MEETING_LIMITS.maxMinutes, "A meeting lasts at most 8 hours."),
  /** The proposer's time zone, saved to their profile when it has none. */
  timeZone: TimeZone.optional(),
};

function refuseBadTimes(value: { options: { startsAt: string }[]; durationMinutes: number }, ctx: z.RefinementCtx) {
  const issues = checkOptions(
    value.options.map((o) => Date.parse(o.startsAt)),
    value.durationMinutes,
    Date.now(),
  );
  for (const issue of issues.filter((i) => i.path.startsWith("options."))) {
    ctx.addIssue({ code: "custom", path: issue.path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message: issue.message });
  }
}

export const ProposeMeetingBody = z
  .object({
    clientId: z.string().min(1).max(64).describe("Chosen by the client; resending the same id proposes nothing new"),
    ...meetingTimes,
    place: z.string().trim().max(MEETING_LIMITS.placeMaxChars, "Keep the place under 500 characters.").nullable().optional(),
    agenda: z.string().trim().max(MEETING_LIMITS.agendaMaxChars, "Keep the agenda under 2,000 characters.").default(""),
  })
  .strict()
  .superRefine(refuseBadTimes)
  .meta({ id: "ProposeMeetingBody" });
export type ProposeMeetingBody = z.infer<typeof ProposeMeetingBody>;

export const RescheduleMeetingBody = z.object(meetingTimes).strict().superRefine(refuseBadTimes).meta({ id: "RescheduleMeetingBody" });
export type RescheduleMeetingBody = z.infer<typeof RescheduleMeetingBody>;

export const AcceptMeetingBody = z
  .object({ optionId: z.string().min(1) })
  .strict()
  .meta({ id: "AcceptMeetingBody" });
export const DeclineMeetingBody = z
  .object({ note: z.string().trim().max(MEETING_LIMITS.noteMaxChars, "Keep the note under 1,000 characters.").default("") })
  .strict()
  .meta({ id: "DeclineMeetingBody" });

export const MeetingResponse = z.object({ meeting: Meeting }).meta({ id: "MeetingResponse" });

// -----------------------------------------------------------------------------------------------------------
// The goal

const GoalProgress = z.enum(GOAL_PROGRESS);

export const Goal = z
  .object({
    what: z.string(),
    why: z.string(),
    byWhen: z.string(),
    measure: z.string(),
    stepId: z.string().nullable(),
    progress: GoalProgress,
    progressNote: z.string(),
    setBy: z.string(),
    updatedBy: z.string(),
    setAt: z.number().int(),
    updatedAt: z.number().int(),
  })
  .meta({ id: "Goal" });
export type Goal = z.infer<typeof Goal>;

export const SetGoalBody = z
  .object({
    what: z.string().trim().min(1, "Say what the goal is.").max(500, "Keep the goal under 500 characters."),
    why: z.string().trim().max(1000, "Keep this under 1,000 characters.").default(""),
    byWhen: z.iso.date({ message: "Give a date such as 2027-01-31." }),
    measure: z.string().trim().min(1, "Say how you will know.").max(1000, "Keep this under 1,000 characters."),
    stepId: z.string().max(64).nullable().optional(),
  })
  .strict()
  .meta({ id: "SetGoalBody" });
export type SetGoalBody = z.infer<typeof SetGoalBody>;

export const GoalProgressBody = z
  .object({ progress: GoalProgress, note: z.string().trim().max(1000, "Keep the note under 1,000 characters.").default("") })
  .strict()
  .meta({ id: "GoalProgressBody" });
export type GoalProgressBody = z.infer<typeof GoalProgressBody>;

export const GoalResponse = z.object({ goal: Goal }).meta({ id: "GoalResponse" });

// -----------------------------------------------------------------------------------------------------------
// Feedback (private to the person who answers)

const FeedbackRound = z.enum(FEEDBACK_ROUNDS);

export const FeedbackAnswer = z
  .object({
    round: FeedbackRound,
    rating: z.number().int().min(1, "Rate from 1 to 5.").max(5, "Rate from 1 to 5."),
    goalMet: z.enum(GOAL_MET).nullable(),
    again: z.boolean().nullable(),
    comment: z.string(),
    answeredAt: z.number().int(),
  })
  .meta({ id: "FeedbackAnswer" });
export type FeedbackAnswer = z.infer<typeof FeedbackAnswer>;

export const FeedbackBody = z
  .object({
    round: FeedbackRound,
    rating: z.number().int().min(1, "Rate from 1 to 5.").max(5, "Rate from 1 to 5."),
    goalMet: z.enum(GOAL_MET).optional(),
    again: z.boolean().optional(),
    comment: z.string().trim().max(2000, "Keep the comment under 2,000 characters.").default(""),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.round === "end" && !value.goalMet) ctx.addIssue({ code: "custom", path: ["goalMet"], message: "Say whether the goal was met." });
    if (value.round === "end" && value.again === undefined)
      ctx.addIssue({ code: "custom", path: ["again"], message: "Say whether you would take part again." });
  })
  .meta({ id: "FeedbackBody" });
export type FeedbackBody = z.infer<typeof FeedbackBody>;

export const MyFeedback = z
  .object({ open: z.array(FeedbackRound), answers: z.array(FeedbackAnswer) })
  .meta({ id: "MyFeedback", description: "The rounds open to me and my own answers; never the other person's" });
export type MyFeedback = z.infer<typeof MyFeedback>;

// -----------------------------------------------------------------------------------------------------------
// What a member of the pair sees, in one read

export const RhythmSnapshot = z.object({ meetings: z.array(Meeting), goal: Goal.nullable(), feedback: MyFeedback }).meta({ id: "RhythmSnapshot" });
export type RhythmSnapshot = z.infer<typeof RhythmSnapshot>;

/** The next agreed meeting of each of my active pairs (home and the pair header). No agenda or place. */
const NextMeeting = z.object({ pairId: z.string(), otherName: z.string(), startsAt: z.number().int(), endsAt: z.number().int() }).meta({ id: "NextMeeting" });
export const NextMeetingListResponse = z.object({ meetings: z.array(NextMeeting) }).meta({ id: "NextMeetingListResponse" });

// -----------------------------------------------------------------------------------------------------------
// Calendar feed

export const CalendarFeedResponse = z
  .object({ url: z.string().nullable(), createdAt: z.string().nullable() })
  .meta({ id: "CalendarFeedResponse", description: "The private feed URL; shown once, when made or reset (null otherwise)" });

export const CalendarFeedStatus = z.object({ exists: z.boolean(), createdAt: z.string().nullable() }).meta({ id: "CalendarFeedStatus" });

// -----------------------------------------------------------------------------------------------------------
// Programs: nudge settings and the report (admins)

export const RhythmSettings = z
  .object({
    nudgeAfterDays: z.number().int().min(1, "At least 1 day.").max(60, "At most 60 days."),
    attentionAfterDays: z.number().int().min(1, "At least 1 day.").max(120, "At most 120 days."),
  })
  .strict()
  .refine((s) => s.attentionAfterDays >= s.nudgeAfterDays, { path: ["attentionAfterDays"], message: "Needs attention comes after the first nudge." })
  .meta({ id: "RhythmSettings" });
export type RhythmSettings = z.infer<typeof RhythmSettings>;
export const RHYTHM_SETTINGS_DEFAULTS: RhythmSettings = { ...NUDGE_DEFAULTS };
export const RhythmSettingsResponse = z.object({ settings: RhythmSettings }).meta({ id: "RhythmSettingsResponse" });

const RatingAggregate = z.object({ answers: z.number().int(), average: z.number().nullable() });
const choice = <V extends readonly [string, ...string[]]>(values: V) =>
  z.object({ answers: z.number().int(), counts: z.record(z.enum(values), z.number().int()).nullable() });

export const ProgramReport = z
  .object({
    program: z.object({ id: z.string(), title: z.string() }),
    generatedAt: z.string(),
    settings: RhythmSettings,
    pairsMade: z.number().int(),
    active: z.number().int(),
    completed: z.number().int(),
    endedEarly: z.number().int(),
    endedEarlyByReason: z.array(z.object({ reason: z.string().nullable(), count: z.number().int() })),
    medianDaysToFirstMessage: z.object({ mentor: z.number().nullable(), mentee: z.number().nullable() }),
    bothWaysWithin7Days: z.number().nullable(),
    meetingsHeldPerPair: z.number().nullable(),
    goalsSet: z.number().int(),
    goalsAchieved: z.number().int(),
    needsAttention: z.number().int(),
    feedback: z.object({
      threshold: z.number().int(),
      ratingMidpoint: RatingAggregate,
      ratingEnd: RatingAggregate,
      goalMet: choice(GOAL_MET),
      again: choice(["yes", "no"] as const),
    }),
    rows: z.array(
      z.object({
        pairId: z.string(),
        mentor: z.string(),
        mentee: z.string(),
        status: z.enum(["active", "completed", "ended"]),
        startedAt: z.string(),
        endedAt: z.string().nullable(),
        daysToFirstMessageBothWays: z.number().nullable(),
        meetingsHeld: z.number().int(),
        goalState: GoalProgress.nullable(),
        lastActivityAt: z.string().nullable(),
        needsAttention: z.boolean(),
      }),
    ),
  })
  .meta({ id: "ProgramReport", description: "Counts, dates and states only: never messages, goal text, agendas or comments" });
export type ProgramReport = z.infer<typeof ProgramReport>;
