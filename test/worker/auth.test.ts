import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ADULT_BIRTH_DATE, PASSWORD, TestClient, person, signUp, uniqueEmail } from "./helpers.ts";

function yearsAgo(years: number, dayOffset = 0) {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() + dayOffset);
  return d.toISOString().slice(0, 10);
}

async function countUsers(email: string) {
  const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM users WHERE email = ?1").bind(email).first<{ n: number }>();
  return row!.n;
}

describe("sign-up", () => {
  it("creates the account, answers 201 with the user and signs them in", async () => {
    const client = new TestClient();
    const email = uniqueEmail();
    const res = await client.post("/auth/signup", { email, password: PASSWORD, displayName: "Ada", birthDate: ADULT_BIRTH_DATE });
    expect(res.status).toBe(201);
    expect(res.json.user).toMatchObject({ email, displayName: "Ada", birthDate: ADULT_BIRTH_DATE });
    expect(res.json.user).not.toHaveProperty("passwordHash");
    const me = await client.get("/me");
    expect(me.status).toBe(200);
    expect(me.json.user.email).toBe(email);
  });

  it("sets an HttpOnly, SameSite=Lax session cookie, not Secure on plain-http localhost", async () => {
    const client = new TestClient();
    const res = await client.post("/auth/signup", { email: uniqueEmail(), password: PASSWORD, displayName: "Ada", birthDate: ADULT_BIRTH_DATE });
    const cookie = res.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/^session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
  });

  it("marks the cookie Secure with the __Host- prefix on https", async () => {
    const { exports } = await import("cloudflare:workers");
    const res = await exports.default.fetch(
      new Request("https://mentor.example.org/api/auth/signup", {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: "https://mentor.example.org" },
        body: JSON.stringify({ email: uniqueEmail(), password: PASSWORD, displayName: "Ada", birthDate: ADULT_BIRTH_DATE }),
      }),
    );
    expect(res.status).toBe(201);
    const cookie = res.headers.get("Set-Cookie")!;
    expect(cookie).toMatch(/^__Host-session=/);
    expect(cookie).toMatch(/Secure/);
  });

  it("refuses someone under 18 with 422 underage and stores nothing", async () => {
    const email = uniqueEmail("young");
    const res = await new TestClient().post("/auth/signup", { email, password: PASSWORD, displayName: "Kid", birthDate: yearsAgo(18, 1) });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("underage");
    expect(res.headers.get("Set-Cookie")).toBeNull();
    expect(await countUsers(email)).toBe(0);
  });

  it("accepts someone whose 18th birthday is today", async () => {
    const res = await new TestClient().post("/auth/signup", { email: uniqueEmail(), password: PASSWORD, displayName: "Newly adult", birthDate: yearsAgo(18) });
    expect(res.status).toBe(201);
  });

  it("answers 409 email_taken for a duplicate email, whatever its case", async () => {
    const { email } = await signUp("dup");
    const res = await new TestClient().post("/auth/signup", {
      email: email.toUpperCase(),
      password: PASSWORD,
      displayName: "Other",
      birthDate: ADULT_BIRTH_DATE,
    });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe("email_taken");
    expect(await countUsers(email)).toBe(1);
  });

  it("refuses a password under 10 characters with 422 naming the field", async () => {
    const email = uniqueEmail();
    const res = await new TestClient().post("/auth/signup", { email, password: "short", displayName: "Ada", birthDate: ADULT_BIRTH_DATE });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("validation_failed");
    expect(res.json.error.issues.map((i: { path: string }) => i.path)).toContain("password");
    expect(await countUsers(email)).toBe(0);
  });

  it("refuses impossible and future birth dates", async () => {
    for (const birthDate of ["1990-02-30", "12/04/1990", "2999-01-01"]) {
      const res = await new TestClient().post("/auth/signup", { email: uniqueEmail(), password: PASSWORD, displayName: "Ada", birthDate });
      expect(res.status, birthDate).toBe(422);
      expect(res.json.error.issues[0].path).toBe("birthDate");
    }
  });

  it("stores a salted PBKDF2-SHA256 hash with its iteration count, never the password", async () => {
    const a = await signUp("hash-a");
    const b = await signUp("hash-b");
    const rows = await env.DB.prepare("SELECT password_hash FROM users WHERE id IN (?1, ?2)").bind(a.user.id, b.user.id).all<{ password_hash: string }>();
    const [first, second] = rows.results.map((r) => r.password_hash);
    expect(first).toMatch(/^pbkdf2-sha256\$100000\$[\w-]+\$[\w-]+\$nfkc$/);
    expect(first).not.toContain(PASSWORD);
    expect(first).not.toBe(second); // same password, different salts
  });
});

describe("the tests' shortcut for making people (person() in helpers.ts)", () => {
  it("leaves what a sign-up leaves: the same /me, a live session, a 100,000-iteration hash that signs in with PASSWORD", async () => {
    const made = await person("Shortcut");
    const signedUp = await signUp("Shortcut");
    const [mine, theirs] = await Promise.all([made.client.get("/me"), signedUp.client.get("/me")]);
    expect(mine.status).toBe(200);
    const strip = (user: Record<string, unknown>) => ({ ...user, id: "", email: "", createdAt: "" });
    expect(strip(mine.json.user)).toEqual(strip(theirs.json.user));
    const stored = await env.DB.prepare("SELECT password_hash FROM users WHERE id = ?1").bind(made.user.id).first<{ password_hash: string }>();
    expect(stored!.password_hash).toMatch(/^pbkdf2-sha256\$100000\$/);
    const again = new TestClient();
    expect((await again.post("/auth/login", { email: made.email, password: PASSWORD })).status).toBe(200);
  });
});

describe("sign-up limits", () => {
  it("limits new accounts per client address (429 with Retry-After), not per person", async () => {
    const client = () => new TestClient({ "CF-Connecting-IP": "198.18.0.1" });
    for (let i = 0; i < 20; i++) {
      const res = await client().post("/auth/signup", { email: uniqueEmail("bulk"), password: PASSWORD, displayName: "Bulk", birthDate: ADULT_BIRTH_DATE });
      expect(res.status).toBe(201);
    }
    const email = uniqueEmail("one-too-many");
    const refused = await client().post("/auth/signup", { email, password: PASSWORD, displayName: "Bulk", birthDate: ADULT_BIRTH_DATE });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBeTruthy();
    expect(await countUsers(email)).toBe(0);
    const elsewhere = await new TestClient({ "CF-Connecting-IP": "198.18.0.2" }).post("/auth/signup", {
      email,
      password: PASSWORD,
      displayName: "Bulk",
      birthDate: ADULT_BIRTH_DATE,
    });
    expect(elsewhere.status).toBe(201);
  });
});

describe("sign-in", () => {
  it("answers 200 with the user and a fresh session cookie", async () => {
    const { email, user } = await signUp("login");
    const client = new TestClient();
    const res = await client.post("/auth/login", { email, password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.json.user.id).toBe(user.id);
    expect((await client.get("/me")).json.user.id).toBe(user.id);
  });

  it("gives the same 401 invalid_credentials for an unknown email and a wrong password", async () => {
    const { email } = await signUp("wrong");
    const wrong = await new TestClient({ "CF-Connecting-IP": "192.0.2.1" }).post("/auth/login", { email, password: "not the password" });
    const unknown = await new TestClient({ "CF-Connecting-IP": "192.0.2.1" }).post("/auth/login", { email: uniqueEmail("nobody"), password: PASSWORD });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json).toEqual(unknown.json);
    expect(wrong.json.error.code).toBe("invalid_credentials");
  });

  it("limits failed attempts per (email, client) with 429 and Retry-After; the owner's own device still signs in", async () => {
    const { email } = await signUp("limited");
    const attacker = new TestClient({ "CF-Connecting-IP": "198.51.100.7" });
    for (let i = 0; i < 5; i++) expect((await attacker.post("/auth/login", { email, password: "wrong password!" })).status).toBe(401);
    const blocked = await attacker.post("/auth/login", { email, password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.json.error.code).toBe("rate_limited");
    expect(Number(blocked.headers.get("Retry-After"))).toBeGreaterThan(0);
    // The stranger's guesses do not lock the owner out of their own device.
    expect((await new TestClient({ "CF-Connecting-IP": "198.51.100.99" }).post("/auth/login", { email, password: PASSWORD })).status).toBe(200);
  });

  it("limits failed attempts per client across many emails", async () => {
    const client = new TestClient({ "CF-Connecting-IP": "203.0.113.7" });
    for (let i = 0; i < 30; i++) {
      expect((await client.post("/auth/login", { email: uniqueEmail("spray"), password: "guess guess guess" })).status).toBe(401);
    }
    const { email } = await signUp("victim");
    const res = await client.post("/auth/login", { email, password: PASSWORD });
    expect(res.status).toBe(429);
    // Another client is not affected.
    expect((await new TestClient({ "CF-Connecting-IP": "203.0.113.8" }).post("/auth/login", { email, password: PASSWORD })).status).toBe(200);
  });

  it("a successful sign-in clears the email's failure count", async () => {
    const { email } = await signUp("clears");
    const client = new TestClient({ "CF-Connecting-IP": "192.0.2.50" });
    for (let i = 0; i < 4; i++) await client.post("/auth/login", { email, password: "wrong password!" });
    expect((await client.post("/auth/login", { email, password: PASSWORD })).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await client.post("/auth/login", { email, password: "wrong password!" })).status).toBe(401);
  });
});

describe("sessions", () => {
  it("stores only a hash of the session token", async () => {
    const { client, user } = await signUp("hashed");
    const token = client.cookie!.split("=")[1]!;
    const rows = await env.DB.prepare("SELECT token_hash FROM sessions WHERE user_id = ?1").bind(user.id).all<{ token_hash: string }>();
    expect(rows.results).toHaveLength(1);
    expect(rows.results[0]!.token_hash).not.toBe(token);
    expect(rows.results[0]!.token_hash).toHaveLength(43); // base64url SHA-256
  });

  it("logout answers 204 and revokes the session on the server: the old cookie no longer works", async () => {
    const { client } = await signUp("logout");
    const stolen = client.cookie;
    const res = await client.post("/auth/logout");
    expect(res.status).toBe(204);
    const replay = new TestClient();
    replay.cookie = stolen;
    const me = await replay.get("/me");
    expect(me.status).toBe(401);
    expect(me.json.error.code).toBe("unauthenticated");
  });

  it("an expired session is refused", async () => {
    const { client, user } = await signUp("expired");
    await env.DB.prepare("UPDATE sessions SET expires_at = ?2 WHERE user_id = ?1")
      .bind(user.id, Date.now() - 1000)
      .run();
    expect((await client.get("/me")).status).toBe(401);
  });

  it("a session in use is renewed: its expiry moves forward and the cookie is re-sent", async () => {
    const { client, user } = await signUp("renew");
    const longAgo = Date.now() - 2 * 24 * 60 * 60 * 1000;
    await env.DB.prepare("UPDATE sessions SET renewed_at = ?2, expires_at = ?3 WHERE user_id = ?1")
      .bind(user.id, longAgo, Date.now() + 60_000)
      .run();
    const res = await client.get("/me");
    expect(res.status).toBe(200);
    expect(res.headers.get("Set-Cookie")).toMatch(/^session=/);
    const row = await env.DB.prepare("SELECT expires_at FROM sessions WHERE user_id = ?1").bind(user.id).first<{ expires_at: number }>();
    expect(row!.expires_at).toBeGreaterThan(Date.now() + 29 * 24 * 60 * 60 * 1000);
  });

  it("GET /api/me without a session is 401", async () => {
    const res = await new TestClient().get("/me");
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("unauthenticated");
  });

  it("a forged cookie is 401", async () => {
    const client = new TestClient();
    client.cookie = "session=forged-token-value";
    expect((await client.get("/me")).status).toBe(401);
  });
});

describe("profile", () => {
  it("PATCH /api/me edits display name, about, topics, languages and time zone", async () => {
    const { client } = await signUp("profile");
    const res = await client.patch("/me", {
      displayName: "Grace H.",
      about: "Compiler engineer, happy to help with careers in tech.",
      topics: ["compilers", "career", "compilers"],
      languages: ["en", "FR"],
      timeZone: "Europe/Paris",
    });
    expect(res.status).toBe(200);
    expect(res.json.user).toMatchObject({
      displayName: "Grace H.",
      topics: ["compilers", "career"],
      languages: ["en", "fr"],
      timeZone: "Europe/Paris",
    });
    expect((await client.get("/me")).json.user.about).toContain("Compiler engineer");
  });

  it("refuses an unknown time zone and unknown fields, changing nothing", async () => {
    const { client } = await signUp("badprofile");
    const before = (await client.get("/me")).json.user;
    const badZone = await client.patch("/me", { displayName: "Changed", timeZone: "Mars/Olympus" });
    expect(badZone.status).toBe(422);
    expect(badZone.json.error.issues[0].path).toBe("timeZone");
    const unknown = await client.patch("/me", { email: "new@example.org" });
    expect(unknown.status).toBe(422);
    expect((await client.get("/me")).json.user).toEqual(before);
  });

  it("needs a session", async () => {
    expect((await new TestClient().patch("/me", { displayName: "X" })).status).toBe(401);
  });
});
