import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { isGroupAdmin } from "../../shared/api/groups.ts";
import {
  BulkPairBody,
  BulkPairResponse,
  CreatePairBody,
  EndPairBody,
  MAX_BULK_PAIRS,
  MyPairListResponse,
  PairResponse,
  ProgramPairListResponse,
  type BulkPairResult,
} from "../../shared/api/pairs.ts";
import type { Program } from "../../shared/api/programs.ts";
import type { AppEnv } from "../env.ts";
import { loadProgram } from "../auth/access.ts";
import { currentCount, incrementStatement, retryAfterSeconds, type Limit } from "../auth/rate-limit.ts";
import { currentUser, requireUser } from "../auth/session.ts";
import { forgetDashboard } from "../db/dashboard.ts";
import { roleIn } from "../db/groups.ts";
import { endPairStatement, findPair, findPairWithPeople, listMyPairs, listPairsOfProgram, type PairRow } from "../db/pairs.ts";
import { toProgram } from "../db/programs.ts";
import { auditStatement } from "../db/membership.ts";
import { ApiError, forbidden, notFound } from "../http/errors.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";
import { createPairs } from "../pairing/create-pairs.ts";
import { deliverRoomEffectsNow, roomEffectStatements } from "../db/room-outbox.ts";
import { notify } from "../notifications/notify.ts";

const tags = ["Pairs"];
const auth = { middleware: [requireUser] };

/** Bulk publishes per admin: a cohort takes one to a few (500 pairs each); this stops a runaway script. */
const BULK_PUBLISHES_PER_WINDOW: Limit = { max: 30, windowSeconds: 10 * 60 };

/** The program, when the caller administers it and it is open or closed (pairs can be made). */
async function pairableProgram(c: Context<AppEnv>, programId: string): Promise<Program> {
  const { row, role } = await loadProgram(c, programId);
  if (!isGroupAdmin(role)) throw forbidden("Only the group's admins pair people.");
  const program = toProgram(row);
  if (program.status !== "open" && program.status !== "closed") {
    throw new ApiError(409, "program_not_active", "People can only be paired in an open or closed program.");
  }
  return program;
}

async function loadPairForMemberOrAdmin(c: Context<AppEnv>, pairId: string): Promise<{ pair: PairRow; asMember: boolean }> {
  const me = currentUser(c).id;
  const pair = await findPair(c.env.DB, pairId);
  if (!pair) throw notFound("This pair");
  if (pair.mentor_id === me || pair.mentee_id === me) return { pair, asMember: true };
  const role = await roleIn(c.env.DB, pair.group_id, me);
  if (isGroupAdmin(role)) return { pair, asMember: false };
  throw notFound("This pair");
}

export const pairRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/programs/{programId}/pairs",
      tags,
      summary: "Pair a mentor with a mentee (admins)",
      description: [
        "`mentorId` and `menteeId` are user ids. Enforced on the server, in one atomic step:",
        "both applied to this program in those roles (422 `not_an_applicant`); both are still members (409 `not_a_member`);",
        "neither blocked the other (409 `blocked`); not already paired (409 `already_paired`); the mentee has no other",
        "active pair here (409 `mentee_has_pair`); the mentor has capacity left (409 `capacity_full`); both are adults",
        "(422 `underage`). Creates the pair's private room and notifies both people.",
      ].join(" "),
      ...auth,
      request: { params: z.object({ programId: z.string() }), ...jsonBody(CreatePairBody) },
      responses: { 201: jsonResponse(PairResponse, "The new pair"), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const { mentorId, menteeId } = c.req.valid("json");
      const program = await pairableProgram(c, c.req.valid("param").programId);
      const [outcome] = await createPairs(c.env, program, [{ mentorId, menteeId }], { createdBy: currentUser(c).id, ctx: c.executionCtx });
      if (!outcome!.ok) throw outcome!.error;
      forgetDashboard(program.id);
      return c.json({ pair: (await findPairWithPeople(c.env.DB, outcome!.pairId))! }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/programs/{programId}/pairs/bulk",
      tags,
      summary: "Publish many pairs in one action, each under the same rules as single pairing (admins)",
      description: [
        `Up to ${MAX_BULK_PAIRS} pairs of user ids, and an optional \`introduction\` sent with every "paired" notification.`,
        "Answers 207 with one result per pair, in order: `status` 201 with its `pairId`, or the status and `error`",
        "(`code`, `message`) that POST /programs/{programId}/pairs would have answered for it (`capacity_full`,",
        "`mentee_has_pair`, `already_paired`, `blocked`, `not_a_member`, `not_an_applicant`, `same_person`, `underage`).",
        "Each pair is checked and written by one atomic statement, so concurrent publishes never",
        `exceed a mentor's capacity. Limited to ${BULK_PUBLISHES_PER_WINDOW.max} publishes per admin per ${BULK_PUBLISHES_PER_WINDOW.windowSeconds / 60} minutes (429).`,
      ].join(" "),
      ...auth,
      request: { params: z.object({ programId: z.string() }), ...jsonBody(BulkPairBody) },
      responses: { 207: jsonResponse(BulkPairResponse, "One result per pair"), ...errorResponses(400, 401, 403, 404, 409, 422, 429) },
    }),
    async (c) => {
      const { pairs, introduction } = c.req.valid("json");
      const me = currentUser(c).id;
      const program = await pairableProgram(c, c.req.valid("param").programId);
      const bucket = `bulk-pairs:${me}`;
      if ((await currentCount(c.env.DB, bucket, BULK_PUBLISHES_PER_WINDOW)) >= BULK_PUBLISHES_PER_WINDOW.max) {
        throw new ApiError(429, "rate_limited", "Too many bulk publishes. Wait a few minutes and try again.", {
          "Retry-After": String(await retryAfterSeconds(c.env.DB, [bucket], BULK_PUBLISHES_PER_WINDOW)),
        });
      }
      await incrementStatement(c.env.DB, bucket, BULK_PUBLISHES_PER_WINDOW).run();
      const outcomes = await createPairs(c.env, program, pairs, { createdBy: me, introduction: introduction || undefined, ctx: c.executionCtx });
      forgetDashboard(program.id);
      const results: BulkPairResult[] = outcomes.map((o) =>
        o.ok
          ? { mentorId: o.mentorId, menteeId: o.menteeId, status: 201, pairId: o.pairId }
          : { mentorId: o.mentorId, menteeId: o.menteeId, status: o.error.status, error: { code: o.error.code, message: o.error.message } },
      );
      const created = results.filter((r) => r.status === 201).length;
      return c.json({ results, created, failed: results.length - created }, 207);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/programs/{programId}/pairs",
      tags,
      summary: "The program's pairs and their status (admins)",
      ...auth,
      request: { params: z.object({ programId: z.string() }) },
      responses: { 200: jsonResponse(ProgramPairListResponse, "Pairs"), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const { row, role } = await loadProgram(c, c.req.valid("param").programId);
      if (!isGroupAdmin(role)) throw forbidden("Only the group's admins see the program's pairs.");
      return c.json({ pairs: await listPairsOfProgram(c.env.DB, row.id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/pairs",
      tags,
      summary: "My pairs, with the other person, the program and the status",
      ...auth,
      responses: { 200: jsonResponse(MyPairListResponse, "My pairs"), ...errorResponses(401) },
    }),
    async (c) => c.json({ pairs: await listMyPairs(c.env.DB, currentUser(c).id) }, 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/pairs/{pairId}/end",
      tags,
      summary: "End a mentorship: `completed`, or `ended` early with a reason (either member, or a group admin)",
      description: "Frees the mentor's capacity. The pair keeps its history and its space stays readable to the two of them, read-only.",
      ...auth,
      request: { params: z.object({ pairId: z.string() }), ...jsonBody(EndPairBody) },
      responses: { 200: jsonResponse(PairResponse, "The ended pair"), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const { outcome, reason } = c.req.valid("json");
      const me = currentUser(c).id;
      const { pair } = await loadPairForMemberOrAdmin(c, c.req.valid("param").pairId);
      const now = new Date().toISOString();
      const db = c.env.DB;
      // The room hears of the end through the outbox row written in the same batch. When the pair had
      // already ended, the row is harmless: ending is idempotent in the room.
      const [result] = await db.batch([
        endPairStatement(db, pair.id, outcome, reason ?? null, me, now),
        ...roomEffectStatements(db, [pair.id], { type: "end", outcome, reason: reason ?? null }),
      ]);
      if (result!.meta.changes === 0) throw new ApiError(409, "pair_ended", "This mentorship has already ended.");
      forgetDashboard(pair.program_id);
      await deliverRoomEffectsNow(c.env, c.executionCtx);
      // Only an admin's ending is an admin action; the pair's own ending is theirs and stays out of the log.
      if (pair.mentor_id !== me && pair.mentee_id !== me) {
        await auditStatement(c.env.DB, {
          groupId: pair.group_id,
          actorId: me,
          action: "pair_ended",
          target: { type: "pair", id: pair.id },
          detail: { outcome },
        }).run();
      }
      const ended = (await findPairWithPeople(c.env.DB, pair.id))!;
      // Both people hear of it, the one who ended it included (their copy is the record of it).
      await notify(
        c.env,
        c.executionCtx,
        [pair.mentor_id, pair.mentee_id].map((userId) => ({
          userId,
          kind: "pair_ended" as const,
          data: {
            pairId: pair.id,
            outcome,
            reason: reason ?? null,
            otherName: userId === pair.mentor_id ? ended.mentee.displayName : ended.mentor.displayName,
          },
        })),
      );
      return c.json({ pair: ended }, 200);
    },
  );
