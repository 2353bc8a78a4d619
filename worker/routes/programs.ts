import { createRoute, z } from "@hono/zod-openapi";
import {
  ChangeProgramStatusBody,
  CreateProgramBody,
  MENTOR_CAPACITY_DEFAULT,
  ProgramDetailResponse,
  ProgramListResponse,
  ProgramResponse,
  UpdateProgramBody,
  type ProgramQuestions,
  type ProgramStep,
} from "../../shared/api/programs.ts";
import { isGroupAdmin, type GroupRole } from "../../shared/api/groups.ts";
import { canTransition } from "../../shared/rules/program-status.ts";
import { findTemplate, localizeTemplate } from "../../shared/templates/index.ts";
import type { AppEnv } from "../env.ts";
import { currentUser, requireUser } from "../auth/session.ts";
import { findGroup, requireAdmin, requireMember } from "../db/groups.ts";
import { findProgram, toProgram, toProgramSummary, type ProgramRow } from "../db/programs.ts";
import { ApiError, forbidden, notFound } from "../http/errors.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";
import { requestLocale } from "../http/locale.ts";
import type { Context } from "hono";

const tags = ["Programs"];
const auth = { middleware: [requireUser] };
const ProgramParams = z.object({ programId: z.string() });

/**
 * A program is visible to the members of its group, except drafts, which only admins see. Anyone
 * else gets 404, as if it did not exist.
 */
export async function loadProgram(c: Context<AppEnv>, programId: string): Promise<{ row: ProgramRow; role: GroupRole }> {
  const row = await findProgram(c.env.DB, programId);
  if (!row) throw notFound("This program");
  const role = await requireMember(c.env.DB, row.group_id, currentUser(c).id).catch(() => {
    throw notFound("This program");
  });
  if (row.status === "draft" && !isGroupAdmin(role)) throw notFound("This program");
  return { row, role };
}

async function loadProgramAsAdmin(c: Context<AppEnv>, programId: string) {
  const loaded = await loadProgram(c, programId);
  if (!isGroupAdmin(loaded.role)) throw forbidden("Only the group's admins can manage programs.");
  return loaded;
}

export const programRoutes = createRouter()
  .openapi(
    createRoute({
      method: "post",
      path: "/groups/{groupId}/programs",
      tags,
      summary: "Create a draft program from a template (admins)",
      description:
        "The program gets its own copy of the template's steps and sign-up questions, in `locale` (default: the request's language). Editing the program never changes the template.",
      ...auth,
      request: { params: z.object({ groupId: z.string() }), ...jsonBody(CreateProgramBody) },
      responses: { 201: jsonResponse(ProgramResponse, "The new draft program"), ...errorResponses(400, 401, 403, 404, 422) },
    }),
    async (c) => {
      const { groupId } = c.req.valid("param");
      const body = c.req.valid("json");
      const me = currentUser(c).id;
      await requireAdmin(c.env.DB, groupId, me);
      const template = findTemplate(body.templateId);
      if (!template) {
        throw new ApiError(422, "unknown_template", `There is no template "${body.templateId}". See GET /api/templates.`);
      }
      const locale = body.locale ?? requestLocale(c);
      const localized = localizeTemplate(template, locale);
      const steps: ProgramStep[] = localized.steps.map((step) => ({
        id: `week-${step.week}`,
        title: step.title,
        guidance: step.guidance,
        activities: step.activities.map((activity) => ({ id: activity.id, label: activity.label })),
      }));
      const toQuestions = (list: typeof localized.questions.mentor) =>
        list.map((q) => ({
          id: q.id,
          kind: q.kind,
          label: q.label,
          ...(q.help ? { help: q.help } : {}),
          required: q.required,
          ...(q.choices ? { choices: q.choices.map((choice) => ({ id: choice.id, label: choice.label })) } : {}),
        }));
      const questions: ProgramQuestions = {
        mentor: toQuestions(localized.questions.mentor),
        mentee: toQuestions(localized.questions.mentee),
      };
      const now = new Date().toISOString();
      const row = await c.env.DB.prepare(
        `INSERT INTO programs (id, group_id, template_id, locale, title, description, status, steps, questions,
           mentor_capacity_default, mentor_capacity_max, duration_weeks, checkin_cadence_days, created_by, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'draft', ?7, ?8, ?9, ?10, ?11, 7, ?12, ?13, ?13) RETURNING *`,
      )
        .bind(
          crypto.randomUUID(),
          groupId,
          template.id,
          locale,
          body.title ?? localized.name,
          body.description ?? localized.description,
          JSON.stringify(steps),
          JSON.stringify(questions),
          MENTOR_CAPACITY_DEFAULT,
          Math.max(MENTOR_CAPACITY_DEFAULT, 3),
          localized.durationWeeks,
          me,
          now,
        )
        .first<ProgramRow>();
      return c.json({ program: toProgram(row!) }, 201);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/groups/{groupId}/programs",
      tags,
      summary: "The group's programs (members; drafts only for admins)",
      ...auth,
      request: { params: z.object({ groupId: z.string() }) },
      responses: { 200: jsonResponse(ProgramListResponse, "Programs"), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const { groupId } = c.req.valid("param");
      const role = await requireMember(c.env.DB, groupId, currentUser(c).id);
      const { results } = await c.env.DB.prepare(
        `SELECT * FROM programs WHERE group_id = ?1 AND (?2 OR status != 'draft')
         ORDER BY CASE status WHEN 'open' THEN 0 WHEN 'draft' THEN 1 WHEN 'closed' THEN 2 ELSE 3 END, created_at DESC`,
      )
        .bind(groupId, isGroupAdmin(role) ? 1 : 0)
        .all<ProgramRow>();
      return c.json({ programs: results.map(toProgramSummary) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/programs/{programId}",
      tags,
      summary: "A program, as its group's members see it",
      ...auth,
      request: { params: ProgramParams },
      responses: { 200: jsonResponse(ProgramDetailResponse, "The program"), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const { row, role } = await loadProgram(c, c.req.valid("param").programId);
      const group = await findGroup(c.env.DB, row.group_id);
      return c.json({ program: toProgram(row), group: { id: group!.id, name: group!.name }, myRole: role }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/programs/{programId}",
      tags,
      summary: "Edit a program (admins)",
      description:
        "Steps and questions are replaced as whole lists, which covers adding, removing, reordering and editing. Send the `version` you started from to get 409 `version_conflict` instead of overwriting another admin's edit.",
      ...auth,
      request: { params: ProgramParams, ...jsonBody(UpdateProgramBody) },
      responses: { 200: jsonResponse(ProgramResponse, "The updated program"), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const { programId } = c.req.valid("param");
      const patch = c.req.valid("json");
      const { row } = await loadProgramAsAdmin(c, programId);
      if (row.status === "archived") throw new ApiError(409, "program_archived", "An archived program cannot be edited.");
      const capacityDefault = patch.mentorCapacityDefault ?? row.mentor_capacity_default;
      const capacityMax = patch.mentorCapacityMax ?? row.mentor_capacity_max;
      if (capacityDefault > capacityMax) {
        const message = "The default number of mentees per mentor cannot be more than the maximum.";
        throw new ApiError(422, "validation_failed", message, undefined, [{ path: "mentorCapacityDefault", message }]);
      }
      const updated = await c.env.DB.prepare(
        `UPDATE programs SET
           title = COALESCE(?3, title), description = COALESCE(?4, description),
           steps = COALESCE(?5, steps), questions = COALESCE(?6, questions),
           mentor_capacity_default = ?7, mentor_capacity_max = ?8,
           duration_weeks = COALESCE(?9, duration_weeks), checkin_cadence_days = COALESCE(?10, checkin_cadence_days),
           version = version + 1, updated_at = ?11
         WHERE id = ?1 AND (?2 IS NULL OR version = ?2) AND status != 'archived'
         RETURNING *`,
      )
        .bind(
          programId,
          patch.version ?? null,
          patch.title ?? null,
          patch.description ?? null,
          patch.steps ? JSON.stringify(patch.steps) : null,
          patch.questions ? JSON.stringify(patch.questions) : null,
          capacityDefault,
          capacityMax,
          patch.durationWeeks ?? null,
          patch.checkinCadenceDays ?? null,
          new Date().toISOString(),
        )
        .first<ProgramRow>();
      if (!updated) {
        throw new ApiError(409, "version_conflict", "Someone else changed this program meanwhile. Reload to see their changes.");
      }
      return c.json({ program: toProgram(updated) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/programs/{programId}/status",
      tags,
      summary: "Move a program through draft → open → closed → archived (admins)",
      description: "Allowed: draft→open, draft→archived, open→closed, closed→open, closed→archived. Anything else gets 409 `invalid_transition`.",
      ...auth,
      request: { params: ProgramParams, ...jsonBody(ChangeProgramStatusBody) },
      responses: { 200: jsonResponse(ProgramResponse, "The program"), ...errorResponses(400, 401, 403, 404, 409, 422) },
    }),
    async (c) => {
      const { programId } = c.req.valid("param");
      const { status } = c.req.valid("json");
      const { row } = await loadProgramAsAdmin(c, programId);
      const from = toProgram(row).status;
      if (!canTransition(from, status)) {
        throw new ApiError(409, "invalid_transition", `A program cannot go from ${from} to ${status}.`);
      }
      // Conditional on the status we checked, so two admins racing cannot skip a state.
      const updated = await c.env.DB.prepare(
        "UPDATE programs SET status = ?3, version = version + 1, updated_at = ?4 WHERE id = ?1 AND status = ?2 RETURNING *",
      )
        .bind(programId, from, status, new Date().toISOString())
        .first<ProgramRow>();
      if (!updated) throw new ApiError(409, "invalid_transition", "The program's status changed meanwhile. Reload and try again.");
      return c.json({ program: toProgram(updated) }, 200);
    },
  );
