import { createRoute, z } from "@hono/zod-openapi";
import {
  CheckinResponse,
  CommentResponse,
  CreateCheckinBody,
  CreateCommentBody,
  CreatePostBody,
  MessagePage,
  PairDetailResponse,
  PostListResponse,
  PostResponse,
  SetDoneBody,
  StepsResponse,
} from "../../shared/api/room.ts";
import { currentUser, requireFreshSession, requireUser } from "../auth/session.ts";
import { findPairWithPeople } from "../db/pairs.ts";
import { findProgramTitle } from "../db/programs.ts";
import { hasBlocked } from "../db/safety.ts";
import { withWriteLimit } from "../db/write-limits.ts";
import { ApiError } from "../http/errors.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";
import { deliverPairEffectsNow } from "../db/room-outbox.ts";
import { loadPairAsMember, unwrap } from "../pair-room/access.ts";
import { UPGRADE_SESSION_HEADER, UPGRADE_USER_HEADER } from "../pair-room/sockets.ts";

const tags = ["Pair space"];
const auth = { middleware: [requireUser] };
const PairParams = z.object({ pairId: z.string() });

export const pairRoomRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/pairs/{pairId}",
      tags,
      summary: "The pair, the other person, and the steps with their progress (the pair only)",
      ...auth,
      request: { params: PairParams },
      responses: { 200: jsonResponse(PairDetailResponse, "The pair space"), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const { pair, userId, room } = await loadPairAsMember(c, c.req.valid("param").pairId);
      const [detail, first, program] = await Promise.all([
        findPairWithPeople(c.env.DB, pair.id),
        room.snapshot(userId),
        findProgramTitle(c.env.DB, pair.program_id),
      ]);
      // D1 says they are in this pair but the room does not know them yet: its creation is still in the
      // outbox (a cohort's rooms are made in the background). Deliver it now rather than answer 404.
      const snapshot = !first.ok && first.code === "not_found" && (await deliverPairEffectsNow(c.env, pair.id)) ? await room.snapshot(userId) : first;
      const myRole = pair.mentor_id === userId ? "mentor" : "mentee";
      return c.json(
        {
          pair: detail!,
          myRole,
          other: myRole === "mentor" ? detail!.mentee : detail!.mentor,
          programTitle: program?.title ?? "",
          room: unwrap(snapshot),
        } as const,
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/pairs/{pairId}/messages",
      tags,
      summary: "Older chat history: messages before `before` (a seq), newest last",
      ...auth,
      request: {
        params: PairParams,
        query: z.object({
          before: z.coerce.number().int().min(1).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
      responses: { 200: jsonResponse(MessagePage, "A page of messages"), ...errorResponses(401, 404, 422) },
    }),
    async (c) => {
      const { before, limit } = c.req.valid("query");
      const { userId, room } = await loadPairAsMember(c, c.req.valid("param").pairId);
      return c.json(unwrap(await room.messagesBefore(userId, before ?? null, limit)), 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/pairs/{pairId}/posts",
      tags,
      summary: "Posts with their comments, newest first",
      ...auth,
      request: { params: PairParams },
      responses: { 200: jsonResponse(PostListResponse, "Posts"), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const { userId, room } = await loadPairAsMember(c, c.req.valid("param").pairId);
      return c.json({ posts: unwrap(await room.listPosts(userId)) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/pairs/{pairId}/posts",
      tags,
      summary: "Share a link or a longer text (idempotent by clientId)",
      ...auth,
      request: { params: PairParams, ...jsonBody(CreatePostBody) },
      responses: { 201: jsonResponse(PostResponse, "The post"), ...errorResponses(400, 401, 403, 404, 409, 422, 429) },
    }),
    async (c) => {
      const { userId, room } = await loadPairAsMember(c, c.req.valid("param").pairId);
      const post = await withWriteLimit(c, "post", userId, async () => unwrap(await room.createPost(userId, c.req.valid("json"))));
      return c.json({ post }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/pairs/{pairId}/posts/{postId}/comments",
      tags,
      summary: "Comment on a post (idempotent by clientId)",
      ...auth,
      request: { params: z.object({ pairId: z.string(), postId: z.string() }), ...jsonBody(CreateCommentBody) },
      responses: { 201: jsonResponse(CommentResponse, "The comment"), ...errorResponses(400, 401, 403, 404, 409, 422, 429) },
    }),
    async (c) => {
      const { pairId, postId } = c.req.valid("param");
      const { userId, room } = await loadPairAsMember(c, pairId);
      const comment = await withWriteLimit(c, "comment", userId, async () => unwrap(await room.createComment(userId, postId, c.req.valid("json"))));
      return c.json({ comment }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/pairs/{pairId}/steps/{stepId}/activities/{activityId}",
      tags,
      summary: "Tick or untick one of a step's activities",
      ...auth,
      request: { params: z.object({ pairId: z.string(), stepId: z.string(), activityId: z.string() }), ...jsonBody(SetDoneBody) },
      responses: { 200: jsonResponse(StepsResponse, "All steps with progress"), ...errorResponses(400, 401, 403, 404, 409, 422, 429) },
    }),
    async (c) => {
      const { pairId, stepId, activityId } = c.req.valid("param");
      const { userId, room } = await loadPairAsMember(c, pairId);
      return c.json({ steps: unwrap(await room.setActivityDone(userId, stepId, activityId, c.req.valid("json").done)) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/pairs/{pairId}/steps/{stepId}",
      tags,
      summary: "Mark a step done (or not done)",
      ...auth,
      request: { params: z.object({ pairId: z.string(), stepId: z.string() }), ...jsonBody(SetDoneBody) },
      responses: { 200: jsonResponse(StepsResponse, "All steps with progress"), ...errorResponses(400, 401, 403, 404, 409, 422, 429) },
    }),
    async (c) => {
      const { pairId, stepId } = c.req.valid("param");
      const { userId, room } = await loadPairAsMember(c, pairId);
      return c.json({ steps: unwrap(await room.setStepDone(userId, stepId, c.req.valid("json").done)) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/pairs/{pairId}/checkins",
      tags,
      summary: "The weekly check-in: a mood from 1 to 5 and a short note (idempotent by clientId)",
      ...auth,
      request: { params: PairParams, ...jsonBody(CreateCheckinBody) },
      responses: { 201: jsonResponse(CheckinResponse, "The check-in"), ...errorResponses(400, 401, 403, 404, 409, 422, 429) },
    }),
    async (c) => {
      const { userId, room } = await loadPairAsMember(c, c.req.valid("param").pairId);
      const checkin = await withWriteLimit(c, "checkin", userId, async () => unwrap(await room.createCheckin(userId, c.req.valid("json"))));
      return c.json({ checkin }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/pairs/{pairId}/ws",
      tags,
      summary: "The pair's live socket (WebSocket upgrade). See the README for the protocol.",
      description:
        "`after` is the last seq the client holds: the room first sends every later message (in `history` pages), then `synced`, then live frames. A foreign Origin gets 403; anyone but the pair gets 404; a blocked person gets 403 `blocked`. The session is checked in D1 itself (never the per-isolate cache), and revoking it closes the socket with 4001.",
      // The session is re-read from D1: a socket outlives any cache, so it must never start from a stale one.
      middleware: [requireUser, requireFreshSession],
      request: { params: PairParams, query: z.object({ after: z.coerce.number().int().min(0).optional() }) },
      responses: { 101: { description: "Switching protocols" }, ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) => {
      if (c.req.header("Upgrade")?.toLowerCase() !== "websocket") {
        throw new ApiError(426, "upgrade_required", "This endpoint only speaks WebSocket.");
      }
      const { pair, userId, room } = await loadPairAsMember(c, c.req.valid("param").pairId);
      const other = pair.mentor_id === userId ? pair.mentee_id : pair.mentor_id;
      const blockedByOther = await hasBlocked(c.env.DB, other, userId);
      if (blockedByOther) throw new ApiError(403, "blocked", "Contact in this pair is blocked.");
      const headers = new Headers(c.req.raw.headers);
      headers.set(UPGRADE_USER_HEADER, currentUser(c).id);
      // The room remembers which session opened the socket, so revoking that session closes it.
      headers.set(UPGRADE_SESSION_HEADER, c.get("sessionTokenHash") ?? "");
      // The response is the room's own 101; returning it untouched keeps the socket attached.
      return room.fetch(new Request(c.req.raw, { headers })) as unknown as Response;
    },
  );
