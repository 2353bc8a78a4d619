// Authorization matrix for applications, matching, pairing and notifications.
import { describe, expect, it } from "vitest";
import { TestClient, answersFor, leftAsItWas, pairUp, programWithApplicants } from "./helpers.ts";

type Role = "anonymous" | "outsider" | "member" | "admin" | "owner" | "mentor" | "mentee";
const ROLES: Role[] = ["anonymous", "outsider", "member", "admin", "owner", "mentor", "mentee"];

type Fixture = Awaited<ReturnType<typeof fixture>>;
async function fixture(paired: boolean) {
  const f = await programWithApplicants(2);
  const pair = paired ? await pairUp(f.admin, f.programId, f.mentor, f.mentee) : null;
  const program = (await f.admin.client.get(`/programs/${f.programId}`)).json.program;
  const clients: Record<Role, TestClient> = {
    anonymous: new TestClient(),
    outsider: f.outsider.client,
    member: f.member.client,
    admin: f.admin.client,
    owner: f.owner.client,
    mentor: f.mentor.client,
    mentee: f.mentee.client,
  };
  return { ...f, pair, program, clients };
}

type Cell = { route: string; paired: boolean; call: (c: TestClient, f: Fixture) => Promise<{ status: number }>; expect: Record<Role, number> };

const MATRIX: Cell[] = [
  {
    route: "POST /programs/:id/applications",
    paired: false,
    call: (c, f) => c.post(`/programs/${f.programId}/applications`, { role: "mentee", answers: answersFor(f.program.questions.mentee) }),
    // the mentee already applied as a mentee: 409; the mentor may also apply as a mentee
    expect: { anonymous: 401, outsider: 404, member: 201, admin: 201, owner: 201, mentor: 201, mentee: 409 },
  },
  {
    route: "GET /programs/:id/applications",
    paired: false,
    call: (c, f) => c.get(`/programs/${f.programId}/applications`),
    expect: { anonymous: 401, outsider: 404, member: 403, admin: 200, owner: 200, mentor: 403, mentee: 403 },
  },
  {
    route: "PATCH /applications/:mentee's",
    paired: false,
    call: (c, f) => c.patch(`/applications/${f.menteeApplication.id}`, { answers: answersFor(f.program.questions.mentee) }),
    expect: { anonymous: 401, outsider: 404, member: 404, admin: 404, owner: 404, mentor: 404, mentee: 200 },
  },
  {
    route: "DELETE /applications/:mentee's",
    paired: false,
    call: (c, f) => c.delete(`/applications/${f.menteeApplication.id}`),
    expect: { anonymous: 401, outsider: 404, member: 404, admin: 404, owner: 404, mentor: 404, mentee: 204 },
  },
  {
    route: "GET /programs/:id/suggestions",
    paired: false,
    call: (c, f) => c.get(`/programs/${f.programId}/suggestions?menteeId=${f.mentee.user.id}`),
    expect: { anonymous: 401, outsider: 404, member: 403, admin: 200, owner: 200, mentor: 403, mentee: 403 },
  },
  {
    route: "POST /programs/:id/suggestions/all",
    paired: false,
    call: (c, f) => c.post(`/programs/${f.programId}/suggestions/all`),
    expect: { anonymous: 401, outsider: 404, member: 403, admin: 200, owner: 200, mentor: 403, mentee: 403 },
  },
  {
    route: "POST /programs/:id/pairs",
    paired: false,
    call: (c, f) => c.post(`/programs/${f.programId}/pairs`, { mentorId: f.mentor.user.id, menteeId: f.mentee.user.id }),
    expect: { anonymous: 401, outsider: 404, member: 403, admin: 201, owner: 201, mentor: 403, mentee: 403 },
  },
  {
    route: "POST /programs/:id/suggestions/all {objective: coverage}",
    paired: false,
    call: (c, f) => c.post(`/programs/${f.programId}/suggestions/all`, { objective: "coverage" }),
    expect: { anonymous: 401, outsider: 404, member: 403, admin: 200, owner: 200, mentor: 403, mentee: 403 },
  },
  {
    route: "POST /programs/:id/pairs/bulk",
    paired: false,
    call: (c, f) => c.post(`/programs/${f.programId}/pairs/bulk`, { pairs: [{ mentorId: f.mentor.user.id, menteeId: f.mentee.user.id }] }),
    expect: { anonymous: 401, outsider: 404, member: 403, admin: 207, owner: 207, mentor: 403, mentee: 403 },
  },
  {
    route: "GET /programs/:id/pairs",
    paired: true,
    call: (c, f) => c.get(`/programs/${f.programId}/pairs`),
    expect: { anonymous: 401, outsider: 404, member: 403, admin: 200, owner: 200, mentor: 403, mentee: 403 },
  },
  {
    route: "POST /pairs/:id/end",
    paired: true,
    call: (c, f) => c.post(`/pairs/${f.pair!.id}/end`, { outcome: "completed" }),
    expect: { anonymous: 401, outsider: 404, member: 404, admin: 200, owner: 200, mentor: 200, mentee: 200 },
  },
  {
    route: "GET /pairs",
    paired: true,
    call: (c) => c.get("/pairs"),
    expect: { anonymous: 401, outsider: 200, member: 200, admin: 200, owner: 200, mentor: 200, mentee: 200 },
  },
  {
    route: "GET /applications",
    paired: false,
    call: (c) => c.get("/applications"),
    expect: { anonymous: 401, outsider: 200, member: 200, admin: 200, owner: 200, mentor: 200, mentee: 200 },
  },
  {
    route: "POST /notifications/read",
    paired: true,
    call: (c) => c.post("/notifications/read", {}),
    expect: { anonymous: 401, outsider: 204, member: 204, admin: 204, owner: 204, mentor: 204, mentee: 204 },
  },
  {
    // Blocking the mentor: only people who share a group with them may; nobody may block themselves.
    route: "POST /users/:mentor/block",
    paired: true,
    call: (c, f) => c.post(`/users/${f.mentor.user.id}/block`),
    expect: { anonymous: 401, outsider: 404, member: 204, admin: 204, owner: 204, mentor: 422, mentee: 204 },
  },
  {
    route: "DELETE /users/:mentor/block",
    paired: true,
    call: (c, f) => c.delete(`/users/${f.mentor.user.id}/block`),
    expect: { anonymous: 401, outsider: 404, member: 204, admin: 204, owner: 204, mentor: 422, mentee: 204 },
  },
  {
    route: "GET /groups/:id/reports",
    paired: true,
    call: (c, f) => c.get(`/groups/${f.groupId}/reports`),
    expect: { anonymous: 401, outsider: 404, member: 403, admin: 200, owner: 200, mentor: 403, mentee: 403 },
  },
  {
    // A report about the person (no message). Anyone but the group's admins gets 404 for it.
    route: "POST /reports/:id/resolve",
    paired: true,
    call: async (c, f) => {
      const report = await f.mentee.client.post("/reports", { pairId: f.pair!.id, reason: "Keeps missing our calls without a word" });
      return c.post(`/reports/${report.json.report.id}/resolve`);
    },
    expect: { anonymous: 401, outsider: 404, member: 404, admin: 200, owner: 200, mentor: 404, mentee: 404 },
  },
  {
    route: "GET /notifications",
    paired: true,
    call: (c) => c.get("/notifications"),
    expect: { anonymous: 401, outsider: 200, member: 200, admin: 200, owner: 200, mentor: 200, mentee: 200 },
  },
];

describe("authorization matrix: applications, matching, pairing", () => {
  for (const cell of MATRIX) {
    it(cell.route, async () => {
      let f: Fixture | null = null;
      for (const role of ROLES) {
        // Each role meets the fixture as it was built: shared after a refusal or a read, fresh after a change.
        f ??= await fixture(cell.paired);
        const res = await cell.call(f.clients[role], f);
        expect(res.status, `${cell.route} as ${role}`).toBe(cell.expect[role]);
        if (!leftAsItWas(cell.route, res.status)) f = null;
      }
    });
  }

  it("GET /pairs shows a pair only to its two members", async () => {
    const f = await fixture(true);
    for (const role of ["outsider", "member", "admin", "owner"] as const) {
      expect((await f.clients[role].get("/pairs")).json.pairs, role).toEqual([]);
    }
    expect((await f.clients.mentor.get("/pairs")).json.pairs).toHaveLength(1);
  });
});
