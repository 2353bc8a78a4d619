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
  mentorIndex,
  NOT_ALLOWED,
  pairScore,
  scoreMentors,
  unmatchedReason,
  type MatchFeatures,
  type MatchProfile,
  type MatchReason,
  type MentorIndex,
} from "../../shared/rules/matching.ts";
import type { AppEnv } from "../env.ts";
import { loadProgram, programAccess } from "../auth/access.ts";
import { currentUser, requireUser } from "../auth/session.ts";
import { applicantStatement, listApplicants, toApplicant } from "../db/applications.ts";
import { programForMemberStatement, toProgram, type ProgramForMemberRow } from "../db/programs.ts";
import { blocksInvolvingStatement, listBlocksInvolving } from "../db/safety.ts";
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

type BlockRow = { blocker_id: string; blocked_id: string };

/** For each person in the blocks, the people they blocked or were blocked by. */
function blockMap(rows: BlockRow[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    const set = map.get(a);
    if (set) set.add(b);
    else map.set(a, new Set([b]));
  };
  for (const row of rows) {
    add(row.blocker_id, row.blocked_id);
    add(row.blocked_id, row.blocker_id);
  }
  return map;
}

/** For each of `userIds`, the people they blocked or were blocked by. */
async function blockedWith(db: D1Database, userIds: string[]): Promise<Map<string, Set<string>>> {
  return userIds.length ? blockMap(await listBlocksInvolving(db, userIds)) : new Map();
}

/**
 * Per isolate, each program's mentors with a place left, with their features and indexes, kept while
 * the program's version and match version (counted up by triggers on its applications, its pairs and
 * its applicants' profiles: migration 0013) are unchanged, so that
 * asking for one mentee's suggestions scores one mentee instead of reading and reading into every mentor
 * again. Checked on every request, so an isolate never serves what another one changed. An hour at
 * most, for the time zones' offsets (daylight saving).
 */
type MentorsEntry = { stamp: string; until: number; mentors: Applicant[]; features: MatchFeatures[]; index: MentorIndex };
const mentorsCache = new Map<string, MentorsEntry>();
const CACHED_PROGRAMS = 16;
const CACHE_MS = 60 * 60_000;

async function mentorsWithPlaces(db: D1Database, program: Program, stamp: string): Promise<MentorsEntry> {
  const cached = mentorsCache.get(program.id);
  if (cached && cached.stamp === stamp && cached.until > Date.now()) return cached;
  const mentors = (await listApplicants(db, program.id, { role: "mentor" })).filter((mentor) => mentor.capacityLeft > 0);
  const context = featureContext();
  const features = mentors.map((mentor) => matchFeatures(matchProfile(program, mentor), context));
  const entry = { stamp, until: Date.now() + CACHE_MS, mentors, features, index: mentorIndex(features) };
  mentorsCache.delete(program.id);
  mentorsCache.set(program.id, entry);
  if (mentorsCache.size > CACHED_PROGRAMS) mentorsCache.delete(mentorsCache.keys().next().value!);
  return entry;
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
      const programId = c.req.valid("param").programId;
      const locale = requestLocale(c);
      // The program with the caller's role (and its match version), the mentee and the mentee's blocks:
      // one round trip. Nothing is answered before the access checks below.
      const db = c.env.DB;
      const [programRows, menteeRows, blockRows] = await db.batch([
        programForMemberStatement(db, programId, currentUser(c).id),
        applicantStatement(db, programId, menteeId, "mentee"),
        blocksInvolvingStatement(db, [menteeId]),
      ]);
      const { row, role } = programAccess(programRows!.results[0] as ProgramForMemberRow | undefined);
      if (!isGroupAdmin(role)) throw forbidden("Only the group's admins see match suggestions.");
      const program = toProgram(row);
      const mentee = (menteeRows!.results as Parameters<typeof toApplicant>[0][]).map(toApplicant).find((a) => a.status !== "withdrawn");
      const stamp = `${row.version}/${row.match_version}`;
      const blocked = blockMap(blockRows!.results as BlockRow[]);
      if (!mentee) throw new ApiError(422, "not_an_applicant", "That person has not applied to this program as a mentee.");
      const { mentors, features, index } = await mentorsWithPlaces(c.env.DB, program, stamp);
      const menteeFeatures = matchFeatures(matchProfile(program, mentee), featureContext());
      // Score everyone, then build reasons only for the mentors returned.
      const scores = new Int16Array(mentors.length);
      scoreMentors(index, menteeFeatures, scores);
      const notWith = blocked.get(mentee.userId);
      const ranked: number[] = [];
      for (let j = 0; j < mentors.length; j++) if (mentors[j]!.userId !== mentee.userId && !notWith?.has(mentors[j]!.userId)) ranked.push(j);
      ranked.sort((a, b) => scores[b]! - scores[a]! || mentors[b]!.capacityLeft - mentors[a]!.capacityLeft || a - b);
      const suggestions = ranked.slice(0, limit).map((j) => {
        const reasons: MatchReason[] = [];
        const score = pairScore(features[j]!, menteeFeatures, reasons);
        return { mentor: mentors[j]!, score, reasons: withText(reasons, locale) };
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
      const blocked = await blockedWith(c.env.DB, waiting.length && mentors.length ? [...waiting, ...mentors].map((a) => a.userId) : []);
      const context = featureContext();
      const mentorFeatures = mentors.map((a) => matchFeatures(matchProfile(program, a), context));
      const menteeFeatures = waiting.map((a) => matchFeatures(matchProfile(program, a), context));
      const m = mentors.length;
      const scores = new Int16Array(waiting.length * m);
      const index = mentorIndex(mentorFeatures);
      const mentorAt = new Map(mentors.map((mentor, j) => [mentor.userId, j]));
      for (let i = 0; i < waiting.length; i++) {
        scoreMentors(index, menteeFeatures[i]!, scores, i * m);
        const mentee = waiting[i]!.userId;
        // Not allowed: the same person (one may apply as both), and either of two who blocked the other.
        const self = mentorAt.get(mentee);
        if (self !== undefined) scores[i * m + self] = NOT_ALLOWED;
        for (const other of blocked.get(mentee) ?? []) {
          const j = mentorAt.get(other);
          if (j !== undefined) scores[i * m + j] = NOT_ALLOWED;
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
