// Limits on every write (issue 13): exact per-person windows in D1 for posts, comments, check-ins,
// reports, invites, join requests and applications, and the per-client burst guard (the rate limiting
// binding) in front of every state-changing route. Each answers 429 rate_limited with Retry-After and
// stores nothing past the limit.
import { describe, expect, it } from "vitest";
import { BURST_LIMIT, BURST_PERIOD_SECONDS, WRITE_WINDOWS } from "../../shared/rules/write-limits.ts";
import { answersFor, apply, createProgram, groupWithRoles, pairUp, programWithApplicants, signUp } from "./helpers.ts";

function expectLimited(res: { status: number; json: any; headers: Headers }) {
  expect(res.status).toBe(429);
  expect(res.json.error.code).toBe("rate_limited");
  expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
}

async function pair() {
  const f = await programWithApplicants();
  const { id } = await pairUp(f.admin, f.programId, f.mentor, f.mentee);
  return { ...f, pairId: id };
}

describe("per-person write windows", () => {
  it(`posts: ${WRITE_WINDOWS.post.max} per hour, then 429 and nothing stored`, async () => {
    const f = await pair();
    for (let i = 0; i < WRITE_WINDOWS.post.max; i++) {
      expect((await f.mentee.client.post(`/pairs/${f.pairId}/posts`, { clientId: `p${i}`, title: `Post ${i}`, body: "x".repeat(100) })).status).toBe(201);
    }
    expectLimited(await f.mentee.client.post(`/pairs/${f.pairId}/posts`, { clientId: "over", title: "One too many", body: "" }));
    // A resend of a stored post is not a new write, but the window is per person: the partner is unaffected.
    expect((await f.mentor.client.post(`/pairs/${f.pairId}/posts`, { clientId: "mentor-1", title: "Mine", body: "" })).status).toBe(201);
    expect((await f.mentee.client.get(`/pairs/${f.pairId}/posts`)).json.posts).toHaveLength(WRITE_WINDOWS.post.max + 1);
  });

  it(`comments: ${WRITE_WINDOWS.comment.max} per hour; refused writes (a missing post) do not use up the window`, async () => {
    const f = await pair();
    const post = (await f.mentor.client.post(`/pairs/${f.pairId}/posts`, { clientId: "p", title: "Reading list", body: "" })).json.post;
    for (let i = 0; i < 3; i++) {
      expect((await f.mentee.client.post(`/pairs/${f.pairId}/posts/missing/comments`, { clientId: `x${i}`, body: "lost" })).status).toBe(404);
    }
    for (let i = 0; i < WRITE_WINDOWS.comment.max; i++) {
      expect((await f.mentee.client.post(`/pairs/${f.pairId}/posts/${post.id}/comments`, { clientId: `c${i}`, body: `Comment ${i}` })).status).toBe(201);
    }
    expectLimited(await f.mentee.client.post(`/pairs/${f.pairId}/posts/${post.id}/comments`, { clientId: "over", body: "too many" }));
    const posts = (await f.mentee.client.get(`/pairs/${f.pairId}/posts`)).json.posts;
    expect(posts[0].comments).toHaveLength(WRITE_WINDOWS.comment.max);
  });

  it(`check-ins: ${WRITE_WINDOWS.checkin.max} per day`, async () => {
    const f = await pair();
    for (let i = 0; i < WRITE_WINDOWS.checkin.max; i++) {
      expect((await f.mentee.client.post(`/pairs/${f.pairId}/checkins`, { clientId: `k${i}`, mood: 4, note: "ok" })).status).toBe(201);
    }
    expectLimited(await f.mentee.client.post(`/pairs/${f.pairId}/checkins`, { clientId: "over", mood: 1, note: "" }));
    expect((await f.mentee.client.get(`/pairs/${f.pairId}`)).json.room.checkins).toHaveLength(WRITE_WINDOWS.checkin.max);
  });

  it(`reports: ${WRITE_WINDOWS.report.max} per day`, async () => {
    const f = await pair();
    for (let i = 0; i < WRITE_WINDOWS.report.max; i++) {
      expect((await f.mentee.client.post("/reports", { pairId: f.pairId, reason: `Report ${i}` })).status).toBe(201);
    }
    expectLimited(await f.mentee.client.post("/reports", { pairId: f.pairId, reason: "over" }));
    expect((await f.admin.client.get(`/groups/${f.groupId}/reports`)).json.reports).toHaveLength(WRITE_WINDOWS.report.max);
  });

  it(`invites: ${WRITE_WINDOWS.invite.max} per hour per admin`, async () => {
    const f = await groupWithRoles();
    for (let i = 0; i < WRITE_WINDOWS.invite.max; i++) expect((await f.admin.client.post(`/groups/${f.groupId}/invites`, {})).status).toBe(201);
    expectLimited(await f.admin.client.post(`/groups/${f.groupId}/invites`, {}));
    // groupWithRoles made two links of the owner's.
    expect((await f.admin.client.get(`/groups/${f.groupId}/invites`)).json.invites).toHaveLength(WRITE_WINDOWS.invite.max + 2);
    expect((await f.owner.client.post(`/groups/${f.groupId}/invites`, {})).status).toBe(201);
  });

  it(`join requests: ${WRITE_WINDOWS.join_request.max} per day`, async () => {
    const f = await groupWithRoles();
    await f.owner.client.patch(`/groups/${f.groupId}`, { joinPolicy: "request" });
    const asker = await signUp("asker");
    for (let i = 0; i < WRITE_WINDOWS.join_request.max; i++) {
      const request = await asker.client.post(`/groups/${f.groupId}/join-requests`, { message: `try ${i}` });
      expect(request.status).toBe(201);
      await f.owner.client.post(`/groups/${f.groupId}/join-requests/${request.json.request.id}/decline`);
    }
    expectLimited(await asker.client.post(`/groups/${f.groupId}/join-requests`, { message: "over" }));
    expect((await f.owner.client.get(`/groups/${f.groupId}/join-requests`)).json.requests).toEqual([]);
  });

  it(`applications: ${WRITE_WINDOWS.application.max} per day (apply, withdraw, apply again counts each time)`, async () => {
    const f = await groupWithRoles();
    const { programId } = await createProgram(f.admin, f.groupId);
    for (let i = 0; i < WRITE_WINDOWS.application.max; i++) {
      const application = await apply(f.member, programId, "mentee");
      expect((await f.member.client.delete(`/applications/${application.id}`)).status).toBe(204);
    }
    const program = (await f.member.client.get(`/programs/${programId}`)).json.program;
    const over = await f.member.client.post(`/programs/${programId}/applications`, { role: "mentee", answers: answersFor(program.questions.mentee) });
    expectLimited(over);
    expect((await f.member.client.get("/applications")).json.applications[0].status).toBe("withdrawn");
  });
});

describe("the per-client burst guard", () => {
  it(`at most ${BURST_LIMIT} state-changing requests per client in 10 s; reads are not counted; another client is unaffected`, async () => {
    const person = await signUp("burst");
    // The limiter counts in windows of BURST_PERIOD_SECONDS aligned to the clock (locally, miniflare's
    // RateLimiterObject; on Cloudflare, approximately so). Sent one by one, a burst could straddle two
    // windows (or, on a slow machine, outlast one) and get more than the limit through. So start just
    // after a window opens and send the whole burst at once: it lands in one window.
    const period = BURST_PERIOD_SECONDS * 1000;
    await new Promise((resolve) => setTimeout(resolve, period - (Date.now() % period) + 50));
    // The sign-up was keyed as signed out: it counts for another key.
    const results = await Promise.all(Array.from({ length: BURST_LIMIT + 5 }, () => person.client.post("/notifications/read", {})));
    expect(results.filter((res) => res.status === 204)).toHaveLength(BURST_LIMIT);
    const limited = results.filter((res) => res.status !== 204);
    expect(limited).toHaveLength(5);
    for (const res of limited) {
      expectLimited(res);
      expect(res.headers.get("Retry-After")).toBe("10");
    }
    expect((await person.client.get("/notifications")).status).toBe(200);
    const other = await signUp("other");
    expect((await other.client.post("/notifications/read", {})).status).toBe(204);
  });
});
