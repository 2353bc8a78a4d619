// Authorization matrix for the account routes (issue 12): every route against every role, including a
// session that was revoked and the cookie of an account that was deleted.
import { describe, expect, it } from "vitest";
import { PASSWORD, TestClient, pairUp, person, programWithApplicants } from "./helpers.ts";

type Role = "anonymous" | "outsider" | "member" | "admin" | "owner" | "mentor" | "mentee" | "revoked" | "deleted";
const ROLES: Role[] = ["anonymous", "outsider", "member", "admin", "owner", "mentor", "mentee", "revoked", "deleted"];
const NEW_PASSWORD = "quiet lantern orchard 42";

type Fixture = Awaited<ReturnType<typeof fixture>>;
async function fixture() {
  const f = await programWithApplicants(2);
  const pair = await pairUp(f.admin, f.programId, f.mentor, f.mentee);
  // A session that was signed out: its cookie, kept by someone who copied it.
  const revokedPerson = await person("revoked");
  const revoked = new TestClient();
  revoked.cookie = revokedPerson.client.cookie;
  await revokedPerson.client.post("/auth/logout");
  // An account that was deleted: its last cookie.
  const deletedPerson = await person("deleted");
  const deleted = new TestClient();
  deleted.cookie = deletedPerson.client.cookie;
  const gone = await deletedPerson.client.fetch("DELETE", "/me", { password: PASSWORD });
  if (gone.status !== 204) throw new Error(`deletion failed: ${gone.status} ${gone.text}`);
  const menteeSessions = (await f.mentee.client.get("/me/sessions")).json.sessions as { id: string }[];
  const clients: Record<Role, TestClient> = {
    anonymous: new TestClient(),
    outsider: f.outsider.client,
    member: f.member.client,
    admin: f.admin.client,
    owner: f.owner.client,
    mentor: f.mentor.client,
    mentee: f.mentee.client,
    revoked,
    deleted,
  };
  return { ...f, pair, clients, menteeSessionId: menteeSessions[0]!.id };
}

type Cell = { route: string; call: (c: TestClient, f: Fixture) => Promise<{ status: number }>; expect: Record<Role, number> };
const signedIn = (status: number, overrides: Partial<Record<Role, number>> = {}): Record<Role, number> => ({
  anonymous: 401,
  outsider: status,
  member: status,
  admin: status,
  owner: status,
  mentor: status,
  mentee: status,
  revoked: 401,
  deleted: 401,
  ...overrides,
});

const MATRIX: Cell[] = [
  { route: "GET /me/sessions", call: (c) => c.get("/me/sessions"), expect: signedIn(200) },
  { route: "DELETE /me/sessions/:mentee's", call: (c, f) => c.delete(`/me/sessions/${f.menteeSessionId}`), expect: signedIn(404, { mentee: 204 }) },
  { route: "POST /me/password", call: (c) => c.post("/me/password", { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }), expect: signedIn(204) },
  { route: "GET /me/export", call: (c) => c.get("/me/export"), expect: signedIn(200) },
  { route: "DELETE /me", call: (c) => c.fetch("DELETE", "/me", { password: PASSWORD }), expect: signedIn(204, { owner: 409 }) },
  { route: "POST /auth/logout-everywhere", call: (c) => c.post("/auth/logout-everywhere"), expect: signedIn(204) },
  { route: "POST /auth/logout", call: (c) => c.post("/auth/logout"), expect: { ...signedIn(204), anonymous: 204, revoked: 204, deleted: 204 } },
];

describe("authorization matrix: accounts", () => {
  for (const cell of MATRIX) {
    it(cell.route, async () => {
      // One fixture per cell: each role acts only on its own account, except the mentee's session id.
      const f = await fixture();
      for (const role of ROLES) {
        const res = await cell.call(f.clients[role], f);
        expect(res.status, `${cell.route} as ${role}`).toBe(cell.expect[role]);
      }
    });
  }

  it("a revoked session and a deleted account's cookie get the same 401 as no session, everywhere", async () => {
    const f = await fixture();
    for (const path of ["/me", "/groups", "/pairs", `/pairs/${f.pair.id}`, "/notifications"]) {
      for (const role of ["revoked", "deleted"] as const) {
        const res = await f.clients[role].get(path);
        expect(res.status, `${path} as ${role}`).toBe(401);
      }
    }
  });
});
