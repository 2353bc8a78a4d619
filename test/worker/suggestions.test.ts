import { describe, expect, it } from "vitest";
import { answersFor, apply, createProgram, groupWithRoles, joinGroup, person, type Person } from "./helpers.ts";

async function profiled(label: string, profile: Record<string, unknown>) {
  const p = await person(label);
  await p.client.patch("/me", profile);
  return p;
}

async function board() {
  const group = await groupWithRoles();
  const { programId } = await createProgram(group.admin, group.groupId);
  const join = async (p: Person) => joinGroup(group.admin, group.groupId, p);
  const berlin = await profiled("berlin-mentor", { topics: ["promotion", "backend"], languages: ["de", "en"], timeZone: "Europe/Berlin" });
  const tokyo = await profiled("tokyo-mentor", { topics: ["design"], languages: ["ja"], timeZone: "Asia/Tokyo" });
  const full = await profiled("full-mentor", { topics: ["promotion", "backend"], languages: ["en"], timeZone: "Europe/Paris" });
  const lea = await profiled("lea", { topics: ["promotion", "backend"], languages: ["fr", "en"], timeZone: "Europe/Paris" });
  const kai = await profiled("kai", { topics: ["design"], languages: ["ja", "en"], timeZone: "Asia/Tokyo" });
  for (const p of [berlin, tokyo, full, lea, kai]) await join(p);
  await apply(berlin, programId, "mentor", { capacity: 1, answers: { help_with: "Preparing promotion cases and interviews for backend engineers" } });
  await apply(tokyo, programId, "mentor", { capacity: 1 });
  await apply(full, programId, "mentor", { capacity: 1 });
  await apply(lea, programId, "mentee", { answers: { mentor_wanted: "Someone who has done many interviews" } });
  await apply(kai, programId, "mentee");
  // `full` takes a mentee and has no capacity left.
  const filler = await profiled("filler", { languages: ["en"] });
  await join(filler);
  await apply(filler, programId, "mentee");
  await group.admin.client.post(`/programs/${programId}/pairs`, { mentorId: full.user.id, menteeId: filler.user.id });
  return { ...group, programId, berlin, tokyo, full, lea, kai };
}

describe("match suggestions", () => {
  it("ranks mentors with free capacity for a mentee, with human-readable reasons", async () => {
    const b = await board();
    const res = await b.admin.client.get(`/programs/${b.programId}/suggestions?menteeId=${b.lea.user.id}`);
    expect(res.status).toBe(200);
    const ids = res.json.suggestions.map((s: any) => s.mentor.userId);
    expect(ids[0]).toBe(b.berlin.user.id);
    expect(ids).not.toContain(b.full.user.id); // no capacity left
    const top = res.json.suggestions[0];
    const kinds = top.reasons.map((r: any) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(["shared_topics", "shared_language", "time_zone", "asked_for"]));
    expect(top.reasons.find((r: any) => r.kind === "asked_for").text).toMatch(/interview/);
    expect(top.score).toBeGreaterThan(res.json.suggestions[1].score);
  });

  it("follows every change to what they are made of: a profile, an application, a mentor's places", async () => {
    const b = await board();
    const suggest = async () => {
      const res = await b.admin.client.get(`/programs/${b.programId}/suggestions?menteeId=${b.lea.user.id}`);
      expect(res.status).toBe(200);
      return new Map<string, any>(res.json.suggestions.map((s: any) => [s.mentor.userId, s]));
    };
    const before = await suggest();
    expect([...before.keys()]).not.toContain(b.full.user.id);

    // A mentor's profile: Tokyo moves to Paris, speaks French and takes up Léa's topics.
    await b.tokyo.client.patch("/me", { topics: ["promotion", "backend"], languages: ["fr"], timeZone: "Europe/Paris" });
    const moved = await suggest();
    expect(moved.get(b.tokyo.user.id).score).toBeGreaterThan(before.get(b.tokyo.user.id).score);
    expect(moved.get(b.tokyo.user.id).mentor.user.timeZone).toBe("Europe/Paris");

    // A mentor's application: Berlin no longer mentions interviews, so Léa's request no longer matches.
    const berlinApplication = (await b.berlin.client.get("/applications")).json.applications.find((a: any) => a.programId === b.programId);
    const { program } = (await b.berlin.client.get(`/programs/${b.programId}`)).json;
    const answers = answersFor(program.questions.mentor, { help_with: "Gardening and watercolours" });
    const edited = await b.berlin.client.patch(`/applications/${berlinApplication.id}`, { answers });
    expect(edited.status).toBe(200);
    const rewritten = await suggest();
    expect(before.get(b.berlin.user.id).reasons.map((r: any) => r.kind)).toContain("asked_for");
    expect(rewritten.get(b.berlin.user.id).reasons.map((r: any) => r.kind)).not.toContain("asked_for");

    // A mentor's places: ending the full mentor's pair gives them a place again.
    const { pairs } = (await b.admin.client.get(`/programs/${b.programId}/pairs`)).json;
    const ended = await b.admin.client.post(`/pairs/${pairs[0].id}/end`, { outcome: "completed" });
    expect(ended.status).toBe(200);
    expect([...(await suggest()).keys()]).toContain(b.full.user.id);
  });

  it("refuses a menteeId that is not a mentee of the program", async () => {
    const b = await board();
    const res = await b.admin.client.get(`/programs/${b.programId}/suggestions?menteeId=${b.berlin.user.id}`);
    expect(res.status).toBe(422);
  });

  it("suggest-all proposes a pairing for every waiting mentee under capacity and changes nothing", async () => {
    const b = await board();
    const res = await b.admin.client.post(`/programs/${b.programId}/suggestions/all`);
    expect(res.status).toBe(200);
    const proposals = res.json.proposals.map((p: any) => [p.mentorId, p.menteeId]);
    expect(proposals).toEqual(
      expect.arrayContaining([
        [b.berlin.user.id, b.lea.user.id],
        [b.tokyo.user.id, b.kai.user.id],
      ]),
    );
    expect(proposals).toHaveLength(2);
    expect(res.json.totalScore).toBe(res.json.proposals.reduce((sum: number, p: any) => sum + p.score, 0));
    // Nothing was paired.
    expect((await b.lea.client.get("/pairs")).json.pairs).toEqual([]);
    // Accepting one proposal is an ordinary pairing.
    const accept = await b.admin.client.post(`/programs/${b.programId}/pairs`, { mentorId: b.berlin.user.id, menteeId: b.lea.user.id });
    expect(accept.status).toBe(201);
    const next = await b.admin.client.post(`/programs/${b.programId}/suggestions/all`);
    expect(next.json.proposals.map((p: any) => p.menteeId)).toEqual([b.kai.user.id]);
  });
});
