/**
 * Pairing people: the one code path behind single pairing (POST /programs/:id/pairs) and bulk publishing
 * (POST /programs/:id/pairs/bulk). Each pair is decided by one conditional INSERT … SELECT that checks
 * both applications, both memberships, blocks and the mentor's capacity in the same statement as the
 * write; the partial unique indexes on pairs refuse a second active pair for a mentee. A bulk publish runs
 * those statements in one D1 batch, so each one sees the pairs written before it, and two admins
 * publishing overlapping cohorts at the same moment can never take more places than a mentor has.
 * Then the pair rooms are created and both people are notified.
 */
import type { Program } from "../../shared/api/programs.ts";
import { isAdult } from "../../shared/rules/age.ts";
import type { Env } from "../env.ts";
import { findApplicationOfRole } from "../db/applications.ts";
import { roleIn } from "../db/groups.ts";
import { findPairPeople, findPeopleForPairing, markApplicationsPairedManyStatement } from "../db/matching.ts";
import { notifyStatement } from "../db/notifications.ts";
import { deletePairStatement, eitherBlocked, findActiveMentorOfMentee, insertPairStatement, unpairApplicationsStatement } from "../db/pairs.ts";
import { ApiError } from "../http/errors.ts";
import { pairRoom } from "../pair-room/stub.ts";

export type PairRequest = { mentorId: string; menteeId: string };
export type PairOutcome = { mentorId: string; menteeId: string } & ({ ok: true; pairId: string } | { ok: false; error: ApiError });

/** How many room creations run at once during a bulk publish. */
const ROOM_CONCURRENCY = 48;

/**
 * After the atomic insert refused a pair, find out which rule it broke, to say so. These reads cannot
 * change the outcome: the decision was already taken by the single INSERT … SELECT.
 */
export async function whyPairingFailed(db: D1Database, programId: string, groupId: string, mentorId: string, menteeId: string): Promise<ApiError> {
  const application = (userId: string, role: string) => findApplicationOfRole(db, programId, userId, role);
  const [mentorApp, menteeApp] = await Promise.all([application(mentorId, "mentor"), application(menteeId, "mentee")]);
  if (!mentorApp || mentorApp.status === "withdrawn") return new ApiError(422, "not_an_applicant", "That person has not applied to this program as a mentor.");
  if (!menteeApp || menteeApp.status === "withdrawn") return new ApiError(422, "not_an_applicant", "That person has not applied to this program as a mentee.");
  const [mentorRole, menteeRole] = await Promise.all([roleIn(db, groupId, mentorId), roleIn(db, groupId, menteeId)]);
  if (!mentorRole || !menteeRole) return new ApiError(409, "not_a_member", "Both people must still be members of the group.");
  if (await eitherBlocked(db, mentorId, menteeId)) return new ApiError(409, "blocked", "These two people cannot be paired.");
  const active = await findActiveMentorOfMentee(db, programId, menteeId);
  if (active?.mentor_id === mentorId) return new ApiError(409, "already_paired", "These two are already paired in this program.");
  if (active) return new ApiError(409, "mentee_has_pair", "This mentee already has an active mentor in this program.");
  return new ApiError(409, "capacity_full", "This mentor has no capacity left in this program.");
}

/** Runs `task` over `items` with at most `limit` at a time. */
async function eachLimited<T>(items: T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
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
  options: { createdBy: string; introduction?: string | undefined },
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
  requests.forEach((request, index) => {
    if (request.mentorId === request.menteeId) return fail(index, new ApiError(422, "same_person", "A mentor cannot be their own mentee."));
    const mentor = byId.get(request.mentorId);
    const mentee = byId.get(request.menteeId);
    if (!mentor || !mentee) return fail(index, new ApiError(422, "not_an_applicant", "Both people must have applied to this program."));
    if (!isAdult(mentor.birth_date, today) || !isAdult(mentee.birth_date, today)) {
      return fail(index, new ApiError(422, "underage", "Only adults (18 and over) can be paired."));
    }
    attempts.push({ index, pairId: crypto.randomUUID() });
  });

  if (attempts.length) {
    const inserts = attempts.map(({ index, pairId }) =>
      insertPairStatement(db, { pairId, ...requests[index]!, createdBy: options.createdBy, now, programId: program.id }),
    );
    const results = await db.batch([...inserts, markApplicationsPairedManyStatement(db, program.id, attempts.map((a) => a.pairId), now)]);
    const created: typeof attempts = [];
    for (const [k, attempt] of attempts.entries()) {
      if ((results[k]?.meta.changes ?? 0) > 0) created.push(attempt);
      else {
        const { mentorId, menteeId } = requests[attempt.index]!;
        fail(attempt.index, await whyPairingFailed(db, program.id, program.groupId, mentorId, menteeId));
      }
    }

    // Without its room a pair is unusable: a pair whose room cannot be created is undone, so the admin
    // can simply try again.
    const roomless: string[] = [];
    await eachLimited(created, ROOM_CONCURRENCY, async ({ index, pairId }) => {
      const request = requests[index]!;
      const mentor = byId.get(request.mentorId)!;
      const mentee = byId.get(request.menteeId)!;
      try {
        await pairRoom(env, pairId).initialize({
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
        outcomes[index] = { ...request, ok: true, pairId };
      } catch (error) {
        console.error("pair room initialisation failed", pairId, error);
        roomless.push(pairId);
        fail(index, new ApiError(503, "room_unavailable", "The pair's space could not be created. Please try again."));
      }
    });
    if (roomless.length) await undoPairs(db, program.id, roomless);

    const notices: D1PreparedStatement[] = [];
    const base = { programId: program.id, programTitle: program.title, ...(options.introduction ? { introduction: options.introduction } : {}) };
    for (const outcome of outcomes) {
      if (!outcome?.ok) continue;
      const mentor = byId.get(outcome.mentorId)!;
      const mentee = byId.get(outcome.menteeId)!;
      const pairBase = { ...base, pairId: outcome.pairId };
      notices.push(notifyStatement(db, mentor.id, "paired", { ...pairBase, otherName: mentee.display_name, myRole: "mentor" }));
      notices.push(notifyStatement(db, mentee.id, "paired", { ...pairBase, otherName: mentor.display_name, myRole: "mentee" }));
    }
    if (notices.length) await db.batch(notices);
  }
  return outcomes.map((outcome) => outcome!);
}

/** Deletes pairs that could not get their room and puts their people back to waiting where nothing else holds them. */
async function undoPairs(db: D1Database, programId: string, pairIds: string[]) {
  const people = await findPairPeople(db, pairIds);
  // Every delete first: an application goes back to waiting only when none of its pairs is left.
  await db.batch([
    ...people.map((row) => deletePairStatement(db, row.id)),
    ...people.map((row) => unpairApplicationsStatement(db, programId, row.mentor_id, row.mentee_id)),
  ]);
}
