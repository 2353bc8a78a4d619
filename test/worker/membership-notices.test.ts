// Membership notices leave the app too (issues 11 and 13): join requests reach the admins and the answer
// the requester, and a partner whose mentorship ended because the other person left or was removed is
// told, by email through the notification pipeline, as the same notification as in the app. The admins'
// daily digest lists pairs quiet for their program's attentionAfterDays.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { dailyMessages } from "../../worker/notifications/daily.ts";
import { apply, groupWithRoles, pairUp, programWithApplicants, signUp, type Person } from "./helpers.ts";

const DAY = 86_400_000;
const verify = (...people: Person[]) =>
  env.DB.batch(people.map((p) => env.DB.prepare("UPDATE users SET email_verified_at = ?2 WHERE id = ?1").bind(p.user.id, new Date().toISOString())));

const emailDeliveries = (person: Person, kind: string) =>
  env.DB.prepare("SELECT notification_id, status FROM notification_deliveries WHERE user_id = ?1 AND kind = ?2 AND channel = 'email'")
    .bind(person.user.id, kind)
    .all<{ notification_id: string; status: string }>()
    .then((r) => r.results);

async function sentTo(person: Person, kind: string) {
  const deadline = Date.now() + 8000;
  for (;;) {
    const rows = await emailDeliveries(person, kind);
    if (rows.some((row) => row.status === "sent") || Date.now() > deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const inAppIds = async (person: Person, kind: string) =>
  (await person.client.get("/notifications")).json.notifications.filter((n: any) => n.kind === kind).map((n: any) => n.id);

describe("membership notices by email", () => {
  it("a join request emails every admin, and the answer emails the requester", async () => {
    const f = await groupWithRoles();
    await f.owner.client.patch(`/groups/${f.groupId}`, { joinPolicy: "request" });
    const asker = await signUp("asker");
    await verify(f.owner, f.admin, asker);
    const created = await asker.client.post(`/groups/${f.groupId}/join-requests`, { message: "I run a parents' meetup" });
    expect(created.status).toBe(201);
    for (const admin of [f.owner, f.admin]) {
      const rows = await sentTo(admin, "join_request");
      expect(rows).toEqual([expect.objectContaining({ status: "sent" })]);
      expect(await inAppIds(admin, "join_request")).toEqual([rows[0]!.notification_id]);
    }
    expect(await emailDeliveries(f.member, "join_request")).toEqual([]);

    expect((await f.admin.client.post(`/groups/${f.groupId}/join-requests/${created.json.request.id}/approve`)).status).toBe(200);
    const answer = await sentTo(asker, "join_request_decided");
    expect(answer).toEqual([expect.objectContaining({ status: "sent" })]);
    expect(await inAppIds(asker, "join_request_decided")).toEqual([answer[0]!.notification_id]);
  });

  it("a removal emails the partner that the mentorship ended; a refused removal tells nobody", async () => {
    const f = await programWithApplicants();
    await pairUp(f.admin, f.programId, f.mentor, f.mentee);
    await verify(f.mentee, f.mentor);
    expect((await f.admin.client.delete(`/groups/${f.groupId}/members/${f.mentor.user.id}`)).status).toBe(204);
    const rows = await sentTo(f.mentee, "pair_ended");
    expect(rows).toEqual([expect.objectContaining({ status: "sent" })]);
    expect(await inAppIds(f.mentee, "pair_ended")).toEqual([rows[0]!.notification_id]);

    // The sole owner, mentoring someone, cannot leave: the pair goes on and the mentee is told nothing.
    const solo = await programWithApplicants();
    await apply(solo.owner, solo.programId, "mentor");
    const own = await pairUp(solo.owner, solo.programId, solo.owner, solo.mentee);
    const left = await solo.owner.client.delete(`/groups/${solo.groupId}/members/${solo.owner.user.id}`);
    expect(left.status).toBe(409);
    expect(left.json.error.code).toBe("last_owner");
    expect((await solo.mentee.client.get(`/pairs/${own.id}`)).json.pair.status).toBe("active");
    expect(await inAppIds(solo.mentee, "pair_ended")).toEqual([]);
  });
});

describe("the admins' daily digest", () => {
  it("lists each pair quiet for its program's attentionAfterDays, with names and days, and nothing under that", async () => {
    const f = await programWithApplicants();
    const pair = await pairUp(f.admin, f.programId, f.mentor, f.mentee);
    const quietFor = async (days: number) => {
      await env.DB.batch([
        env.DB.prepare("UPDATE pair_health SET last_activity_at = ?1 WHERE pair_id = ?2").bind(Date.now() - days * DAY, pair.id),
        env.DB.prepare("UPDATE pairs SET started_at = ?1 WHERE id = ?2").bind(new Date(Date.now() - 30 * DAY).toISOString(), pair.id),
      ]);
    };
    const programOf = async () => {
      const digest = (await dailyMessages(env)).find((m) => m.type === "notification" && m.kind === "admin_digest" && m.userId === f.admin.user.id);
      return (digest as any)?.data.groups.flatMap((g: any) => g.programs).find((p: any) => p.programId === f.programId);
    };
    await quietFor(15);
    expect(await programOf()).toMatchObject({ needsAttention: 1, quietPairs: [{ mentorName: "mentor", menteeName: "mentee", quietDays: 15 }] });
    // The program waits three weeks before it calls a pair quiet.
    await f.admin.client.put(`/programs/${f.programId}/rhythm-settings`, { nudgeAfterDays: 7, attentionAfterDays: 21 });
    expect((await programOf())?.needsAttention ?? 0).toBe(0);
    expect((await programOf())?.quietPairs ?? []).toEqual([]);
  });
});
