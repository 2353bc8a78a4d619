import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { answersFor, apply, createProgram, groupWithRoles, programWithApplicants } from "./helpers.ts";

async function programAndQuestions() {
  const group = await groupWithRoles();
  const { programId, program } = await createProgram(group.admin, group.groupId);
  return { ...group, programId, program };
}

describe("applications", () => {
  it("a member applies as a mentor with a capacity and answers; 201 with the application", async () => {
    const { programId, program, member } = await programAndQuestions();
    const res = await member.client.post(`/programs/${programId}/applications`, {
      role: "mentor",
      answers: answersFor(program.questions.mentor),
      capacity: 3,
    });
    expect(res.status).toBe(201);
    expect(res.json.application).toMatchObject({ role: "mentor", status: "waiting", capacity: 3, userId: member.user.id });
  });

  it("a mentor who gives no capacity gets the program's default", async () => {
    const { programId, member } = await programAndQuestions();
    const application = await apply(member, programId, "mentor");
    expect((application as any).capacity).toBe(2);
  });

  it("refuses a capacity above the program's maximum, and a capacity for a mentee", async () => {
    const { programId, program, member } = await programAndQuestions();
    const over = await member.client.post(`/programs/${programId}/applications`, {
      role: "mentor",
      answers: answersFor(program.questions.mentor),
      capacity: 9,
    });
    expect(over.status).toBe(422);
    const mentee = await member.client.post(`/programs/${programId}/applications`, {
      role: "mentee",
      answers: answersFor(program.questions.mentee),
      capacity: 1,
    });
    expect(mentee.status).toBe(422);
  });

  it("validates answers against the program's own questions and names the bad one", async () => {
    const { programId, program, member } = await programAndQuestions();
    const missing = answersFor(program.questions.mentee);
    delete missing.need_help_with;
    const res = await member.client.post(`/programs/${programId}/applications`, { role: "mentee", answers: missing });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("invalid_answers");
    expect(res.json.error.issues[0].path).toBe("answers.need_help_with");

    const badChoice = await member.client.post(`/programs/${programId}/applications`, {
      role: "mentee",
      answers: answersFor(program.questions.mentee, { topics: ["not-a-topic"] }),
    });
    expect(badChoice.status).toBe(422);
    expect(badChoice.json.error.issues[0].path).toBe("answers.topics");
    const stored = await env.DB.prepare("SELECT COUNT(*) AS n FROM applications WHERE user_id = ?1").bind(member.user.id).first<{ n: number }>();
    expect(stored!.n).toBe(0);
  });

  it("a second application for the same role gets 409; the other role is fine", async () => {
    const { programId, member } = await programAndQuestions();
    await apply(member, programId, "mentee");
    await expect(apply(member, programId, "mentee")).rejects.toThrow(/409/);
    await apply(member, programId, "mentor");
  });

  it("only open programs take applications", async () => {
    const { groupId, admin, member } = await groupWithRoles();
    const { programId } = await createProgram(admin, groupId, "career-advancement", false);
    expect((await member.client.post(`/programs/${programId}/applications`, { role: "mentee", answers: {} })).status).toBe(404); // a draft is invisible
    await admin.client.post(`/programs/${programId}/status`, { status: "open" });
    await admin.client.post(`/programs/${programId}/status`, { status: "closed" });
    const closed = await member.client.post(`/programs/${programId}/applications`, { role: "mentee", answers: {} });
    expect(closed.status).toBe(409);
    expect(closed.json.error.code).toBe("program_not_open");
  });

  it("checks again on the server that the applicant is an adult", async () => {
    const { programId, program, member } = await programAndQuestions();
    await env.DB.prepare("UPDATE users SET birth_date = '2015-01-01' WHERE id = ?1").bind(member.user.id).run();
    const res = await member.client.post(`/programs/${programId}/applications`, { role: "mentee", answers: answersFor(program.questions.mentee) });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("underage");
  });

  it("applicants edit and withdraw until paired, then cannot", async () => {
    const f = await programWithApplicants();
    const edited = await f.mentee.client.patch(`/applications/${f.menteeApplication.id}`, {
      answers: answersFor((await f.mentee.client.get(`/programs/${f.programId}`)).json.program.questions.mentee, {
        need_help_with: "Preparing for a promotion",
      }),
    });
    expect(edited.status).toBe(200);
    expect(edited.json.application.answers.need_help_with).toBe("Preparing for a promotion");

    await f.admin.client.post(`/programs/${f.programId}/pairs`, { mentorId: f.mentor.user.id, menteeId: f.mentee.user.id });
    const late = await f.mentee.client.patch(`/applications/${f.menteeApplication.id}`, { answers: {} });
    expect(late.status).toBe(409);
    expect(late.json.error.code).toBe("already_paired");
    expect((await f.mentee.client.delete(`/applications/${f.menteeApplication.id}`)).status).toBe(409);
  });

  it("a withdrawn application can be sent again", async () => {
    const { programId, member } = await programAndQuestions();
    const first = await apply(member, programId, "mentee");
    expect((await member.client.delete(`/applications/${first.id}`)).status).toBe(204);
    const again = await apply(member, programId, "mentee");
    expect(again.status).toBe("waiting");
  });

  it("nobody else can edit or withdraw my application (404)", async () => {
    const f = await programWithApplicants();
    expect((await f.mentor.client.patch(`/applications/${f.menteeApplication.id}`, { answers: {} })).status).toBe(404);
    expect((await f.admin.client.delete(`/applications/${f.menteeApplication.id}`)).status).toBe(404);
  });

  it("the admin's applicants view shows answers, profiles and mentor capacity, filtered by role and status", async () => {
    const f = await programWithApplicants(2);
    const all = await f.admin.client.get(`/programs/${f.programId}/applications`);
    expect(all.status).toBe(200);
    expect(all.json.applications).toHaveLength(2);
    const mentors = await f.admin.client.get(`/programs/${f.programId}/applications?role=mentor`);
    expect(mentors.json.applications).toEqual([expect.objectContaining({ role: "mentor", capacityUsed: 0, capacityLeft: 2 })]);
    expect(mentors.json.applications[0].user).not.toHaveProperty("email");
    expect(mentors.json.applications[0].answers.help_with).toBeTruthy();

    await f.admin.client.post(`/programs/${f.programId}/pairs`, { mentorId: f.mentor.user.id, menteeId: f.mentee.user.id });
    const after = await f.admin.client.get(`/programs/${f.programId}/applications?role=mentor`);
    expect(after.json.applications[0]).toMatchObject({ capacityUsed: 1, capacityLeft: 1, status: "paired" });
    expect((await f.admin.client.get(`/programs/${f.programId}/applications?status=waiting`)).json.applications).toEqual([]);
    expect((await f.admin.client.get(`/programs/${f.programId}/applications?status=bogus`)).status).toBe(422);
  });

  it("lists my applications with their program", async () => {
    const f = await programWithApplicants();
    const mine = await f.mentee.client.get("/applications");
    expect(mine.json.applications).toEqual([expect.objectContaining({ role: "mentee", program: expect.objectContaining({ id: f.programId }) })]);
  });
});
