import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { SuggestAllBody, SuggestAllResponse, SuggestionListResponse, type Applicant } from "../../shared/api/applications.ts";
import { isGroupAdmin } from "../../shared/api/groups.ts";
import type { Program } from "../../shared/api/programs.ts";
import { describeReason, describeUnmatched, type ReasonLocale } from "../../shared/rules/match-reasons.ts";
import {
  assignMatrix,
  featureContext,
  matchFeatures,
  NOT_ALLOWED,
  pairScore,
  unmatchedReason,
  type MatchProfile,
  type MatchReason,
} from "../../shared/rules/matching.ts";
import type { AppEnv } from "../env.ts";
import { loadProgram } from "../auth/access.ts";
import { requireUser } from "../auth/session.ts";
import { listApplicants } from "../db/applications.ts";
import { toProgram } from "../db/programs.ts";
import { listBlocksInvolving } from "../db/safety.ts";
import { ApiError, forbidden } from "../http/errors.ts";
import { requestLocale } from "../http/locale.ts";
import { createRouter, errorResponses, jsonResponse } from "../http/router.ts";

const tags = ["Matching"];
const auth = { middleware: [requireUser] };

const text = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(" ") : (value ?? ""));

/** Builds what matching reads from an applicant: profile plus answers, with topic choices as labels. */
function matchProfile(program: Program, applicant: Applicant): MatchProfile {
  const questions = program.questions[applicant.role];
  const topicQuestion = questions.find((q) => q.id === "topics");
  const chosen = applicant.answers.topics;
  const topicLabels = (Array.isArray(chosen) ? chosen : chosen ? [chosen] : []).map(
    (id) => topicQuestion?.choices?.find((choice) => choice.id === id)?.label ?? id,
  );
  const availability = applicant.answers.availability;
  const a = applicant.answers;
  return {
    id: applicant.userId,
    topics: [...applicant.user.topics, ...topicLabels],
    languages: applicant.user.languages,
    timeZone: applicant.user.timeZone,
    availability: Array.isArray(availability) ? availability : availability ? [availability] : [],
    text:
      applicant.role === "mentor" ? `${text(a.help_with)} ${text(a.why_help)} ${applicant.user.about}` : `${text(a.need_help_with)} ${applicant.user.about}`,
    askedFor: applicant.role === "mentee" ? text(a.mentor_wanted) : "",
    // Answers are most likely in the program's language; each text is checked and may say otherwise.
    textLanguage: program.locale,
  };
}

const withText = (reasons: MatchReason[], locale: ReasonLocale) => reasons.map((reason) => ({ ...reason, text: describeReason(reason, locale) }));

/** "blocker|blocked" keys, both ways round, for blocks that involve any of `userIds`. */
async function blockedPairs(db: D1Database, userIds: string[]): Promise<Set<string>> {
  if (!userIds.length) return new Set();
  const results = await listBlocksInvolving(db, userIds);
  const keys = new Set<string>();
  for (const row of results) {
    keys.add(`${row.blocker_id}|${row.blocked_id}`);
    keys.add(`${row.blocked_id}|${row.blocker_id}`);
  }
  return keys;
}

async function adminProgram(c: Context<AppEnv>, programId: string) {
  const { row, role } = await loadProgram(c, programId);
  if (!isGroupAdmin(role)) throw forbidden("Only the group's admins see match suggestions.");
  return toProgram(row);
}

export const suggestionRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/programs/{programId}/suggestions",
      tags,
      summary: "Mentors with free capacity, ranked for one mentee, each with its reasons (admins)",
      description:
        "`menteeId` is the mentee's user id; `limit` (1-500, default 20) how many of the best mentors to return. Reasons come as data (`kind` and details) and as a `text` in the reader's language (`?locale=`, else Accept-Language: en, fr or de).",
      ...auth,
      request: {
        params: z.object({ programId: z.string() }),
        query: z.object({
          menteeId: z.string().min(1),
          /** The best `limit` mentors (default 20): a program may have hundreds with a place left. */
          limit: z.coerce.number().int().min(1).max(500).default(20),
          locale: z.string().optional(),
        }),
      },
      responses: { 200: jsonResponse(SuggestionListResponse, "Ranked mentors"), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) => {
      const { menteeId, limit } = c.req.valid("query");
      const program = await adminProgram(c, c.req.valid("param").programId);
      const locale = requestLocale(c);
      const [mentees, mentorApplicants, blocked] = await Promise.all([
        listApplicants(c.env.DB, program.id, { role: "mentee", userId: menteeId }),
        listApplicants(c.env.DB, program.id, { role: "mentor" }),
        blockedPairs(c.env.DB, [menteeId]),
      ]);
      const mentee = mentees.find((a) => a.status !== "withdrawn");
      if (!mentee) throw new ApiError(422, "not_an_applicant", "That person has not applied to this program as a mentee.");
      const context = featureContext();
      const menteeFeatures = matchFeatures(matchProfile(program, mentee), context);
      // Score everyone, then build reasons only for the mentors returned.
      const suggestions = mentorApplicants
        .filter((mentor) => mentor.capacityLeft > 0 && mentor.userId !== mentee.userId && !blocked.has(`${mentor.userId}|${mentee.userId}`))
        .map((mentor) => {
          const features = matchFeatures(matchProfile(program, mentor), context);
          return { mentor, features, score: pairScore(features, menteeFeatures) };
        })
        .sort((a, b) => b.score - a.score || b.mentor.capacityLeft - a.mentor.capacityLeft)
        .slice(0, limit)
        .map(({ mentor, features, score }) => {
          const reasons: MatchReason[] = [];
          pairScore(features, menteeFeatures, reasons);
          return { mentor, score, reasons: withText(reasons, locale) };
        });
      return c.json({ mentee, suggestions }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/programs/{programId}/suggestions/all",
      tags,
      summary: "Propose a pairing for every waiting mentee under capacity, for an objective (admins)",
      description: [
        'Body (optional): `{"objective": "score" | "coverage"}`. "score" (the default) maximises the total match score',
        'using only pairs with a positive score; "coverage" pairs as many mentees as possible, then maximises the total',
        "score among those. Every unmatched mentee comes with a reason. Changes nothing: publish with",
        "POST /programs/{programId}/pairs/bulk or pair one by one. Reason texts follow `?locale=` or Accept-Language.",
      ].join(" "),
      ...auth,
      request: {
        params: z.object({ programId: z.string() }),
        query: z.object({ locale: z.string().optional() }),
        body: { content: { "application/json": { schema: SuggestAllBody } }, required: false },
      },
      responses: { 200: jsonResponse(SuggestAllResponse, "The proposal"), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) => {
      const objective = (c.req.valid("json") as z.infer<typeof SuggestAllBody> | undefined)?.objective ?? "score";
      const program = await adminProgram(c, c.req.valid("param").programId);
      const locale = requestLocale(c);
      const applicants = (await listApplicants(c.env.DB, program.id)).filter((a) => a.status !== "withdrawn");
      const mentors = applicants.filter((a) => a.role === "mentor" && a.capacityLeft > 0);
      const waiting = applicants.filter((a) => a.role === "mentee" && a.capacityUsed === 0);
      const blocked = await blockedPairs(c.env.DB, waiting.length && mentors.length ? [...waiting, ...mentors].map((a) => a.userId) : []);

      const context = featureContext();
      const mentorFeatures = mentors.map((a) => matchFeatures(matchProfile(program, a), context));
      const menteeFeatures = waiting.map((a) => matchFeatures(matchProfile(program, a), context));
      const m = mentors.length;
      const scores = new Int16Array(waiting.length * m);
      for (let i = 0; i < waiting.length; i++) {
        const mentee = waiting[i]!;
        for (let j = 0; j < m; j++) {
          const mentor = mentors[j]!;
          scores[i * m + j] =
            mentor.userId === mentee.userId || blocked.has(`${mentor.userId}|${mentee.userId}`)
              ? NOT_ALLOWED
              : pairScore(mentorFeatures[j]!, menteeFeatures[i]!);
        }
      }
      const capacities = mentors.map((a) => a.capacityLeft);
      const result = assignMatrix({ menteeCount: waiting.length, capacities, scores, objective });

      const used = new Int32Array(m);
      const proposals: { mentorId: string; menteeId: string; score: number; reasons: ReturnType<typeof withText> }[] = [];
      result.mentorOf.forEach((j, i) => {
        if (j < 0) return;
        used[j]! += 1;
        const reasons: MatchReason[] = [];
        const score = pairScore(mentorFeatures[j]!, menteeFeatures[i]!, reasons);
        proposals.push({ mentorId: mentors[j]!.userId, menteeId: waiting[i]!.userId, score, reasons: withText(reasons, locale) });
      });
      proposals.sort((a, b) => b.score - a.score);
      const unmatched = waiting.flatMap((mentee, i) => {
        if (result.mentorOf[i]! >= 0) return [];
        const reason = unmatchedReason({
          mentee: menteeFeatures[i]!,
          mentors: mentorFeatures,
          capacities,
          used,
          allowed: (j) => scores[i * m + j] !== NOT_ALLOWED,
          score: (j) => scores[i * m + j]!,
          objective,
        });
        return [{ menteeId: mentee.userId, reason: { ...reason, text: describeUnmatched(reason, locale) } }];
      });
      return c.json(
        {
          objective,
          proposals,
          unmatchedMenteeIds: unmatched.map((u) => u.menteeId),
          unmatched,
          totalScore: result.totalScore,
          optimal: result.certified,
        },
        200,
      );
    },
  );
