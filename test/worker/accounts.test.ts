// Accounts people control (issue 12): sessions, password change and policy, abuse limits, no-store,
// the data export's D1 part, and account deletion in D1. The room side (sockets closing, erasure, the
// pair space in the export) is in accounts-rooms.test.ts.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { purgeExpiredReportCopies } from "../../worker/accounts/deletion.ts";
import { PASSWORD_PROBLEM_MESSAGES, type PasswordProblem } from "../../shared/rules/password-policy.ts";
import { emailKey } from "../../worker/auth/rate-limit.ts";
import { ADULT_BIRTH_DATE, PASSWORD, TestClient, groupWithRoles, signUp, uniqueEmail } from "./helpers.ts";

const NEW_PASSWORD = "quiet lantern orchard 42";
const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

async function signInAgain(email: string, headers: Record<string, string> = {}, password = PASSWORD) {
  const client = new TestClient({ "CF-Connecting-IP": `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`, ...headers });
  const res = await client.post("/auth/login", { email, password });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${res.text}`);
  return client;
}

describe("sessions", () => {
  it("lists my sessions with a public id, created and last-used times, a device label and which one is current", async () => {
    const { email, user } = await signUp("lister");
    const laptop = await signInAgain(email, { "User-Agent": FIREFOX });
    await signInAgain(email, { "User-Agent": IPHONE });
    const res = await laptop.get("/me/sessions");
    expect(res.status).toBe(200);
    expect(res.json.sessions).toHaveLength(3);
    const current = res.json.sessions.filter((s: { current: boolean }) => s.current);
    expect(current).toHaveLength(1);
    expect(current[0].device).toBe("Firefox on Windows");
    expect(res.json.sessions.map((s: { device: string }) => s.device)).toContain("Safari on iPhone");
    const hashes = await env.DB.prepare("SELECT token_hash FROM sessions WHERE user_id = ?1").bind(user.id).all<{ token_hash: string }>();
    for (const session of res.json.sessions) {
      expect(Object.keys(session).sort()).toEqual(["absoluteExpiresAt", "createdAt", "current", "device", "expiresAt", "id", "lastUsedAt"]);
      expect(hashes.results.map((h) => h.token_hash)).not.toContain(session.id);
      expect(laptop.cookie).not.toContain(session.id);
      expect(Date.parse(session.absoluteExpiresAt) - Date.parse(session.createdAt)).toBe(90 * 24 * 60 * 60 * 1000);
    }
  });

  it("signing in issues a new token every time and revokes the one this browser presented", async () => {
    const { client, email } = await signUp("rotate");
    const before = client.cookie;
    const again = await client.post("/auth/login", { email, password: PASSWORD });
    expect(again.status).toBe(200);
    expect(client.cookie).not.toBe(before);
    const replay = new TestClient();
    replay.cookie = before;
    expect((await replay.get("/me")).status).toBe(401);
    expect((await client.get("/me")).status).toBe(200);
    expect((await client.get("/me/sessions")).json.sessions).toHaveLength(1);
  });

  it("DELETE /me/sessions/:id signs out that session only; another person's session id is 404", async () => {
    const { client, email } = await signUp("revoker");
    const other = await signInAgain(email);
    const stranger = await signUp("stranger");
    const mine = (await client.get("/me/sessions")).json.sessions as { id: string; current: boolean }[];
    const target = mine.find((s) => !s.current)!;
    const strangers = (await stranger.client.get("/me/sessions")).json.sessions as { id: string }[];

    const foreign = await client.delete(`/me/sessions/${strangers[0]!.id}`);
    expect(foreign.status).toBe(404);
    expect((await stranger.client.get("/me")).status).toBe(200);
    expect((await client.delete(`/me/sessions/${crypto.randomUUID()}`)).status).toBe(404);

    expect((await client.delete(`/me/sessions/${target.id}`)).status).toBe(204);
    expect((await other.get("/me")).status).toBe(401);
    expect((await client.get("/me")).status).toBe(200);
    expect((await client.get("/me/sessions")).json.sessions).toHaveLength(1);
  });

  it("revoking the current session signs this browser out", async () => {
    const { client } = await signUp("self-revoke");
    const [current] = (await client.get("/me/sessions")).json.sessions as { id: string }[];
    expect((await client.delete(`/me/sessions/${current!.id}`)).status).toBe(204);
    expect(client.cookie).toBeNull();
  });

  it("POST /auth/logout-everywhere signs out every session, this one included", async () => {
    const { client, email, user } = await signUp("everywhere");
    const phone = await signInAgain(email);
    const kept = client.cookie;
    expect((await client.post("/auth/logout-everywhere")).status).toBe(204);
    expect((await phone.get("/me")).status).toBe(401);
    const replay = new TestClient();
    replay.cookie = kept;
    expect((await replay.get("/me")).status).toBe(401);
    const left = await env.DB.prepare("SELECT COUNT(*) AS n FROM sessions WHERE user_id = ?1").bind(user.id).first<{ n: number }>();
    expect(left!.n).toBe(0);
  });

  it("a session ends 90 days after sign-in however often it was renewed", async () => {
    const { client, user } = await signUp("absolute");
    const now = Date.now();
    // Renewed yesterday (so it is far from its idle expiry), but signed in 90 days ago.
    await env.DB.prepare("UPDATE sessions SET created_at = ?2, renewed_at = ?3, expires_at = ?4, absolute_expires_at = ?5 WHERE user_id = ?1")
      .bind(user.id, now - 90 * 86_400_000, now - 2 * 86_400_000, now + 28 * 86_400_000, now - 1000)
      .run();
    expect((await client.get("/me")).status).toBe(401);
  });

  it("renewal never moves the expiry past the absolute lifetime", async () => {
    const { client, user } = await signUp("capped");
    const now = Date.now();
    const absolute = now + 3 * 86_400_000;
    await env.DB.prepare("UPDATE sessions SET renewed_at = ?2, absolute_expires_at = ?3 WHERE user_id = ?1")
      .bind(user.id, now - 2 * 86_400_000, absolute)
      .run();
    expect((await client.get("/me")).status).toBe(200);
    const row = await env.DB.prepare("SELECT expires_at FROM sessions WHERE user_id = ?1").bind(user.id).first<{ expires_at: number }>();
    expect(row!.expires_at).toBe(absolute);
  });

  it("every session-dependent /api response says Cache-Control: no-store; public reference data stays cacheable", async () => {
    const { client } = await signUp("nostore");
    for (const path of ["/me", "/me/sessions", "/groups", "/pairs", "/notifications"]) {
      expect((await client.get(path)).headers.get("Cache-Control"), path).toBe("no-store");
    }
    expect((await new TestClient().get("/me")).headers.get("Cache-Control")).toBe("no-store");
    expect((await client.get("/templates")).headers.get("Cache-Control")).toMatch(/public/);
  });
});

describe("password change", () => {
  it("changes the password, keeps this session and signs out every other one", async () => {
    const { client, email } = await signUp("changer");
    const other = await signInAgain(email);
    const res = await client.post("/me/password", { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.status).toBe(204);
    expect((await client.get("/me")).status).toBe(200);
    expect((await other.get("/me")).status).toBe(401);
    expect((await new TestClient({ "CF-Connecting-IP": "10.77.0.1" }).post("/auth/login", { email, password: PASSWORD })).status).toBe(401);
    expect((await new TestClient({ "CF-Connecting-IP": "10.77.0.2" }).post("/auth/login", { email, password: NEW_PASSWORD })).status).toBe(200);
  });

  it("a wrong current password is 403 invalid_password and changes nothing; five of them are 429", async () => {
    const { client, email } = await signUp("wrongcurrent");
    const wrong = await client.post("/me/password", { currentPassword: "not my password", newPassword: NEW_PASSWORD });
    expect(wrong.status).toBe(403);
    expect(wrong.json.error.code).toBe("invalid_password");
    for (let i = 0; i < 4; i++) expect((await client.post("/me/password", { currentPassword: "still wrong", newPassword: NEW_PASSWORD })).status).toBe(403);
    const limited = await client.post("/me/password", { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await new TestClient({ "CF-Connecting-IP": "10.77.1.1" }).post("/auth/login", { email, password: PASSWORD })).status).toBe(200);
  });

  it.each([
    ["          ", "only_whitespace"],
    ["password12", "common"],
    ["qwertyuiop", "common"],
    ["short", "too_short"],
    ["abcabcabcabc1", "too_guessable"],
  ])("refuses %j with 422 weak_password naming newPassword (%s)", async (newPassword, problem) => {
    const { client, email } = await signUp("weak");
    const res = await client.post("/me/password", { currentPassword: PASSWORD, newPassword });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("weak_password");
    expect(res.json.error.issues[0].path).toBe("newPassword");
    expect(res.json.error.reason).toBe(problem);
    expect(res.json.error.issues[0].message).toBe(PASSWORD_PROBLEM_MESSAGES[problem as PasswordProblem]);
    expect((await new TestClient({ "CF-Connecting-IP": "10.77.2.1" }).post("/auth/login", { email, password: PASSWORD })).status).toBe(200);
  });

  it("refuses the email address and the display name as the password", async () => {
    const email = uniqueEmail("samename");
    const person = await signUp("Margarethe Steinbrecher", { email });
    const asEmail = await person.client.post("/me/password", { currentPassword: PASSWORD, newPassword: email.toUpperCase() });
    expect(asEmail.json.error.reason).toBe("contains_email");
    const asName = await person.client.post("/me/password", { currentPassword: PASSWORD, newPassword: "Margarethe Steinbrecher" });
    expect(asName.status).toBe(422);
    expect(asName.json.error.reason).toBe("contains_name");
  });

  it("every body is validated: 422 naming the missing field, and unknown fields refused", async () => {
    const { client } = await signUp("badbody");
    const missing = await client.post("/me/password", { currentPassword: PASSWORD });
    expect(missing.status).toBe(422);
    expect(missing.json.error.issues[0].path).toBe("newPassword");
    expect((await client.post("/me/password", { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, extra: 1 })).status).toBe(422);
    expect((await client.fetch("DELETE", "/me", { pass: "x" })).status).toBe(422);
  });

  it("sign-up applies the same policy", async () => {
    const res = await new TestClient({ "CF-Connecting-IP": "10.77.3.1" }).post("/auth/signup", {
      email: uniqueEmail("weak-signup"),
      password: "password123",
      displayName: "Weak",
      birthDate: ADULT_BIRTH_DATE,
    });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("weak_password");
    expect(res.json.error.issues[0].path).toBe("password");
  });
});

describe("Unicode passwords", () => {
  const COMPOSED = "Crème brûlée à Noël 2026";
  const DECOMPOSED = COMPOSED.normalize("NFD");

  it("a password typed with decomposed accents is the same password (NFKC)", async () => {
    expect(DECOMPOSED).not.toBe(COMPOSED);
    const email = uniqueEmail("accents");
    await signUp("accents", { email, password: COMPOSED });
    expect((await new TestClient({ "CF-Connecting-IP": "10.78.0.1" }).post("/auth/login", { email, password: DECOMPOSED })).status).toBe(200);
  });

  it("an account hashed before normalisation still signs in, either way it is typed, and is re-hashed normalised", async () => {
    const email = uniqueEmail("legacy");
    const { user } = await signUp("legacy", { email });
    // A hash in the old format (no "$nfkc"), of the decomposed text exactly as once typed.
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(DECOMPOSED), "PBKDF2", false, ["deriveBits"]);
    const bits = new Uint8Array(await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations: 100_000 }, key, 256));
    const b64 = (bytes: Uint8Array) =>
      btoa(String.fromCharCode(...bytes))
        .replaceAll("+", "-")
        .replaceAll("/", "_")
        .replace(/=+$/, "");
    await env.DB.prepare("UPDATE users SET password_hash = ?2 WHERE id = ?1")
      .bind(user.id, `pbkdf2-sha256$100000$${b64(salt)}$${b64(bits)}`)
      .run();

    expect((await new TestClient({ "CF-Connecting-IP": "10.78.1.1" }).post("/auth/login", { email, password: DECOMPOSED })).status).toBe(200);
    const row = await env.DB.prepare("SELECT password_hash FROM users WHERE id = ?1").bind(user.id).first<{ password_hash: string }>();
    expect(row!.password_hash).toMatch(/\$nfkc$/);
    expect((await new TestClient({ "CF-Connecting-IP": "10.78.1.2" }).post("/auth/login", { email, password: COMPOSED })).status).toBe(200);
  });
});

describe("abuse limits", () => {
  it("failed sign-ups count toward the per-client limit, so taken addresses cannot be probed without end", async () => {
    const { email } = await signUp("taken");
    const client = () => new TestClient({ "CF-Connecting-IP": "198.18.9.9" });
    for (let i = 0; i < 20; i++) {
      const res = await client().post("/auth/signup", { email, password: PASSWORD, displayName: "Probe", birthDate: ADULT_BIRTH_DATE });
      expect(res.status).toBe(409);
    }
    const fresh = await client().post("/auth/signup", { email: uniqueEmail("fresh"), password: PASSWORD, displayName: "Probe", birthDate: ADULT_BIRTH_DATE });
    expect(fresh.status).toBe(429);
    const probe = await client().post("/auth/signup", { email, password: PASSWORD, displayName: "Probe", birthDate: ADULT_BIRTH_DATE });
    expect(probe.status).toBe(429);
  });

  it("past the per-email ceiling, sign-ins on that email are slowed to one every 10 seconds, not blocked", async () => {
    const { email } = await signUp("ceiling");
    const key = await emailKey(email);
    // 100 failures from many clients within the hour (written directly: 100 PBKDF2 checks would be slow).
    await env.DB.prepare("INSERT INTO rate_limits (bucket, window_start, count) VALUES (?1, ?2, 100)").bind(`login:email:${key}`, Date.now()).run();
    const owner = await new TestClient({ "CF-Connecting-IP": "10.79.0.1" }).post("/auth/login", { email, password: PASSWORD });
    expect(owner.status).toBe(200);
    const right = await new TestClient({ "CF-Connecting-IP": "10.79.0.2" }).post("/auth/login", { email, password: PASSWORD });
    expect(right.status).toBe(429);
    const wait = Number(right.headers.get("Retry-After"));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(10);
    // Once the interval has passed (moved back here rather than waited for), the next attempt goes through.
    await env.DB.prepare("UPDATE rate_limits SET window_start = window_start - 10000 WHERE bucket = ?1").bind(`login:slow:${key}`).run();
    expect((await new TestClient({ "CF-Connecting-IP": "10.79.0.3" }).post("/auth/login", { email, password: PASSWORD })).status).toBe(200);
  });

  it("rate-limit buckets never hold an email address", async () => {
    const { email } = await signUp("bucketname");
    await new TestClient({ "CF-Connecting-IP": "10.79.1.1" }).post("/auth/login", { email, password: "wrong password!" });
    const rows = await env.DB.prepare("SELECT bucket FROM rate_limits WHERE instr(bucket, ?1) > 0").bind(email).all();
    expect(rows.results).toHaveLength(0);
  });
});

describe("data export (D1 part)", () => {
  it("downloads one JSON attachment with my profile, sessions (no tokens), groups and roles", async () => {
    const group = await groupWithRoles("Export Club");
    const res = await group.owner.client.get("/me/export");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="mentorship-data-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    const data = JSON.parse(res.text);
    expect(data.format).toBe(1);
    expect(data.profile).toMatchObject({ id: group.owner.user.id, email: group.owner.email, topics: [] });
    expect(data.profile.password_hash).toBeUndefined();
    expect(data.groups).toEqual([expect.objectContaining({ id: group.groupId, name: "Export Club", role: "owner" })]);
    expect(data.sessions).toHaveLength(1);
    expect(JSON.stringify(data.sessions)).not.toMatch(/token/);
    for (const key of ["applications", "notifications", "reportsFiled", "blocks", "notificationPreferences", "pairs"]) expect(data, key).toHaveProperty(key);
  });

  it("is limited to two an hour", async () => {
    const { client } = await signUp("exporter");
    expect((await client.get("/me/export")).status).toBe(200);
    expect((await client.get("/me/export")).status).toBe(200);
    const third = await client.get("/me/export");
    expect(third.status).toBe(429);
    expect(Number(third.headers.get("Retry-After"))).toBeGreaterThan(0);
  });
});

describe("account deletion (D1 part)", () => {
  it("needs the password: a wrong one is 403 invalid_password and changes nothing", async () => {
    const { client } = await signUp("keepme");
    const res = await client.fetch("DELETE", "/me", { password: "not my password" });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("invalid_password");
    expect((await client.get("/me")).status).toBe(200);
  });

  it("the last owner of a group gets 409 last_owner with the groups, until ownership is handed over", async () => {
    const group = await groupWithRoles("Only Owner Club");
    const refused = await group.owner.client.fetch("DELETE", "/me", { password: PASSWORD });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe("last_owner");
    expect(refused.json.error.groups).toEqual([{ id: group.groupId, name: "Only Owner Club" }]);
    expect((await group.owner.client.get("/me")).status).toBe(200);

    expect((await group.owner.client.patch(`/groups/${group.groupId}/members/${group.admin.user.id}`, { role: "owner" })).status).toBe(200);
    expect((await group.owner.client.fetch("DELETE", "/me", { password: PASSWORD })).status).toBe(204);
    expect(group.owner.client.cookie).toBeNull();
  });

  it("removes the account at once: its sessions stop working and it cannot sign in", async () => {
    const { client, email, user } = await signUp("goner");
    const phone = await signInAgain(email);
    expect((await client.fetch("DELETE", "/me", { password: PASSWORD })).status).toBe(204);
    expect((await phone.get("/me")).status).toBe(401);
    expect((await new TestClient({ "CF-Connecting-IP": "10.80.0.1" }).post("/auth/login", { email, password: PASSWORD })).status).toBe(401);
    expect(await env.DB.prepare("SELECT 1 FROM users WHERE id = ?1").bind(user.id).first()).toBeNull();
    // The address is free again.
    expect(
      (
        await new TestClient({ "CF-Connecting-IP": "10.80.0.2" }).post("/auth/signup", {
          email,
          password: PASSWORD,
          displayName: "Again",
          birthDate: ADULT_BIRTH_DATE,
        })
      ).status,
    ).toBe(201);
  });

  it("the scheduled clean-up purges reports about a deleted person after 30 days, not before", async () => {
    const reportId = crypto.randomUUID();
    const group = await groupWithRoles("Purge Club");
    const now = Date.now();
    await env.DB.prepare(
      `INSERT INTO reports (id, group_id, pair_id, reporter_id, reported_id, reason, message_body, created_at, purge_after)
       VALUES (?1, ?2, 'p', ?3, ?4, 'spam', 'copied message', ?5, ?6)`,
    )
      .bind(reportId, group.groupId, group.member.user.id, group.admin.user.id, new Date(now).toISOString(), now + 30 * 86_400_000)
      .run();
    await purgeExpiredReportCopies(env, now + 29 * 86_400_000);
    expect(await env.DB.prepare("SELECT 1 FROM reports WHERE id = ?1").bind(reportId).first()).not.toBeNull();
    await purgeExpiredReportCopies(env, now + 30 * 86_400_000 + 1);
    expect(await env.DB.prepare("SELECT 1 FROM reports WHERE id = ?1").bind(reportId).first()).toBeNull();
  });
});
