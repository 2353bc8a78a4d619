import { createRoute, z } from "@hono/zod-openapi";
import {
  ApplicantListResponse,
  ApplicationResponse,
  ApplicationRole,
  ApplicationStatus,
  CreateApplicationBody,
  MyApplicationListResponse,
  UpdateApplicationBody,
} from "../../shared/api/applications.ts";
import { isGroupAdmin } from "../../shared/api/groups.ts";
import { normalizeAnswers, validateAnswers, type Answers } from "../../shared/rules/answers.ts";
import { isAdult } from "../../shared/rules/age.ts";
import type { Program } from "../../shared/api/programs.ts";
import { loadProgram } from "../auth/access.ts";
import { currentUser, requireUser } from "../auth/session.ts";
import {
  findApplication,
  insertApplication,
  listApplicants,
  listMyApplications,
  toApplication,
  updateWaitingApplication,
  withdrawApplication,
} from "../db/applications.ts";
import { toProgram } from "../db/programs.ts";
import { findUserById } from "../db/users.ts";
import { withWriteLimit } from "../db/write-limits.ts";
import { ApiError, forbidden, notFound } from "../http/errors.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";

const tags = ["Applications"];
const auth = { middleware: [requireUser] };
const ProgramParams = z.object({ programId: z.string() });
const ApplicationParams = z.object({ applicationId: z.string() });

function checkAnswers(program: Program, role: "mentor" | "mentee", answers: Answers) {
  const issues = validateAnswers(program.questions[role], answers);
  if (issues.length) {
    const paths = issues.map((issue) => ({ path: `answers.${issue.questionId}`, message: issue.message }));
    throw new ApiError(422, "invalid_answers", issues[0]!.message, undefined, paths);
  }
}

function checkCapacity(program: Program, role: "mentor" | "mentee", capacity: number | undefined) {
  if (capacity === undefined) return;
  if (role !== "mentor") throw new ApiError(422, "validation_failed", "Only mentors give a capacity.");
  if (capacity > program.mentorCapacityMax) {
    throw new ApiError(422, "validation_failed", `This program lets a mentor take at most ${program.mentorCapacityMax} mentees.`);
  }
}

async function ownApplication(db: D1Database, applicationId: string, userId: string) {
  const row = await findApplication(db, applicationId);
  // Someone else's application is 404, not 403: its existence is not theirs to know.
  if (!row || row.user_id !== userId) throw notFound("This application");
  return row;
}

const alreadyPaired = () => new ApiError(409, "already_paired", "You have been paired already, so this application can no longer change.");

export const applicationRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/programs/{programId}/applications",
      tags,
      summary: "Apply to an open program as a mentor or a mentee (group members)",
      description:
        "Answers are checked against the program's own questions: a bad one gets 422 `invalid_answers` naming it in `issues`. One application per person, role and program (409 `already_applied`). Adults only (422 `underage`).",
      ...auth,
      request: { params: ProgramParams, ...jsonBody(CreateApplicationBody) },
      responses: { 201: jsonResponse(ApplicationResponse, "The application"), ...errorResponses(400, 401, 403, 404, 409, 422, 429) },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const me = currentUser(c).id;
      const { row } = await loadProgram(c, c.req.valid("param").programId);
      const program = toProgram(row);
      if (program.status !== "open") throw new ApiError(409, "program_not_open", "This program is not taking sign-ups right now.");
      const user = await findUserById(c.env.DB, me);
      if (!user || !isAdult(user.birth_date, new Date())) throw new ApiError(422, "underage", "Mentorship programs are for adults (18 and over).");
      const answers = normalizeAnswers(body.answers);
      checkAnswers(program, body.role, answers);
      checkCapacity(program, body.role, body.capacity);
      const capacity = body.role === "mentor" ? (body.capacity ?? program.mentorCapacityDefault) : null;
      const now = new Date().toISOString();
      // A withdrawn application may be sent again; any other existing one is a conflict.
      const created = await withWriteLimit(c, "application", me, async () => {
        const inserted = await insertApplication(c.env.DB, {
          programId: program.id,
          userId: me,
          role: body.role,
          answers: JSON.stringify(answers),
          capacity,
          now,
        });
        if (!inserted) throw new ApiError(409, "already_applied", `You have already applied to this program as a ${body.role}.`);
        return inserted;
      });
      return c.json({ application: toApplication(created) }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/programs/{programId}/applications",
      tags,
      summary: "The program's applicants with their answers and profiles (admins)",
      description: "Filter with `role` and `status`. Mentors carry `capacityUsed` and `capacityLeft`.",
      ...auth,
      request: { params: ProgramParams, query: z.object({ role: ApplicationRole.optional(), status: ApplicationStatus.optional() }) },
      responses: { 200: jsonResponse(ApplicantListResponse, "Applicants"), ...errorResponses(401, 403, 404, 422) },
    }),
    async (c) => {
      const { row, role } = await loadProgram(c, c.req.valid("param").programId);
      if (!isGroupAdmin(role)) throw forbidden("Only the group's admins see the applicants.");
      const { role: applicantRole, status } = c.req.valid("query");
      return c.json({ applications: await listApplicants(c.env.DB, row.id, { role: applicantRole, status }) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/applications",
      tags,
      summary: "My applications, across programs",
      ...auth,
      request: { query: z.object({ programId: z.string().optional() }) },
      responses: { 200: jsonResponse(MyApplicationListResponse, "My applications"), ...errorResponses(401) },
    }),
    async (c) => {
      const { programId } = c.req.valid("query");
      const results = await listMyApplications(c.env.DB, currentUser(c).id, programId ?? null);
      return c.json(
        {
          applications: results.map((row) => ({
            ...toApplication(row),
            program: { id: row.program_id, title: row.program_title, status: row.program_status, groupId: row.group_id, groupName: row.group_name },
          })),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/applications/{applicationId}",
      tags,
      summary: "Edit my application until I am paired",
      ...auth,
      request: { params: ApplicationParams, ...jsonBody(UpdateApplicationBody) },
      responses: { 200: jsonResponse(ApplicationResponse, "The application"), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const me = currentUser(c).id;
      const body = c.req.valid("json");
      const existing = await ownApplication(c.env.DB, c.req.valid("param").applicationId, me);
      if (existing.status === "withdrawn") throw new ApiError(409, "withdrawn", "This application was withdrawn. Apply again instead.");
      if (existing.status !== "waiting") throw alreadyPaired();
      const { row } = await loadProgram(c, existing.program_id);
      const program = toProgram(row);
      const answers = body.answers ? normalizeAnswers(body.answers) : undefined;
      if (answers) checkAnswers(program, existing.role, answers);
      checkCapacity(program, existing.role, body.capacity);
      const updated = await updateWaitingApplication(
        c.env.DB,
        existing.id,
        answers ? JSON.stringify(answers) : null,
        body.capacity ?? null,
        new Date().toISOString(),
      );
      if (!updated) throw alreadyPaired();
      return c.json({ application: toApplication(updated) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/applications/{applicationId}",
      tags,
      summary: "Withdraw my application until I am paired",
      ...auth,
      request: { params: ApplicationParams },
      responses: { 204: { description: "Withdrawn" }, ...errorResponses(401, 403, 404, 409) },
    }),
    async (c) => {
      const existing = await ownApplication(c.env.DB, c.req.valid("param").applicationId, currentUser(c).id);
      if (!(await withdrawApplication(c.env.DB, existing.id, new Date().toISOString()))) throw alreadyPaired();
      return c.body(null, 204);
    },
  );
