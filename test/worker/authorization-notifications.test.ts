// Authorization matrix for the notification routes: preferences, push subscriptions, verification,
// password reset and unsubscribe. Tokens are the authority for the routes that work without sign-in.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { DEFAULT_PREFERENCES } from "../../shared/api/notification-preferences.ts";
import { newTokenStatements } from "../../worker/db/email-tokens.ts";
import { unsubscribeToken } from "../../worker/notifications/tokens.ts";
import { createPushReceiver } from "../push/receiver.ts";
import { TestClient, pairUp, programWithApplicants } from "./helpers.ts";

type Role = "anonymous" | "outsider" | "member" | "admin" | "owner" | "mentor" | "mentee";
const ROLES: Role[] = ["anonymous", "outsider", "member", "admin", "owner", "mentor", "mentee"];

async function fixture() {
  const f = await programWithApplicants(2);
  await pairUp(f.admin, f.programId, f.mentor, f.mentee);
  const clients: Record<Role, TestClient> = {
    anonymous: new TestClient(),
    outsider: f.outsider.client,
    member: f.member.client,
    admin: f.admin.client,
    owner: f.owner.client,
    mentor: f.mentor.client,
    mentee: f.mentee.client,
  };
  return { ...f, clients };
}

const signedIn = (status: number) => Object.fromEntries(ROLES.map((role) => [role, role === "anonymous" ? 401 : status])) as Record<Role, number>;

type Cell = { route: string; call: (c: TestClient) => Promise<{ status: number }>; expect: Record<Role, number> };
const receiver = await createPushReceiver("https://push.example/matrix");
const MATRIX: Cell[] = [
  { route: "GET /me/notification-preferences", call: (c) => c.get("/me/notification-preferences"), expect: signedIn(200) },
  { route: "PUT /me/notification-preferences", call: (c) => c.put("/me/notification-preferences", DEFAULT_PREFERENCES), expect: signedIn(200) },
  { route: "GET /me/push-subscriptions", call: (c) => c.get("/me/push-subscriptions"), expect: signedIn(200) },
  { route: "POST /me/push-subscriptions", call: (c) => c.post("/me/push-subscriptions", receiver.subscription), expect: signedIn(201) },
  {
    route: "DELETE /me/push-subscriptions",
    call: (c) => c.delete("/me/push-subscriptions", { endpoint: receiver.subscription.endpoint }),
    expect: signedIn(204),
  },
  // Nobody in the fixture has verified their address yet.
  { route: "POST /auth/verify-email/resend", call: (c) => c.post("/auth/verify-email/resend"), expect: signedIn(202) },
  {
    route: "POST /auth/password-reset",
    call: (c) => c.post("/auth/password-reset", { email: "someone@example.org" }),
    expect: Object.fromEntries(ROLES.map((r) => [r, 202])) as Record<Role, number>,
  },
  {
    route: "POST /auth/verify-email (bad token)",
    call: (c) => c.post("/auth/verify-email", { token: "nope" }),
    expect: Object.fromEntries(ROLES.map((r) => [r, 400])) as Record<Role, number>,
  },
  {
    route: "POST /auth/password-reset/confirm (bad token)",
    call: (c) => c.post("/auth/password-reset/confirm", { token: "nope", password: "a long enough password" }),
    expect: Object.fromEntries(ROLES.map((r) => [r, 400])) as Record<Role, number>,
  },
  {
    route: "POST /unsubscribe (bad token)",
    call: (c) => c.post("/unsubscribe", { token: "nope" }),
    expect: Object.fromEntries(ROLES.map((r) => [r, 400])) as Record<Role, number>,
  },
];

describe("authorization matrix: notifications", () => {
  for (const cell of MATRIX) {
    it(cell.route, async () => {
      const f = await fixture();
      const actual = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, (await cell.call(f.clients[role])).status] as const)));
      expect(actual).toEqual(cell.expect);
    });
  }

  it("a person's preferences and devices are their own: another person's changes never touch them", async () => {
    const f = await fixture();
    const mine = await createPushReceiver(`https://push.example/${crypto.randomUUID()}`);
    expect((await f.mentee.client.post("/me/push-subscriptions", mine.subscription)).status).toBe(201);
    expect((await f.mentor.client.delete("/me/push-subscriptions", { endpoint: mine.subscription.endpoint })).status).toBe(204);
    expect((await f.mentee.client.get("/me/push-subscriptions")).json.subscriptions).toBe(1);
    const off = structuredClone(DEFAULT_PREFERENCES);
    off.kinds.paired.email = "off";
    await f.mentor.client.put("/me/notification-preferences", off);
    expect((await f.mentee.client.get("/me/notification-preferences")).json.preferences).toEqual(DEFAULT_PREFERENCES);
  });

  it("a token acts only for the person it was made for, whoever sends it", async () => {
    const f = await fixture();
    const token = await unsubscribeToken(env.NOTIFY_SIGNING_KEY, f.mentee.user.id, "paired");
    expect((await f.mentor.client.post("/unsubscribe", { token })).status).toBe(200);
    expect((await f.mentor.client.get("/me/notification-preferences")).json.preferences.kinds.paired.email).toBe("immediately");
    expect((await f.mentee.client.get("/me/notification-preferences")).json.preferences.kinds.paired.email).toBe("off");

    const { token: verifyToken, statements } = await newTokenStatements(env.DB, f.mentee.user.id, "verify", f.mentee.email);
    await env.DB.batch(statements);
    expect((await f.mentor.client.post("/auth/verify-email", { token: verifyToken })).status).toBe(200);
    expect((await f.mentor.client.get("/me")).json.user.emailVerified).toBe(false);
    expect((await f.mentee.client.get("/me")).json.user.emailVerified).toBe(true);
  });
});
