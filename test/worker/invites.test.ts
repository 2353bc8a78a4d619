import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { TestClient, groupWithRoles, signUp } from "./helpers.ts";

describe("invite links", () => {
  it("an admin creates a link with an unguessable token; accepting it makes the user a member", async () => {
    const { groupId, admin } = await groupWithRoles();
    const res = await admin.client.post(`/groups/${groupId}/invites`, {});
    expect(res.status).toBe(201);
    expect(res.json.token).toMatch(/^[\w-]{32}$/); // 24 random bytes
    expect(res.json.url).toBe(`http://127.0.0.1:8787/invite/${res.json.token}`);

    const newcomer = await signUp("newcomer");
    const preview = await new TestClient().get(`/invites/${res.json.token}`);
    expect(preview.status).toBe(200);
    expect(preview.json.group.id).toBe(groupId);

    const accepted = await newcomer.client.post(`/invites/${res.json.token}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.json).toMatchObject({ role: "member", joined: true });
    expect((await newcomer.client.get(`/groups/${groupId}`)).json.role).toBe("member");
  });

  it("stores only the token's hash", async () => {
    const { groupId, admin } = await groupWithRoles();
    const { json } = await admin.client.post(`/groups/${groupId}/invites`, {});
    const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM group_invites WHERE token_hash = ?1 OR id = ?1").bind(json.token).first<{ n: number }>();
    expect(row!.n).toBe(0);
  });

  it("accepting twice keeps one membership and does not demote an admin", async () => {
    const { groupId, admin } = await groupWithRoles();
    const { json } = await admin.client.post(`/groups/${groupId}/invites`, {});
    const again = await admin.client.post(`/invites/${json.token}/accept`);
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ role: "admin", joined: false });
    const list = await admin.client.get(`/groups/${groupId}/invites`);
    expect(list.json.invites[0].acceptedCount).toBe(0);
  });

  it("a revoked link gets 410 and joins no one", async () => {
    const { groupId, admin } = await groupWithRoles();
    const { json } = await admin.client.post(`/groups/${groupId}/invites`, {});
    expect((await admin.client.delete(`/groups/${groupId}/invites/${json.invite.id}`)).status).toBe(204);
    const late = await signUp("late");
    const res = await late.client.post(`/invites/${json.token}/accept`);
    expect(res.status).toBe(410);
    expect(res.json.error.code).toBe("invite_expired");
    expect((await late.client.get(`/groups/${groupId}`)).status).toBe(404);
    expect((await new TestClient().get(`/invites/${json.token}`)).status).toBe(410);
  });

  it("an expired link gets 410", async () => {
    const { groupId, admin } = await groupWithRoles();
    const { json } = await admin.client.post(`/groups/${groupId}/invites`, { expiresInDays: 1 });
    expect(json.invite.expiresAt).not.toBeNull();
    await env.DB.prepare("UPDATE group_invites SET expires_at = ?2 WHERE id = ?1")
      .bind(json.invite.id, new Date(Date.now() - 1000).toISOString())
      .run();
    expect((await (await signUp("tardy")).client.post(`/invites/${json.token}/accept`)).status).toBe(410);
  });

  it("a link that never expires can be made", async () => {
    const { groupId, admin } = await groupWithRoles();
    const res = await admin.client.post(`/groups/${groupId}/invites`, { expiresInDays: null });
    expect(res.status).toBe(201);
    expect(res.json.invite.expiresAt).toBeNull();
  });

  it("an unknown token gets 404; accepting needs a session", async () => {
    expect((await (await signUp("guess")).client.post(`/invites/${"x".repeat(32)}/accept`)).status).toBe(404);
    const { groupId, admin } = await groupWithRoles();
    const { json } = await admin.client.post(`/groups/${groupId}/invites`, {});
    expect((await new TestClient().post(`/invites/${json.token}/accept`)).status).toBe(401);
  });

  it("the list of links never shows tokens", async () => {
    const { groupId, admin } = await groupWithRoles();
    const { json } = await admin.client.post(`/groups/${groupId}/invites`, {});
    const list = await admin.client.get(`/groups/${groupId}/invites`);
    expect(JSON.stringify(list.json)).not.toContain(json.token);
  });
});
