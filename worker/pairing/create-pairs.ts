/**
 * Pairing people: the one code path behind single pairing (POST /programs/:id/pairs) and bulk publishing
 * (POST /programs/:id/pairs/bulk). Each pair is decided by a conditional INSERT … SELECT that checks
 * both applications, both memberships, blocks and the mentor's capacity in the same statement as the
 * write (insertPairsStatement, up to 50 pairs that share no one per statement); the partial unique
 * indexes on pairs refuse a second active pair for a mentee. A bulk publish runs those statements in one
 * D1 batch (a transaction), pairs that share a mentor or a mentee in successive statements, so each one
 * sees the pairs written before it, and two admins publishing overlapping cohorts at the same moment can
 * never take more places than a mentor has.
 * Each pair's room is created through the room outbox (worker/db/room-outbox.ts): its row is written in
 * the same batch as the pair, so a pair never lacks the promise of its room, and delivery retries until
 * the room exists. Both people are notified.
 *
 * Cost: one D1 batch for the pairs (a few multi-row statements for the pairs, then for the rooms' outbox
 * rows and the applications, and a read of which pairs were written), one for the in-app notifications
 * and audit rows (multi-row),
 * queue sends of up to 100 messages; a refused pair is explained from four reads shared by all of them.
 * A cohort's rooms are created outside the request, by the notification queue's consumer.
 */
import type { Program } from "../../shared/api/programs.ts";
import { isAdult } from "../../shared/rules/age.ts";
import type { Env } from "../env.ts";
import { findPeopleForPairing, initializeRoomsStatements, markApplicationsPairedManyStatement, pairedAuditStatements, pairingFacts } from "../db/matching.ts";
import { enqueue, prepareNotifications, type NotifyInput } from "../notifications/notify.ts";
import { existingPairsStatement, insertPairsStatement } from "../db/pairs.ts";
import { deliverRoomEffectsNow, drainRoomEffects } from "../db/room-outbox.ts";
import { ApiError } from "../http/errors.ts";

/** Pairs per insert statement: one JSON parameter each (D1 allows 100 bound parameters per statement). */
const PAIRS_PER_STATEMENT = 50;

function chunked<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Up to this many new pairs, their rooms are created before the response; more, in the background. */
const ROOMS_IN_REQUEST = 10;

export type PairRequest = { mentorId: string; menteeId: string };
export type PairOutcome = { mentorId: string; menteeId: string } & ({ ok: true; pairId: string } | { ok: false; error: ApiError });

/**
 * After the atomic insert refused a pair, says which rule it broke, from facts read once for every
 * refused pair (pairingFacts). These reads cannot change the outcome: the decision was already taken by
 * the single INSERT … SELECT. The checks come in the order the single pairing route has always given.
 */
function whyPairingFailed(facts: Awaited<ReturnType<typeof pairingFacts>>, mentorId: string, menteeId: string): ApiError {
  // Membership first: leaving a group also withdraws the person's applications in it, and "no longer a
  // member" is the reason the admin needs to see.
  if (!facts.members.has(mentorId) || !facts.members.has(menteeId)) return new ApiError(409, "not_a_member", "Both people must still be members of the group.");
  const applied = (userId: string, role: string) => {
    const status = facts.applications.get(`${userId}|${role}`);
    return status !== undefined && status !== "withdrawn";
  };
  if (!applied(mentorId, "mentor")) return new ApiError(422, "not_an_applicant", "That person has not applied to this program as a mentor.");
  if (!applied(menteeId, "mentee")) return new ApiError(422, "not_an_applicant", "That person has not applied to this program as a mentee.");
  if (facts.blocked.has(`${mentorId}|${menteeId}`)) return new ApiError(409, "blocked", "These two people cannot be paired.");
  const active = facts.mentorOf.get(menteeId);
  if (active === mentorId) return new ApiError(409, "already_paired", "These two are already paired in this program.");
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
    // The pairs' inserts, in order (each sees the ones before it), then the outbox rows that create
    // their rooms, each written only if its pair was: the pairs and the promise of their rooms commit together.
    const rooms = attempts.map(({ index, pairId }) => {
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
      return { pairId, effect: { type: "initialize" as const, init } };
    });
    // Pairs that share a mentor or a mentee go into successive statements, in request order, so that
    // each one sees those before it (capacity, a mentee's one active pair); the others share statements.
    const lastRound = new Map<string, number>();
    const rounds: { pairId: string; mentorId: string; menteeId: string }[][] = [];
    for (const { index, pairId } of attempts) {
      const { mentorId, menteeId } = requests[index]!;
      const round = Math.max(lastRound.get(`mentor:${mentorId}`) ?? -1, lastRound.get(`mentee:${menteeId}`) ?? -1) + 1;
      lastRound.set(`mentor:${mentorId}`, round);
      lastRound.set(`mentee:${menteeId}`, round);
      if (!rounds[round]) rounds[round] = [];
      rounds[round].push({ pairId, mentorId, menteeId });
    }
    const common = { programId: program.id, createdBy: options.createdBy, now };
    const pairIds = attempts.map((a) => a.pairId);
    const results = await db.batch([
      ...rounds.flatMap((round) => chunked(round, PAIRS_PER_STATEMENT).map((pairs) => insertPairsStatement(db, pairs, common))),
      ...initializeRoomsStatements(db, rooms),
      markApplicationsPairedManyStatement(db, program.id, pairIds, now),
      existingPairsStatement(db, pairIds),
    ]);
    const written = new Set((results.at(-1)?.results as { id: string }[] | undefined)?.map((row) => row.id));
    const refused: { index: number; request: PairRequest }[] = [];
    for (const attempt of attempts) {
      const request = requests[attempt.index]!;
      if (written.has(attempt.pairId)) outcomes[attempt.index] = { ...request, ok: true, pairId: attempt.pairId };
      else refused.push({ index: attempt.index, request });
    }
    if (refused.length) {
      const facts = await pairingFacts(db, program.id, program.groupId, [...new Set(refused.flatMap(({ request }) => [request.mentorId, request.menteeId]))]);
      for (const { index, request } of refused) fail(index, whyPairingFailed(facts, request.mentorId, request.menteeId));
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
    const audited: { pairId: string; label: string; programId: string }[] = [];
    for (const outcome of outcomes) {
      if (!outcome?.ok) continue;
      const mentor = byId.get(outcome.mentorId)!;
      const mentee = byId.get(outcome.menteeId)!;
      const pairBase = { ...base, pairId: outcome.pairId };
      introductions.push(
        { userId: mentor.id, kind: "paired", data: { ...pairBase, otherName: mentee.display_name, otherAbout: about(mentee.about), myRole: "mentor" } },
        { userId: mentee.id, kind: "paired", data: { ...pairBase, otherName: mentor.display_name, otherAbout: about(mentor.about), myRole: "mentee" } },
      );
      audited.push({ pairId: outcome.pairId, label: `${mentor.display_name} / ${mentee.display_name}`, programId: program.id });
    }
    const notices = prepareNotifications(db, introductions);
    if (audited.length) await db.batch([...notices.statements, ...pairedAuditStatements(db, program.groupId, options.createdBy, audited)]);
    enqueue(env, options.ctx, notices.messages);

    // Rooms: a single pair or a small cohort gets them in the request (one delivery pass, in parallel),
    // so the people can open their space as soon as they hear of it. A cohort's rooms are created outside
    // the request, by the queue consumer (which may run for minutes): creating hundreds of rooms takes
    // many seconds, and the pairs themselves are already decided. Work left in the request's waitUntil
    // would also hold the response under `wrangler dev`. The outbox's retries and cron sweep repair any
    // room left behind.
    const created = outcomes.filter((o) => o?.ok).length;
    if (created > 0 && created <= ROOMS_IN_REQUEST) await deliverRoomEffectsNow(env, options.ctx);
    else if (created > ROOMS_IN_REQUEST) {
      if (env.NOTIFY_QUEUE) enqueue(env, options.ctx, [{ type: "deliver_rooms", id: crypto.randomUUID() }]);
      else options.ctx.waitUntil(drainRoomEffects(env, 25_000));
    }
  }
  return outcomes.map((outcome) => outcome!);
}
