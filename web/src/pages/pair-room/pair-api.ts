// Every REST call the pair page makes. Shapes are the API's own zod types, imported as types only.
import type { Pair } from "../../../../shared/api/pairs.ts";
import type { PairDetailResponse, Report } from "../../../../shared/api/room.ts";
import type { ChatMessage, Checkin, Comment, Post, StepProgress } from "../../../../shared/protocol.ts";
import { hasMessage, t } from "../../i18n/index.ts";
import { api, ApiError } from "../../lib/api.ts";
import { errorMessage } from "../../lib/errors.ts";

export type { Checkin, Comment, PairDetailResponse, Post, StepProgress };

const pairPath = (pairId: string) => `/pairs/${encodeURIComponent(pairId)}`;

/** The first screen: the pair, the room's snapshot and the latest page of messages, together. */
export async function loadPairSpace(pairId: string) {
  const [detail, page] = await Promise.all([
    api.get<PairDetailResponse>(pairPath(pairId)),
    api.get<{ messages: ChatMessage[]; hasMore: boolean }>(`${pairPath(pairId)}/messages?limit=50`),
  ]);
  return { detail, page };
}

export const fetchPosts = (pairId: string) => api.get<{ posts: Post[] }>(`${pairPath(pairId)}/posts`).then((r) => r.posts);

export const createPost = (pairId: string, body: { clientId: string; title: string; body: string; url: string | null }) =>
  api.post<{ post: Post }>(`${pairPath(pairId)}/posts`, body).then((r) => r.post);

export const createComment = (pairId: string, postId: string, body: { clientId: string; body: string }) =>
  api.post<{ comment: Comment }>(`${pairPath(pairId)}/posts/${encodeURIComponent(postId)}/comments`, body).then((r) => r.comment);

export const setActivityDone = (pairId: string, stepId: string, activityId: string, done: boolean) =>
  api
    .put<{ steps: StepProgress[] }>(`${pairPath(pairId)}/steps/${encodeURIComponent(stepId)}/activities/${encodeURIComponent(activityId)}`, { done })
    .then((r) => r.steps);

export const setStepDone = (pairId: string, stepId: string, done: boolean) =>
  api.put<{ steps: StepProgress[] }>(`${pairPath(pairId)}/steps/${encodeURIComponent(stepId)}`, { done }).then((r) => r.steps);

export const createCheckin = (pairId: string, body: { clientId: string; mood: number; note: string }) =>
  api.post<{ checkin: Checkin }>(`${pairPath(pairId)}/checkins`, body).then((r) => r.checkin);

export const endPair = (pairId: string, outcome: "completed" | "ended", reason: string) =>
  api.post<{ pair: Pair }>(`${pairPath(pairId)}/end`, reason ? { outcome, reason } : { outcome }).then((r) => r.pair);

export const blockUser = (userId: string) => api.post<void>(`/users/${encodeURIComponent(userId)}/block`);
export const unblockUser = (userId: string) => api.delete(`/users/${encodeURIComponent(userId)}/block`);

export const report = (body: { pairId: string; seq?: number; reason: string }) => api.post<{ report: Report }>("/reports", body).then((r) => r.report);

/** A translated sentence for a failure in the pair space: the room's own codes first, then the app's. */
export function pairErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    const key = `pair.errors.${error.code}`;
    if (hasMessage(key)) return t(key);
  }
  return errorMessage(error);
}

/** Only http(s) links are ever rendered as links. */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}
