import { describe, expect, it } from "vitest";
import { TestClient, createProgram, groupWithRoles } from "./helpers.ts";

describe("templates", () => {
  it("GET /api/templates lists the three templates in the requested language", async () => {
    const en = await new TestClient().get("/templates");
    expect(en.status).toBe(200);
    expect(en.json.templates.map((t: { id: string }) => t.id)).toEqual(["career-advancement", "skill-development", "encouragement-support"]);
    expect(en.json.templates[0].steps[0].title).toBe("Get to know each other");

    const fr = await new TestClient().get("/templates?locale=fr");
    expect(fr.json.templates[0].steps[0].title).toBe("Faire connaissance");
    const de = await new TestClient().fetch("GET", "/templates", undefined, { headers: { "Accept-Language": "de-CH,de;q=0.9,en;q=0.5" } });
    expect(de.json.locale).toBe("de");
    expect(de.json.templates[0].steps[0].title).toBe("Einander kennenlernen");
  });
});

describe("programs", () => {
  it("an admin creates a draft program from a template, with its own copy of steps and questions", async () => {
    const { groupId, admin } = await groupWithRoles();
    const res = await admin.client.post(`/groups/${groupId}/programs`, { templateId: "career-advancement", locale: "en" });
    expect(res.status).toBe(201);
    const program = res.json.program;
    expect(program).toMatchObject({ groupId, templateId: "career-advancement", status: "draft", locale: "en", version: 1 });
    expect(program.steps.length).toBeGreaterThanOrEqual(6);
    expect(program.steps[0].title).toBe("Get to know each other");
    expect(program.questions.mentor.map((q: { id: string }) => q.id)).toContain("help_with");
    expect(program.questions.mentee.map((q: { id: string }) => q.id)).toContain("need_help_with");
  });

  it("takes overrides for title and description, and refuses an unknown template", async () => {
    const { groupId, admin } = await groupWithRoles();
    const res = await admin.client.post(`/groups/${groupId}/programs`, { templateId: "skill-development", title: "Learn Rust together" });
    expect(res.json.program.title).toBe("Learn Rust together");
    const bad = await admin.client.post(`/groups/${groupId}/programs`, { templateId: "astrology" });
    expect(bad.status).toBe(422);
    expect(bad.json.error.code).toBe("unknown_template");
  });

  it("editing a program's steps never changes the template or other programs", async () => {
    const { groupId, admin } = await groupWithRoles();
    const { programId, program } = await createProgram(admin, groupId, "career-advancement", false);
    const steps = structuredClone(program.steps);
    steps[0].title = "Meet and greet";
    steps.reverse(); // reorder
    steps.splice(1, 1); // remove a middle step
    steps.push({
      id: "bonus",
      title: "Bonus: mock interview",
      guidance: "Run a 30-minute mock interview.",
      activities: [{ id: "run", label: "Run the interview" }],
    });
    const res = await admin.client.patch(`/programs/${programId}`, { steps, version: program.version });
    expect(res.status).toBe(200);
    expect(res.json.program.steps.at(-1).title).toBe("Bonus: mock interview");
    expect(res.json.program.steps.find((s: { id: string }) => s.id === "week-1").title).toBe("Meet and greet");
    expect(res.json.program.version).toBe(program.version + 1);

    const templates = await new TestClient().get("/templates?locale=en");
    expect(templates.json.templates[0].steps[0].title).toBe("Get to know each other");
    const other = await createProgram(admin, groupId, "career-advancement", false);
    expect(other.program.steps[0].title).toBe("Get to know each other");
  });

  it("edits questions of every kind, with required flags", async () => {
    const { groupId, admin } = await groupWithRoles();
    const { programId } = await createProgram(admin, groupId, "career-advancement", false);
    const questions = {
      mentor: [
        { id: "years", kind: "short_text", label: "Years of experience?", required: true },
        { id: "story", kind: "long_text", label: "Your story", required: false },
        {
          id: "format",
          kind: "single_choice",
          label: "Format",
          required: true,
          choices: [
            { id: "video", label: "Video" },
            { id: "chat", label: "Chat" },
          ],
        },
        {
          id: "areas",
          kind: "multiple_choice",
          label: "Areas",
          required: false,
          choices: [
            { id: "cv", label: "CV" },
            { id: "pay", label: "Pay" },
          ],
        },
      ],
      mentee: [{ id: "goal", kind: "long_text", label: "Your goal", required: true }],
    };
    const res = await admin.client.patch(`/programs/${programId}`, { questions });
    expect(res.status).toBe(200);
    expect(res.json.program.questions).toEqual(questions);
  });

  it("refuses invalid edits with 422 and changes nothing", async () => {
    const { groupId, admin } = await groupWithRoles();
    const { programId, program } = await createProgram(admin, groupId, "career-advancement", false);
    const bad = [
      { steps: [] },
      { steps: [{ ...program.steps[0] }, { ...program.steps[0] }] }, // duplicate ids
      { questions: { mentor: [{ id: "q", kind: "single_choice", label: "Pick", required: true, choices: [{ id: "a", label: "A" }] }], mentee: [] } },
      { mentorCapacityDefault: 0 },
      { mentorCapacityDefault: 5, mentorCapacityMax: 3 },
      { durationWeeks: 0 },
      { status: "open" },
    ];
    for (const body of bad) {
      const res = await admin.client.patch(`/programs/${programId}`, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(422);
    }
    const after = await admin.client.get(`/programs/${programId}`);
    expect(after.json.program.version).toBe(program.version);
    expect(after.json.program.steps).toEqual(program.steps);
  });

  it("a stale version gets 409 version_conflict instead of overwriting", async () => {
    const { groupId, admin, owner } = await groupWithRoles();
    const { programId, program } = await createProgram(admin, groupId, "career-advancement", false);
    expect((await owner.client.patch(`/programs/${programId}`, { title: "Owner's title", version: program.version })).status).toBe(200);
    const stale = await admin.client.patch(`/programs/${programId}`, { title: "Admin's title", version: program.version });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe("version_conflict");
    expect((await admin.client.get(`/programs/${programId}`)).json.program.title).toBe("Owner's title");
  });

  it("moves draft → open → closed → open → closed → archived, and refuses other transitions with 409", async () => {
    const { groupId, admin } = await groupWithRoles();
    const { programId } = await createProgram(admin, groupId, "career-advancement", false);
    const go = (status: string) => admin.client.post(`/programs/${programId}/status`, { status });
    expect((await go("closed")).status).toBe(409);
    expect((await go("open")).json.program.status).toBe("open");
    expect((await go("open")).status).toBe(409);
    expect((await go("archived")).status).toBe(409);
    expect((await go("closed")).status).toBe(200);
    expect((await go("open")).status).toBe(200);
    expect((await go("closed")).status).toBe(200);
    expect((await go("archived")).status).toBe(200);
    const stuck = await go("open");
    expect(stuck.status).toBe(409);
    expect(stuck.json.error.code).toBe("invalid_transition");
    expect((await admin.client.patch(`/programs/${programId}`, { title: "x2" })).json.error.code).toBe("program_archived");
  });

  it("members see open programs but not drafts", async () => {
    const { groupId, admin, member } = await groupWithRoles();
    const draft = await createProgram(admin, groupId, "skill-development", false);
    const open = await createProgram(admin, groupId, "career-advancement", true);
    expect((await member.client.get(`/programs/${draft.programId}`)).status).toBe(404);
    const seen = await member.client.get(`/programs/${open.programId}`);
    expect(seen.status).toBe(200);
    expect(seen.json.myRole).toBe("member");
    const list = await member.client.get(`/groups/${groupId}/programs`);
    expect(list.json.programs.map((p: { id: string }) => p.id)).toEqual([open.programId]);
    expect((await admin.client.get(`/groups/${groupId}/programs`)).json.programs).toHaveLength(2);
  });
});
