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
import { isGroupAdmin } from "../../shared/api/groups.ts";
import { canTransition } from "../../shared/rules/program-status.ts";
import { findTemplate, localizeTemplate } from "../../shared/templates/index.ts";
import type { AppEnv } from "../env.ts";
import { loadProgram } from "../auth/access.ts";
import { currentUser, requireUser } from "../auth/session.ts";
import { findGroup, requireAdmin, requireMember } from "../db/groups.ts";
import { changeProgramStatus, insertProgram, listProgramsOfGroup, toProgram, toProgramSummary, updateProgram } from "../db/programs.ts";
import { auditStatement } from "../db/membership.ts";
import { ApiError, forbidden } from "../http/errors.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";
import { requestLocale } from "../http/locale.ts";
import type { Context } from "hono";

const tags = ["Programs"];
const auth = { middleware: [requireUser] };
const ProgramParams = z.object({ programId: z.string() });

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
      const row = await insertProgram(c.env.DB, {
        groupId,
        templateId: template.id,
        locale,
        title: body.title ?? localized.name,
        description: body.description ?? localized.description,
        steps: JSON.stringify(steps),
        questions: JSON.stringify(questions),
        mentorCapacityDefault: MENTOR_CAPACITY_DEFAULT,
        mentorCapacityMax: Math.max(MENTOR_CAPACITY_DEFAULT, 3),
        durationWeeks: localized.durationWeeks,
        createdBy: me,
        now,
      });
      await auditStatement(c.env.DB, { groupId, actorId: me, action: "program_created", target: { type: "program", id: row!.id, label: row!.title } }).run();
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
      const results = await listProgramsOfGroup(c.env.DB, groupId, isGroupAdmin(role) ? 1 : 0);
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
      const updated = await updateProgram(c.env.DB, programId, {
        version: patch.version ?? null,
        title: patch.title ?? null,
        description: patch.description ?? null,
        steps: patch.steps ? JSON.stringify(patch.steps) : null,
        questions: patch.questions ? JSON.stringify(patch.questions) : null,
        mentorCapacityDefault: capacityDefault,
        mentorCapacityMax: capacityMax,
        durationWeeks: patch.durationWeeks ?? null,
        checkinCadenceDays: patch.checkinCadenceDays ?? null,
        now: new Date().toISOString(),
      });
      if (!updated) {
        throw new ApiError(409, "version_conflict", "Someone else changed this program meanwhile. Reload to see their changes.");
      }
      await auditStatement(c.env.DB, {
        groupId: updated.group_id,
        actorId: currentUser(c).id,
        action: "program_edited",
        target: { type: "program", id: programId, label: updated.title },
        detail: {
          fields: Object.keys(patch)
            .filter((k) => k !== "version")
            .join(","),
        },
      }).run();
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
      const updated = await changeProgramStatus(c.env.DB, programId, from, status, new Date().toISOString());
      if (!updated) throw new ApiError(409, "invalid_transition", "The program's status changed meanwhile. Reload and try again.");
      await auditStatement(c.env.DB, {
        groupId: updated.group_id,
        actorId: currentUser(c).id,
        action: "program_status_changed",
        target: { type: "program", id: programId, label: updated.title },
        detail: { from, to: status },
      }).run();
      return c.json({ program: toProgram(updated) }, 200);
    },
  );
