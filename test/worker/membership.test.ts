// Membership that holds (issue 13): departures reach the pairs, bans, the role rule, join requests and
// the directory. Limits are in write-limits.test.ts, the operator in operator.test.ts.
import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { TestClient, apply, createProgram, groupWithRoles, joinGroup, pairUp, programWithApplicants, signUp } from "./helpers.ts";
import { connect } from "./socket.ts";

async function pairedProgram() {
  const f = await programWithApplicants();
  const pair = await pairUp(f.admin, f.programId, f.mentor, f.mentee);
  return { ...f, pairId: pair.id };
}

async function pairRow(pairId: string) {
  return env.DB.prepare("SELECT status, end_reason FROM pairs WHERE id = ?1").bind(pairId).first<{ status: string; end_reason: string | null }>();
}

describe("leaving and removal reach the pairs", () => {
  it("removing a mentor ends their active pair as ended/member_removed, read-only for both, and closes their socket within 2 s", async () => {
    const f = await pairedProgram();
    const mentorSocket = await connect(f.mentor.client, f.pairId);
    const menteeSocket = await connect(f.mentee.client, f.pairId);
    const removed = await f.admin.client.delete(`/groups/${f.groupId}/members/${f.mentor.user.id}`);
    expect(removed.status).toBe(204);
    expect(await pairRow(f.pairId)).toEqual({ status: "ended", end_reason: "member_removed" });

    const closed = await mentorSocket.waitForClose(2000);
    expect(closed.code).toBe(4004);
    await menteeSocket.waitFor("status", (frame) => frame.status === "ended", 2000);

    // Both keep reading; nobody can add anything.
    for (const person of [f.mentor, f.mentee]) {
      const detail = await person.client.get(`/pairs/${f.pairId}`);
      expect(detail.status).toBe(200);
      expect(detail.json.pair.status).toBe("ended");
      expect(detail.json.pair.endReason).toBe("member_removed");
      const post = await person.client.post(`/pairs/${f.pairId}/posts`, { clientId: crypto.randomUUID(), title: "after", body: "x" });
      expect(post.status).toBe(409);
      expect(post.json.error.code).toBe("pair_ended");
    }
    const mine = await f.mentee.client.get("/pairs");
    expect(mine.json.pairs[0]).toMatchObject({ id: f.pairId, status: "ended", endReason: "member_removed" });
    const notifications = await f.mentee.client.get("/notifications");
    expect(notifications.json.notifications.some((n: any) => n.kind === "pair_ended" && n.data.reason === "member_removed")).toBe(true);
    menteeSocket.close();
  });

  it("a removal whose room fails once still converges: the removed person's socket closes and the room turns read-only", async () => {
    const f = await pairedProgram();
    const stub = env.PAIR_ROOM.get(env.PAIR_ROOM.idFromName(f.pairId));
    const mentorSocket = await connect(f.mentor.client, f.pairId);
    await runInDurableObject(stub, (instance) => {
      const proto = Object.getPrototypeOf(instance) as { applyEffect: (...args: unknown[]) => Promise<void> };
      const original = proto.applyEffect;
      proto.applyEffect = async function (this: unknown, ..._args: unknown[]) {
        proto.applyEffect = original;
        throw new Error("room unavailable (test)");
      };
    });
    expect((await f.admin.client.delete(`/groups/${f.groupId}/members/${f.mentor.user.id}`)).status).toBe(204);
    expect(await pairRow(f.pairId)).toEqual({ status: "ended", end_reason: "member_removed" });
    const closed = await mentorSocket.waitForClose(5000);
    expect(closed.code).toBe(4004);
    expect(await stub.status()).toBe("ended");
    const rows = await env.DB.prepare("SELECT COUNT(*) AS n FROM room_outbox WHERE pair_id = ?1").bind(f.pairId).first<{ n: number }>();
    expect(rows?.n).toBe(0);
  });

  it("leaving ends the person's pairs with member_left and withdraws their waiting applications in that group only", async () => {
    const f = await pairedProgram();
    const second = await createProgram(f.admin, f.groupId, "skill-development");
    await apply(f.mentee, second.programId, "mentee");
    // A waiting application in another group stays.
    const other = await groupWithRoles("Other group");
    await joinGroup(other.owner, other.groupId, f.mentee);
    const elsewhere = await createProgram(other.owner, other.groupId);
    await apply(f.mentee, elsewhere.programId, "mentee");

    expect((await f.mentee.client.post(`/groups/${f.groupId}/leave`)).status).toBe(204);
    expect(await pairRow(f.pairId)).toEqual({ status: "ended", end_reason: "member_left" });
    const status = async (programId: string) =>
      (
        await env.DB.prepare("SELECT status FROM applications WHERE program_id = ?1 AND user_id = ?2")
          .bind(programId, f.mentee.user.id)
          .first<{ status: string }>()
      )?.status;
    expect(await status(second.programId)).toBe("withdrawn");
    expect(await status(elsewhere.programId)).toBe("waiting");
    // The mentor's capacity is free again: the pair no longer counts.
    const mentorApps = await f.admin.client.get(`/programs/${f.programId}/applications?role=mentor`);
    expect(mentorApps.json.applications[0].capacityUsed).toBe(0);
  });

  it("a refused departure (the last owner) changes nothing", async () => {
    const f = await groupWithRoles();
    const { programId } = await createProgram(f.admin, f.groupId);
    await apply(f.owner, programId, "mentor");
    const left = await f.owner.client.post(`/groups/${f.groupId}/leave`);
    expect(left.status).toBe(409);
    expect(left.json.error.code).toBe("last_owner");
    const apps = (await f.owner.client.get("/applications")).json.applications;
    expect(apps[0].status).toBe("waiting");
  });
});

describe("bans", () => {
  it("remove with ?ban=true bans: invite links and join requests answer 403 banned until the ban is lifted", async () => {
    const f = await groupWithRoles();
    await f.owner.client.patch(`/groups/${f.groupId}`, { joinPolicy: "request", listed: true });
    const invite = await f.admin.client.post(`/groups/${f.groupId}/invites`, { expiresInDays: 30 });
    const banned = await f.admin.client.delete(`/groups/${f.groupId}/members/${f.member.user.id}?ban=true`);
    expect(banned.status).toBe(204);

    const accept = await f.member.client.post(`/invites/${invite.json.token}/accept`);
    expect(accept.status).toBe(403);
    expect(accept.json.error.code).toBe("banned");
    const request = await f.member.client.post(`/groups/${f.groupId}/join-requests`, { message: "let me back" });
    expect(request.status).toBe(403);
    expect(request.json.error.code).toBe("banned");
    expect((await f.member.client.get(`/groups/${f.groupId}`)).status).toBe(404);

    const bans = await f.admin.client.get(`/groups/${f.groupId}/bans`);
    expect(bans.json.bans).toEqual([
      expect.objectContaining({ user: { id: f.member.user.id, displayName: "member" }, bannedBy: { id: f.admin.user.id, displayName: "admin" } }),
    ]);

    expect((await f.admin.client.delete(`/groups/${f.groupId}/bans/${f.member.user.id}`)).status).toBe(204);
    expect((await f.admin.client.delete(`/groups/${f.groupId}/bans/${f.member.user.id}`)).status).toBe(404);
    expect((await f.member.client.post(`/invites/${invite.json.token}/accept`)).status).toBe(200);
  });

  it("a plain removal does not ban", async () => {
    const f = await groupWithRoles();
    const invite = await f.admin.client.post(`/groups/${f.groupId}/invites`, {});
    expect((await f.admin.client.delete(`/groups/${f.groupId}/members/${f.member.user.id}`)).status).toBe(204);
    expect((await f.admin.client.get(`/groups/${f.groupId}/bans`)).json.bans).toEqual([]);
    expect((await f.member.client.post(`/invites/${invite.json.token}/accept`)).status).toBe(200);
  });

  it("an approved request of someone banned since is refused with 403 banned", async () => {
    const f = await groupWithRoles();
    await f.owner.client.patch(`/groups/${f.groupId}`, { joinPolicy: "request" });
    const asker = await signUp("asker");
    const request = await asker.client.post(`/groups/${f.groupId}/join-requests`, { message: "hi" });
    expect(request.status).toBe(201);
    await env.DB.prepare("INSERT INTO group_bans (group_id, user_id, created_at) VALUES (?1, ?2, ?3)")
      .bind(f.groupId, asker.user.id, new Date().toISOString())
      .run();
    const approve = await f.admin.client.post(`/groups/${f.groupId}/join-requests/${request.json.request.id}/approve`);
    expect(approve.status).toBe(403);
    expect(approve.json.error.code).toBe("banned");
    expect((await asker.client.get(`/groups/${f.groupId}`)).status).toBe(404);
  });
});

describe("the role rule", () => {
  it("only owners change an admin's or an owner's role; an admin's attempt is 403 and changes nothing", async () => {
    const f = await groupWithRoles();
    const second = await signUp("second-admin");
    await joinGroup(f.owner, f.groupId, second);
    await f.owner.client.patch(`/groups/${f.groupId}/members/${second.user.id}`, { role: "admin" });

    const demote = await f.admin.client.patch(`/groups/${f.groupId}/members/${second.user.id}`, { role: "member" });
    expect(demote.status).toBe(403);
    const remove = await f.admin.client.delete(`/groups/${f.groupId}/members/${second.user.id}`);
    expect(remove.status).toBe(403);
    const members = (await f.owner.client.get(`/groups/${f.groupId}`)).json.members;
    expect(members.find((m: any) => m.user.id === second.user.id).role).toBe("admin");

    expect((await f.owner.client.patch(`/groups/${f.groupId}/members/${second.user.id}`, { role: "member" })).status).toBe(200);
    const audit = (await f.owner.client.get(`/groups/${f.groupId}/audit`)).json.entries;
    expect(audit[0]).toMatchObject({
      action: "role_changed",
      actor: { id: f.owner.user.id },
      target: { id: second.user.id, label: "second-admin" },
      detail: { from: "admin", to: "member" },
    });
  });
});

describe("join by request", () => {
  it("request, pending conflict, admin notified, approve, then the new member applies", async () => {
    const f = await groupWithRoles();
    const { programId } = await createProgram(f.admin, f.groupId);
    expect((await f.owner.client.patch(`/groups/${f.groupId}`, { joinPolicy: "request", listed: true })).json.group).toMatchObject({
      joinPolicy: "request",
      listed: true,
    });
    const asker = await signUp("asker");
    const created = await asker.client.post(`/groups/${f.groupId}/join-requests`, { message: "I run a parents' meetup" });
    expect(created.status).toBe(201);
    expect(created.json.request).toMatchObject({ status: "pending", message: "I run a parents' meetup", user: { id: asker.user.id } });
    const again = await asker.client.post(`/groups/${f.groupId}/join-requests`, { message: "again" });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe("request_pending");
    const member = await f.member.client.post(`/groups/${f.groupId}/join-requests`, {});
    expect(member.status).toBe(409);
    expect(member.json.error.code).toBe("already_member");

    const adminNotes = (await f.admin.client.get("/notifications")).json.notifications;
    expect(adminNotes.some((n: any) => n.kind === "join_request" && n.data.requestId === created.json.request.id)).toBe(true);
    const queue = await f.admin.client.get(`/groups/${f.groupId}/join-requests`);
    expect(queue.json.requests.map((r: any) => r.id)).toEqual([created.json.request.id]);

    const approved = await f.admin.client.post(`/groups/${f.groupId}/join-requests/${created.json.request.id}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.json.request.status).toBe("approved");
    const twice = await f.owner.client.post(`/groups/${f.groupId}/join-requests/${created.json.request.id}/decline`);
    expect(twice.status).toBe(409);
    expect((await asker.client.get(`/groups/${f.groupId}`)).json.role).toBe("member");
    const mine = (await asker.client.get("/notifications")).json.notifications;
    expect(mine.some((n: any) => n.kind === "join_request_decided" && n.data.approved === true)).toBe(true);
    await apply(asker, programId, "mentee");
    const audit = (await f.admin.client.get(`/groups/${f.groupId}/audit`)).json.entries;
    expect(audit[0]).toMatchObject({ action: "join_request_approved", target: { id: asker.user.id } });
  });

  it("declined requests notify the requester, who may ask again later", async () => {
    const f = await groupWithRoles();
    await f.owner.client.patch(`/groups/${f.groupId}`, { joinPolicy: "request" });
    const asker = await signUp("asker");
    const created = await asker.client.post(`/groups/${f.groupId}/join-requests`, {});
    expect((await f.admin.client.post(`/groups/${f.groupId}/join-requests/${created.json.request.id}/decline`)).json.request.status).toBe("declined");
    expect((await asker.client.get(`/groups/${f.groupId}`)).status).toBe(404);
    expect((await asker.client.get("/notifications")).json.notifications[0]).toMatchObject({ kind: "join_request_decided", data: { approved: false } });
    expect((await asker.client.post(`/groups/${f.groupId}/join-requests`, {})).status).toBe(201);
  });

  it("an unlisted invite-only group is 404 to requests; a listed invite-only one is 403 invite_only", async () => {
    const f = await groupWithRoles();
    const asker = await signUp("asker");
    expect((await asker.client.post(`/groups/${f.groupId}/join-requests`, {})).status).toBe(404);
    await f.owner.client.patch(`/groups/${f.groupId}`, { listed: true });
    const refused = await asker.client.post(`/groups/${f.groupId}/join-requests`, {});
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe("invite_only");
  });

  it("a message over 1,000 characters is 422 naming the field and stores nothing", async () => {
    const f = await groupWithRoles();
    await f.owner.client.patch(`/groups/${f.groupId}`, { joinPolicy: "request" });
    const asker = await signUp("asker");
    const res = await asker.client.post(`/groups/${f.groupId}/join-requests`, { message: "x".repeat(1001) });
    expect(res.status).toBe(422);
    expect(res.json.error.issues[0].path).toBe("message");
    expect((await f.admin.client.get(`/groups/${f.groupId}/join-requests`)).json.requests).toEqual([]);
  });
});

describe("the directory", () => {
  it("lists only listed groups, with member and open program counts, searchable in all three languages", async () => {
    const anonymous = new TestClient();
    const owner = await signUp("dir-owner");
    const make = async (body: Record<string, unknown>) => (await owner.client.post("/groups", body)).json.group.id as string;
    const parents = await make({ name: "Équipe des Parents", description: "Entraide entre parents solos", focus: "parenting" });
    const coders = await make({ name: "Frauen in der Technik", description: "Mentoring für die Straße zur Führungsrolle", focus: "professional" });
    const hidden = await make({ name: "Secret parents circle", description: "", focus: "parenting" });
    await owner.client.patch(`/groups/${parents}`, { listed: true, joinPolicy: "request" });
    await owner.client.patch(`/groups/${coders}`, { listed: true });
    const { programId } = await createProgram(owner, coders);
    expect(programId).toBeTruthy();

    const all = (await anonymous.get("/groups/directory")).json.groups as any[];
    const ids = all.map((g) => g.id);
    expect(ids).toEqual(expect.arrayContaining([parents, coders]));
    expect(ids).not.toContain(hidden);
    expect(all.find((g) => g.id === coders)).toMatchObject({ memberCount: 1, openProgramsCount: 1, joinPolicy: "invite", myStatus: null });

    const search = async (q: string, focus?: string) =>
      ((await anonymous.get(`/groups/directory?q=${encodeURIComponent(q)}${focus ? `&focus=${focus}` : ""}`)).json.groups as any[]).map((g) => g.id);
    expect(await search("equipe")).toEqual([parents]); // no accent typed
    expect(await search("ÉQUIPE parents")).toEqual([parents]);
    expect(await search("Elternschaft")).toEqual([parents]); // the focus in German
    expect(await search("parenting")).toEqual([parents]); // in English; the unlisted one never shows
    expect(await search("strasse")).toEqual([coders]); // ß
    expect(await search("carrière Frauen")).toEqual([coders]); // the focus in French
    expect(await search("", "parenting")).toEqual([parents]);
    expect(await search("parents", "professional")).toEqual([]);
    expect(await search("100%_")).toEqual([]);
    expect((await owner.client.get("/groups/directory?q=equipe")).json.groups[0].myStatus).toBe("member");
    expect((await anonymous.get("/groups/directory?focus=cooking")).status).toBe(422);
  });

  it("unlisting a group removes it from the directory at once", async () => {
    const owner = await signUp("dir-owner");
    const id = (await owner.client.post("/groups", { name: "Zebra keepers", focus: "other" })).json.group.id;
    await owner.client.patch(`/groups/${id}`, { listed: true });
    expect((await owner.client.get("/groups/directory?q=zebra")).json.groups.map((g: any) => g.id)).toEqual([id]);
    await owner.client.patch(`/groups/${id}`, { listed: false });
    expect((await owner.client.get("/groups/directory?q=zebra")).json.groups).toEqual([]);
  });
});

describe("the audit log", () => {
  it("records program, pairing, ending, removal and ban actions with the actor and time, never content", async () => {
    const f = await pairedProgram();
    await f.admin.client.post(`/pairs/${f.pairId}/end`, { outcome: "ended", reason: "A private reason that must not be logged" });
    await f.admin.client.delete(`/groups/${f.groupId}/members/${f.member.user.id}?ban=true`);
    const log = await f.owner.client.get(`/groups/${f.groupId}/audit`);
    expect(log.status).toBe(200);
    const actions = (log.json.entries as any[]).map((e) => e.action);
    expect(actions).toEqual(["member_banned", "pair_ended", "paired", "program_status_changed", "program_created", "role_changed"]);
    expect(JSON.stringify(log.json)).not.toContain("private reason");
    expect(log.json.entries[1]).toMatchObject({ actor: { id: f.admin.user.id, displayName: "admin" }, detail: { outcome: "ended" } });
    expect(typeof log.json.entries[0].createdAt).toBe("string");
    const page = await f.owner.client.get(`/groups/${f.groupId}/audit?limit=2`);
    expect(page.json.hasMore).toBe(true);
    const next = await f.owner.client.get(`/groups/${f.groupId}/audit?limit=2&before=${encodeURIComponent(page.json.entries[1].createdAt)}`);
    expect(next.json.entries[0].action).toBe("paired");
  });
});
