import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { isGroupAdmin } from "../../shared/api/groups.ts";
import { CreatePairBody, EndPairBody, MyPairListResponse, PairResponse, ProgramPairListResponse } from "../../shared/api/pairs.ts";
import { isAdult } from "../../shared/rules/age.ts";
import type { AppEnv } from "../env.ts";
import { loadProgram } from "../auth/access.ts";
import { currentUser, requireUser } from "../auth/session.ts";
import { findApplicationOfRole } from "../db/applications.ts";
import { forgetDashboard } from "../db/dashboard.ts";
import { roleIn } from "../db/groups.ts";
import {
  deletePairStatement,
  eitherBlocked,
  endPairStatement,
  findActiveMentorOfMentee,
  findPair,
  findPairWithPeople,
  insertPairStatement,
  listMyPairs,
  listPairsOfProgram,
  markApplicationsPairedStatement,
  unpairApplicationsStatement,
  type PairRow,
} from "../db/pairs.ts";
import { toProgram } from "../db/programs.ts";
import { findUsersForPairing } from "../db/users.ts";
import { auditStatement } from "../db/membership.ts";
import { ApiError, forbidden, notFound } from "../http/errors.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";
import { pairRoom } from "../pair-room/stub.ts";
import { deliverRoomEffectsNow, roomEffectStatements } from "../db/room-outbox.ts";
import { enqueue, notify, prepareNotifications } from "../notifications/notify.ts";

const tags = ["Pairs"];
const auth = { middleware: [requireUser] };

/**
 * After the atomic insert refused a pair, find out which rule it broke, to say so. These reads cannot
 * change the outcome: the decision was already taken by the single INSERT … SELECT.
 */
async function whyPairingFailed(db: D1Database, programId: string, groupId: string, mentorId: string, menteeId: string): Promise<ApiError> {
  // Membership first: leaving a group also withdraws the person's applications in it, and "no longer a
  // member" is the reason the admin needs to see.
  const [mentorRole, menteeRole] = await Promise.all([roleIn(db, groupId, mentorId), roleIn(db, groupId, menteeId)]);
  if (!mentorRole || !menteeRole) return new ApiError(409, "not_a_member", "Both people must still be members of the group.");
  const application = (userId: string, role: string) => findApplicationOfRole(db, programId, userId, role);
  const [mentorApp, menteeApp] = await Promise.all([application(mentorId, "mentor"), application(menteeId, "mentee")]);
  if (!mentorApp || mentorApp.status === "withdrawn") return new ApiError(422, "not_an_applicant", "That person has not applied to this program as a mentor.");
  if (!menteeApp || menteeApp.status === "withdrawn") return new ApiError(422, "not_an_applicant", "That person has not applied to this program as a mentee.");
  if (await eitherBlocked(db, mentorId, menteeId)) return new ApiError(409, "blocked", "These two people cannot be paired.");
  const active = await findActiveMentorOfMentee(db, programId, menteeId);
  if (active?.mentor_id === mentorId) return new ApiError(409, "already_paired", "These two are already paired in this program.");
  if (active) return new ApiError(409, "mentee_has_pair", "This mentee already has an active mentor in this program.");
  return new ApiError(409, "capacity_full", "This mentor has no capacity left in this program.");
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
      const me = currentUser(c).id;
      const { row, role } = await loadProgram(c, c.req.valid("param").programId);
      if (!isGroupAdmin(role)) throw forbidden("Only the group's admins pair people.");
      const program = toProgram(row);
      if (program.status !== "open" && program.status !== "closed") {
        throw new ApiError(409, "program_not_active", "People can only be paired in an open or closed program.");
      }
      if (mentorId === menteeId) throw new ApiError(422, "same_person", "A mentor cannot be their own mentee.");

      // Adults only, checked again now: sign-up is not the only way an account's data could have changed.
      const people = await findUsersForPairing(c.env.DB, mentorId, menteeId);
      const mentor = people.results.find((p) => p.id === mentorId);
      const mentee = people.results.find((p) => p.id === menteeId);
      if (!mentor || !mentee) throw new ApiError(422, "not_an_applicant", "Both people must have applied to this program.");
      if (!isAdult(mentor.birth_date, new Date()) || !isAdult(mentee.birth_date, new Date())) {
        throw new ApiError(422, "underage", "Only adults (18 and over) can be paired.");
      }

      const pairId = crypto.randomUUID();
      const now = new Date().toISOString();
      const db = c.env.DB;
      // The capacity check and the insert are one statement, so two admins pairing at the same moment
      // cannot both take a mentor's last place. The partial unique indexes on pairs refuse a second
      // active pair for the mentee. Everything after it runs only if the pair was written.
      const [insert] = await db.batch([
        insertPairStatement(db, { pairId, mentorId, menteeId, createdBy: me, now, programId: program.id }),
        markApplicationsPairedStatement(db, { pairId, mentorId, menteeId, now, programId: program.id }),
      ]);
      if ((insert?.meta.changes ?? 0) === 0) throw await whyPairingFailed(db, program.id, program.groupId, mentorId, menteeId);

      try {
        await pairRoom(c.env, pairId).initialize({
          pairId,
          programId: program.id,
          groupId: program.groupId,
          programTitle: program.title,
          mentor: { id: mentor.id, displayName: mentor.display_name },
          mentee: { id: mentee.id, displayName: mentee.display_name },
          steps: program.steps,
          checkinCadenceDays: program.checkinCadenceDays,
          startedAt: now,
        });
      } catch (error) {
        // Without its room the pair is unusable: undo it so the admin can simply try again.
        await db.batch([
          deletePairStatement(db, pairId),
          unpairApplicationsStatement(db, program.id, mentorId, menteeId),
        ]);
        console.error("pair room initialisation failed", pairId, error);
        throw new ApiError(503, "room_unavailable", "The pair's space could not be created. Please try again.");
      }

      forgetDashboard(program.id);
      const step1 = program.steps[0];
      const base = {
        pairId,
        programId: program.id,
        programTitle: program.title,
        step1Title: step1?.title ?? "",
        step1Activities: step1?.activities.map((activity) => activity.label) ?? [],
      };
      const about = (text: string) => (text.length > 280 ? `${text.slice(0, 279)}…` : text);
      // In-app notifications and the audit entry in one batch; email and push are enqueued after.
      const introductions = prepareNotifications(db, [
        { userId: mentor.id, kind: "paired", data: { ...base, otherName: mentee.display_name, otherAbout: about(mentee.about), myRole: "mentor" } },
        { userId: mentee.id, kind: "paired", data: { ...base, otherName: mentor.display_name, otherAbout: about(mentor.about), myRole: "mentee" } },
      ]);
      await db.batch([
        ...introductions.statements,
        auditStatement(db, { groupId: program.groupId, actorId: me, action: "paired", target: { type: "pair", id: pairId, label: `${mentor.display_name} / ${mentee.display_name}` }, detail: { programId: program.id } }),
      ]);
      enqueue(c.env, c.executionCtx, introductions.messages);
      return c.json({ pair: (await findPairWithPeople(db, pairId))! }, 201);
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
        await auditStatement(c.env.DB, { groupId: pair.group_id, actorId: me, action: "pair_ended", target: { type: "pair", id: pair.id }, detail: { outcome } }).run();
      }
      const ended = (await findPairWithPeople(c.env.DB, pair.id))!;
      // Both people hear of it, the one who ended it included (their copy is the record of it).
      await notify(
        c.env,
        c.executionCtx,
        [pair.mentor_id, pair.mentee_id]
          .map((userId) => ({
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
