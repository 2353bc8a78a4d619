import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { apply, joinGroup, pairUp, programWithApplicants, signUp } from "./helpers.ts";

describe("pairing", () => {
  it("an admin pairs a mentor and a mentee: 201, the room is created with a snapshot of the steps", async () => {
    const f = await programWithApplicants();
    const res = await f.admin.client.post(`/programs/${f.programId}/pairs`, { mentorId: f.mentor.user.id, menteeId: f.mentee.user.id });
    expect(res.status).toBe(201);
    expect(res.json.pair).toMatchObject({ status: "active", programId: f.programId, mentor: { id: f.mentor.user.id }, mentee: { id: f.mentee.user.id } });

    const program = (await f.admin.client.get(`/programs/${f.programId}`)).json.program;
    const stub = env.PAIR_ROOM.get(env.PAIR_ROOM.idFromName(res.json.pair.id));
    expect(await stub.stepsSnapshot()).toEqual(program.steps.map((s: { id: string; title: string }) => ({ id: s.id, title: s.title })));
    await runInDurableObject(stub, async (_instance, state) => {
      const members = state.storage.sql.exec("SELECT user_id, role FROM members ORDER BY role").toArray();
      expect(members).toEqual([
        { user_id: f.mentee.user.id, role: "mentee" },
        { user_id: f.mentor.user.id, role: "mentor" },
      ]);
    });

    // Editing the program afterwards does not change the pair's steps.
    await f.admin.client.patch(`/programs/${f.programId}`, { steps: [{ ...program.steps[0], title: "Changed later" }] });
    expect((await stub.stepsSnapshot())[0]!.title).toBe(program.steps[0].title);
  });

  it("both people are notified, with an unread count, and can mark it read", async () => {
    const f = await programWithApplicants();
    const pair = await pairUp(f.admin, f.programId, f.mentor, f.mentee);
    for (const [person, other] of [
      [f.mentor, f.mentee],
      [f.mentee, f.mentor],
    ] as const) {
      const res = await person.client.get("/notifications");
      expect(res.json.unreadCount).toBe(1);
      expect(res.json.notifications[0]).toMatchObject({ kind: "paired", data: { pairId: pair.id, otherName: other.user.displayName } });
    }
    expect((await f.mentee.client.post("/notifications/read", {})).status).toBe(204);
    expect((await f.mentee.client.get("/notifications")).json.unreadCount).toBe(0);
    expect((await f.mentor.client.get("/notifications")).json.unreadCount).toBe(1);
  });

  it("GET /api/pairs lists my pairs with the other person, the program and the status", async () => {
    const f = await programWithApplicants();
    const pair = await pairUp(f.admin, f.programId, f.mentor, f.mentee);
    const mine = await f.mentee.client.get("/pairs");
    expect(mine.json.pairs).toEqual([
      expect.objectContaining({
        id: pair.id,
        status: "active",
        myRole: "mentee",
        other: expect.objectContaining({ id: f.mentor.user.id }),
        program: expect.objectContaining({ id: f.programId }),
      }),
    ]);
    expect((await f.admin.client.get("/pairs")).json.pairs).toEqual([]);
  });

  it("refuses people who did not apply in those roles", async () => {
    const f = await programWithApplicants();
    const swapped = await f.admin.client.post(`/programs/${f.programId}/pairs`, { mentorId: f.mentee.user.id, menteeId: f.mentor.user.id });
    expect(swapped.status).toBe(422);
    expect(swapped.json.error.code).toBe("not_an_applicant");
  });

  it("refuses someone who left the group", async () => {
    const f = await programWithApplicants();
    await f.mentee.client.post(`/groups/${f.groupId}/leave`);
    const res = await f.admin.client.post(`/programs/${f.programId}/pairs`, { mentorId: f.mentor.user.id, menteeId: f.mentee.user.id });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("not_a_member");
  });

  it("refuses two people when either blocked the other", async () => {
    const f = await programWithApplicants();
    await env.DB.prepare("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (?1, ?2, '2026-01-01')")
      .bind(f.mentee.user.id, f.mentor.user.id)
      .run();
    const res = await f.admin.client.post(`/programs/${f.programId}/pairs`, { mentorId: f.mentor.user.id, menteeId: f.mentee.user.id });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("blocked");
  });

  it("refuses pairing the same two twice, and a mentee who already has a mentor", async () => {
    const f = await programWithApplicants(3);
    await pairUp(f.admin, f.programId, f.mentor, f.mentee);
    const again = await f.admin.client.post(`/programs/${f.programId}/pairs`, { mentorId: f.mentor.user.id, menteeId: f.mentee.user.id });
    expect(again.json.error.code).toBe("already_paired");

    const otherMentor = await signUp("other-mentor");
    await joinGroup(f.admin, f.groupId, otherMentor);
    await apply(otherMentor, f.programId, "mentor");
    const second = await f.admin.client.post(`/programs/${f.programId}/pairs`, { mentorId: otherMentor.user.id, menteeId: f.mentee.user.id });
    expect(second.status).toBe(409);
    expect(second.json.error.code).toBe("mentee_has_pair");
  });

  it("checks again at pairing time that both are adults", async () => {
    const f = await programWithApplicants();
    await env.DB.prepare("UPDATE users SET birth_date = '2012-05-05' WHERE id = ?1").bind(f.mentee.user.id).run();
    const res = await f.admin.client.post(`/programs/${f.programId}/pairs`, { mentorId: f.mentor.user.id, menteeId: f.mentee.user.id });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("underage");
  });

  it("enforces the mentor's capacity", async () => {
    const f = await programWithApplicants(1);
    await pairUp(f.admin, f.programId, f.mentor, f.mentee);
    const next = await signUp("next-mentee");
    await joinGroup(f.admin, f.groupId, next);
    await apply(next, f.programId, "mentee");
    const res = await f.admin.client.post(`/programs/${f.programId}/pairs`, { mentorId: f.mentor.user.id, menteeId: next.user.id });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("capacity_full");
  });

  it("holds capacity when two admins pair the last place at the same moment", async () => {
    const f = await programWithApplicants(1);
    const others = await Promise.all([signUp("race-a"), signUp("race-b"), signUp("race-c")]);
    for (const person of others) {
      await joinGroup(f.admin, f.groupId, person);
      await apply(person, f.programId, "mentee");
    }
    const mentees = [f.mentee, ...others];
    const admins = [f.admin, f.owner];
    const results = await Promise.all(
      mentees.map((mentee, i) => admins[i % 2]!.client.post(`/programs/${f.programId}/pairs`, { mentorId: f.mentor.user.id, menteeId: mentee.user.id })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).every((r) => r.json.error.code === "capacity_full")).toBe(true);
    const active = await env.DB.prepare("SELECT COUNT(*) AS n FROM pairs WHERE mentor_id = ?1 AND status = 'active'")
      .bind(f.mentor.user.id)
      .first<{ n: number }>();
    expect(active!.n).toBe(1);
  });

  it("ending frees the mentor's capacity and keeps the history", async () => {
    const f = await programWithApplicants(1);
    const pair = await pairUp(f.admin, f.programId, f.mentor, f.mentee);
    const ended = await f.mentee.client.post(`/pairs/${pair.id}/end`, { outcome: "ended", reason: "Our schedules never matched" });
    expect(ended.status).toBe(200);
    expect(ended.json.pair).toMatchObject({ status: "ended", endReason: "Our schedules never matched" });
    expect((await f.mentee.client.post(`/pairs/${pair.id}/end`, { outcome: "completed" })).json.error.code).toBe("pair_ended");

    const mentors = await f.admin.client.get(`/programs/${f.programId}/applications?role=mentor`);
    expect(mentors.json.applications[0]).toMatchObject({ capacityUsed: 0, capacityLeft: 1 });
    expect((await f.mentor.client.get("/pairs")).json.pairs[0].status).toBe("ended");
    expect((await f.mentor.client.get("/notifications")).json.notifications[0]).toMatchObject({ kind: "pair_ended", data: { outcome: "ended" } });
    expect(await env.PAIR_ROOM.get(env.PAIR_ROOM.idFromName(pair.id)).status()).toBe("ended");
  });

  it("an admin can end a pair as completed; someone from outside cannot (404)", async () => {
    const f = await programWithApplicants();
    const pair = await pairUp(f.admin, f.programId, f.mentor, f.mentee);
    expect((await f.member.client.post(`/pairs/${pair.id}/end`, { outcome: "completed" })).status).toBe(404);
    expect((await f.outsider.client.post(`/pairs/${pair.id}/end`, { outcome: "completed" })).status).toBe(404);
    const res = await f.admin.client.post(`/pairs/${pair.id}/end`, { outcome: "completed" });
    expect(res.status).toBe(200);
    expect(res.json.pair.status).toBe("completed");
  });
});
