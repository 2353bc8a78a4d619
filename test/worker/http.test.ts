import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ORIGIN, TestClient, signUp } from "./helpers.ts";

describe("one error shape", () => {
  it("answers bad JSON with 400 bad_json", async () => {
    const res = await new TestClient().fetch("POST", "/auth/login", undefined, { raw: "{not json" });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("bad_json");
    expect(typeof res.json.error.message).toBe("string");
  });

  it("answers a wrong field type with 422 validation_failed naming the field", async () => {
    const res = await new TestClient().post("/auth/login", { email: 42, password: "x" });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe("validation_failed");
    expect(res.json.error.issues[0].path).toBe("email");
  });

  it("answers a missing body with 4xx in the error shape", async () => {
    const res = await new TestClient().post("/auth/signup");
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.json.error.code).toMatch(/validation_failed|bad_json/);
  });

  it("answers unknown API routes with a JSON 404, never the SPA's HTML", async () => {
    for (const [method, path] of [
      ["GET", "/nope"],
      ["POST", "/auth/nope"],
      ["DELETE", "/me/whatever"],
    ] as const) {
      const res = await new TestClient().fetch(method, path);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.headers.get("Content-Type")).toMatch(/application\/json/);
      expect(res.json.error.code).toBe("not_found");
    }
  });
});

describe("origin checks", () => {
  it("refuses a state-changing request from a foreign Origin with 403 and changes nothing", async () => {
    const { client } = await signUp("csrf");
    const res = await client.fetch("PATCH", "/me", { displayName: "Hijacked" }, { headers: { Origin: "https://evil.example" } });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe("forbidden_origin");
    expect((await client.get("/me")).json.user.displayName).toBe("csrf");
  });

  it("refuses a cross-site browser request that hides its Origin", async () => {
    const res = await new TestClient().fetch("POST", "/auth/logout", undefined, { headers: { Origin: "", "Sec-Fetch-Site": "cross-site" } });
    expect(res.status).toBe(403);
  });

  it("allows the app's own origin", async () => {
    const res = await new TestClient().fetch("POST", "/auth/logout", undefined, { headers: { Origin: ORIGIN } });
    expect(res.status).toBe(204);
  });
});

describe("security headers", () => {
  it("sets a strict CSP, nosniff, a Referrer-Policy and frame-ancestors 'none' on API responses and errors", async () => {
    for (const path of ["/api/health", "/api/nope", "/api/me"]) {
      const res = await exports.default.fetch(new Request(`${ORIGIN}${path}`));
      const csp = res.headers.get("Content-Security-Policy")!;
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain("unsafe-inline");
      expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(res.headers.get("Referrer-Policy")).toBeTruthy();
    }
  });

  it("sets them on the SPA's pages too", async () => {
    const res = await exports.default.fetch(new Request(`${ORIGIN}/some/client/route`));
    expect(res.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
  });
});

describe("OpenAPI", () => {
  it("documents the routes with the shared schemas", async () => {
    const res = await exports.default.fetch(new Request(`${ORIGIN}/api/openapi.json`));
    expect(res.status).toBe(200);
    const doc = (await res.json()) as any;
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/auth/signup", "/auth/login", "/auth/logout", "/me"]));
    expect(doc.paths["/auth/signup"].post.responses).toHaveProperty("201");
    expect(doc.components.schemas.SignupBody.required).toEqual(expect.arrayContaining(["email", "password", "displayName", "birthDate"]));
  });
});

describe("benchmark-only routes", () => {
  it("do not exist in the product worker: the baseline rooms and the eviction route answer a plain 404", async () => {
    for (const [method, path] of [
      ["GET", "/api/bench/echo/room-1"],
      ["GET", "/api/bench/durable-echo/room-1"],
      ["POST", "/api/bench/pairs/x/evict"],
    ] as const) {
      const res = await exports.default.fetch(new Request(`${ORIGIN}${path}`, { method, headers: { Upgrade: "websocket", Origin: ORIGIN } }));
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as any).error.code).toBe("not_found");
    }
  });
});
