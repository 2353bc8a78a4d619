import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { apply, createProgram, groupWithRoles, joinGroup, person, type Person } from "./helpers.ts";

async function profiled(label: string, profile: Record<string, unknown> = {}) {
  const p = await person(label);
  if (Object.keys(profile).length) await p.client.patch("/me", profile);
  return p;
}

/** A program with mentors of the given capacities and `menteeCount` waiting mentees. */
async function cohort(capacities: number[], menteeCount: number) {
  const group = await groupWithRoles();
  const { programId } = await createProgram(group.admin, group.groupId);
  const mentors: Person[] = [];
  const mentees: Person[] = [];
  for (const [i, capacity] of capacities.entries()) {
    const mentor = await profiled(`mentor-${i}`, { topics: ["promotion"], languages: ["en"] });
    await joinGroup(group.admin, group.groupId, mentor);
    await apply(mentor, programId, "mentor", { capacity });
    mentors.push(mentor);
  }
  for (let i = 0; i < menteeCount; i++) {
    const mentee = await profiled(`mentee-${i}`, { topics: ["promotion"], languages: ["en"] });
    await joinGroup(group.admin, group.groupId, mentee);
    await apply(mentee, programId, "mentee");
    mentees.push(mentee);
  }
  return { ...group, programId, mentors, mentees };
}

const pairOf = (mentor: Person, mentee: Person) => ({ mentorId: mentor.user.id, menteeId: mentee.user.id });

/** A program with `mentorCount` mentors of capacity `capacity` and `menteeCount` mentees, written straight into D1 (signing up hundreds takes too long). */
async function largeCohort(mentorCount: number, capacity: number, menteeCount: number) {
  const group = await groupWithRoles();
  const { programId } = await createProgram(group.admin, group.groupId);
  const now = new Date().toISOString();
  const add = (role: "mentor" | "mentee", i: number) => {
    const id = crypto.randomUUID();
    return {
      id,
      statements: [
        env.DB.prepare(
          "INSERT INTO users (id, email, display_name, birth_date, password_hash, topics, languages, created_at) VALUES (?1, ?2, ?3, '1990-01-01', 'x', '[\"promotion\"]', '[\"en\"]', ?4)",
        ).bind(id, `${id}@example.org`, `${role} ${i}`, now),
        env.DB.prepare("INSERT INTO group_members (group_id, user_id, role, joined_at) VALUES (?1, ?2, 'member', ?3)").bind(group.groupId, id, now),
        env.DB.prepare(
          "INSERT INTO applications (id, program_id, user_id, role, answers, capacity, status, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, '{}', ?5, 'waiting', ?6, ?6)",
        ).bind(crypto.randomUUID(), programId, id, role, role === "mentor" ? capacity : null, now),
      ],
    };
  };
  const mentors = Array.from({ length: mentorCount }, (_, i) => add("mentor", i));
  const mentees = Array.from({ length: menteeCount }, (_, i) => add("mentee", i));
  await env.DB.batch([...mentors, ...mentees].flatMap((p) => p.statements));
  return { ...group, programId, mentorIds: mentors.map((m) => m.id), menteeIds: mentees.map((m) => m.id) };
}

async function activePairs(programId: string) {
  const { results } = await env.DB.prepare("SELECT mentor_id, mentee_id FROM pairs WHERE program_id = ?1 AND status = 'active'")
    .bind(programId)
    .all<{ mentor_id: string; mentee_id: string }>();
  return results;
}

describe("bulk publishing", () => {
  it("creates every pair with its room, marks the applications paired, and notifies each person with the introduction", async () => {
    const c = await cohort([2, 1], 3);
    const introduction = "Welcome! Start with week 1: introduce yourselves and agree on when to talk.";
    const pairs = [pairOf(c.mentors[0]!, c.mentees[0]!), pairOf(c.mentors[0]!, c.mentees[1]!), pairOf(c.mentors[1]!, c.mentees[2]!)];
    const res = await c.admin.client.post(`/programs/${c.programId}/pairs/bulk`, { pairs, introduction });
    expect(res.status).toBe(207);
    expect(res.json).toMatchObject({ created: 3, failed: 0 });
    expect(res.json.results.map((r: any) => [r.mentorId, r.menteeId, r.status])).toEqual(pairs.map((p) => [p.mentorId, p.menteeId, 201]));
    for (const result of res.json.results) {
      expect(await env.PAIR_ROOM.get(env.PAIR_ROOM.idFromName(result.pairId)).status()).toBe("active");
    }
    expect(await activePairs(c.programId)).toHaveLength(3);
    // The rooms came through the outbox, and it is empty again.
    expect((await env.DB.prepare("SELECT COUNT(*) AS n FROM room_outbox").first<{ n: number }>())!.n).toBe(0);
    const mentees = await c.admin.client.get(`/programs/${c.programId}/applications?role=mentee`);
    expect(mentees.json.applications.map((a: any) => a.status)).toEqual(["paired", "paired", "paired"]);
    for (const p of [...c.mentors, ...c.mentees]) {
      const notifications = (await p.client.get("/notifications")).json.notifications.filter((n: any) => n.kind === "paired");
      expect(notifications.length, p.user.displayName).toBe(p === c.mentors[0] ? 2 : 1);
      expect(notifications[0].data).toMatchObject({ introduction, programId: c.programId });
    }
  });

  it("a cohort larger than ten gets its rooms in the background, through the outbox", async () => {
    const c = await cohort(
      Array.from({ length: 12 }, () => 1),
      12,
    );
    const pairs = c.mentors.map((mentor, i) => pairOf(mentor, c.mentees[i]!));
    const res = await c.admin.client.post(`/programs/${c.programId}/pairs/bulk`, { pairs });
    expect(res.json).toMatchObject({ created: 12, failed: 0 });
    const stubs = res.json.results.map((r: any) => env.PAIR_ROOM.get(env.PAIR_ROOM.idFromName(r.pairId)));
    const deadline = Date.now() + 20_000;
    for (;;) {
      const statuses = await Promise.all(stubs.map((stub: any) => stub.status()));
      const left = (await env.DB.prepare("SELECT COUNT(*) AS n FROM room_outbox").first<{ n: number }>())!.n;
      if (statuses.every((s) => s === "active") && left === 0) break;
      if (Date.now() > deadline) throw new Error(`rooms still missing: ${statuses.filter((s) => s !== "active").length}, outbox rows: ${left}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, 60_000);

  it("a cohort of hundreds: every pair that fits is created in request order, each mentor filled exactly, and every notification is queued", async () => {
    const c = await largeCohort(120, 2, 245);
    // Two mentees per mentor (240 pairs, many statements), then five more for mentors who are full, then
    // a mentee who already has a mentor by then.
    const pairs = [
      ...c.mentorIds.flatMap((mentorId, j) => [
        { mentorId, menteeId: c.menteeIds[2 * j]! },
        { mentorId, menteeId: c.menteeIds[2 * j + 1]! },
      ]),
      ...c.menteeIds.slice(240).map((menteeId, k) => ({ mentorId: c.mentorIds[k]!, menteeId })),
      { mentorId: c.mentorIds[119]!, menteeId: c.menteeIds[0]! },
    ];
    const res = await c.admin.client.post(`/programs/${c.programId}/pairs/bulk`, { pairs, introduction: "Welcome!" });
    expect(res.status).toBe(207);
    expect(res.json).toMatchObject({ created: 240, failed: 6 });
    expect(res.json.results.slice(0, 240).every((r: any) => r.status === 201)).toBe(true);
    expect(res.json.results.slice(240).map((r: any) => r.error.code)).toEqual([...Array(5).fill("capacity_full"), "mentee_has_pair"]);
    const active = await activePairs(c.programId);
    expect(active).toHaveLength(240);
    const load = new Map<string, number>();
    for (const p of active) load.set(p.mentor_id, (load.get(p.mentor_id) ?? 0) + 1);
    expect([...load.values()].every((n) => n === 2)).toBe(true);
    // In-app at once; email and push through the queue (480 messages, more than one send): the consumer
    // records a delivery (here "skipped": no verified address) for every one of them.
    const count = async (sql: string) => (await env.DB.prepare(sql).bind(c.programId).first<{ n: number }>())!.n;
    const inApp = "SELECT COUNT(*) AS n FROM notifications WHERE kind = 'paired' AND json_extract(data, '$.programId') = ?1";
    expect(await count(inApp)).toBe(480);
    const delivered = `SELECT COUNT(*) AS n FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
       WHERE n.kind = 'paired' AND d.channel = 'email' AND json_extract(n.data, '$.programId') = ?1`;
    const deadline = Date.now() + 60_000;
    while ((await count(delivered)) < 480) {
      if (Date.now() > deadline) throw new Error(`deliveries recorded: ${await count(delivered)} of 480`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }, 120_000);

  it("answers each refused pair with the status and code the single pairing route gives", async () => {
    const c = await cohort([1, 1], 4);
    const [a, b] = c.mentors as [Person, Person];
    const [x, y, z, w] = c.mentees as [Person, Person, Person, Person];
    await w.client.post(`/users/${b.user.id}/block`);
    const pairs = [
      pairOf(a, x), // created
      pairOf(a, y), // a is now full
      pairOf(b, x), // x already has a mentor
      pairOf(a, x), // the same two again
      pairOf(b, w), // w blocked b
      { mentorId: c.member.user.id, menteeId: z.user.id }, // never applied
      { mentorId: b.user.id, menteeId: b.user.id },
      pairOf(b, z), // created
    ];
    const res = await c.admin.client.post(`/programs/${c.programId}/pairs/bulk`, { pairs });
    expect(res.status).toBe(207);
    expect(res.json.results.map((r: any) => (r.status === 201 ? 201 : `${r.status} ${r.error.code}`))).toEqual([
      201,
      "409 capacity_full",
      "409 mentee_has_pair",
      "409 already_paired",
      "409 blocked",
      "422 not_an_applicant",
      "422 same_person",
      201,
    ]);
    expect(res.json).toMatchObject({ created: 2, failed: 6 });
    // The single route says the same about the same request now.
    const single = await c.admin.client.post(`/programs/${c.programId}/pairs`, pairOf(a, y));
    expect([single.status, single.json.error.code]).toEqual([409, "capacity_full"]);
    expect(await activePairs(c.programId)).toHaveLength(2);
    const ids = res.json.results.filter((r: any) => r.status === 201).map((r: any) => r.pairId);
    for (const id of ids) expect(await env.PAIR_ROOM.get(env.PAIR_ROOM.idFromName(id)).status()).toBe("active");
  });

  it("two admins publishing overlapping cohorts at the same moment never exceed a capacity", async () => {
    const c = await cohort([1, 2, 1], 6);
    const [a, b, d] = c.mentors as [Person, Person, Person];
    const m = c.mentees;
    // Each admin's cohort would fill every mentor on its own; they overlap on mentors and on mentees.
    const first = [pairOf(a, m[0]!), pairOf(b, m[1]!), pairOf(b, m[2]!), pairOf(d, m[3]!)];
    const second = [pairOf(b, m[0]!), pairOf(a, m[4]!), pairOf(d, m[5]!), pairOf(b, m[3]!), pairOf(b, m[1]!)];
    const [one, two] = await Promise.all([
      c.admin.client.post(`/programs/${c.programId}/pairs/bulk`, { pairs: first }),
      c.owner.client.post(`/programs/${c.programId}/pairs/bulk`, { pairs: second }),
    ]);
    expect([one.status, two.status]).toEqual([207, 207]);
    const pairs = await activePairs(c.programId);
    const load = new Map<string, number>();
    for (const p of pairs) load.set(p.mentor_id, (load.get(p.mentor_id) ?? 0) + 1);
    expect(load.get(a.user.id) ?? 0).toBeLessThanOrEqual(1);
    expect(load.get(b.user.id) ?? 0).toBeLessThanOrEqual(2);
    expect(load.get(d.user.id) ?? 0).toBeLessThanOrEqual(1);
    // Every place is taken, each mentee at most once, and the results tell the truth.
    expect(pairs).toHaveLength(4);
    expect(new Set(pairs.map((p) => p.mentee_id)).size).toBe(pairs.length);
    expect(one.json.created + two.json.created).toBe(4);
    const refused = [...one.json.results, ...two.json.results].filter((r: any) => r.status !== 201);
    for (const r of refused) expect(["capacity_full", "mentee_has_pair", "already_paired"]).toContain(r.error.code);
  });

  it("refuses bad input with 422 naming the field, and changes nothing", async () => {
    const c = await cohort([1], 1);
    const url = `/programs/${c.programId}/pairs/bulk`;
    const pair = pairOf(c.mentors[0]!, c.mentees[0]!);
    const empty = await c.admin.client.post(url, { pairs: [] });
    expect([empty.status, empty.json.error.code, empty.json.error.issues[0].path]).toEqual([422, "validation_failed", "pairs"]);
    const tooMany = await c.admin.client.post(url, { pairs: Array.from({ length: 501 }, () => pair) });
    expect([tooMany.status, tooMany.json.error.issues[0].path]).toEqual([422, "pairs"]);
    const longIntro = await c.admin.client.post(url, { pairs: [pair], introduction: "x".repeat(2001) });
    expect([longIntro.status, longIntro.json.error.issues[0].path]).toEqual([422, "introduction"]);
    const extra = await c.admin.client.post(url, { pairs: [{ ...pair, score: 3 }] });
    expect(extra.status).toBe(422);
    expect(await activePairs(c.programId)).toHaveLength(0);
  });

  it("refuses a program that is not open or closed, and admins of another group or another pair's members see nothing", async () => {
    const c = await cohort([1], 1);
    const pair = pairOf(c.mentors[0]!, c.mentees[0]!);
    const other = await cohort([1], 1);
    await other.admin.client.post(`/programs/${other.programId}/pairs/bulk`, { pairs: [pairOf(other.mentors[0]!, other.mentees[0]!)] });
    for (const stranger of [other.admin, other.mentors[0]!, other.mentees[0]!]) {
      expect((await stranger.client.post(`/programs/${c.programId}/pairs/bulk`, { pairs: [pair] })).status).toBe(404);
      expect((await stranger.client.post(`/programs/${c.programId}/suggestions/all`)).status).toBe(404);
    }
    for (const status of ["closed", "archived"]) expect((await c.admin.client.post(`/programs/${c.programId}/status`, { status })).status).toBe(200);
    const archived = await c.admin.client.post(`/programs/${c.programId}/pairs/bulk`, { pairs: [pair] });
    expect([archived.status, archived.json.error.code]).toEqual([409, "program_not_active"]);
  });

  it("limits bulk publishes per admin (429 with Retry-After)", async () => {
    const c = await cohort([1], 1);
    const self = { mentorId: c.mentors[0]!.user.id, menteeId: c.mentors[0]!.user.id }; // refused, so nothing is written
    for (let i = 0; i < 30; i++) expect((await c.admin.client.post(`/programs/${c.programId}/pairs/bulk`, { pairs: [self] })).status).toBe(207);
    const limited = await c.admin.client.post(`/programs/${c.programId}/pairs/bulk`, { pairs: [self] });
    expect([limited.status, limited.json.error.code]).toEqual([429, "rate_limited"]);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    // Another admin is not affected.
    expect((await c.owner.client.post(`/programs/${c.programId}/pairs/bulk`, { pairs: [self] })).status).toBe(207);
  });
});

describe("suggest-all: objectives, unmatched reasons, the reader's language", () => {
  async function board() {
    const group = await groupWithRoles();
    const { programId } = await createProgram(group.admin, group.groupId);
    const join = async (p: Person) => joinGroup(group.admin, group.groupId, p);
    // Two English-speaking mentors with one place each. Only "best" matches well; "weak" speaks only French
    // and Hans only German, so the best total leaves them out and coverage places one of them with Bob.
    const ann = await profiled("ann", { topics: ["promotion", "backend"], languages: ["en"], timeZone: "Europe/London" });
    const bob = await profiled("bob", { topics: ["design"], languages: ["en"], timeZone: "America/New_York" });
    const best = await profiled("best", { topics: ["promotion", "backend"], languages: ["en"], timeZone: "Europe/London" });
    const weak = await profiled("weak", { topics: ["design"], languages: ["fr"], timeZone: "Asia/Tokyo" });
    const hans = await profiled("hans", { topics: ["promotion"], languages: ["de"], timeZone: "Europe/Berlin" });
    for (const p of [ann, bob, best, weak, hans]) await join(p);
    await apply(ann, programId, "mentor", { capacity: 1 });
    await apply(bob, programId, "mentor", { capacity: 1, answers: { topics: ["leadership"], availability: ["weekends"] } });
    await apply(best, programId, "mentee");
    await apply(weak, programId, "mentee", { answers: { topics: ["networking"], availability: ["weekday-evenings"] } });
    await apply(hans, programId, "mentee");
    return { ...group, programId, ann, bob, best, weak, hans };
  }

  it("'score' and 'coverage' differ as documented, and every unmatched mentee has a reason in the reader's language", async () => {
    const b = await board();
    const url = `/programs/${b.programId}/suggestions/all`;
    const byScore = await b.admin.client.post(url, { objective: "score" });
    expect(byScore.status).toBe(200);
    expect(byScore.json).toMatchObject({ objective: "score", optimal: true });
    const covered = await b.admin.client.post(url, { objective: "coverage" });
    expect(covered.json.objective).toBe("coverage");
    expect(byScore.json.proposals.map((p: any) => [p.mentorId, p.menteeId])).toEqual([[b.ann.user.id, b.best.user.id]]);
    expect(covered.json.proposals).toHaveLength(2); // two mentors with one place each: both used
    expect(covered.json.proposals.find((p: any) => p.mentorId === b.ann.user.id).menteeId).toBe(b.best.user.id);
    const weak = byScore.json.unmatched.find((u: any) => u.menteeId === b.weak.user.id);
    expect(weak.reason).toMatchObject({ kind: "no_shared_language", languages: ["fr"] });
    for (const result of [byScore.json, covered.json]) {
      expect(result.unmatched.map((u: any) => u.menteeId).sort()).toEqual([...result.unmatchedMenteeIds].sort());
      const proposed = new Set(result.proposals.map((p: any) => p.menteeId));
      for (const id of [b.best.user.id, b.weak.user.id, b.hans.user.id]) expect(proposed.has(id) !== result.unmatchedMenteeIds.includes(id)).toBe(true);
      for (const u of result.unmatched) expect(u.reason.text.length).toBeGreaterThan(10);
    }
    // With the best total, Hans (German only) is left out because nobody with a place speaks German.
    const hans = byScore.json.unmatched.find((u: any) => u.menteeId === b.hans.user.id);
    expect(hans.reason).toMatchObject({ kind: "no_shared_language", languages: ["de"], text: "No mentor with a place left speaks German" });

    const french = await b.admin.client.fetch("POST", url, { objective: "score" }, { headers: { "Accept-Language": "fr-FR,fr;q=0.9" } });
    const hansFr = french.json.unmatched.find((u: any) => u.menteeId === b.hans.user.id);
    expect(hansFr.reason.text).toBe("Aucun mentor avec une place libre ne parle allemand");
    const proposalFr = french.json.proposals.find((p: any) => p.menteeId === b.best.user.id);
    expect(proposalFr.reasons.map((r: any) => r.text)).toContain("Parlent tous deux anglais");
    const german = await b.admin.client.post(`${url}?locale=de`, {});
    expect(german.json.objective).toBe("score");
    expect(german.json.unmatched.find((u: any) => u.menteeId === b.hans.user.id).reason.text).toBe("Kein Mentor mit freiem Platz spricht Deutsch");
  });

  it("returns the best `limit` mentors for one mentee, reasons in the reader's language", async () => {
    const b = await board();
    const url = `/programs/${b.programId}/suggestions?menteeId=${b.best.user.id}`;
    const all = await b.admin.client.get(url);
    expect(all.json.suggestions.map((s: any) => s.mentor.userId)).toEqual([b.ann.user.id, b.bob.user.id]);
    const one = await b.admin.client.get(`${url}&limit=1&locale=de`);
    expect(one.json.suggestions.map((s: any) => s.mentor.userId)).toEqual([b.ann.user.id]);
    expect(one.json.suggestions[0].reasons.map((r: any) => r.text)).toContain("Beide sprechen Englisch");
    expect((await b.admin.client.get(`${url}&limit=0`)).json.error.issues[0].path).toBe("limit");
  });

  it("refuses an unknown objective with 422 naming the field", async () => {
    const b = await board();
    const res = await b.admin.client.post(`/programs/${b.programId}/suggestions/all`, { objective: "fastest" });
    expect([res.status, res.json.error.issues[0].path]).toEqual([422, "objective"]);
  });
});
