/**
 * Match suggestions: a score for a mentor and a mentee, with the reasons behind it, and the assignment of
 * every waiting mentee that maximises the total score under the mentors' capacities. Pure functions,
 * no I/O: the worker gathers the profiles and answers, these decide.
 */

export type MatchProfile = {
  id: string;
  /** Profile topics plus the topics chosen in the application (labels), any case. */
  topics: string[];
  languages: string[];
  timeZone: string | null;
  /** Availability choice ids ("weekday-evenings", …). */
  availability: string[];
  /** Free text: for a mentor what they can help with and their about; for a mentee what they need. */
  text: string;
  /** A mentee's own words about the mentor they want (empty for mentors). */
  askedFor: string;
};

export type MatchReason =
  | { kind: "shared_topics"; topics: string[] }
  | { kind: "shared_language"; languages: string[] }
  | { kind: "no_shared_language" }
  | { kind: "time_zone"; hoursApart: number }
  | { kind: "availability"; slots: string[] }
  | { kind: "asked_for"; words: string[] }
  | { kind: "shared_words"; words: string[] };

export type MatchScore = { score: number; reasons: MatchReason[] };

export const WEIGHTS = {
  sharedTopic: 3,
  maxSharedTopics: 4,
  sharedLanguage: 4,
  noSharedLanguage: -6,
  sameTimeZoneBand: 3, // at most 2 hours apart
  nearTimeZoneBand: 1, // at most 5 hours apart
  availabilitySlot: 1,
  maxAvailabilitySlots: 3,
  askedForWord: 2,
  maxAskedForWords: 4,
  sharedWord: 1,
  maxSharedWords: 4,
} as const;

const STOPWORDS = new Set(
  (
    "a an and are as at be been but by can could do for from get have how i if in into is it its just me more my " +
    "need not of on or our out so some someone that the their them they this to up us want was we what when who " +
    "will with would you your help helping mentor mentee really also like about am very much well good get "
  ).split(" "),
);

/** Lower-case content words, with a light plural strip so "interviews" meets "interview". */
export function keywords(text: string): Set<string> {
  const words = new Set<string>();
  for (const raw of text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").split(/[^a-z0-9+#]+/)) {
    if (raw.length < 3 || STOPWORDS.has(raw)) continue;
    words.add(raw.length > 4 && raw.endsWith("s") && !raw.endsWith("ss") ? raw.slice(0, -1) : raw);
  }
  return words;
}

const normalizeTopic = (topic: string) => topic.trim().toLowerCase();

/** The UTC offset of a time zone, in hours, at `at`. Null for an unknown zone. */
export function utcOffsetHours(timeZone: string, at: Date): number | null {
  try {
    const parts = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).formatToParts(at);
    const name = parts.find((part) => part.type === "timeZoneName")?.value ?? "";
    const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
    if (!match) return 0; // "GMT" alone
    const hours = Number(match[2]) + Number(match[3] ?? 0) / 60;
    return match[1] === "-" ? -hours : hours;
  } catch {
    return null;
  }
}

function intersect<T>(a: Iterable<T>, b: Set<T>): T[] {
  const out: T[] = [];
  for (const item of a) if (b.has(item) && !out.includes(item)) out.push(item);
  return out;
}

export function scoreMatch(mentor: MatchProfile, mentee: MatchProfile, at = new Date()): MatchScore {
  const reasons: MatchReason[] = [];
  let score = 0;

  const topics = intersect(mentee.topics.map(normalizeTopic), new Set(mentor.topics.map(normalizeTopic)));
  if (topics.length) {
    score += WEIGHTS.sharedTopic * Math.min(topics.length, WEIGHTS.maxSharedTopics);
    reasons.push({ kind: "shared_topics", topics });
  }

  if (mentor.languages.length && mentee.languages.length) {
    const languages = intersect(mentee.languages, new Set(mentor.languages));
    if (languages.length) {
      score += WEIGHTS.sharedLanguage;
      reasons.push({ kind: "shared_language", languages });
    } else {
      score += WEIGHTS.noSharedLanguage;
      reasons.push({ kind: "no_shared_language" });
    }
  }

  if (mentor.timeZone && mentee.timeZone) {
    const a = utcOffsetHours(mentor.timeZone, at);
    const b = utcOffsetHours(mentee.timeZone, at);
    if (a !== null && b !== null) {
      const hoursApart = Math.abs(a - b);
      if (hoursApart <= 2) score += WEIGHTS.sameTimeZoneBand;
      else if (hoursApart <= 5) score += WEIGHTS.nearTimeZoneBand;
      reasons.push({ kind: "time_zone", hoursApart });
    }
  }

  const slots = intersect(mentee.availability, new Set(mentor.availability));
  if (slots.length) {
    score += WEIGHTS.availabilitySlot * Math.min(slots.length, WEIGHTS.maxAvailabilitySlots);
    reasons.push({ kind: "availability", slots });
  }

  const mentorWords = keywords(`${mentor.text} ${mentor.topics.join(" ")}`);
  const askedFor = intersect(keywords(mentee.askedFor), mentorWords);
  if (askedFor.length) {
    score += WEIGHTS.askedForWord * Math.min(askedFor.length, WEIGHTS.maxAskedForWords);
    reasons.push({ kind: "asked_for", words: askedFor.slice(0, 6) });
  }
  const shared = intersect(keywords(mentee.text), mentorWords).filter((word) => !askedFor.includes(word));
  if (shared.length) {
    score += WEIGHTS.sharedWord * Math.min(shared.length, WEIGHTS.maxSharedWords);
    reasons.push({ kind: "shared_words", words: shared.slice(0, 6) });
  }

  return { score, reasons };
}

/** One sentence per reason, in English, for API consumers; the SPA renders its own translations. */
export function describeReason(reason: MatchReason): string {
  switch (reason.kind) {
    case "shared_topics":
      return `Shared topics: ${reason.topics.join(", ")}`;
    case "shared_language":
      return `Both speak ${reason.languages.join(", ")}`;
    case "no_shared_language":
      return "No language in common";
    case "time_zone":
      return reason.hoursApart === 0 ? "Same time zone" : `Time zones ${reason.hoursApart} h apart`;
    case "availability":
      return `Both available: ${reason.slots.join(", ")}`;
    case "asked_for":
      return `Offers what the mentee asked for: ${reason.words.join(", ")}`;
    case "shared_words":
      return `Common ground: ${reason.words.join(", ")}`;
  }
}

export type Candidate = { mentorId: string; menteeId: string; score: number };
export type Assignment = { mentorId: string; menteeId: string; score: number };

/**
 * Pairs mentees with mentors to maximise the total score, never exceeding a mentor's capacity and never
 * giving a mentee two mentors. Only candidates with a positive score are used: leaving someone for the
 * admin to place by hand beats a bad match.
 *
 * Min-cost flow by successive shortest paths (Bellman-Ford, costs = -score): source → mentee (1) →
 * mentor (1) → sink (capacity). Path costs never decrease, so stopping at the first path that does not
 * lower the cost gives the maximum total score over every possible number of pairs.
 */
export function assignPairs(input: { mentors: { id: string; capacity: number }[]; mentees: string[]; candidates: Candidate[] }): Assignment[] {
  const mentees = [...new Set(input.mentees)];
  const mentors = input.mentors.filter((mentor) => mentor.capacity > 0);
  const menteeIndex = new Map(mentees.map((id, i) => [id, 1 + i]));
  const mentorIndex = new Map(mentors.map((mentor, i) => [mentor.id, 1 + mentees.length + i]));
  const source = 0;
  const sink = 1 + mentees.length + mentors.length;
  const nodeCount = sink + 1;

  type Edge = { to: number; capacity: number; cost: number; reverse: number };
  const graph: Edge[][] = Array.from({ length: nodeCount }, () => []);
  const addEdge = (from: number, to: number, capacity: number, cost: number) => {
    graph[from]!.push({ to, capacity, cost, reverse: graph[to]!.length });
    graph[to]!.push({ to: from, capacity: 0, cost: -cost, reverse: graph[from]!.length - 1 });
  };
  for (const id of mentees) addEdge(source, menteeIndex.get(id)!, 1, 0);
  mentors.forEach((mentor) => addEdge(mentorIndex.get(mentor.id)!, sink, mentor.capacity, 0));
  const best = new Map<string, Candidate>();
  for (const candidate of input.candidates) {
    if (candidate.score <= 0 || !menteeIndex.has(candidate.menteeId) || !mentorIndex.has(candidate.mentorId)) continue;
    const key = `${candidate.mentorId}\u0000${candidate.menteeId}`;
    if ((best.get(key)?.score ?? -Infinity) < candidate.score) best.set(key, candidate);
  }
  for (const candidate of best.values()) {
    addEdge(menteeIndex.get(candidate.menteeId)!, mentorIndex.get(candidate.mentorId)!, 1, -candidate.score);
  }

  for (let flow = 0; flow < mentees.length; flow++) {
    const distance = new Array<number>(nodeCount).fill(Infinity);
    const previous = new Array<[number, number] | null>(nodeCount).fill(null);
    distance[source] = 0;
    for (let round = 0; round < nodeCount; round++) {
      let changed = false;
      for (let node = 0; node < nodeCount; node++) {
        if (distance[node] === Infinity) continue;
        graph[node]!.forEach((edge, index) => {
          if (edge.capacity > 0 && distance[node]! + edge.cost < distance[edge.to]! - 1e-9) {
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
  }

  const assignments: Assignment[] = [];
  for (const [menteeId, node] of menteeIndex) {
    for (const edge of graph[node]!) {
      const mentor = mentors[edge.to - 1 - mentees.length];
      // A used mentee → mentor edge has no capacity left and a negative cost.
      if (mentor && edge.capacity === 0 && edge.cost < 0) {
        assignments.push({ mentorId: mentor.id, menteeId, score: -edge.cost });
      }
    }
  }
  return assignments.sort((a, b) => b.score - a.score);
}
