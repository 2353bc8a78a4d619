import { describe, expect, it } from "vitest";
import { stopwords as englishStopwords } from "@orama/stopwords/english";
import { stopwords as frenchStopwords } from "@orama/stopwords/french";
import { stopwords as germanStopwords } from "@orama/stopwords/german";
import { describeReason, describeUnmatched } from "../../shared/rules/match-reasons.ts";
import { detectLanguage, fold, isStopword } from "../../shared/rules/match-text.ts";
import {
  assignMatrix,
  assignPairs,
  featureContext,
  keywords,
  matchFeatures,
  NOT_ALLOWED,
  mentorIndex,
  pairScore,
  scoreMatch,
  scoreMentors,
  unmatchedReason,
  utcOffsetHours,
  type Candidate,
  type MatchProfile,
  type MatchReason,
  type Objective,
} from "../../shared/rules/matching.ts";

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
    // Compared by stem, shown as the mentee wrote them.
    expect(asked).toEqual({ kind: "asked_for", words: ["interviews", "negotiation"] });
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
  it("drops stop words and short words, stems, and folds accents", () => {
    expect([...keywords("I want help with the Interviews and négociation, please")]).toEqual(["interview", "negociat"]);
    expect([...keywords("Les bébés et le sommeil", "fr")]).toEqual(["beb", "sommeil"]);
    expect([...keywords("Vorbereitung auf Vorstellungsgespräche", "de")]).toEqual(["vorbereit", "vorstellungsgesprach"]);
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
      mentors: [
        { id: "A", capacity: 1 },
        { id: "B", capacity: 1 },
      ],
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
    const result = assignPairs({
      mentors: [{ id: "A", capacity: 3 }],
      mentees: ["x", "y"],
      candidates: [
        { mentorId: "A", menteeId: "x", score: 0 },
        { mentorId: "A", menteeId: "y", score: -4 },
      ],
    });
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

/** The previous solver (Bellman-Ford successive shortest paths on the full graph), kept as a reference. */
function referenceBest(instance: { mentors: { id: string; capacity: number }[]; mentees: string[]; candidates: Candidate[] }, objective: Objective) {
  const mentees = [...new Set(instance.mentees)];
  const mentors = instance.mentors.filter((m) => m.capacity > 0);
  const n = mentees.length;
  const nodeCount = n + mentors.length + 2;
  const source = nodeCount - 2;
  const sink = nodeCount - 1;
  type Edge = { to: number; capacity: number; cost: number; reverse: number };
  const graph: Edge[][] = Array.from({ length: nodeCount }, () => []);
  const addEdge = (from: number, to: number, capacity: number, cost: number) => {
    graph[from]!.push({ to, capacity, cost, reverse: graph[to]!.length });
    graph[to]!.push({ to: from, capacity: 0, cost: -cost, reverse: graph[from]!.length - 1 });
  };
  const scores = instance.candidates.map((c) => c.score);
  const bonus = objective === "coverage" ? (Math.max(0, ...scores) - Math.min(0, ...scores)) * (n + 1) + 1 : 0;
  mentees.forEach((_, i) => addEdge(source, i, 1, 0));
  mentors.forEach((m, j) => addEdge(n + j, sink, m.capacity, 0));
  for (const c of instance.candidates) {
    const i = mentees.indexOf(c.menteeId);
    const j = mentors.findIndex((m) => m.id === c.mentorId);
    if (i < 0 || j < 0 || (objective === "score" && c.score <= 0)) continue;
    addEdge(i, n + j, 1, -(bonus + c.score));
  }
  let total = 0;
  let matched = 0;
  for (;;) {
    const distance = new Array<number>(nodeCount).fill(Infinity);
    const previous = new Array<[number, number] | null>(nodeCount).fill(null);
    distance[source] = 0;
    for (let round = 0; round < nodeCount; round++) {
      let changed = false;
      for (let node = 0; node < nodeCount; node++) {
        if (distance[node] === Infinity) continue;
        graph[node]!.forEach((edge, index) => {
          if (edge.capacity > 0 && distance[node]! + edge.cost < distance[edge.to]!) {
            distance[edge.to] = distance[node]! + edge.cost;
            previous[edge.to] = [node, index];
            changed = true;
          }
        });
      }
      if (!changed) break;
    }
    if (distance[sink] === Infinity || distance[sink]! >= 0) break;
    for (let node = sink; node !== source; ) {
      const [from, index] = previous[node]!;
      const edge = graph[from]![index]!;
      edge.capacity -= 1;
      graph[node]![edge.reverse]!.capacity += 1;
      node = from;
    }
    total -= distance[sink]!;
    matched += 1;
  }
  return { matched, total: total - matched * bonus };
}

/** Coverage by brute force: the most pairs, then the best total among those. */
function bruteForceCoverage(instance: ReturnType<typeof randomInstance>): [number, number] {
  const byMentee = new Map<string, Candidate[]>();
  for (const c of instance.candidates) byMentee.set(c.menteeId, [...(byMentee.get(c.menteeId) ?? []), c]);
  const capacity = new Map(instance.mentors.map((m) => [m.id, m.capacity]));
  let best: [number, number] = [0, 0];
  const walk = (i: number, count: number, total: number) => {
    if (i === instance.mentees.length) {
      if (count > best[0] || (count === best[0] && total > best[1])) best = [count, total];
      return;
    }
    walk(i + 1, count, total);
    for (const c of byMentee.get(instance.mentees[i]!) ?? []) {
      if ((capacity.get(c.mentorId) ?? 0) <= 0) continue;
      capacity.set(c.mentorId, capacity.get(c.mentorId)! - 1);
      walk(i + 1, count + 1, total + c.score);
      capacity.set(c.mentorId, capacity.get(c.mentorId)! + 1);
    }
  };
  walk(0, 0, 0);
  return best;
}

describe("assignPairs: the coverage objective", () => {
  it("matches as many mentees as possible, even when that lowers the total score", () => {
    // Best total: A-x (10) alone. Most mentees: A-y (1) and B-x (2).
    const instance = {
      mentors: [
        { id: "A", capacity: 1 },
        { id: "B", capacity: 1 },
      ],
      mentees: ["x", "y"],
      candidates: [
        { mentorId: "A", menteeId: "x", score: 10 },
        { mentorId: "A", menteeId: "y", score: 1 },
        { mentorId: "B", menteeId: "x", score: 2 },
      ],
    };
    expect(assignPairs(instance).map((a) => `${a.mentorId}-${a.menteeId}`)).toEqual(["A-x"]);
    expect(
      assignPairs({ ...instance, objective: "coverage" })
        .map((a) => `${a.mentorId}-${a.menteeId}`)
        .sort(),
    ).toEqual(["A-y", "B-x"]);
  });

  it("uses pairs without a positive score when that places one more mentee, and never a pair that is not allowed", () => {
    const result = assignPairs({
      objective: "coverage",
      mentors: [{ id: "A", capacity: 2 }],
      mentees: ["x", "y", "z"],
      candidates: [
        { mentorId: "A", menteeId: "x", score: 0 },
        { mentorId: "A", menteeId: "y", score: -4 },
      ],
    });
    expect(result.map((a) => a.menteeId).sort()).toEqual(["x", "y"]);
  });

  it("on 300 small random inputs: the most pairs, then the best total (checked by brute force), within capacity", () => {
    for (let seed = 2000; seed < 2300; seed++) {
      const instance = randomInstance(seed, 4, 6);
      const result = assignPairs({ ...instance, objective: "coverage" });
      const total = result.reduce((sum, a) => sum + a.score, 0);
      expect([result.length, total], `seed ${seed}`).toEqual(bruteForceCoverage(instance));
      const perMentor = new Map<string, number>();
      for (const a of result) perMentor.set(a.mentorId, (perMentor.get(a.mentorId) ?? 0) + 1);
      for (const m of instance.mentors) expect(perMentor.get(m.id) ?? 0).toBeLessThanOrEqual(m.capacity);
      expect(new Set(result.map((a) => a.menteeId)).size).toBe(result.length);
    }
  });
});

/** A program-like instance: a few popular topics, so many mentees want the same mentors. */
function programInstance(seed: number, menteeCount: number, mentorCount: number) {
  const random = rng(seed);
  const scores = new Int16Array(menteeCount * mentorCount);
  const mentorTopic = Array.from({ length: mentorCount }, () => Math.floor(random() ** 2 * 12));
  for (let i = 0; i < menteeCount; i++) {
    const topic = Math.floor(random() ** 2 * 12);
    for (let j = 0; j < mentorCount; j++) {
      const blocked = random() < 0.002;
      scores[i * mentorCount + j] = blocked ? NOT_ALLOWED : (mentorTopic[j] === topic ? 9 : 0) + Math.floor(random() * 14) - 5;
    }
  }
  const capacities = Array.from({ length: mentorCount }, () => 1 + Math.floor(random() * 3));
  return { menteeCount, capacities, scores };
}

describe("assignMatrix at program scale", () => {
  it("matches the reference solver's optimum on 40 random programs of 60 x 25, for both objectives", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const problem = programInstance(seed, 60, 25);
      const mentees = Array.from({ length: 60 }, (_, i) => `e${i}`);
      const mentors = problem.capacities.map((capacity, j) => ({ id: `m${j}`, capacity }));
      const candidates: Candidate[] = [];
      problem.scores.forEach((score, cell) => {
        if (score !== NOT_ALLOWED) candidates.push({ menteeId: `e${Math.floor(cell / 25)}`, mentorId: `m${cell % 25}`, score });
      });
      for (const objective of ["score", "coverage"] as const) {
        // A small top-k forces the certificate to repair the sparse graph.
        const result = assignMatrix({ ...problem, objective, topK: 2 });
        const reference = referenceBest({ mentors, mentees, candidates }, objective);
        expect({ total: result.totalScore, matched: objective === "coverage" ? result.matched : 0 }, `seed ${seed} ${objective}`).toEqual({
          total: reference.total,
          matched: objective === "coverage" ? reference.matched : 0,
        });
        expect(result.certified).toBe(true);
      }
    }
  });

  it("at 1,000 x 400 and 2,000 x 800: certified optimal, equal to solving the full graph, capacity held", () => {
    for (const [n, m] of [
      [1000, 400],
      [2000, 800],
    ] as const) {
      const problem = programInstance(n, n, m);
      // The full-graph solve is the slow reference: both objectives at 1,000, the default one at 2,000.
      for (const objective of n === 1000 ? (["score", "coverage"] as const) : (["score"] as const)) {
        const sparse = assignMatrix({ ...problem, objective });
        const full = assignMatrix({ ...problem, objective, topK: m, exact: false });
        expect(sparse.certified).toBe(true);
        expect([sparse.totalScore, sparse.matched], `${n} ${objective}`).toEqual([full.totalScore, full.matched]);
        const load = new Int32Array(m);
        sparse.mentorOf.forEach((j, i) => {
          if (j < 0) return;
          load[j]! += 1;
          const score = problem.scores[i * m + j]!;
          expect(score).not.toBe(NOT_ALLOWED);
          if (objective === "score") expect(score).toBeGreaterThan(0);
        });
        load.forEach((count, j) => expect(count).toBeLessThanOrEqual(problem.capacities[j]!));
      }
    }
  }, 60_000);
});

describe("features: scoring once per person gives the same scores", () => {
  it("pairScore on features equals scoreMatch on profiles for random profiles", () => {
    const random = rng(7);
    const pick = <T>(items: T[], count: number) => Array.from({ length: count }, () => items[Math.floor(random() * items.length)]!);
    const words = "interviews negotiation promotion backend leadership sommeil bébés allaitement Vorstellungsgespräch Gehalt design".split(" ");
    const profile = (id: string): MatchProfile => ({
      id,
      topics: pick(["Promotion", "backend", "design", "sleep"], 2),
      languages: pick(["en", "fr", "de"], 1 + Math.floor(random() * 2)),
      timeZone: pick(["Europe/Paris", "America/Montreal", "Asia/Tokyo", "Not/AZone"], 1)[0]!,
      availability: pick(["weekday-evenings", "weekends", "mornings"], 2),
      text: pick(words, 4).join(" "),
      askedFor: pick(words, 3).join(" "),
    });
    const context = featureContext(JAN);
    for (let k = 0; k < 200; k++) {
      const a = profile("a");
      const b = profile("b");
      const reasons: MatchReason[] = [];
      const score = pairScore(matchFeatures(a, context), matchFeatures(b, context), reasons);
      expect({ score, reasons }).toEqual(scoreMatch(a, b, JAN));
    }
  });
});

describe("scoring one mentee against every mentor at once", () => {
  it("scoreMentors gives exactly pairScore's number for every mentor, for random programs", () => {
    const random = rng(11);
    const pick = <T>(items: T[], count: number) => Array.from({ length: count }, () => items[Math.floor(random() * items.length)]!);
    const words = "interviews negotiation promotion backend leadership sommeil bébés allaitement Vorstellungsgespräch Gehalt design salary".split(" ");
    const profile = (id: string): MatchProfile => ({
      id,
      topics: pick(["Promotion", "backend", "design", "sleep", "leadership"], Math.floor(random() * 4)),
      languages: pick(["en", "fr", "de"], Math.floor(random() * 3)),
      timeZone: random() < 0.2 ? null : pick(["Europe/Paris", "America/Montreal", "Asia/Tokyo", "Asia/Kolkata", "Not/AZone"], 1)[0]!,
      availability: pick(["weekday-evenings", "weekends", "mornings", "weekday-daytime"], Math.floor(random() * 4)),
      text: pick(words, Math.floor(random() * 7)).join(" "),
      askedFor: random() < 0.2 ? "" : pick(words, 1 + Math.floor(random() * 4)).join(" "),
    });
    const context = featureContext(JAN);
    for (let round = 0; round < 20; round++) {
      const mentors = Array.from({ length: 30 }, (_, j) => matchFeatures(profile(`m${j}`), context));
      const index = mentorIndex(mentors);
      for (let i = 0; i < 20; i++) {
        const mentee = matchFeatures(profile(`e${i}`), context);
        const row = new Int16Array(mentors.length);
        scoreMentors(index, mentee, row);
        expect([...row]).toEqual(mentors.map((m) => pairScore(m, mentee)));
      }
    }
  });
});

/** Real answers, as people write them. */
const ANSWERS = {
  fr: {
    mentor: "J'ai trois enfants et j'accompagne des parents depuis dix ans : le sommeil des bébés, l'allaitement, la reprise du travail après le congé.",
    need: "Mon bébé ne fait pas ses nuits et je reprends le travail dans un mois, je suis épuisée.",
    wanted: "Quelqu'un qui a de l'expérience avec les bébés et le sommeil, et qui est disponible le soir.",
  },
  de: {
    mentor: "Ich habe als Personalerin hunderte Vorstellungsgespräche geführt und helfe bei Bewerbungen, Gehaltsverhandlungen und dem Lebenslauf.",
    need: "Ich bewerbe mich gerade auf meine erste Stelle als Entwicklerin und habe Angst vor dem Vorstellungsgespräch.",
    wanted: "Jemand, der mit mir ein Vorstellungsgespräch üben kann und mir Feedback zu meinem Lebenslauf gibt.",
  },
  en: {
    mentor: "I have led engineering teams for ten years, hired dozens of backend engineers, and coached people through promotions and salary negotiation.",
    need: "I am a backend engineer hoping for a promotion this year, but I find it hard to negotiate and I am not sure how to build my case.",
    wanted:
      "Someone who has been through a promotion process and can help me with salary negotiation in the evening after 8pm or at the weekend, I would love that.",
  },
} as const;

const LIBRARY_STOPWORDS = new Set([...englishStopwords, ...frenchStopwords, ...germanStopwords].map(fold));

function reasonWords(reasons: MatchReason[]): string[] {
  return reasons.flatMap((r) => (r.kind === "asked_for" || r.kind === "shared_words" ? r.words : []));
}

describe("language-aware reasons", () => {
  const person = (language: keyof typeof ANSWERS, role: "mentor" | "mentee", textLanguage: "en" | "fr" | "de" = "en"): MatchProfile => ({
    ...base,
    id: `${role}-${language}`,
    text: role === "mentor" ? ANSWERS[language].mentor : ANSWERS[language].need,
    askedFor: role === "mentee" ? ANSWERS[language].wanted : "",
    // The program's language may differ from the answers' (a French answer in an English program).
    textLanguage,
  });

  it("names the meaningful words in French and German, as the person wrote them", () => {
    const fr = scoreMatch(person("fr", "mentor", "fr"), person("fr", "mentee", "fr"));
    expect(reasonWords(fr.reasons)).toEqual(expect.arrayContaining(["bébés", "sommeil"]));
    const de = scoreMatch(person("de", "mentor", "de"), person("de", "mentee", "de"));
    expect(reasonWords(de.reasons)).toEqual(expect.arrayContaining(["Vorstellungsgespräch", "Lebenslauf"]));
    const en = scoreMatch(person("en", "mentor"), person("en", "mentee"));
    expect(reasonWords(en.reasons)).toEqual(expect.arrayContaining(["promotion", "negotiation"]));
  });

  it("never puts a stop word in a reason, in all three languages and every mixed pair, whatever the program's language", () => {
    const languages = ["en", "fr", "de"] as const;
    let checked = 0;
    for (const mentorLanguage of languages) {
      for (const menteeLanguage of languages) {
        for (const programLanguage of languages) {
          const mentor = person(mentorLanguage, "mentor", programLanguage);
          // Mixed pairs also share words: give the mentor the mentee's words too, in the other language's text.
          const mixedMentor = { ...mentor, text: `${mentor.text} ${ANSWERS[menteeLanguage].need} ${ANSWERS[menteeLanguage].wanted}` };
          for (const m of [mentor, mixedMentor]) {
            const { reasons } = scoreMatch(m, person(menteeLanguage, "mentee", programLanguage));
            for (const word of reasonWords(reasons)) {
              checked += 1;
              expect(LIBRARY_STOPWORDS.has(fold(word)), `"${word}" (${mentorLanguage}→${menteeLanguage}, program ${programLanguage})`).toBe(false);
              expect(isStopword(word), `"${word}"`).toBe(false);
              expect(word.length).toBeGreaterThanOrEqual(3);
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it("leaves out times, numbers and words every answer uses (the words of the issue's example)", () => {
    const { reasons } = scoreMatch(
      mentor({ text: "Evenings after 8pm and weekends are best, I love helping and it is hard work" }),
      mentee({ askedFor: ANSWERS.en.wanted }),
    );
    for (const word of ["evening", "after", "8pm", "weekend", "hard", "and", "love"]) expect(reasonWords(reasons)).not.toContain(word);
    const french = scoreMatch(
      mentor({ text: "J'ai de l'expérience avec les bébés", textLanguage: "fr" }),
      mentee({ askedFor: ANSWERS.fr.wanted, textLanguage: "fr" }),
    );
    expect(reasonWords(french.reasons)).toEqual(["bébés"]);
  });

  it("detects the language of a text from its stop words, and falls back to the program's", () => {
    expect(detectLanguage(ANSWERS.fr.wanted, "en")).toBe("fr");
    expect(detectLanguage(ANSWERS.de.wanted, "fr")).toBe("de");
    expect(detectLanguage(ANSWERS.en.need, "de")).toBe("en");
    expect(detectLanguage("Kubernetes, Terraform", "de")).toBe("de");
  });

  it("writes reasons in the reader's language", () => {
    const reasons: MatchReason[] = [
      { kind: "shared_language", languages: ["de"] },
      { kind: "time_zone", hoursApart: 6 },
      { kind: "asked_for", words: ["bébés", "sommeil"] },
    ];
    expect(reasons.map((r) => describeReason(r, "en"))).toEqual([
      "Both speak German",
      "Time zones 6 hours apart",
      "Offers what the mentee asked for: bébés and sommeil",
    ]);
    expect(reasons.map((r) => describeReason(r, "fr"))).toEqual([
      "Parlent tous deux allemand",
      "6 heures de décalage",
      "Offre ce que la personne mentorée recherche : bébés et sommeil",
    ]);
    expect(reasons.map((r) => describeReason(r, "de"))).toEqual([
      "Beide sprechen Deutsch",
      "6 Stunden Zeitunterschied",
      "Bietet, was sich der Mentee wünscht: bébés und sommeil",
    ]);
    expect(describeUnmatched({ kind: "no_shared_language", languages: ["de"] }, "en")).toBe("No mentor with a place left speaks German");
    expect(describeUnmatched({ kind: "no_shared_language", languages: ["de"] }, "fr")).toBe("Aucun mentor avec une place libre ne parle allemand");
  });
});

describe("unmatchedReason", () => {
  const context = featureContext(JAN);
  const features = (over: Partial<MatchProfile>) => matchFeatures({ ...base, ...over }, context);
  const explain = (mentee: MatchProfile, mentors: MatchProfile[], capacities: number[], used: number[], objective: Objective = "score") => {
    const menteeF = matchFeatures(mentee, context);
    const mentorsF = mentors.map((m) => matchFeatures(m, context));
    return unmatchedReason({
      mentee: menteeF,
      mentors: mentorsF,
      capacities,
      used,
      allowed: () => true,
      score: (j) => pairScore(mentorsF[j]!, menteeF),
      objective,
    });
  };

  it("says when no mentor with a place left speaks the mentee's language", () => {
    const reason = explain(mentee({ languages: ["de"] }), [mentor({ languages: ["de"] }), mentor({ languages: ["en"] })], [1, 1], [1, 0]);
    expect(reason).toEqual({ kind: "no_shared_language", languages: ["de"] });
  });

  it("says when every mentor with shared topics is full", () => {
    const reason = explain(
      mentee({ topics: ["sleep"], languages: ["fr"] }),
      [mentor({ topics: ["Sleep"], languages: ["fr"] }), mentor({ topics: ["design"], languages: ["fr"] })],
      [1, 1],
      [1, 0],
    );
    expect(reason).toEqual({ kind: "topic_mentors_full", topics: ["sleep"] });
  });

  it("says when there are no places, or nothing in common", () => {
    expect(explain(mentee({}), [mentor({})], [0], [0])).toEqual({ kind: "no_mentor_places" });
    expect(explain(mentee({ topics: ["sleep"] }), [mentor({ topics: ["design"] })], [1], [0])).toEqual({ kind: "no_common_ground" });
    expect(features({}).topics).toEqual([]);
  });
});
