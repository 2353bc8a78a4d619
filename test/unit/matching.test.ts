import { describe, expect, it } from "vitest";
import { assignPairs, keywords, scoreMatch, utcOffsetHours, type Candidate, type MatchProfile } from "../../shared/rules/matching.ts";

const base: MatchProfile = { id: "x", topics: [], languages: [], timeZone: null, availability: [], text: "", askedFor: "" };
const mentor = (over: Partial<MatchProfile>): MatchProfile => ({ ...base, id: "mentor", ...over });
const mentee = (over: Partial<MatchProfile>): MatchProfile => ({ ...base, id: "mentee", ...over });
const JAN = new Date("2026-01-15T12:00:00Z");

describe("scoreMatch", () => {
  it("ranks shared topics, a shared language and close time zones higher, and says why", () => {
    const wanted = mentee({ topics: ["Promotion", "backend"], languages: ["fr", "en"], timeZone: "Europe/Paris" });
    const good = scoreMatch(mentor({ topics: ["promotion", "Backend", "leadership"], languages: ["en", "de"], timeZone: "Europe/Berlin" }), wanted, JAN);
    const far = scoreMatch(mentor({ topics: ["promotion"], languages: ["en"], timeZone: "America/Los_Angeles" }), wanted, JAN);
    expect(good.score).toBeGreaterThan(far.score);
    expect(good.reasons).toEqual(
      expect.arrayContaining([
        { kind: "shared_topics", topics: ["promotion", "backend"] },
        { kind: "shared_language", languages: ["en"] },
        { kind: "time_zone", hoursApart: 0 },
      ]),
    );
    expect(far.reasons).toContainEqual({ kind: "time_zone", hoursApart: 9 });
  });

  it("penalises having no language in common", () => {
    const result = scoreMatch(mentor({ languages: ["de"] }), mentee({ languages: ["es"] }));
    expect(result.score).toBeLessThan(0);
    expect(result.reasons).toContainEqual({ kind: "no_shared_language" });
  });

  it("credits what the mentee asked for in their own words", () => {
    const result = scoreMatch(
      mentor({ text: "I have run hundreds of interviews and coach people through salary negotiation." }),
      mentee({ askedFor: "Someone who has done many interviews and knows negotiation" }),
    );
    const asked = result.reasons.find((r) => r.kind === "asked_for");
    expect(asked).toEqual({ kind: "asked_for", words: ["interview", "negotiation"] });
    expect(result.score).toBeGreaterThan(0);
  });

  it("counts shared availability slots", () => {
    const result = scoreMatch(mentor({ availability: ["weekends", "weekday-evenings"] }), mentee({ availability: ["weekday-evenings"] }));
    expect(result.reasons).toContainEqual({ kind: "availability", slots: ["weekday-evenings"] });
    expect(result.score).toBe(1);
  });

  it("gives nothing for strangers with nothing in common", () => {
    expect(scoreMatch(mentor({}), mentee({}))).toEqual({ score: 0, reasons: [] });
  });
});

describe("keywords and time zones", () => {
  it("drops stopwords and short words, folds accents and plurals", () => {
    expect([...keywords("I want help with the Interviews and négociation, please")]).toEqual(["interview", "negociation", "please"]);
  });

  it("reads UTC offsets, including half hours and daylight saving", () => {
    expect(utcOffsetHours("Asia/Kolkata", JAN)).toBe(5.5);
    expect(utcOffsetHours("Europe/Paris", JAN)).toBe(1);
    expect(utcOffsetHours("Europe/Paris", new Date("2026-07-01T12:00:00Z"))).toBe(2);
    expect(utcOffsetHours("UTC", JAN)).toBe(0);
    expect(utcOffsetHours("Not/AZone", JAN)).toBeNull();
  });
});

/** Deterministic pseudo-random numbers, so a failure can be replayed from its seed. */
function rng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function randomInstance(seed: number, maxMentors = 6, maxMentees = 8) {
  const random = rng(seed);
  const mentors = Array.from({ length: 1 + Math.floor(random() * maxMentors) }, (_, i) => ({ id: `m${i}`, capacity: Math.floor(random() * 3) }));
  const mentees = Array.from({ length: 1 + Math.floor(random() * maxMentees) }, (_, i) => `e${i}`);
  const candidates: Candidate[] = [];
  for (const m of mentors) for (const e of mentees) if (random() < 0.7) candidates.push({ mentorId: m.id, menteeId: e, score: Math.floor(random() * 21) - 5 });
  return { mentors, mentees, candidates };
}

/** The best total by trying every assignment; only for tiny inputs. */
function bruteForceBest(instance: ReturnType<typeof randomInstance>): number {
  const byMentee = new Map<string, Candidate[]>();
  for (const c of instance.candidates) if (c.score > 0) byMentee.set(c.menteeId, [...(byMentee.get(c.menteeId) ?? []), c]);
  const capacity = new Map(instance.mentors.map((m) => [m.id, m.capacity]));
  let best = 0;
  const walk = (i: number, total: number) => {
    if (i === instance.mentees.length) return void (best = Math.max(best, total));
    walk(i + 1, total);
    for (const c of byMentee.get(instance.mentees[i]!) ?? []) {
      if ((capacity.get(c.mentorId) ?? 0) <= 0) continue;
      capacity.set(c.mentorId, capacity.get(c.mentorId)! - 1);
      walk(i + 1, total + c.score);
      capacity.set(c.mentorId, capacity.get(c.mentorId)! + 1);
    }
  };
  walk(0, 0);
  return best;
}

describe("assignPairs", () => {
  it("prefers the pairing with the best total over greedy picks", () => {
    // Greedy would give A to x (10) and leave y with nothing; the best is A-y + B-x = 9 + 8.
    const result = assignPairs({
      mentors: [{ id: "A", capacity: 1 }, { id: "B", capacity: 1 }],
      mentees: ["x", "y"],
      candidates: [
        { mentorId: "A", menteeId: "x", score: 10 },
        { mentorId: "A", menteeId: "y", score: 9 },
        { mentorId: "B", menteeId: "x", score: 8 },
      ],
    });
    expect(result.map((a) => `${a.mentorId}-${a.menteeId}`).sort()).toEqual(["A-y", "B-x"]);
  });

  it("fills a mentor up to their capacity and no further", () => {
    const result = assignPairs({
      mentors: [{ id: "A", capacity: 2 }],
      mentees: ["x", "y", "z"],
      candidates: ["x", "y", "z"].map((menteeId, i) => ({ mentorId: "A", menteeId, score: 5 + i })),
    });
    expect(result.map((a) => a.menteeId).sort()).toEqual(["y", "z"]);
  });

  it("never uses a candidate without a positive score", () => {
    const result = assignPairs({ mentors: [{ id: "A", capacity: 3 }], mentees: ["x", "y"], candidates: [{ mentorId: "A", menteeId: "x", score: 0 }, { mentorId: "A", menteeId: "y", score: -4 }] });
    expect(result).toEqual([]);
  });

  it("on 500 random inputs: capacity is never exceeded, no one is paired twice, only real candidates are used", () => {
    for (let seed = 1; seed <= 500; seed++) {
      const instance = randomInstance(seed, 12, 20);
      const result = assignPairs(instance);
      const perMentor = new Map<string, number>();
      const seenMentees = new Set<string>();
      for (const a of result) {
        perMentor.set(a.mentorId, (perMentor.get(a.mentorId) ?? 0) + 1);
        expect(seenMentees.has(a.menteeId), `seed ${seed}: mentee ${a.menteeId} twice`).toBe(false);
        seenMentees.add(a.menteeId);
        const candidate = instance.candidates.find((c) => c.mentorId === a.mentorId && c.menteeId === a.menteeId);
        expect(candidate?.score, `seed ${seed}`).toBe(a.score);
        expect(a.score).toBeGreaterThan(0);
      }
      for (const m of instance.mentors) expect(perMentor.get(m.id) ?? 0, `seed ${seed}: ${m.id}`).toBeLessThanOrEqual(m.capacity);
    }
  });

  it("on 300 small random inputs: the total equals the best possible (checked by brute force)", () => {
    for (let seed = 1000; seed < 1300; seed++) {
      const instance = randomInstance(seed, 4, 6);
      const total = assignPairs(instance).reduce((sum, a) => sum + a.score, 0);
      expect(total, `seed ${seed}`).toBe(bruteForceBest(instance));
    }
  });
});
