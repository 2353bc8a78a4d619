import { createScheduledController, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { CLOSE } from "../../shared/protocol.ts";
import { sha256Base64Url } from "../../worker/auth/encoding.ts";
import { deliverRoomEffects, roomEffectStatements, type RoomDeliverer } from "../../worker/db/room-outbox.ts";
import worker from "../../worker/index.ts";
import { PASSWORD, TestClient, pairUp, programWithApplicants } from "./helpers.ts";
import { connect } from "./socket.ts";

async function pairedRoom() {
  const f = await programWithApplicants();
  const pair = await pairUp(f.admin, f.programId, f.mentor, f.mentee);
  return { ...f, pairId: pair.id, stub: env.PAIR_ROOM.get(env.PAIR_ROOM.idFromName(pair.id)) };
}

type Stub = ReturnType<typeof env.PAIR_ROOM.get>;

/** Makes the room's next `applyEffect` calls throw, as an unreachable or crashing room would. */
async function failNextEffects(stub: Stub, times: number) {
  await runInDurableObject(stub, (instance) => {
    const proto = Object.getPrototypeOf(instance) as { applyEffect: (...args: unknown[]) => Promise<void> };
    const original = proto.applyEffect;
    let left = times;
    proto.applyEffect = async function (this: unknown, ...args: unknown[]) {
      if (left-- > 0) throw new Error("room unavailable (test)");
      proto.applyEffect = original;
      return original.apply(this, args);
    };
  });
}

const outboxRows = async () => (await env.DB.prepare("SELECT COUNT(*) AS n FROM room_outbox").first<{ n: number }>())!.n;

async function eventually(check: () => Promise<void>, timeoutMs = 6000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

describe("one writer between D1 and the rooms", () => {
  it("an end whose room call fails after the D1 write converges within seconds, and both people see it", async () => {
    const r = await pairedRoom();
    const mentee = await connect(r.mentee.client, r.pairId);
    await failNextEffects(r.stub, 1);

    const ended = await r.mentor.client.post(`/pairs/${r.pairId}/end`, { outcome: "completed" });
    expect(ended.status).toBe(200);
    expect((await env.DB.prepare("SELECT status FROM pairs WHERE id = ?1").bind(r.pairId).first<{ status: string }>())!.status).toBe("completed");

    await eventually(async () => expect(await r.stub.status()).toBe("completed"));
    await mentee.waitFor("status", (f) => f.status === "completed");
    await eventually(async () => expect(await outboxRows()).toBe(0));
    // The room refuses writes now, on both surfaces.
    mentee.send({ type: "send", clientId: "late", body: "too late" });
    expect((await mentee.waitFor("error", (e) => e.clientId === "late")).code).toBe("pair_ended");
    expect((await r.mentor.client.get(`/pairs/${r.pairId}`)).json.room.status).toBe("completed");
  });

  it("a block and an unblock queued behind a failing room are applied in order: the room ends unblocked, like D1", async () => {
    const r = await pairedRoom();
    await failNextEffects(r.stub, 2);
    expect((await r.mentee.client.post(`/users/${r.mentor.user.id}/block`)).status).toBe(204);
    expect((await r.mentee.client.delete(`/users/${r.mentor.user.id}/block`)).status).toBe(204);
    await eventually(async () => expect(await outboxRows()).toBe(0));
    expect((await r.mentor.client.get(`/pairs/${r.pairId}`)).json.room.blocked).toBe(false);
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM blocks").first("n")).toBe(0);
  });

  it("a block closes the blocked person's open socket once the room is reachable again", async () => {
    const r = await pairedRoom();
    const mentor = await connect(r.mentor.client, r.pairId);
    await failNextEffects(r.stub, 1);
    expect((await r.mentee.client.post(`/users/${r.mentor.user.id}/block`)).status).toBe(204);
    expect((await mentor.waitForClose(6000)).code).toBe(CLOSE.blocked);
    expect((await r.mentee.client.get(`/pairs/${r.pairId}`)).json.room.blocked).toBe(true);
  });

  it("what the in-request retries could not deliver, the cron sweep delivers", async () => {
    const r = await pairedRoom();
    const alwaysDown: RoomDeliverer = async () => {
      throw new Error("room unavailable (test)");
    };
    await env.DB.batch(roomEffectStatements(env.DB, [r.pairId], { type: "end", outcome: "ended", reason: "test" }));
    const { pending } = await deliverRoomEffects(env, alwaysDown);
    expect(pending).toBe(1);
    expect(await r.stub.status()).toBe("active");
    const row = await env.DB.prepare("SELECT attempts, last_error FROM room_outbox").first<{ attempts: number; last_error: string }>();
    expect(row!.attempts).toBeGreaterThanOrEqual(2);
    expect(row!.last_error).toContain("room unavailable");

    // Later, the room answers again and the sweep runs.
    await env.DB.prepare("UPDATE room_outbox SET next_attempt_at = 0").run();
    const waits: Promise<unknown>[] = [];
    await worker.scheduled(createScheduledController({ cron: "* * * * *" }), env, {
      waitUntil: (p: Promise<unknown>) => waits.push(p),
      passThroughOnException() {},
      props: {},
    } as unknown as ExecutionContext);
    await Promise.all(waits);
    expect(await r.stub.status()).toBe("ended");
    expect(await outboxRows()).toBe(0);
  });

  it("close_sessions closes exactly the sockets opened with those sessions, with the revocation code", async () => {
    const r = await pairedRoom();
    const phone = new TestClient({ "CF-Connecting-IP": "10.9.9.9" });
    expect((await phone.post("/auth/login", { email: r.mentor.email, password: PASSWORD })).status).toBe(200);
    const laptopSocket = await connect(r.mentor.client, r.pairId);
    const phoneSocket = await connect(phone, r.pairId);
    const laptopHash = await sha256Base64Url(decodeURIComponent(r.mentor.client.cookie!.split("=")[1]!));
    await env.DB.batch(roomEffectStatements(env.DB, [r.pairId], { type: "close_sessions", sessionHashes: [laptopHash] }));
    await deliverRoomEffects(env);
    expect((await laptopSocket.waitForClose()).code).toBe(CLOSE.sessionRevoked);
    phoneSocket.send({ type: "send", clientId: "still", body: "still here" });
    await phoneSocket.waitFor("ack", (a) => a.clientId === "still");
    expect(phoneSocket.closed).toBeNull();
  });

  it("remove_member ends the pair with the reason and closes only that person's sockets", async () => {
    const r = await pairedRoom();
    const mentor = await connect(r.mentor.client, r.pairId);
    const mentee = await connect(r.mentee.client, r.pairId);
    await env.DB.batch(roomEffectStatements(env.DB, [r.pairId], { type: "remove_member", userId: r.mentor.user.id, reason: "member_removed" }));
    await deliverRoomEffects(env);
    expect((await mentor.waitForClose()).code).toBe(CLOSE.removed);
    await mentee.waitFor("status", (f) => f.status === "ended");
    expect(mentee.closed).toBeNull();
    await runInDurableObject(r.stub, (_instance, state) => {
      expect(state.storage.sql.exec("SELECT value FROM meta WHERE key = 'end_reason'").one().value).toBe("member_removed");
    });
  });
});

describe("a room whose creation is still in the outbox", () => {
  it("is created when a member opens the pair, instead of the pair answering 404", async () => {
    const f = await pairedRoom();
    // A second pair of the same two people whose room exists only as a pending `initialize` effect, as a
    // cohort's rooms do until the queue consumer gets to them.
    const pending = crypto.randomUUID();
    const row = (await env.DB.prepare("SELECT * FROM pairs WHERE id = ?1").bind(f.pairId).first<Record<string, unknown>>())!;
    const columns = Object.keys(row);
    await env.DB.batch([
      env.DB.prepare("UPDATE pairs SET status = 'ended', ended_at = ?2 WHERE id = ?1").bind(f.pairId, new Date().toISOString()),
      env.DB.prepare(`INSERT INTO pairs (${columns.join(", ")}) VALUES (${columns.map((_, i) => `?${i + 1}`).join(", ")})`).bind(
        ...columns.map((column) => (column === "id" ? pending : row[column])),
      ),
    ]);
    const program = (await f.admin.client.get(`/programs/${f.programId}`)).json.program;
    await env.DB.batch(
      roomEffectStatements(env.DB, [pending], {
        type: "initialize",
        init: {
          pairId: pending,
          programId: f.programId,
          groupId: f.groupId,
          programTitle: program.title,
          mentor: { id: f.mentor.user.id, displayName: "mentor" },
          mentee: { id: f.mentee.user.id, displayName: "mentee" },
          steps: program.steps,
          checkinCadenceDays: 7,
          startedAt: new Date().toISOString(),
        },
      }),
    );
    const opened = await f.mentee.client.get(`/pairs/${pending}`);
    expect(opened.status, opened.text).toBe(200);
    expect(opened.json.room.steps.length).toBe(program.steps.length);
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM room_outbox WHERE pair_id = ?1").bind(pending).first("n")).toBe(0);
    // Someone outside the pair still gets 404, and nothing is delivered on their behalf.
    expect((await f.outsider.client.get(`/pairs/${pending}`)).status).toBe(404);
  });
});
