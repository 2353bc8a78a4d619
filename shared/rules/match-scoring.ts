/**
 * Match scores: a score for a mentor and a mentee, with the reasons behind it. Pure functions, no I/O.
 *
 * Scale: everything that depends on one person only (keywords and their stems, the time-zone offset,
 * sets of topics, languages and availability) is computed once by `matchFeatures` (per request, or kept
 * per isolate by the suggestions route); a pair's score is then a handful of set look-ups (`pairScore`).
 */
import { detectLanguage, textKeywords, type Keyword, type TextLanguage } from "./match-text.ts";

export type { TextLanguage } from "./match-text.ts";

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
  /** The language the answers are most likely written in (the program's); each text is checked and may differ. */
  textLanguage?: TextLanguage;
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

const WEIGHTS = {
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

/** Comparison keys of a text's meaningful words (stemmed, accents folded), in the text's language. */
export function keywords(text: string, language: TextLanguage = "en"): Set<string> {
  return new Set(textKeywords(text, detectLanguage(text, language)).map((k) => k.key));
}

const normalizeTopic = (topic: string) => topic.trim().toLowerCase();

/** One formatter per time zone, kept: making one costs about 0.4 ms, using it a few microseconds. */
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** The UTC offset of a time zone, in hours, at `at`. Null for an unknown zone. */
export function utcOffsetHours(timeZone: string, at: Date): number | null {
  try {
    let format = offsetFormats.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
      if (offsetFormats.size > 1_000) offsetFormats.clear();
      offsetFormats.set(timeZone, format);
    }
    const parts = format.formatToParts(at);
    const name = parts.find((part) => part.type === "timeZoneName")?.value ?? "";
    const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
    if (!match) return 0; // "GMT" alone
    const hours = Number(match[2]) + Number(match[3] ?? 0) / 60;
    return match[1] === "-" ? -hours : hours;
  } catch {
    return null;
  }
}

/** What scoring reads from one person, computed once per request. */
export type MatchFeatures = {
  id: string;
  topics: string[];
  topicSet: Set<string>;
  languages: string[];
  languageSet: Set<string>;
  offset: number | null;
  availability: string[];
  availabilitySet: Set<string>;
  /** Mentor: every key of their text and topics. */
  offerKeys: Set<string>;
  /** Mentee: the words of what they need, and of the mentor they want. */
  textWords: Keyword[];
  askedWords: Keyword[];
};

/** Per-request caches shared by every profile: time-zone offsets are the costly part. */
export type FeatureContext = { at: Date; offsets: Map<string, number | null> };
export const featureContext = (at = new Date()): FeatureContext => ({ at, offsets: new Map() });

const unique = <T>(items: T[]) => [...new Set(items)];

export function matchFeatures(profile: MatchProfile, context: FeatureContext = featureContext()): MatchFeatures {
  let offset: number | null = null;
  if (profile.timeZone) {
    if (!context.offsets.has(profile.timeZone)) context.offsets.set(profile.timeZone, utcOffsetHours(profile.timeZone, context.at));
    offset = context.offsets.get(profile.timeZone) ?? null;
  }
  const hint = profile.textLanguage ?? "en";
  const words = (text: string) => (text.trim() ? textKeywords(text, detectLanguage(text, hint)) : []);
  const topics = unique(profile.topics.map(normalizeTopic).filter(Boolean));
  const availability = unique(profile.availability);
  const languages = unique(profile.languages);
  const offerText = `${profile.text} ${profile.topics.join(" ")}`;
  return {
    id: profile.id,
    topics,
    topicSet: new Set(topics),
    languages,
    languageSet: new Set(languages),
    offset,
    availability,
    availabilitySet: new Set(availability),
    offerKeys: new Set(words(offerText).map((k) => k.key)),
    textWords: words(profile.text),
    askedWords: words(profile.askedFor),
  };
}

/**
 * The score of a mentor for a mentee, from their features. With `reasons`, also says why (only for the
 * pairs someone will read: building reasons costs more than the score).
 */
export function pairScore(mentor: MatchFeatures, mentee: MatchFeatures, reasons?: MatchReason[]): number {
  let score = 0;

  let topicCount = 0;
  for (const topic of mentee.topics) if (mentor.topicSet.has(topic)) topicCount += 1;
  if (topicCount) {
    score += WEIGHTS.sharedTopic * Math.min(topicCount, WEIGHTS.maxSharedTopics);
    reasons?.push({ kind: "shared_topics", topics: mentee.topics.filter((t) => mentor.topicSet.has(t)) });
  }

  if (mentor.languages.length && mentee.languages.length) {
    let shared = false;
    for (const language of mentee.languages) if (mentor.languageSet.has(language)) shared = true;
    if (shared) {
      score += WEIGHTS.sharedLanguage;
      reasons?.push({ kind: "shared_language", languages: mentee.languages.filter((l) => mentor.languageSet.has(l)) });
    } else {
      score += WEIGHTS.noSharedLanguage;
      reasons?.push({ kind: "no_shared_language" });
    }
  }

  if (mentor.offset !== null && mentee.offset !== null) {
    const hoursApart = Math.abs(mentor.offset - mentee.offset);
    if (hoursApart <= 2) score += WEIGHTS.sameTimeZoneBand;
    else if (hoursApart <= 5) score += WEIGHTS.nearTimeZoneBand;
    reasons?.push({ kind: "time_zone", hoursApart });
  }

  let slotCount = 0;
  for (const slot of mentee.availability) if (mentor.availabilitySet.has(slot)) slotCount += 1;
  if (slotCount) {
    score += WEIGHTS.availabilitySlot * Math.min(slotCount, WEIGHTS.maxAvailabilitySlots);
    reasons?.push({ kind: "availability", slots: mentee.availability.filter((s) => mentor.availabilitySet.has(s)) });
  }

  let askedCount = 0;
  for (const word of mentee.askedWords) if (mentor.offerKeys.has(word.key)) askedCount += 1;
  if (askedCount) {
    score += WEIGHTS.askedForWord * Math.min(askedCount, WEIGHTS.maxAskedForWords);
    reasons?.push({
      kind: "asked_for",
      words: mentee.askedWords
        .filter((w) => mentor.offerKeys.has(w.key))
        .slice(0, 6)
        .map((w) => w.word),
    });
  }

  let sharedCount = 0;
  const askedKeys = askedCount ? new Set(mentee.askedWords.map((w) => w.key)) : null;
  for (const word of mentee.textWords) if (mentor.offerKeys.has(word.key) && !askedKeys?.has(word.key)) sharedCount += 1;
  if (sharedCount) {
    score += WEIGHTS.sharedWord * Math.min(sharedCount, WEIGHTS.maxSharedWords);
    reasons?.push({
      kind: "shared_words",
      words: mentee.textWords
        .filter((w) => mentor.offerKeys.has(w.key) && !askedKeys?.has(w.key))
        .slice(0, 6)
        .map((w) => w.word),
    });
  }

  return score;
}

/** Score and reasons for one pair, straight from profiles (computes features for both: for one-off use). */
export function scoreMatch(mentor: MatchProfile, mentee: MatchProfile, at = new Date()): MatchScore {
  const context = featureContext(at);
  const reasons: MatchReason[] = [];
  const score = pairScore(matchFeatures(mentor, context), matchFeatures(mentee, context), reasons);
  return { score, reasons };
}

/**
 * Every mentor's features with inverted indexes (topic, language, slot, word key → mentors), to score one
 * mentee against all of them at once (`scoreMentors`): the work follows the matches, not the pairs. Build
 * it once per request, or keep it while the mentors do not change (the suggestions route does).
 */
export type MentorIndex = {
  mentors: MatchFeatures[];
  byTopic: Map<string, number[]>;
  byLanguage: Map<string, number[]>;
  bySlot: Map<string, number[]>;
  byKey: Map<string, number[]>;
  hasLanguages: Uint8Array;
  /** NaN for an unknown time zone. */
  offsets: Float64Array;
  counts: { topics: Uint16Array; slots: Uint16Array; asked: Uint16Array; shared: Uint16Array; speaks: Uint8Array };
};

export function mentorIndex(mentors: MatchFeatures[]): MentorIndex {
  const m = mentors.length;
  const byTopic = new Map<string, number[]>();
  const byLanguage = new Map<string, number[]>();
  const bySlot = new Map<string, number[]>();
  const byKey = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, j: number) => {
    const list = map.get(key);
    if (list) list.push(j);
    else map.set(key, [j]);
  };
  const hasLanguages = new Uint8Array(m);
  const offsets = new Float64Array(m);
  mentors.forEach((mentor, j) => {
    for (const topic of mentor.topicSet) add(byTopic, topic, j);
    for (const language of mentor.languageSet) add(byLanguage, language, j);
    for (const slot of mentor.availabilitySet) add(bySlot, slot, j);
    for (const key of mentor.offerKeys) add(byKey, key, j);
    hasLanguages[j] = mentor.languages.length ? 1 : 0;
    offsets[j] = mentor.offset ?? Number.NaN;
  });
  const counts = { topics: new Uint16Array(m), slots: new Uint16Array(m), asked: new Uint16Array(m), shared: new Uint16Array(m), speaks: new Uint8Array(m) };
  return { mentors, byTopic, byLanguage, bySlot, byKey, hasLanguages, offsets, counts };
}

const NONE: number[] = [];

/**
 * Writes `pairScore(mentor j, mentee)` for every mentor j of the index into `out[offset + j]`: the same
 * numbers, counted through the indexes (only the mentors that share something are visited), then one
 * pass of arithmetic per mentor. Reasons still come from pairScore, for the pairs someone will read.
 */
export function scoreMentors(index: MentorIndex, mentee: MatchFeatures, out: { [j: number]: number }, offset = 0): void {
  const m = index.mentors.length;
  const { topics, slots, asked, shared, speaks } = index.counts;
  topics.fill(0);
  slots.fill(0);
  asked.fill(0);
  shared.fill(0);
  speaks.fill(0);
  for (const topic of mentee.topics) for (const j of index.byTopic.get(topic) ?? NONE) topics[j]! += 1;
  for (const slot of mentee.availability) for (const j of index.bySlot.get(slot) ?? NONE) slots[j]! += 1;
  for (const language of mentee.languages) for (const j of index.byLanguage.get(language) ?? NONE) speaks[j] = 1;
  for (const word of mentee.askedWords) for (const j of index.byKey.get(word.key) ?? NONE) asked[j]! += 1;
  // A word of the text that is also asked for counts once, as asked for (see pairScore).
  const askedKeys = mentee.askedWords.length ? new Set(mentee.askedWords.map((w) => w.key)) : null;
  for (const word of mentee.textWords) if (!askedKeys?.has(word.key)) for (const j of index.byKey.get(word.key) ?? NONE) shared[j]! += 1;
  const menteeLanguages = mentee.languages.length > 0;
  const menteeOffset = mentee.offset;
  for (let j = 0; j < m; j++) {
    let score =
      WEIGHTS.sharedTopic * Math.min(topics[j]!, WEIGHTS.maxSharedTopics) +
      WEIGHTS.availabilitySlot * Math.min(slots[j]!, WEIGHTS.maxAvailabilitySlots) +
      WEIGHTS.askedForWord * Math.min(asked[j]!, WEIGHTS.maxAskedForWords) +
      WEIGHTS.sharedWord * Math.min(shared[j]!, WEIGHTS.maxSharedWords);
    if (menteeLanguages && index.hasLanguages[j]) score += speaks[j] ? WEIGHTS.sharedLanguage : WEIGHTS.noSharedLanguage;
    const mentorOffset = index.offsets[j]!;
    if (menteeOffset !== null && !Number.isNaN(mentorOffset)) {
      const hoursApart = Math.abs(mentorOffset - menteeOffset);
      if (hoursApart <= 2) score += WEIGHTS.sameTimeZoneBand;
      else if (hoursApart <= 5) score += WEIGHTS.nearTimeZoneBand;
    }
    out[offset + j] = score;
  }
}
