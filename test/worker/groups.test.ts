import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { TestClient, groupWithRoles, joinGroup, signUp } from "./helpers.ts";

describe("groups", () => {
  it("POST /api/groups answers 201 with the group and makes the creator its owner", async () => {
    const owner = await signUp("creator");
    const res = await owner.client.post("/groups", { name: "Parents Helping Parents", description: "Support for new parents", focus: "parenting" });
    expect(res.status).toBe(201);
    expect(res.json.group).toMatchObject({ name: "Parents Helping Parents", focus: "parenting", memberCount: 1 });
    const detail = await owner.client.get(`/groups/${res.json.group.id}`);
    expect(detail.json.role).toBe("owner");
    expect(detail.json.members).toHaveLength(1);
    expect(detail.json.members[0].user.id).toBe(owner.user.id);
  });

  it("refuses a bad focus or an empty name with 422, creating nothing", async () => {
    const owner = await signUp("badgroup");
    for (const body of [{ name: "X1", focus: "gaming" }, { name: " ", focus: "other" }, { focus: "other" }]) {
      const res = await owner.client.post("/groups", body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    expect((await owner.client.get("/groups")).json.groups).toEqual([]);
  });

  it("GET /api/groups lists only my groups, with my role", async () => {
    const { groupId, member, outsider } = await groupWithRoles();
    const mine = await member.client.get("/groups");
    expect(mine.json.groups).toEqual([expect.objectContaining({ id: groupId, role: "member", memberCount: 3 })]);
    expect((await outsider.client.get("/groups")).json.groups).toEqual([]);
  });

  it("the member list shows public profiles only: no emails or birth dates", async () => {
    const { groupId, member } = await groupWithRoles();
    const res = await member.client.get(`/groups/${groupId}`);
    expect(res.status).toBe(200);
    for (const entry of res.json.members) {
      expect(entry.user).not.toHaveProperty("email");
      expect(entry.user).not.toHaveProperty("birthDate");
    }
    expect(res.json.members.map((m: { role: string }) => m.role)).toEqual(["owner", "admin", "member"]);
  });

  it("an admin edits the group; the change shows for members", async () => {
    const { groupId, admin, member } = await groupWithRoles();
    const res = await admin.client.patch(`/groups/${groupId}`, { description: "Now with monthly meetups" });
    expect(res.status).toBe(200);
    expect((await member.client.get(`/groups/${groupId}`)).json.group.description).toBe("Now with monthly meetups");
  });

  it("admins promote members; only an owner demotes an admin (an admin's attempt is 403)", async () => {
    const { groupId, owner, admin, member } = await groupWithRoles();
    const up = await admin.client.patch(`/groups/${groupId}/members/${member.user.id}`, { role: "admin" });
    expect(up.status).toBe(200);
    expect(up.json.members.find((m: any) => m.user.id === member.user.id).role).toBe("admin");
    const refused = await admin.client.patch(`/groups/${groupId}/members/${member.user.id}`, { role: "member" });
    expect(refused.status).toBe(403);
    const down = await owner.client.patch(`/groups/${groupId}/members/${member.user.id}`, { role: "member" });
    expect(down.json.members.find((m: any) => m.user.id === member.user.id).role).toBe("member");
  });

  it("only an owner grants or takes the owner role", async () => {
    const { groupId, owner, admin, member } = await groupWithRoles();
    expect((await admin.client.patch(`/groups/${groupId}/members/${member.user.id}`, { role: "owner" })).status).toBe(403);
    expect((await admin.client.patch(`/groups/${groupId}/members/${owner.user.id}`, { role: "member" })).status).toBe(403);
    expect((await owner.client.patch(`/groups/${groupId}/members/${admin.user.id}`, { role: "owner" })).status).toBe(200);
  });

  it("the last owner cannot be demoted or leave (409 last_owner); with a second owner they can", async () => {
    const { groupId, owner, admin } = await groupWithRoles();
    const demote = await owner.client.patch(`/groups/${groupId}/members/${owner.user.id}`, { role: "admin" });
    expect(demote.status).toBe(409);
    expect(demote.json.error.code).toBe("last_owner");
    const leave = await owner.client.post(`/groups/${groupId}/leave`);
    expect(leave.status).toBe(409);
    expect((await owner.client.get(`/groups/${groupId}`)).json.role).toBe("owner");

    await owner.client.patch(`/groups/${groupId}/members/${admin.user.id}`, { role: "owner" });
    expect((await owner.client.post(`/groups/${groupId}/leave`)).status).toBe(204);
    expect((await owner.client.get(`/groups/${groupId}`)).status).toBe(404);
  });

  it("two owners demoting each other at the same moment still leave one owner", async () => {
    const { groupId, owner, admin } = await groupWithRoles();
    await owner.client.patch(`/groups/${groupId}/members/${admin.user.id}`, { role: "owner" });
    const results = await Promise.all([
      owner.client.patch(`/groups/${groupId}/members/${admin.user.id}`, { role: "member" }),
      admin.client.patch(`/groups/${groupId}/members/${owner.user.id}`, { role: "member" }),
    ]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toContain(409);
    const owners = await env.DB.prepare("SELECT COUNT(*) AS n FROM group_members WHERE group_id = ?1 AND role = 'owner'").bind(groupId).first<{ n: number }>();
    expect(owners!.n).toBe(1);
  });

  it("members leave; admins remove members; an admin cannot remove an owner", async () => {
    const { groupId, owner, admin, member } = await groupWithRoles();
    expect((await admin.client.delete(`/groups/${groupId}/members/${owner.user.id}`)).status).toBe(403);
    expect((await admin.client.delete(`/groups/${groupId}/members/${member.user.id}`)).status).toBe(204);
    expect((await member.client.get(`/groups/${groupId}`)).status).toBe(404);
    await joinGroup(owner, groupId, member);
    expect((await member.client.post(`/groups/${groupId}/leave`)).status).toBe(204);
    expect((await member.client.get("/groups")).json.groups).toEqual([]);
  });

  it("a group can run several programs", async () => {
    const { groupId, owner } = await groupWithRoles();
    for (const templateId of ["career-advancement", "skill-development", "encouragement-support"]) {
      expect((await owner.client.post(`/groups/${groupId}/programs`, { templateId })).status).toBe(201);
    }
    expect((await owner.client.get(`/groups/${groupId}/programs`)).json.programs).toHaveLength(3);
  });

  it("an unknown group is 404 for everyone, like a group one is not in", async () => {
    const { outsider, groupId } = await groupWithRoles();
    const unknown = await outsider.client.get(`/groups/${crypto.randomUUID()}`);
    const hidden = await outsider.client.get(`/groups/${groupId}`);
    expect(unknown.status).toBe(404);
    expect(hidden.status).toBe(404);
    expect(hidden.json).toEqual({ error: { ...unknown.json.error } });
    expect((await new TestClient().get(`/groups/${groupId}`)).status).toBe(401);
  });
});
