// The applicants board's requests. Pairing always uses user ids (mentorId, menteeId), never application ids.
import type { Applicant } from "../../../../../shared/api/applications.ts";
import { MAX_BULK_PAIRS, type BulkPairResponse, type BulkPairResult, type Pair } from "../../../../../shared/api/pairs.ts";
import type { ProgramDetailResponse } from "../../../../../shared/api/programs.ts";
import { api } from "../../../lib/api.ts";

export type { Applicant };

export type Reason = { kind: string; text: string; [key: string]: unknown };
export type Suggestion = { mentor: Applicant; score: number; reasons: Reason[] };
type Proposal = { mentorId: string; menteeId: string; score: number; reasons: Reason[] };
export type Objective = "score" | "coverage";
export type Unmatched = { menteeId: string; reason: Reason };
export type SuggestAll = {
  objective: Objective;
  proposals: Proposal[];
  unmatchedMenteeIds: string[];
  unmatched: Unmatched[];
  totalScore: number;
  optimal: boolean;
};
export type { BulkPairResult } from "../../../../../shared/api/pairs.ts";

const path = (programId: string) => `/programs/${encodeURIComponent(programId)}`;

export const fetchProgramDetail = (programId: string) => api.get<ProgramDetailResponse>(path(programId));

export async function fetchApplicants(programId: string): Promise<Applicant[]> {
  const { applications } = await api.get<{ applications: Applicant[] }>(`${path(programId)}/applications`);
  return applications;
}

export function fetchSuggestions(programId: string, menteeId: string) {
  return api.get<{ mentee: Applicant; suggestions: Suggestion[] }>(`${path(programId)}/suggestions?menteeId=${encodeURIComponent(menteeId)}`);
}

export const suggestAll = (programId: string, objective: Objective = "score") => api.post<SuggestAll>(`${path(programId)}/suggestions/all`, { objective });

/** Publishes pairs in chunks of the API's maximum; results come back in the order of `pairs`. */
export async function publishPairs(programId: string, pairs: { mentorId: string; menteeId: string }[], introduction: string): Promise<BulkPairResult[]> {
  const results: BulkPairResult[] = [];
  for (let start = 0; start < pairs.length; start += MAX_BULK_PAIRS) {
    const chunk = pairs.slice(start, start + MAX_BULK_PAIRS);
    const response = await api.post<BulkPairResponse>(`${path(programId)}/pairs/bulk`, { pairs: chunk, ...(introduction.trim() ? { introduction } : {}) });
    results.push(...response.results);
  }
  return results;
}

export async function pairPeople(programId: string, mentorId: string, menteeId: string): Promise<Pair> {
  const { pair } = await api.post<{ pair: Pair }>(`${path(programId)}/pairs`, { mentorId, menteeId });
  return pair;
}

export async function fetchProgramPairs(programId: string): Promise<Pair[]> {
  const { pairs } = await api.get<{ pairs: Pair[] }>(`${path(programId)}/pairs`);
  return pairs;
}

/** Each mentee's most recent pair that has ended (completed or ended early), by the mentee's user id. */
export function lastEndedPairs(pairs: Pair[]): Map<string, Pair> {
  const last = new Map<string, Pair>();
  for (const pair of pairs) {
    if (pair.status === "active") continue;
    const seen = last.get(pair.mentee.id);
    if (!seen || (pair.endedAt ?? "") > (seen.endedAt ?? "")) last.set(pair.mentee.id, pair);
  }
  return last;
}

/** A mentee who can still be paired: not withdrawn and without an active mentor in this program. */
export const isPairableMentee = (a: Applicant) => a.role === "mentee" && a.status !== "withdrawn" && a.capacityUsed === 0;
/** A mentor with at least one place left. */
export const hasPlaces = (a: Applicant) => a.role === "mentor" && a.status !== "withdrawn" && a.capacityLeft > 0;
