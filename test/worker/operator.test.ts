// The operator (issue 13): people named in OPERATOR_EMAILS (set to operator@example.org for these
// tests in vite.config.ts) see reports across groups, escalated reports, and suspend accounts.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, TestClient, pairUp, programWithApplicants, signUp, type Person } from "./helpers.ts";
import { connect } from "./socket.ts";

let operator: Person;
beforeAll(async () => {
  operator = await signUp("operator", { email: "operator@example.org" });
});

async function reportedPair() {
  const f = await programWithApplicants();
  const pair = await pairUp(f.admin, f.programId, f.mentor, f.mentee);
  const socket = await connect(f.mentor.client, pair.id);
  socket.send({ type: "send", clientId: "m1", body: "A message that gets reported" });
  await socket.waitFor("ack");
  socket.send({ type: "send", clientId: "m2", body: "A message nobody reported" });
  await socket.waitFor("ack", (frame) => frame.clientId === "m2");
  const report = await f.mentee.client.post("/reports", { pairId: pair.id, seq: 1, reason: "Rude" });
  expect(report.status).toBe(201);
  return { ...f, pairId: pair.id, reportId: report.json.report.id as string, mentorSocket: socket };
}

describe("the operator", () => {
  it("sees every report across groups with only what it handed over; escalation by a group admin marks it", async () => {
    const a = await reportedPair();
    const b = await reportedPair();
    a.mentorSocket.close();
    b.mentorSocket.close();
    const all = await operator.client.get("/operator/reports");
    expect(all.status).toBe(200);
    const ids = all.json.reports.map((r: any) => r.id);
    expect(ids).toEqual(expect.arrayContaining([a.reportId, b.reportId]));
    expect(JSON.stringify(all.json)).toContain("A message that gets reported");
    expect(JSON.stringify(all.json)).not.toContain("A message nobody reported");

    expect((await operator.client.get("/operator/reports?escalated=true")).json.reports).toEqual([]);
    expect((await a.member.client.post(`/reports/${a.reportId}/escalate`)).status).toBe(404);
    expect((await b.admin.client.post(`/reports/${a.reportId}/escalate`)).status).toBe(404);
    await env.DB.prepare("UPDATE users SET email_verified_at = ?2 WHERE id = ?1").bind(operator.user.id, new Date().toISOString()).run();
    expect((await a.admin.client.post(`/reports/${a.reportId}/escalate`)).status).toBe(204);
    expect((await a.admin.client.post(`/reports/${a.reportId}/escalate`)).status).toBe(204);
    const escalated = (await operator.client.get("/operator/reports?escalated=true")).json.reports;
    expect(escalated.map((r: any) => r.id)).toEqual([a.reportId]);
    expect(escalated[0]).toMatchObject({ group: { id: a.groupId }, reported: { id: a.mentor.user.id, suspended: false } });
    expect(
      (await operator.client.get("/notifications")).json.notifications.some((n: any) => n.kind === "report_escalated" && n.data.reportId === a.reportId),
    ).toBe(true);
    const audit = (await a.admin.client.get(`/groups/${a.groupId}/audit`)).json.entries;
    expect(audit[0]).toMatchObject({ action: "report_escalated", target: { type: "report", id: a.reportId } });
    // The operator also gets it by email (escalating twice sends one), with no report content in it.
    const escalationId = (await operator.client.get("/notifications")).json.notifications.find((n: any) => n.data.reportId === a.reportId).id;
    const emailed = async () =>
      (
        await env.DB.prepare("SELECT status FROM notification_deliveries WHERE notification_id = ?1 AND channel = 'email'")
          .bind(escalationId)
          .all<{ status: string }>()
      ).results;
    const deadline = Date.now() + 8000;
    while (!(await emailed()).some((row) => row.status === "sent") && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await emailed()).toEqual([{ status: "sent" }]);
  });

  it("sees no group and no pair they are not in", async () => {
    const a = await reportedPair();
    a.mentorSocket.close();
    expect((await operator.client.get(`/groups/${a.groupId}`)).status).toBe(404);
    expect((await operator.client.get(`/pairs/${a.pairId}`)).status).toBe(404);
    expect((await operator.client.get(`/pairs/${a.pairId}/messages`)).status).toBe(404);
    expect((await operator.client.get(`/groups/${a.groupId}/reports`)).status).toBe(404);
    expect((await operator.client.get(`/programs/${a.programId}/dashboard`)).status).toBe(404);
  });

  it("suspends an account: its sessions are revoked, its sockets close within 2 s, sign-in answers 403 suspended; unsuspend lets it back", async () => {
    const a = await reportedPair();
    const secondTab = await connect(a.mentor.client, a.pairId);
    const suspended = await operator.client.post(`/operator/users/${a.mentor.user.id}/suspend`, { reason: "Harassment, see escalated report" });
    expect(suspended.status).toBe(200);
    expect(suspended.json).toMatchObject({ userId: a.mentor.user.id, suspended: true, reason: "Harassment, see escalated report" });

    expect((await a.mentor.client.get("/groups")).status).toBe(401);
    const [first, second] = await Promise.all([a.mentorSocket.waitForClose(2000), secondTab.waitForClose(2000)]);
    expect(first.code).toBe(4001);
    expect(second.code).toBe(4001);

    const again = new TestClient({ "CF-Connecting-IP": "10.9.9.9" });
    const login = await again.post("/auth/login", { email: a.mentor.email, password: PASSWORD });
    expect(login.status).toBe(403);
    expect(login.json.error.code).toBe("suspended");
    const wrong = await again.post("/auth/login", { email: a.mentor.email, password: "not the password at all" });
    expect(wrong.status).toBe(401);
    expect((await operator.client.get("/operator/reports")).json.reports.find((r: any) => r.id === a.reportId).reported.suspended).toBe(true);

    expect((await operator.client.post(`/operator/users/${a.mentor.user.id}/unsuspend`)).status).toBe(200);
    expect((await again.post("/auth/login", { email: a.mentor.email, password: PASSWORD })).status).toBe(200);
  });

  it("a suspension needs a reason (422 naming it) and stores nothing without one", async () => {
    const victim = await signUp("victim");
    const res = await operator.client.post(`/operator/users/${victim.user.id}/suspend`, { reason: "" });
    expect(res.status).toBe(422);
    expect(res.json.error.issues[0].path).toBe("reason");
    const row = await env.DB.prepare("SELECT suspended_at FROM users WHERE id = ?1").bind(victim.user.id).first<{ suspended_at: string | null }>();
    expect(row?.suspended_at).toBeNull();
    expect((await victim.client.get("/groups")).status).toBe(200);
  });

  it("GET /operator/status says who is an operator; everyone else gets 404 on operator routes", async () => {
    const someone = await signUp("someone");
    expect((await operator.client.get("/operator/status")).json).toEqual({ operator: true });
    expect((await someone.client.get("/operator/status")).json).toEqual({ operator: false });
    expect((await someone.client.get("/operator/reports")).status).toBe(404);
    expect((await someone.client.post(`/operator/users/${operator.user.id}/suspend`, { reason: "x" })).status).toBe(404);
    expect((await operator.client.post(`/operator/users/${operator.user.id}/suspend`, { reason: "x" })).status).toBe(409);
  });
});
