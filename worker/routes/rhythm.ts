import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { isGroupAdmin } from "../../shared/api/groups.ts";
import {
  AcceptMeetingBody,
  CalendarFeedResponse,
  CalendarFeedStatus,
  DeclineMeetingBody,
  FeedbackBody,
  GoalProgressBody,
  GoalResponse,
  MeetingResponse,
  MyFeedback,
  NextMeetingListResponse,
  ProgramReport,
  ProposeMeetingBody,
  RescheduleMeetingBody,
  RhythmSettings,
  RhythmSettingsResponse,
  RhythmSnapshot,
  SetGoalBody,
  type Meeting,
} from "../../shared/api/rhythm.ts";
import { computeReport, reportCsv } from "../../shared/rules/rhythm.ts";
import { randomToken, sha256Base64Url } from "../auth/encoding.ts";
import { currentCount, incrementStatement, type Limit } from "../auth/rate-limit.ts";
import { currentUser, requireUser } from "../auth/session.ts";
import { buildCalendar, type CalendarMeeting } from "../calendar/ics.ts";
import {
  calendarFeedOf,
  calendarFeedOwner,
  fillTimeZoneStatement,
  nextMeetingsOf,
  pairIdsOf,
  programWithRole,
  reportInputs,
  resetCalendarFeed,
  setRhythmSettingsStatement,
} from "../db/rhythm.ts";
import type { AppEnv } from "../env.ts";
import { ApiError, forbidden, notFound } from "../http/errors.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";
import { loadPairAsMember } from "../pair-room/access.ts";
import type { RhythmErrorCode, RhythmResult } from "../pair-room/rhythm-host.ts";
import { pairRoom } from "../pair-room/stub.ts";

const tags = ["Weekly rhythm"];
const auth = { middleware: [requireUser] };
const PairParams = z.object({ pairId: z.string() });
const MeetingParams = z.object({ pairId: z.string(), meetingId: z.string() });
const ProgramParams = z.object({ programId: z.string() });

/** Meetings, goal and feedback writes per person; generous for two people planning, tight for a script. */
const RHYTHM_WRITES_PER_HOUR: Limit = { max: 120, windowSeconds: 60 * 60 };
const CALENDAR_RESETS_PER_HOUR: Limit = { max: 10, windowSeconds: 60 * 60 };

async function limitWrite(c: Context<AppEnv>, bucket: string, limit: Limit) {
  if ((await currentCount(c.env.DB, bucket, limit)) >= limit.max) {
    throw new ApiError(429, "rate_limited", "Too many changes in a short time. Please wait a few minutes and try again.", {
      "Retry-After": String(Math.min(limit.windowSeconds, 300)),
    });
  }
  await incrementStatement(c.env.DB, bucket, limit).run();
}

const STATUS: Record<RhythmErrorCode, 403 | 404 | 409 | 422 | 429> = {
  not_found: 404,
  pair_ended: 409,
  blocked: 409,
  client_id_conflict: 409,
  meeting_changed: 409,
  not_open: 409,
  forbidden: 403,
  validation_failed: 422,
  bad_frame: 422,
  frame_too_large: 422,
  rate_limited: 429,
};

/** The room's answer as the value, or the API's one error shape (a 422 names its field). */
function unwrapRhythm<T>(result: RhythmResult<T>): T {
  if (result.ok) return result.value;
  const issues = result.path ? [{ path: result.path, message: result.message }] : undefined;
  const message = result.path ? `${result.path}: ${result.message}` : result.message;
  throw new ApiError(STATUS[result.code], result.code, message, undefined, issues);
}

function calendarEntry(origin: string, pairId: string, meeting: Meeting, names: string[]): CalendarMeeting {
  const link = `${origin}/pairs/${pairId}`;
  return {
    id: meeting.id,
    startsAt: meeting.startsAt!,
    endsAt: meeting.endsAt!,
    status: meeting.status === "accepted" ? "confirmed" : meeting.status === "proposed" ? "tentative" : "cancelled",
    sequence: meeting.sequence,
    summary: `Mentorship: ${names.join(" & ")}`,
    description: [meeting.agenda, `Pair space: ${link}`].filter(Boolean).join("\n\n"),
    location: meeting.place,
    url: link,
    createdAt: meeting.createdAt,
    updatedAt: meeting.updatedAt,
  };
}

const calendarHeaders = (filename: string | null) => ({
  "Content-Type": "text/calendar; charset=utf-8",
  "Cache-Control": "private, no-store",
  ...(filename ? { "Content-Disposition": `attachment; filename="${filename}"` } : {}),
});

async function loadProgramAsAdmin(c: Context<AppEnv>, programId: string) {
  const program = await programWithRole(c.env.DB, programId, currentUser(c).id);
  if (!program?.role || (program.status === "draft" && !isGroupAdmin(program.role))) throw notFound("This program");
  if (!isGroupAdmin(program.role)) throw forbidden("Only the group's admins see the program report.");
  return program;
}

async function buildReport(c: Context<AppEnv>, programId: string) {
  const program = await loadProgramAsAdmin(c, programId);
  const now = Date.now();
  const { pairs, feedback } = await reportInputs(c.env.DB, program.id, program.attention_after_days, now);
  return {
    program: { id: program.id, title: program.title },
    generatedAt: new Date(now).toISOString(),
    settings: { nudgeAfterDays: program.nudge_after_days, attentionAfterDays: program.attention_after_days },
    ...computeReport(pairs, feedback, now),
  };
}

export const rhythmRoutes = createRouter()
  // ---------------------------------------------------------------------------------------------------------
  // The pair's own view
  .openapi(
    createRoute({
      method: "get",
      path: "/pairs/{pairId}/rhythm",
      tags,
      summary: "Meetings, the goal and my own feedback (the pair only)",
      ...auth,
      request: { params: PairParams },
      responses: { 200: jsonResponse(RhythmSnapshot, "The pair's rhythm"), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const { userId, room } = await loadPairAsMember(c, c.req.valid("param").pairId);
      return c.json(unwrapRhythm(await room.rhythmSnapshot(userId)), 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/pairs/{pairId}/meetings",
      tags,
      summary: "Propose a meeting: one to three times, a duration, optionally a place or link and an agenda",
      description:
        "Times are ISO 8601 with an offset. 422 names the field for a time in the past (`options.N.startsAt`), more than 3 options (`options`), a duration under 15 minutes or over 8 hours (`durationMinutes`) or an unknown `timeZone`. Resending the same clientId proposes nothing new.",
      ...auth,
      request: { params: PairParams, ...jsonBody(ProposeMeetingBody) },
      responses: { 201: jsonResponse(MeetingResponse, "The proposal"), ...errorResponses(400, 401, 404, 409, 422, 429) },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const { userId, room } = await loadPairAsMember(c, c.req.valid("param").pairId);
      await limitWrite(c, `rhythm:${userId}`, RHYTHM_WRITES_PER_HOUR);
      const meeting = unwrapRhythm(
        await room.proposeMeeting(userId, {
          clientId: body.clientId,
          startsAt: body.options.map((o) => Date.parse(o.startsAt)),
          durationMinutes: body.durationMinutes,
          place: body.place ?? null,
          agenda: body.agenda,
        }),
      );
      if (body.timeZone) await fillTimeZoneStatement(c.env.DB, userId, body.timeZone).run();
      return c.json({ meeting }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/pairs/{pairId}/meetings/{meetingId}/accept",
      tags,
      summary: "Accept one of the proposed times (the other person)",
      description: "409 `meeting_changed` when the proposal was cancelled, declined, already accepted or rescheduled meanwhile.",
      ...auth,
      request: { params: MeetingParams, ...jsonBody(AcceptMeetingBody) },
      responses: { 200: jsonResponse(MeetingResponse, "The meeting"), ...errorResponses(400, 401, 403, 404, 409, 422, 429) },
    }),
    async (c) => {
      const { pairId, meetingId } = c.req.valid("param");
      const { userId, room } = await loadPairAsMember(c, pairId);
      await limitWrite(c, `rhythm:${userId}`, RHYTHM_WRITES_PER_HOUR);
      return c.json({ meeting: unwrapRhythm(await room.changeMeeting(userId, meetingId, { type: "accept", optionId: c.req.valid("json").optionId })) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/pairs/{pairId}/meetings/{meetingId}/decline",
      tags,
      summary: "Decline the proposal with a note (the other person)",
      ...auth,
      request: { params: MeetingParams, ...jsonBody(DeclineMeetingBody) },
      responses: { 200: jsonResponse(MeetingResponse, "The meeting"), ...errorResponses(400, 401, 403, 404, 409, 422, 429) },
    }),
    async (c) => {
      const { pairId, meetingId } = c.req.valid("param");
      const { userId, room } = await loadPairAsMember(c, pairId);
      await limitWrite(c, `rhythm:${userId}`, RHYTHM_WRITES_PER_HOUR);
      return c.json({ meeting: unwrapRhythm(await room.changeMeeting(userId, meetingId, { type: "decline", note: c.req.valid("json").note })) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/pairs/{pairId}/meetings/{meetingId}/cancel",
      tags,
      summary: "Cancel a proposed or agreed meeting (either person)",
      ...auth,
      request: { params: MeetingParams },
      responses: { 200: jsonResponse(MeetingResponse, "The meeting"), ...errorResponses(401, 404, 409, 429) },
    }),
    async (c) => {
      const { pairId, meetingId } = c.req.valid("param");
      const { userId, room } = await loadPairAsMember(c, pairId);
      await limitWrite(c, `rhythm:${userId}`, RHYTHM_WRITES_PER_HOUR);
      return c.json({ meeting: unwrapRhythm(await room.changeMeeting(userId, meetingId, { type: "cancel" })) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/pairs/{pairId}/meetings/{meetingId}/reschedule",
      tags,
      summary: "Propose new times for a meeting (either person); the other person accepts again",
      ...auth,
      request: { params: MeetingParams, ...jsonBody(RescheduleMeetingBody) },
      responses: { 200: jsonResponse(MeetingResponse, "The meeting"), ...errorResponses(400, 401, 404, 409, 422, 429) },
    }),
    async (c) => {
      const { pairId, meetingId } = c.req.valid("param");
      const body = c.req.valid("json");
      const { userId, room } = await loadPairAsMember(c, pairId);
      await limitWrite(c, `rhythm:${userId}`, RHYTHM_WRITES_PER_HOUR);
      const meeting = unwrapRhythm(
        await room.changeMeeting(userId, meetingId, {
          type: "reschedule",
          startsAt: body.options.map((o) => Date.parse(o.startsAt)),
          durationMinutes: body.durationMinutes,
        }),
      );
      if (body.timeZone) await fillTimeZoneStatement(c.env.DB, userId, body.timeZone).run();
      return c.json({ meeting }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/pairs/{pairId}/meetings/{meetingId}/calendar.ics",
      tags,
      summary: "The meeting as an iCalendar file (RFC 5545), once a time is agreed",
      ...auth,
      request: { params: MeetingParams },
      responses: { 200: { description: "text/calendar" }, ...errorResponses(401, 404) },
    }),
    async (c) => {
      const { pairId, meetingId } = c.req.valid("param");
      const { userId, room } = await loadPairAsMember(c, pairId);
      const { meetings, names } = unwrapRhythm(await room.calendarMeetings(userId));
      const meeting = meetings.find((m) => m.id === meetingId);
      if (!meeting) throw notFound("A meeting with an agreed time");
      const text = buildCalendar("Mentorship meeting", [calendarEntry(new URL(c.req.url).origin, pairId, meeting, names)]);
      return c.body(text, 200, calendarHeaders(`meeting-${meetingId.slice(0, 8)}.ics`));
    },
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/pairs/{pairId}/goal",
      tags,
      summary: "Write or rewrite the pair's goal: what, why, by when, how you will know",
      ...auth,
      request: { params: PairParams, ...jsonBody(SetGoalBody) },
      responses: { 200: jsonResponse(GoalResponse, "The goal"), ...errorResponses(400, 401, 404, 409, 422, 429) },
    }),
    async (c) => {
      const { userId, room } = await loadPairAsMember(c, c.req.valid("param").pairId);
      await limitWrite(c, `rhythm:${userId}`, RHYTHM_WRITES_PER_HOUR);
      return c.json({ goal: unwrapRhythm(await room.setGoal(userId, c.req.valid("json"))) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/pairs/{pairId}/goal/progress",
      tags,
      summary: "Update the goal's progress (not started, on track, at risk, achieved) with a note",
      ...auth,
      request: { params: PairParams, ...jsonBody(GoalProgressBody) },
      responses: { 200: jsonResponse(GoalResponse, "The goal"), ...errorResponses(400, 401, 404, 409, 422, 429) },
    }),
    async (c) => {
      const { userId, room } = await loadPairAsMember(c, c.req.valid("param").pairId);
      await limitWrite(c, `rhythm:${userId}`, RHYTHM_WRITES_PER_HOUR);
      return c.json({ goal: unwrapRhythm(await room.setGoalProgress(userId, c.req.valid("json"))) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/pairs/{pairId}/feedback",
      tags,
      summary: "Answer the midpoint or end feedback, privately (answering again replaces the answer)",
      description: "409 `not_open` before the round opens. Admins see only per-program aggregates, once at least 3 people answered; never a comment.",
      ...auth,
      request: { params: PairParams, ...jsonBody(FeedbackBody) },
      responses: { 200: jsonResponse(z.object({ feedback: MyFeedback }), "My feedback"), ...errorResponses(400, 401, 404, 409, 422, 429) },
    }),
    async (c) => {
      const { userId, room } = await loadPairAsMember(c, c.req.valid("param").pairId);
      await limitWrite(c, `rhythm:${userId}`, RHYTHM_WRITES_PER_HOUR);
      return c.json({ feedback: unwrapRhythm(await room.answerFeedback(userId, c.req.valid("json"))) }, 200);
    },
  )
  // ---------------------------------------------------------------------------------------------------------
  // Mine across pairs
  .openapi(
    createRoute({
      method: "get",
      path: "/me/meetings/next",
      tags,
      summary: "The next agreed meeting of each of my active pairs (times and names only)",
      ...auth,
      responses: { 200: jsonResponse(NextMeetingListResponse, "Next meetings"), ...errorResponses(401) },
    }),
    async (c) => c.json({ meetings: await nextMeetingsOf(c.env.DB, currentUser(c).id) }, 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/me/calendar",
      tags,
      summary: "Whether I have a calendar feed (its URL is shown only when made or reset)",
      ...auth,
      responses: { 200: jsonResponse(CalendarFeedStatus, "Feed status"), ...errorResponses(401) },
    }),
    async (c) => {
      const feed = await calendarFeedOf(c.env.DB, currentUser(c).id);
      return c.json({ exists: !!feed, createdAt: feed?.createdAt ?? null }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/me/calendar/reset",
      tags,
      summary: "Make my private calendar feed, or give it a new URL (the old one answers 404 from now on)",
      ...auth,
      responses: { 200: jsonResponse(CalendarFeedResponse, "The feed URL, shown this once"), ...errorResponses(401, 403, 429) },
    }),
    async (c) => {
      const userId = currentUser(c).id;
      await limitWrite(c, `calendar-reset:${userId}`, CALENDAR_RESETS_PER_HOUR);
      const token = randomToken(24);
      const createdAt = new Date().toISOString();
      await resetCalendarFeed(c.env.DB, userId, await sha256Base64Url(token), createdAt);
      return c.json({ url: `${new URL(c.req.url).origin}/api/calendar/${token}.ics`, createdAt }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/calendar/{file}",
      tags,
      summary: "A person's private calendar feed, `GET /api/calendar/:token.ics`: all their meetings across pairs",
      description:
        "No session: the unguessable token is the key, so calendar apps can subscribe. A reset token answers 404. Agreed meetings are CONFIRMED, meetings being moved TENTATIVE, cancelled ones CANCELLED; times are UTC.",
      request: { params: z.object({ file: z.string() }) },
      responses: { 200: { description: "text/calendar" }, ...errorResponses(404) },
    }),
    async (c) => {
      const file = c.req.valid("param").file;
      if (!/^[A-Za-z0-9_-]{20,64}\.ics$/.test(file)) throw notFound("This calendar");
      const owner = await calendarFeedOwner(c.env.DB, await sha256Base64Url(file.slice(0, -4)));
      if (!owner) throw notFound("This calendar");
      const origin = new URL(c.req.url).origin;
      const pairIds = await pairIdsOf(c.env.DB, owner.userId);
      const perPair = await Promise.all(
        pairIds.map(async (pairId) => {
          const result = await pairRoom(c.env, pairId).calendarMeetings(owner.userId);
          return result.ok ? result.value.meetings.map((m) => calendarEntry(origin, pairId, m, result.value.names)) : [];
        }),
      );
      const entries = perPair.flat().sort((a, b) => a.startsAt - b.startsAt);
      return c.body(buildCalendar(`Mentorship meetings (${owner.displayName})`, entries, { ttlSeconds: 3600 }), 200, calendarHeaders(null));
    },
  )
  // ---------------------------------------------------------------------------------------------------------
  // Admins
  .openapi(
    createRoute({
      method: "get",
      path: "/programs/{programId}/report",
      tags,
      summary: "The program report (admins): pairs, first messages, meetings, goals and feedback aggregates, never content",
      ...auth,
      request: { params: ProgramParams },
      responses: { 200: jsonResponse(ProgramReport, "The report"), ...errorResponses(401, 403, 404) },
    }),
    async (c) => c.json(await buildReport(c, c.req.valid("param").programId), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/programs/{programId}/report.csv",
      tags,
      summary: "The report's per-pair rows as CSV (admins): names, dates, counts and states only",
      ...auth,
      request: { params: ProgramParams },
      responses: { 200: { description: "text/csv" }, ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const report = await buildReport(c, c.req.valid("param").programId);
      return c.body(reportCsv(report), 200, {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="program-report-${report.program.id.slice(0, 8)}.csv"`,
        "Cache-Control": "private, no-store",
      });
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/programs/{programId}/rhythm-settings",
      tags,
      summary: "When quiet pairs are nudged and flagged (admins)",
      ...auth,
      request: { params: ProgramParams },
      responses: { 200: jsonResponse(RhythmSettingsResponse, "The settings"), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const program = await loadProgramAsAdmin(c, c.req.valid("param").programId);
      return c.json({ settings: { nudgeAfterDays: program.nudge_after_days, attentionAfterDays: program.attention_after_days } }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/programs/{programId}/rhythm-settings",
      tags,
      summary: "Set `nudgeAfterDays` and `attentionAfterDays` (admins)",
      ...auth,
      request: { params: ProgramParams, ...jsonBody(RhythmSettings) },
      responses: { 200: jsonResponse(RhythmSettingsResponse, "The settings"), ...errorResponses(400, 401, 403, 404, 422, 429) },
    }),
    async (c) => {
      const program = await loadProgramAsAdmin(c, c.req.valid("param").programId);
      const settings = c.req.valid("json");
      await limitWrite(c, `rhythm:${currentUser(c).id}`, RHYTHM_WRITES_PER_HOUR);
      await setRhythmSettingsStatement(c.env.DB, program.id, settings).run();
      return c.json({ settings }, 200);
    },
  );
