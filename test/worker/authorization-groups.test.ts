// The authorization matrix for groups, invites and programs: every route against every role, with the
// status each one must get. A change in who may do what shows up here as a failing cell.
import { describe, expect, it } from "vitest";
import { TestClient, createProgram, groupWithRoles, leftAsItWas, person } from "./helpers.ts";

type Role = "anonymous" | "outsider" | "member" | "admin" | "owner";
const ROLES: Role[] = ["anonymous", "outsider", "member", "admin", "owner"];

type Fixture = Awaited<ReturnType<typeof fixture>>;
async function fixture() {
  const group = await groupWithRoles();
  const open = await createProgram(group.admin, group.groupId, "career-advancement", true);
  const draft = await createProgram(group.admin, group.groupId, "skill-development", false);
  const invite = await group.admin.client.post(`/groups/${group.groupId}/invites`, {});
  const clients: Record<Role, TestClient> = {
    anonymous: new TestClient(),
    outsider: group.outsider.client,
    member: group.member.client,
    admin: group.admin.client,
    owner: group.owner.client,
  };
  return { ...group, open, draft, inviteToken: invite.json.token as string, inviteId: invite.json.invite.id as string, clients };
}

type Cell = { route: string; call: (client: TestClient, f: Fixture) => Promise<{ status: number }>; expect: Record<Role, number> };

const MATRIX: Cell[] = [
  {
    route: "POST /groups",
    call: (c) => c.post("/groups", { name: "New group", focus: "other" }),
    expect: { anonymous: 401, outsider: 201, member: 201, admin: 201, owner: 201 },
  },
  { route: "GET /groups", call: (c) => c.get("/groups"), expect: { anonymous: 401, outsider: 200, member: 200, admin: 200, owner: 200 } },
  { route: "GET /groups/:id", call: (c, f) => c.get(`/groups/${f.groupId}`), expect: { anonymous: 401, outsider: 404, member: 200, admin: 200, owner: 200 } },
  {
    route: "PATCH /groups/:id",
    call: (c, f) => c.patch(`/groups/${f.groupId}`, { description: "edited" }),
    expect: { anonymous: 401, outsider: 404, member: 403, admin: 200, owner: 200 },
  },
  {
    route: "PATCH /groups/:id/members/:member",
    call: (c, f) => c.patch(`/groups/${f.groupId}/members/${f.member.user.id}`, { role: "member" }),
    expect: { anonymous: 401, outsider: 404, member: 403, admin: 200, owner: 200 },
  },
  {
    route: "POST /groups/:id/invites",
    call: (c, f) => c.post(`/groups/${f.groupId}/invites`, {}),
    expect: { anonymous: 401, outsider: 404, member: 403, admin: 201, owner: 201 },
  },
  {
    route: "GET /groups/:id/invites",
    call: (c, f) => c.get(`/groups/${f.groupId}/invites`),
    expect: { anonymous: 401, outsider: 404, member: 403, admin: 200, owner: 200 },
  },
  {
    route: "DELETE /groups/:id/invites/:invite",
    call: (c, f) => c.delete(`/groups/${f.groupId}/invites/${f.inviteId}`),
    expect: { anonymous: 401, outsider: 404, member: 403, admin: 204, owner: 204 },
  },
  {
    route: "GET /invites/:token",
    call: (c, f) => c.get(`/invites/${f.inviteToken}`),
    expect: { anonymous: 200, outsider: 200, member: 200, admin: 200, owner: 200 },
  },
  {
    route: "POST /invites/:token/accept",
    call: (c, f) => c.post(`/invites/${f.inviteToken}/accept`),
    expect: { anonymous: 401, outsider: 200, member: 200, admin: 200, owner: 200 },
  },
  { route: "GET /templates", call: (c) => c.get("/templates"), expect: { anonymous: 200, outsider: 200, member: 200, admin: 200, owner: 200 } },
  {
    route: "POST /groups/:id/programs",
    call: (c, f) => c.post(`/groups/${f.groupId}/programs`, { templateId: "career-advancement" }),
    expect: { anonymous: 401, outsider: 404, member: 403, admin: 201, owner: 201 },
  },
  {
    route: "GET /groups/:id/programs",
    call: (c, f) => c.get(`/groups/${f.groupId}/programs`),
    expect: { anonymous: 401, outsider: 404, member: 200, admin: 200, owner: 200 },
  },
  {
    route: "GET /programs/:open",
    call: (c, f) => c.get(`/programs/${f.open.programId}`),
    expect: { anonymous: 401, outsider: 404, member: 200, admin: 200, owner: 200 },
  },
  {
    route: "GET /programs/:draft",
    call: (c, f) => c.get(`/programs/${f.draft.programId}`),
    expect: { anonymous: 401, outsider: 404, member: 404, admin: 200, owner: 200 },
  },
  {
    route: "PATCH /programs/:open",
    call: (c, f) => c.patch(`/programs/${f.open.programId}`, { title: "Renamed" }),
    expect: { anonymous: 401, outsider: 404, member: 403, admin: 200, owner: 200 },
  },
  {
    route: "POST /programs/:open/status",
    call: (c, f) => c.post(`/programs/${f.open.programId}/status`, { status: "closed" }),
    expect: { anonymous: 401, outsider: 404, member: 403, admin: 200, owner: 200 },
  },
  {
    route: "DELETE /groups/:id/members/:member",
    call: (c, f) => c.delete(`/groups/${f.groupId}/members/${f.member.user.id}`),
    expect: { anonymous: 401, outsider: 404, member: 403, admin: 204, owner: 204 },
  },
  {
    route: "POST /groups/:id/leave",
    call: (c, f) => c.post(`/groups/${f.groupId}/leave`),
    expect: { anonymous: 401, outsider: 404, member: 204, admin: 204, owner: 409 },
  },
];

describe("authorization matrix: groups, invites, programs", () => {
  for (const cell of MATRIX) {
    it(cell.route, async () => {
      let f: Fixture | null = null;
      for (const role of ROLES) {
        // A fresh fixture after every change, so a removal or a status change by one role does not affect
        // the next; a refusal or a read leaves it as it was, and the next role shares it.
        f ??= await fixture();
        const res = await cell.call(f.clients[role], f);
        expect(res.status, `${cell.route} as ${role}`).toBe(cell.expect[role]);
        if (!leftAsItWas(cell.route, res.status)) f = null;
      }
    });
  }

  it("a signed-in person never learns whether a group they are not in exists", async () => {
    const f = await fixture();
    const stranger = await person("stranger");
    const real = await stranger.client.get(`/groups/${f.groupId}`);
    const fake = await stranger.client.get(`/groups/${crypto.randomUUID()}`);
    expect(real.status).toBe(fake.status);
  });
});
