// The notification pipeline inside workerd: the queue consumer (sends, retries, dead-letters, sends once),
// preferences, one-click unsubscribe, verified addresses, password reset, push with real decryption.
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { DEFAULT_PREFERENCES } from "../../shared/api/notification-preferences.ts";
import { newTokenStatements } from "../../worker/db/email-tokens.ts";
import { handleNotifyBatch, MAX_ATTEMPTS, type DeliveryIO, type OutgoingEmail } from "../../worker/notifications/consumer.ts";
import { dailyMessages } from "../../worker/notifications/daily.ts";
import type { NotifyMessage } from "../../worker/notifications/messages.ts";
import { unsubscribeToken } from "../../worker/notifications/tokens.ts";
import { createPushReceiver } from "../push/receiver.ts";
import { PASSWORD, TestClient, pairUp, programWithApplicants, signUp, type Person } from "./helpers.ts";

/** An outbox standing in for the Email Service and the push services, which can be told to fail. */
function fakeIO(options: { failEmail?: number; push?: (url: string, init: RequestInit) => Promise<Response> } = {}) {
  const emails: OutgoingEmail[] = [];
  let failures = options.failEmail ?? 0;
  const io: DeliveryIO = {
    sendEmail: async (email) => {
      if (failures > 0) {
        failures -= 1;
        throw new Error("the email service is unavailable");
      }
      emails.push(email);
      return { messageId: `<${crypto.randomUUID()}@test>` };
    },
    fetch: async (input, init) => (options.push ? options.push(String(input), init ?? {}) : new Response(null, { status: 201 })),
  };
  return { io, emails };
}

async function consume(body: NotifyMessage, io: DeliveryIO, attempts = 1) {
  const batch = createMessageBatch<NotifyMessage>("mentorship-notifications", [{ id: crypto.randomUUID(), timestamp: new Date(), attempts, body }]);
  const ctx = createExecutionContext();
  // The test queue records that a message was retried, not with which delay: watch the call itself.
  const retry = vi.spyOn(batch.messages[0]!, "retry");
  await handleNotifyBatch(batch, env, io);
  return { ...(await getQueueResult(batch, ctx)), retryDelays: retry.mock.calls.map(([options]) => options?.delaySeconds) };
}

const verify = (person: Person) => env.DB.prepare("UPDATE users SET email_verified_at = ?2 WHERE id = ?1").bind(person.user.id, new Date().toISOString()).run();

const deliveries = (notificationId: string) =>
  env.DB.prepare("SELECT * FROM notification_deliveries WHERE notification_id = ?1 ORDER BY channel, target")
    .bind(notificationId)
    .all<any>()
    .then((r) => r.results);

const deliveriesOfUser = (userId: string, kind: string) =>
  env.DB.prepare("SELECT * FROM notification_deliveries WHERE user_id = ?1 AND kind = ?2")
    .bind(userId, kind)
    .all<any>()
    .then((r) => r.results);

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const pairedMessage = (userId: string, id = crypto.randomUUID()): NotifyMessage => ({
  type: "notification",
  id,
  userId,
  kind: "paired",
  data: {
    pairId: "p-1",
    programTitle: "Career advancement",
    otherName: "Jonas",
    otherAbout: "",
    myRole: "mentee",
    step1Title: "Get to know each other",
    step1Activities: ["Introduce yourselves"],
  },
});

async function tokenFor(person: Person, purpose: "verify" | "change" | "reset", email = person.email, now = Date.now()) {
  const { token, statements } = await newTokenStatements(env.DB, person.user.id, purpose, email, now);
  await env.DB.batch(statements);
  return token;
}

describe("queue consumer", () => {
  it("sends the email in the recipient's language with a link to the exact place and one-click unsubscribe headers", async () => {
    const mentee = await signUp("lea", { locale: "fr" });
    await verify(mentee);
    const { io, emails } = fakeIO();
    const result = await consume(pairedMessage(mentee.user.id), io);
    expect(result.explicitAcks).toHaveLength(1);
    expect(emails).toHaveLength(1);
    const email = emails[0]!;
    expect(email.to).toBe(mentee.email);
    expect(email.subject).toBe("Vous formez un binôme avec Jonas dans Career advancement");
    expect(email.text).toContain("Semaine 1 : Get to know each other.");
    expect(email.text).toContain("http://127.0.0.1:8787/pairs/p-1");
    expect(email.html).toContain('href="http://127.0.0.1:8787/pairs/p-1"');
    expect(email.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(email.headers["List-Unsubscribe"]).toMatch(/^<http:\/\/127\.0\.0\.1:8787\/api\/unsubscribe\?token=[^>]+>$/);
    expect(email.text).toMatch(/\/unsubscribe\?token=/);
  });

  it("retries with backoff after a failing send, then sends once, and a redelivered message sends nothing more", async () => {
    const person = await signUp("retry");
    await verify(person);
    const message = pairedMessage(person.user.id);
    const { io, emails } = fakeIO({ failEmail: 1 });
    const first = await consume(message, io, 1);
    expect(first.retryMessages).toHaveLength(1);
    expect(first.retryDelays).toEqual([10]);
    expect(emails).toHaveLength(0);
    expect((await deliveries(message.id))[0]).toMatchObject({ channel: "email", status: "failed", attempts: 1 });

    const second = await consume(message, io, 2);
    expect(second.explicitAcks).toHaveLength(1);
    expect(emails).toHaveLength(1);
    // The same message delivered again (at-least-once queues do that): nothing is sent twice.
    const third = await consume(message, io, 3);
    expect(third.explicitAcks).toHaveLength(1);
    expect(emails).toHaveLength(1);
    expect((await deliveries(message.id))[0]).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("moves a message to the dead-letter queue after its last attempt", async () => {
    const person = await signUp("dead");
    await verify(person);
    const message = pairedMessage(person.user.id);
    const { io } = fakeIO({ failEmail: 100 });
    const retried = await consume(message, io, MAX_ATTEMPTS - 1);
    expect(retried.retryDelays).toEqual([160]);
    const last = await consume(message, io, MAX_ATTEMPTS);
    expect(last.retryMessages).toHaveLength(0);
    expect(last.explicitAcks).toHaveLength(1);
    expect((await deliveries(message.id))[0]).toMatchObject({ status: "dead" });
    // The dead-letter queue's consumer keeps it in D1 for the operator.
    const kept = await eventually(
      () =>
        env.DB.prepare("SELECT * FROM notification_dead_letters WHERE body LIKE ?1")
          .bind(`%${message.id}%`)
          .all<any>()
          .then((r) => r.results),
      (rows) => rows.length > 0,
    );
    expect(kept).toHaveLength(1);
    expect(kept[0].error).toContain("the email service is unavailable");
  });

  it("sends nothing but verification to an unverified address", async () => {
    const person = await signUp("unverified");
    const { io, emails } = fakeIO();
    const message = pairedMessage(person.user.id);
    await consume(message, io);
    await consume(
      { type: "security_email", id: crypto.randomUUID(), userId: person.user.id, to: person.email, template: "password_reset", data: { token: "x" } },
      io,
    );
    expect(emails).toHaveLength(0);
    expect((await deliveries(message.id))[0]).toMatchObject({ status: "skipped", detail: "address not verified" });
    await consume(
      { type: "security_email", id: crypto.randomUUID(), userId: person.user.id, to: person.email, template: "verify_email", data: { token: "abc" } },
      io,
    );
    expect(emails.map((e) => e.subject)).toEqual(["Confirm your email address"]);
    expect(emails[0]!.text).toContain("http://127.0.0.1:8787/verify-email?token=abc");
    expect(emails[0]!.headers["List-Unsubscribe"]).toBeUndefined();
  });

  it("pairing through the API enqueues the introduction, and the real consumer records a skipped email for unverified people", async () => {
    const f = await programWithApplicants();
    const pair = await pairUp(f.admin, f.programId, f.mentor, f.mentee);
    const rows = await eventually(
      () => deliveriesOfUser(f.mentee.user.id, "paired"),
      (r) => r.length > 0,
    );
    expect(rows[0]).toMatchObject({ channel: "email", status: "skipped", detail: "address not verified" });
    const inApp = (await f.mentee.client.get("/notifications")).json.notifications[0];
    expect(inApp).toMatchObject({ kind: "paired", data: { pairId: pair.id, step1Title: expect.any(String) } });
    expect(rows[0].notification_id).toBe(inApp.id);
  });
});

describe("daily admin digest", () => {
  it("gives each admin of a program with new applications one digest a day, in their language", async () => {
    const f = await programWithApplicants();
    await f.admin.client.patch("/me", { locale: "de" });
    const messages = (await dailyMessages(env)).filter((m) => m.type === "notification" && m.kind === "admin_digest");
    const forAdmin = messages.filter((m) => m.userId === f.admin.user.id);
    expect(forAdmin).toHaveLength(1);
    expect(messages.some((m) => m.userId === f.owner.user.id)).toBe(true);
    expect(messages.some((m) => m.userId === f.member.user.id || m.userId === f.mentee.user.id)).toBe(false);
    expect((forAdmin[0] as any).data.groups[0].programs[0]).toMatchObject({ programId: f.programId, newApplications: 2, needsAttention: 0 });
    // The id carries the date: the same day's second run is the same notification.
    expect((await dailyMessages(env)).find((m) => m.userId === f.admin.user.id)!.id).toBe(forAdmin[0]!.id);

    await verify(f.admin);
    const { io, emails } = fakeIO();
    await consume(forAdmin[0]!, io);
    await consume(forAdmin[0]!, io);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toBe("Deine tägliche Mentoring-Übersicht");
    expect(emails[0]!.text).toContain("2 neue Bewerbungen");
  });
});

describe("preferences and unsubscribe", () => {
  it("has sensible defaults, validates PUT naming the field, and honours email off and daily", async () => {
    const person = await signUp("prefs");
    await verify(person);
    expect((await person.client.get("/me/notification-preferences")).json.preferences).toEqual(DEFAULT_PREFERENCES);
    const bad = await person.client.put("/me/notification-preferences", {
      ...DEFAULT_PREFERENCES,
      kinds: { ...DEFAULT_PREFERENCES.kinds, paired: { email: "weekly", push: "on" } },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.issues[0].path).toBe("kinds.paired.email");
    expect((await person.client.get("/me/notification-preferences")).json.preferences).toEqual(DEFAULT_PREFERENCES);

    const prefs = structuredClone(DEFAULT_PREFERENCES);
    prefs.kinds.paired.email = "off";
    prefs.kinds.pair_ended.email = "daily";
    const saved = await person.client.put("/me/notification-preferences", prefs);
    expect(saved.status).toBe(200);
    expect((await person.client.get("/me/notification-preferences")).json.preferences).toEqual(prefs);

    const { io, emails } = fakeIO();
    const off = pairedMessage(person.user.id);
    await consume(off, io);
    expect(emails).toHaveLength(0);
    expect((await deliveries(off.id))[0]).toMatchObject({ status: "skipped", detail: "turned off" });

    const ended: NotifyMessage = {
      type: "notification",
      id: crypto.randomUUID(),
      userId: person.user.id,
      kind: "pair_ended",
      data: { pairId: "p-9", outcome: "completed", otherName: "Sam", reason: null },
    };
    await consume(ended, io);
    expect(emails).toHaveLength(0);
    expect((await deliveries(ended.id))[0]).toMatchObject({ status: "daily" });

    // The daily run gathers it into one summary email.
    const daily = (await dailyMessages(env)).filter((m) => m.userId === person.user.id);
    expect(daily).toEqual([expect.objectContaining({ type: "daily_summary" })]);
    await consume(daily[0]!, io);
    await consume(daily[0]!, io);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toBe("1 notification from today");
    expect(emails[0]!.text).toContain("Your mentorship with Sam is complete (http://127.0.0.1:8787/pairs/p-9)");
    expect((await deliveries(ended.id))[0]).toMatchObject({ status: "sent" });
  });

  it("one-click unsubscribe from the email's header works without sign-in, for that kind only, twice is fine", async () => {
    const person = await signUp("unsub");
    await verify(person);
    const { io, emails } = fakeIO();
    await consume(pairedMessage(person.user.id), io);
    const url = emails[0]!.headers["List-Unsubscribe"]!.slice(1, -1);
    // What a mail provider sends (RFC 8058): a POST with this body, no cookie, no Origin.
    const oneClick = () =>
      exportsFetch(new Request(url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" }));
    const first = await oneClick();
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ kind: "paired", unsubscribed: true });
    expect((await oneClick()).status).toBe(200);
    const prefs = (await person.client.get("/me/notification-preferences")).json.preferences;
    expect(prefs.kinds.paired.email).toBe("off");
    expect(prefs.kinds.pair_ended.email).toBe("immediately");

    const next = pairedMessage(person.user.id);
    await consume(next, io);
    expect(emails).toHaveLength(1);

    const anonymous = new TestClient();
    const token = await unsubscribeToken(env.NOTIFY_SIGNING_KEY, person.user.id, "report");
    expect((await anonymous.get(`/unsubscribe?token=${encodeURIComponent(token)}`)).json).toEqual({ kind: "report" });
    expect((await anonymous.post("/unsubscribe", { token })).status).toBe(200);
    const forged = token.replace(/\.report\./, ".paired.");
    expect((await anonymous.post("/unsubscribe", { token: forged })).json.error.code).toBe("invalid_token");
    expect((await anonymous.post(`/unsubscribe?token=${encodeURIComponent(token.slice(0, -2))}`)).status).toBe(400);
  });
});

async function exportsFetch(request: Request) {
  const { exports } = await import("cloudflare:workers");
  return exports.default.fetch(request);
}

describe("verified addresses", () => {
  it("sign-up sends a verification email; the link verifies once; emailVerified shows it", async () => {
    const person = await signUp("verify");
    expect((await person.client.get("/me")).json.user.emailVerified).toBe(false);
    const sent = await eventually(
      () => deliveriesOfUser(person.user.id, "verify_email"),
      (rows) => rows.some((row) => row.status === "sent"),
    );
    expect(sent[0]).toMatchObject({ channel: "email", status: "sent" });

    const token = await tokenFor(person, "verify");
    const anonymous = new TestClient();
    expect((await anonymous.post("/auth/verify-email", { token })).json).toEqual({ email: person.email, emailVerified: true });
    expect((await person.client.get("/me")).json.user.emailVerified).toBe(true);
    const reused = await anonymous.post("/auth/verify-email", { token });
    expect(reused.status).toBe(400);
    expect(reused.json.error.code).toBe("invalid_token");
    expect((await person.client.post("/auth/verify-email/resend")).json.error.code).toBe("already_verified");
  });

  it("an expired link answers 410 and changes nothing; a made-up one 400; resend is rate limited", async () => {
    const person = await signUp("expired");
    const token = await tokenFor(person, "verify", person.email, Date.now() - 25 * 3600 * 1000);
    const expired = await new TestClient().post("/auth/verify-email", { token });
    expect(expired.status).toBe(410);
    expect(expired.json.error.code).toBe("token_expired");
    expect((await person.client.get("/me")).json.user.emailVerified).toBe(false);
    expect((await new TestClient().post("/auth/verify-email", { token: "made-up" })).json.error.code).toBe("invalid_token");

    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await person.client.post("/auth/verify-email/resend")).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
  });

  it("changing the address needs the password and the new address confirmed; the old address is told", async () => {
    const person = await signUp("change");
    await verify(person);
    const newEmail = `new-${crypto.randomUUID().slice(0, 8)}@example.org`;
    const wrong = await person.client.patch("/me", { email: newEmail, currentPassword: "not my password" });
    expect(wrong.status).toBe(403);
    expect(wrong.json.error).toMatchObject({ code: "invalid_password", issues: [{ path: "currentPassword" }] });
    expect((await person.client.patch("/me", { email: newEmail })).json.error.issues[0].path).toBe("currentPassword");
    const asked = await person.client.patch("/me", { email: newEmail, currentPassword: PASSWORD });
    expect(asked.status).toBe(200);
    expect(asked.json.user.email).toBe(person.email);

    const token = await tokenFor(person, "change", newEmail);
    expect((await new TestClient().post("/auth/verify-email", { token })).json).toEqual({ email: newEmail, emailVerified: true });
    expect((await person.client.get("/me")).json.user).toMatchObject({ email: newEmail, emailVerified: true });
    const told = await eventually(
      () => deliveriesOfUser(person.user.id, "email_changed"),
      (rows) => rows.some((row) => row.status === "sent"),
    );
    expect(told).toHaveLength(1);
  });
});

describe("password reset", () => {
  it("answers 202 whether or not the account exists, and emails only a verified address", async () => {
    const verified = await signUp("reset-verified");
    await verify(verified);
    const anonymous = new TestClient({ "CF-Connecting-IP": "10.9.9.9" });
    expect((await anonymous.post("/auth/password-reset", { email: "nobody@example.org" })).status).toBe(202);
    expect((await anonymous.post("/auth/password-reset", { email: verified.email })).status).toBe(202);
    const sent = await eventually(
      () => deliveriesOfUser(verified.user.id, "password_reset"),
      (rows) => rows.some((row) => row.status === "sent"),
    );
    expect(sent).toHaveLength(1);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await anonymous.post("/auth/password-reset", { email: verified.email })).status);
    expect(statuses).toEqual([202, 202, 429]);
  });

  it("the link sets the new password and revokes every session; reuse is 400, expiry 410", async () => {
    const person = await signUp("reset");
    await verify(person);
    const otherDevice = new TestClient();
    expect((await otherDevice.post("/auth/login", { email: person.email, password: PASSWORD })).status).toBe(200);

    const expired = await tokenFor(person, "reset", person.email, Date.now() - 61 * 60 * 1000);
    expect((await new TestClient().post("/auth/password-reset/confirm", { token: expired, password: "Tandem-Sunrise-8642-quietly" })).status).toBe(410);
    const token = await tokenFor(person, "reset");
    const anonymous = new TestClient();
    const short = await anonymous.post("/auth/password-reset/confirm", { token, password: "short" });
    expect(short.status).toBe(422);
    expect(short.json.error.issues[0].path).toBe("password");
    expect((await person.client.get("/me")).status).toBe(200);

    expect((await anonymous.post("/auth/password-reset/confirm", { token, password: "Tandem-Sunrise-8642-quietly" })).status).toBe(204);
    expect((await person.client.get("/me")).status).toBe(401);
    expect((await otherDevice.get("/me")).status).toBe(401);
    expect((await new TestClient().post("/auth/login", { email: person.email, password: PASSWORD })).status).toBe(401);
    expect((await new TestClient().post("/auth/login", { email: person.email, password: "Tandem-Sunrise-8642-quietly" })).status).toBe(200);
    const reused = await anonymous.post("/auth/password-reset/confirm", { token, password: "Harbor-Violet-5317-gently" });
    expect(reused.status).toBe(400);
    expect(reused.json.error.code).toBe("invalid_token");
  });
});

describe("web push", () => {
  it("refuses a subscription that is not https with keys (422) and accepts the browser's JSON", async () => {
    const person = await signUp("push");
    const receiver = await createPushReceiver("https://push.example/send/abc");
    const http = await person.client.post("/me/push-subscriptions", { ...receiver.subscription, endpoint: "http://push.example/send/abc" });
    expect(http.status).toBe(422);
    expect(http.json.error.issues[0].path).toBe("endpoint");
    const noKeys = await person.client.post("/me/push-subscriptions", { endpoint: receiver.subscription.endpoint });
    expect(noKeys.status).toBe(422);
    expect(noKeys.json.error.issues[0].path).toBe("keys");
    const badKey = await person.client.post("/me/push-subscriptions", { ...receiver.subscription, keys: { ...receiver.subscription.keys, auth: "AAAA" } });
    expect(badKey.json.error.issues[0].path).toBe("keys.auth");
    expect((await person.client.get("/me/push-subscriptions")).json).toEqual({ publicKey: env.VAPID_PUBLIC_KEY, subscriptions: 0 });
    expect((await person.client.post("/me/push-subscriptions", { ...receiver.subscription, expirationTime: null })).status).toBe(201);
    expect((await person.client.get("/me/push-subscriptions")).json.subscriptions).toBe(1);
    expect((await person.client.delete("/me/push-subscriptions", { endpoint: receiver.subscription.endpoint })).status).toBe(204);
    expect((await person.client.delete("/me/push-subscriptions", { endpoint: receiver.subscription.endpoint })).status).toBe(204);
    expect((await person.client.get("/me/push-subscriptions")).json.subscriptions).toBe(0);
  });

  it("the push service receives a VAPID-signed, encrypted payload that decrypts to the notification, without message text unless previews are on", async () => {
    const person = await signUp("pushed", { locale: "de" });
    const receiver = await createPushReceiver(`https://push.example/send/${crypto.randomUUID()}`);
    expect((await person.client.post("/me/push-subscriptions", receiver.subscription)).status).toBe(201);
    const opened: unknown[] = [];
    const { io } = fakeIO({
      push: async (url, init) => {
        expect(url).toBe(receiver.subscription.endpoint);
        const body = new Uint8Array(await new Response(init.body as BodyInit).arrayBuffer());
        opened.push(
          await receiver.open({ headers: new Headers(init.headers), body }, { vapidPublicKey: env.VAPID_PUBLIC_KEY!, audience: "https://push.example" }),
        );
        return new Response(null, { status: 201 });
      },
    });
    const waiting = (id: string): NotifyMessage => ({
      type: "notification",
      id,
      userId: person.user.id,
      kind: "messages_waiting",
      data: { pairId: "pair-7", count: 3, fromName: "Amara", previews: ["a private message text"] },
    });
    const first = waiting(crypto.randomUUID());
    await consume(first, io);
    await consume(first, io);
    expect(await deliveries(first.id)).toEqual([expect.objectContaining({ channel: "email" }), expect.objectContaining({ channel: "push", status: "sent" })]);
    expect(opened).toEqual([
      {
        title: "3 neue Nachrichten von Amara",
        body: expect.stringContaining("Amara hat dir"),
        url: "http://127.0.0.1:8787/pairs/pair-7",
        tag: "messages_waiting:pair-7",
        kind: "messages_waiting",
      },
    ]);
    expect(JSON.stringify(opened)).not.toContain("a private message text");

    const prefs = structuredClone(DEFAULT_PREFERENCES);
    prefs.messagePreviews = true;
    await person.client.put("/me/notification-preferences", prefs);
    await consume(waiting(crypto.randomUUID()), io);
    expect((opened[1] as { body: string }).body).toBe("a private message text");
  });

  it("a push service answering 410 deletes that subscription", async () => {
    const person = await signUp("gone");
    const receiver = await createPushReceiver(`https://push.example/send/${crypto.randomUUID()}`);
    await person.client.post("/me/push-subscriptions", receiver.subscription);
    const { io } = fakeIO({ push: async () => new Response(null, { status: 410 }) });
    const result = await consume(pairedMessage(person.user.id), io);
    expect(result.explicitAcks).toHaveLength(1);
    expect((await person.client.get("/me/push-subscriptions")).json.subscriptions).toBe(0);
  });
});
