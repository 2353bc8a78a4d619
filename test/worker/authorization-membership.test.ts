// The authorization matrix for membership (issue 13): every new route and action against anonymous,
// someone outside the group, member, admin, owner, the operator, a banned person, a suspended person,
// a removed person, the mentor and the mentee. A change in who may do what shows up here as a cell.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { TestClient, joinGroup, pairUp, person, programWithApplicants, type Person } from "./helpers.ts";

const ROLES = ["anonymous", "outsider", "member", "admin", "owner", "operator", "banned", "suspended", "removed", "mentor", "mentee"] as const;
type Role = (typeof ROLES)[number];

let operator: Person;
beforeAll(async () => {
  operator = await person("operator", { email: "operator@example.org" });
});

type Fixture = Awaited<ReturnType<typeof fixture>>;
async function fixture() {
  const f = await programWithApplicants();
  const pair = await pairUp(f.admin, f.programId, f.mentor, f.mentee);
  await f.owner.client.patch(`/groups/${f.groupId}`, { joinPolicy: "request", listed: true });
  const [banned, suspended, removed, target] = await Promise.all([person("banned"), person("suspended"), person("removed"), person("target")]);
  await Promise.all([joinGroup(f.owner, f.groupId, banned), joinGroup(f.owner, f.groupId, suspended), joinGroup(f.owner, f.groupId, removed)]);
  await f.owner.client.delete(`/groups/${f.groupId}/members/${banned.user.id}?ban=true`);
  await f.owner.client.delete(`/groups/${f.groupId}/members/${removed.user.id}`);
  const s = await operator.client.post(`/operator/users/${suspended.user.id}/suspend`, { reason: "matrix" });
  if (s.status !== 200) throw new Error(`suspend failed: ${s.status} ${s.text}`);
  const report = await f.mentee.client.post("/reports", { pairId: pair.id, reason: "Keeps missing our calls" });
  const clients: Record<Role, TestClient> = {
    anonymous: new TestClient(),
    outsider: f.outsider.client,
    member: f.member.client,
    admin: f.admin.client,
    owner: f.owner.client,
    operator: operator.client,
    banned: banned.client,
    suspended: suspended.client,
    removed: removed.client,
    mentor: f.mentor.client,
    mentee: f.mentee.client,
  };
  return { ...f, pairId: pair.id, reportId: report.json.report.id as string, banned, removed, target, clients };
}

/** A fresh person with a pending request to join, for the approve/decline cells. */
async function pendingRequest(f: Fixture) {
  const asker = await person("asker");
  const res = await asker.client.post(`/groups/${f.groupId}/join-requests`, { message: "hello" });
  return res.json.request.id as string;
}

async function freshMember(f: Fixture) {
  const fresh = await person("fresh");
  await joinGroup(f.owner, f.groupId, fresh);
  return fresh;
}

const ADMINS_ONLY = {
  anonymous: 401,
  outsider: 404,
  member: 403,
  admin: 200,
  owner: 200,
  operator: 404,
  banned: 404,
  suspended: 401,
  removed: 404,
  mentor: 403,
  mentee: 403,
} as const;
const OPERATOR_ONLY = {
  anonymous: 401,
  outsider: 404,
  member: 404,
  admin: 404,
  owner: 404,
  operator: 200,
  banned: 404,
  suspended: 401,
  removed: 404,
  mentor: 404,
  mentee: 404,
} as const;
const withStatus = <T extends Record<Role, number>>(base: T, patch: Partial<Record<Role, number>>) => ({ ...base, ...patch }) as Record<Role, number>;

type Cell = { route: string; call: (client: TestClient, f: Fixture) => Promise<{ status: number }>; expect: Record<Role, number> };

const MATRIX: Cell[] = [
  {
    route: "GET /groups/directory",
    call: (c) => c.get("/groups/directory?q=tech"),
    expect: {
      anonymous: 200,
      outsider: 200,
      member: 200,
      admin: 200,
      owner: 200,
      operator: 200,
      banned: 200,
      suspended: 200,
      removed: 200,
      mentor: 200,
      mentee: 200,
    },
  },
  {
    route: "POST /groups/:id/join-requests",
    call: (c, f) => c.post(`/groups/${f.groupId}/join-requests`, { message: "please" }),
    expect: {
      anonymous: 401,
      outsider: 201,
      member: 409,
      admin: 409,
      owner: 409,
      operator: 201,
      banned: 403,
      suspended: 401,
      removed: 201,
      mentor: 409,
      mentee: 409,
    },
  },
  { route: "GET /groups/:id/join-requests", call: (c, f) => c.get(`/groups/${f.groupId}/join-requests`), expect: ADMINS_ONLY },
  {
    route: "POST /groups/:id/join-requests/:id/approve",
    call: async (c, f) => c.post(`/groups/${f.groupId}/join-requests/${await pendingRequest(f)}/approve`),
    expect: ADMINS_ONLY,
  },
  {
    route: "POST /groups/:id/join-requests/:id/decline",
    call: async (c, f) => c.post(`/groups/${f.groupId}/join-requests/${await pendingRequest(f)}/decline`),
    expect: ADMINS_ONLY,
  },
  { route: "GET /groups/:id/bans", call: (c, f) => c.get(`/groups/${f.groupId}/bans`), expect: ADMINS_ONLY },
  {
    route: "DELETE /groups/:id/bans/:userId",
    call: async (c, f) => {
      await env.DB.prepare("INSERT INTO group_bans (group_id, user_id, created_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
        .bind(f.groupId, f.target.user.id, new Date().toISOString())
        .run();
      return c.delete(`/groups/${f.groupId}/bans/${f.target.user.id}`);
    },
    expect: withStatus(ADMINS_ONLY, { admin: 204, owner: 204 }),
  },
  { route: "GET /groups/:id/audit", call: (c, f) => c.get(`/groups/${f.groupId}/audit`), expect: ADMINS_ONLY },
  {
    route: "DELETE /groups/:id/members/:member?ban=true",
    call: async (c, f) => c.delete(`/groups/${f.groupId}/members/${(await freshMember(f)).user.id}?ban=true`),
    expect: withStatus(ADMINS_ONLY, { admin: 204, owner: 204 }),
  },
  {
    route: "PATCH /groups/:id/members/:admin {role: member} (only owners)",
    call: async (c, f) => {
      await f.owner.client.patch(`/groups/${f.groupId}/members/${f.member.user.id}`, { role: "admin" });
      const res = await c.patch(`/groups/${f.groupId}/members/${f.member.user.id}`, { role: "member" });
      await f.owner.client.patch(`/groups/${f.groupId}/members/${f.member.user.id}`, { role: "member" });
      return res;
    },
    // The member is an admin while the call runs, so as "member" they change their own admin role: also only for owners.
    expect: withStatus(ADMINS_ONLY, { admin: 403, member: 403 }),
  },
  {
    route: "PATCH /groups/:id {joinPolicy, listed}",
    call: (c, f) => c.patch(`/groups/${f.groupId}`, { joinPolicy: "request", listed: true }),
    expect: ADMINS_ONLY,
  },
  {
    route: "GET /operator/status",
    call: (c) => c.get("/operator/status"),
    expect: {
      anonymous: 401,
      outsider: 200,
      member: 200,
      admin: 200,
      owner: 200,
      operator: 200,
      banned: 200,
      suspended: 401,
      removed: 200,
      mentor: 200,
      mentee: 200,
    },
  },
  { route: "GET /operator/reports", call: (c) => c.get("/operator/reports"), expect: OPERATOR_ONLY },
  {
    route: "POST /reports/:id/escalate",
    call: (c, f) => c.post(`/reports/${f.reportId}/escalate`),
    expect: {
      anonymous: 401,
      outsider: 404,
      member: 404,
      admin: 204,
      owner: 204,
      operator: 404,
      banned: 404,
      suspended: 401,
      removed: 404,
      mentor: 404,
      mentee: 404,
    },
  },
  {
    route: "POST /operator/users/:id/suspend",
    call: (c, f) => c.post(`/operator/users/${f.target.user.id}/suspend`, { reason: "matrix" }),
    expect: OPERATOR_ONLY,
  },
  { route: "POST /operator/users/:id/unsuspend", call: (c, f) => c.post(`/operator/users/${f.target.user.id}/unsuspend`), expect: OPERATOR_ONLY },
  // Existing routes, for the new kinds of people.
  {
    route: "GET /groups/:id",
    call: (c, f) => c.get(`/groups/${f.groupId}`),
    expect: {
      anonymous: 401,
      outsider: 404,
      member: 200,
      admin: 200,
      owner: 200,
      operator: 404,
      banned: 404,
      suspended: 401,
      removed: 404,
      mentor: 200,
      mentee: 200,
    },
  },
  {
    route: "GET /pairs/:id",
    call: (c, f) => c.get(`/pairs/${f.pairId}`),
    expect: {
      anonymous: 401,
      outsider: 404,
      member: 404,
      admin: 404,
      owner: 404,
      operator: 404,
      banned: 404,
      suspended: 401,
      removed: 404,
      mentor: 200,
      mentee: 200,
    },
  },
  {
    route: "POST /groups/:id/leave",
    call: (c, f) => c.post(`/groups/${f.groupId}/leave`),
    expect: {
      anonymous: 401,
      outsider: 404,
      member: 204,
      admin: 204,
      owner: 409,
      operator: 404,
      banned: 404,
      suspended: 401,
      removed: 404,
      mentor: 204,
      mentee: 204,
    },
  },
];

describe("authorization matrix: membership, bans, join requests, directory, audit, operator", () => {
  for (const cell of MATRIX) {
    it(cell.route, async () => {
      // One fixture per cell; the cells that change state make their own target per call.
      const f = await fixture();
      for (const role of ROLES) {
        const res = await cell.call(f.clients[role], f);
        expect(res.status, `${cell.route} as ${role}`).toBe(cell.expect[role]);
      }
    }, 30_000);
  }
});
