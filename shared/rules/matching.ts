/**
 * Match suggestions, one module to import: scores with their reasons (match-scoring.ts), the assignment
 * of every waiting mentee under the mentors' capacities (match-assignment.ts), and here, why a mentee got
 * no proposal. Pure functions, no I/O: the worker gathers the profiles and answers, these decide.
 */
import type { MatchFeatures } from "./match-scoring.ts";
import type { Objective } from "./match-assignment.ts";

export * from "./match-scoring.ts";
export * from "./match-assignment.ts";

/** Why a waiting mentee got no proposal. */
export type UnmatchedReason =
  | { kind: "no_mentor_places" }
  | { kind: "no_eligible_mentor" }
  | { kind: "no_shared_language"; languages: string[] }
  | { kind: "topic_mentors_full"; topics: string[] }
  | { kind: "mentors_full" }
  | { kind: "no_common_ground" };

/**
 * Explains one unmatched mentee, given the mentors that had a place at the start (`mentors`, with their
 * capacities), which pairs were allowed, their scores, and the places the proposal used.
 */
export function unmatchedReason(input: {
  mentee: MatchFeatures;
  mentors: MatchFeatures[];
  capacities: ArrayLike<number>;
  used: ArrayLike<number>;
  allowed: (mentor: number) => boolean;
  score: (mentor: number) => number;
  objective: Objective;
}): UnmatchedReason {
  const { mentee, mentors, capacities, used } = input;
  const withPlaces: number[] = [];
  for (let j = 0; j < mentors.length; j++) if (capacities[j]! > 0) withPlaces.push(j);
  if (!withPlaces.length) return { kind: "no_mentor_places" };
  const eligible = withPlaces.filter(input.allowed);
  if (!eligible.length) return { kind: "no_eligible_mentor" };
  const free = (j: number) => used[j]! < capacities[j]!;
  if (mentee.languages.length) {
    const speaks = (j: number) => {
      const mentor = mentors[j]!;
      return !mentor.languages.length || mentee.languages.some((language) => mentor.languageSet.has(language));
    };
    if (!eligible.some((j) => speaks(j) && free(j))) return { kind: "no_shared_language", languages: mentee.languages };
  }
  const good = input.objective === "score" ? eligible.filter((j) => input.score(j) > 0) : eligible;
  if (!good.length) return { kind: "no_common_ground" };
  const topical = good.filter((j) => mentee.topics.some((topic) => mentors[j]!.topicSet.has(topic)));
  if (topical.length && topical.every((j) => !free(j))) {
    const topics = mentee.topics.filter((topic) => topical.some((j) => mentors[j]!.topicSet.has(topic)));
    return { kind: "topic_mentors_full", topics };
  }
  return { kind: "mentors_full" };
}
