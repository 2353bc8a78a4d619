import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { SuggestAllResponse, SuggestionListResponse, type Applicant } from "../../shared/api/applications.ts";
import { isGroupAdmin } from "../../shared/api/groups.ts";
import type { Program } from "../../shared/api/programs.ts";
import { assignPairs, describeReason, scoreMatch, type Candidate, type MatchProfile, type MatchReason } from "../../shared/rules/matching.ts";
import type { AppEnv } from "../env.ts";
import { loadProgram } from "../auth/access.ts";
import { requireUser } from "../auth/session.ts";
import { listApplicants } from "../db/applications.ts";
import { toProgram } from "../db/programs.ts";
import { listBlocksInvolving } from "../db/safety.ts";
import { ApiError, forbidden } from "../http/errors.ts";
import { createRouter, errorResponses, jsonResponse } from "../http/router.ts";

const tags = ["Matching"];
const auth = { middleware: [requireUser] };

const text = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(" ") : (value ?? ""));

/** Builds what matching reads from an applicant: profile plus answers, with topic choices as labels. */
export function matchProfile(program: Program, applicant: Applicant): MatchProfile {
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
      applicant.role === "mentor"
        ? `${text(a.help_with)} ${text(a.why_help)} ${applicant.user.about}`
        : `${text(a.need_help_with)} ${applicant.user.about}`,
    askedFor: applicant.role === "mentee" ? text(a.mentor_wanted) : "",
  };
}

const withText = (reasons: MatchReason[]) => reasons.map((reason) => ({ ...reason, text: describeReason(reason) }));

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

async function loadForMatching(c: Context<AppEnv>, programId: string) {
  const { row, role } = await loadProgram(c, programId);
  if (!isGroupAdmin(role)) throw forbidden("Only the group's admins see match suggestions.");
  const program = toProgram(row);
  const applicants = (await listApplicants(c.env.DB, program.id)).filter((a) => a.status !== "withdrawn");
  const mentors = applicants.filter((a) => a.role === "mentor" && a.capacityLeft > 0);
  const blocked = await blockedPairs(c.env.DB, applicants.map((a) => a.userId));
  const allowed = (mentor: Applicant, mentee: Applicant) => mentor.userId !== mentee.userId && !blocked.has(`${mentor.userId}|${mentee.userId}`);
  return { program, applicants, mentors, allowed };
}

export const suggestionRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/programs/{programId}/suggestions",
      tags,
      summary: "Mentors with free capacity, ranked for one mentee, each with its reasons (admins)",
      description: "`menteeId` is the mentee's user id. Reasons come as data (`kind` and details) and as an English `text`.",
      ...auth,
      request: { params: z.object({ programId: z.string() }), query: z.object({ menteeId: z.string().min(1) }) },
      responses: { 200: jsonResponse(SuggestionListResponse, "Ranked mentors"), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) => {
      const { menteeId } = c.req.valid("query");
      const { program, applicants, mentors, allowed } = await loadForMatching(c, c.req.valid("param").programId);
      const mentee = applicants.find((a) => a.role === "mentee" && a.userId === menteeId);
      if (!mentee) throw new ApiError(422, "not_an_applicant", "That person has not applied to this program as a mentee.");
      const menteeProfile = matchProfile(program, mentee);
      const suggestions = mentors
        .filter((mentor) => allowed(mentor, mentee))
        .map((mentor) => {
          const { score, reasons } = scoreMatch(matchProfile(program, mentor), menteeProfile);
          return { mentor, score, reasons: withText(reasons) };
        })
        .sort((a, b) => b.score - a.score || b.mentor.capacityLeft - a.mentor.capacityLeft);
      return c.json({ mentee, suggestions }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/programs/{programId}/suggestions/all",
      tags,
      summary: "Propose a pairing for every waiting mentee, maximising the total score under capacity (admins)",
      description: "Changes nothing: accept proposals one by one with POST /programs/{programId}/pairs.",
      ...auth,
      request: { params: z.object({ programId: z.string() }) },
      responses: { 200: jsonResponse(SuggestAllResponse, "The proposal"), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const { program, applicants, mentors, allowed } = await loadForMatching(c, c.req.valid("param").programId);
      const waiting = applicants.filter((a) => a.role === "mentee" && a.capacityUsed === 0);
      const profiles = new Map(applicants.map((a) => [`${a.role}:${a.userId}`, matchProfile(program, a)]));
      const scored = new Map<string, { score: number; reasons: MatchReason[] }>();
      const candidates: Candidate[] = [];
      for (const mentee of waiting) {
        for (const mentor of mentors) {
          if (!allowed(mentor, mentee)) continue;
          const result = scoreMatch(profiles.get(`mentor:${mentor.userId}`)!, profiles.get(`mentee:${mentee.userId}`)!);
          scored.set(`${mentor.userId}|${mentee.userId}`, result);
          candidates.push({ mentorId: mentor.userId, menteeId: mentee.userId, score: result.score });
        }
      }
      const assignments = assignPairs({
        mentors: mentors.map((m) => ({ id: m.userId, capacity: m.capacityLeft })),
        mentees: waiting.map((m) => m.userId),
        candidates,
      });
      const matched = new Set(assignments.map((a) => a.menteeId));
      return c.json(
        {
          proposals: assignments.map((a) => ({ ...a, reasons: withText(scored.get(`${a.mentorId}|${a.menteeId}`)!.reasons) })),
          unmatchedMenteeIds: waiting.filter((m) => !matched.has(m.userId)).map((m) => m.userId),
          totalScore: assignments.reduce((sum, a) => sum + a.score, 0),
        },
        200,
      );
    },
  );
