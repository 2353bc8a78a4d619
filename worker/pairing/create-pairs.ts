/**
 * Pairing people: the one code path behind single pairing (POST /programs/:id/pairs) and bulk publishing
 * (POST /programs/:id/pairs/bulk). Each pair is decided by one conditional INSERT … SELECT that checks
 * both applications, both memberships, blocks and the mentor's capacity in the same statement as the
 * write; the partial unique indexes on pairs refuse a second active pair for a mentee. A bulk publish runs
 * those statements in one D1 batch, so each one sees the pairs written before it, and two admins
 * publishing overlapping cohorts at the same moment can never take more places than a mentor has.
 * Each pair's room is created through the room outbox (worker/db/room-outbox.ts): its row is written in
 * the same batch as the pair, so a pair never lacks the promise of its room, and delivery retries until
 * the room exists. Both people are notified.
 */
import type { Program } from "../../shared/api/programs.ts";
import { isAdult } from "../../shared/rules/age.ts";
import type { Env } from "../env.ts";
import { findApplicationOfRole } from "../db/applications.ts";
import { roleIn } from "../db/groups.ts";
import { findPeopleForPairing, initializeRoomStatement, markApplicationsPairedManyStatement } from "../db/matching.ts";
import { auditStatement } from "../db/membership.ts";
import { enqueue, prepareNotifications, type NotifyInput } from "../notifications/notify.ts";
import { eitherBlocked, findActiveMentorOfMentee, insertPairStatement } from "../db/pairs.ts";
import { deliverRoomEffects, deliverRoomEffectsNow } from "../db/room-outbox.ts";
import { ApiError } from "../http/errors.ts";

/** Up to this many new pairs, their rooms are created before the response; more, in the background. */
const ROOMS_IN_REQUEST = 10;

export type PairRequest = { mentorId: string; menteeId: string };
export type PairOutcome = { mentorId: string; menteeId: string } & ({ ok: true; pairId: string } | { ok: false; error: ApiError });

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

/**
 * Creates pairs in a program, each under the same atomic rules, and returns one outcome per request in
 * the same order: created (with its pair id) or the ApiError the single pairing route answers with.
 * The program must already be known to be pairable (open or closed) and the caller one of its admins.
 */
export async function createPairs(
  env: Env,
  program: Program,
  requests: PairRequest[],
  options: { createdBy: string; introduction?: string | undefined; ctx: { waitUntil(promise: Promise<unknown>): void } },
): Promise<PairOutcome[]> {
  const db = env.DB;
  const now = new Date().toISOString();
  const outcomes: (PairOutcome | null)[] = requests.map(() => null);
  const fail = (i: number, error: ApiError) => (outcomes[i] = { ...requests[i]!, ok: false, error });

  // Adults only, checked again now: sign-up is not the only way an account's data could have changed.
  const ids = [...new Set(requests.flatMap((r) => [r.mentorId, r.menteeId]))];
  const people = await findPeopleForPairing(db, ids);
  const byId = new Map(people.map((p) => [p.id, p]));
  const today = new Date();
  const attempts: { index: number; pairId: string }[] = [];
  for (const [index, request] of requests.entries()) {
    if (request.mentorId === request.menteeId) {
      fail(index, new ApiError(422, "same_person", "A mentor cannot be their own mentee."));
      continue;
    }
    const mentor = byId.get(request.mentorId);
    const mentee = byId.get(request.menteeId);
    if (!mentor || !mentee) {
      fail(index, new ApiError(422, "not_an_applicant", "Both people must have applied to this program."));
      continue;
    }
    if (!isAdult(mentor.birth_date, today) || !isAdult(mentee.birth_date, today)) {
      fail(index, new ApiError(422, "underage", "Only adults (18 and over) can be paired."));
      continue;
    }
    attempts.push({ index, pairId: crypto.randomUUID() });
  }

  if (attempts.length) {
    // Each pair's insert is followed by the outbox row that creates its room, written only if the pair
    // was: the pair and the promise of its room commit together.
    const statements = attempts.flatMap(({ index, pairId }) => {
      const request = requests[index]!;
      const mentor = byId.get(request.mentorId)!;
      const mentee = byId.get(request.menteeId)!;
      const init = {
        pairId,
        programId: program.id,
        groupId: program.groupId,
        programTitle: program.title,
        mentor: { id: mentor.id, displayName: mentor.display_name },
        mentee: { id: mentee.id, displayName: mentee.display_name },
        steps: program.steps,
        checkinCadenceDays: program.checkinCadenceDays,
        startedAt: now,
      };
      return [
        insertPairStatement(db, { pairId, ...request, createdBy: options.createdBy, now, programId: program.id }),
        initializeRoomStatement(db, pairId, { type: "initialize", init }),
      ];
    });
    const results = await db.batch([
      ...statements,
      markApplicationsPairedManyStatement(
        db,
        program.id,
        attempts.map((a) => a.pairId),
        now,
      ),
    ]);
    for (const [k, attempt] of attempts.entries()) {
      const request = requests[attempt.index]!;
      if ((results[2 * k]?.meta.changes ?? 0) > 0) outcomes[attempt.index] = { ...request, ok: true, pairId: attempt.pairId };
      else fail(attempt.index, await whyPairingFailed(db, program.id, program.groupId, request.mentorId, request.menteeId));
    }

    // The introduction: in-app at once, email and push through the notification queue after the response.
    const step1 = program.steps[0];
    const base = {
      programId: program.id,
      programTitle: program.title,
      step1Title: step1?.title ?? "",
      step1Activities: step1?.activities.map((activity) => activity.label) ?? [],
      ...(options.introduction ? { introduction: options.introduction } : {}),
    };
    const about = (text: string) => (text.length > 280 ? `${text.slice(0, 279)}…` : text);
    const introductions: NotifyInput[] = [];
    const audits: D1PreparedStatement[] = [];
    for (const outcome of outcomes) {
      if (!outcome?.ok) continue;
      const mentor = byId.get(outcome.mentorId)!;
      const mentee = byId.get(outcome.menteeId)!;
      const pairBase = { ...base, pairId: outcome.pairId };
      introductions.push(
        { userId: mentor.id, kind: "paired", data: { ...pairBase, otherName: mentee.display_name, otherAbout: about(mentee.about), myRole: "mentor" } },
        { userId: mentee.id, kind: "paired", data: { ...pairBase, otherName: mentor.display_name, otherAbout: about(mentor.about), myRole: "mentee" } },
      );
      audits.push(
        auditStatement(db, {
          groupId: program.groupId,
          actorId: options.createdBy,
          action: "paired",
          target: { type: "pair", id: outcome.pairId, label: `${mentor.display_name} / ${mentee.display_name}` },
          detail: { programId: program.id },
        }),
      );
    }
    const notices = prepareNotifications(db, introductions);
    if (audits.length) await db.batch([...notices.statements, ...audits]);
    enqueue(env, options.ctx, notices.messages);

    // Rooms: a single pair or a small cohort gets them in the request (one delivery pass, in parallel),
    // so the people can open their space as soon as they hear of it. A cohort's rooms are delivered in the
    // background: creating hundreds of rooms would hold the response for many seconds, and the pairs
    // themselves are already decided. The outbox's retries and cron sweep repair any room left behind.
    const created = outcomes.filter((o) => o?.ok).length;
    if (created > 0 && created <= ROOMS_IN_REQUEST) await deliverRoomEffectsNow(env, options.ctx);
    else if (created > ROOMS_IN_REQUEST) options.ctx.waitUntil(drainRoomEffects(env));
  }
  return outcomes.map((outcome) => outcome!);
}

/** Delivers room effects until none is due, for at most about 25 seconds (a bulk publish can leave hundreds). */
async function drainRoomEffects(env: Env) {
  const until = Date.now() + 25_000;
  while (Date.now() < until) {
    const { pending } = await deliverRoomEffects(env);
    if (pending === 0) return;
  }
}
