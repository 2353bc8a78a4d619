import { exports } from "cloudflare:workers";

export const ORIGIN = "http://127.0.0.1:8787";

/** One person's browser: keeps its session cookie and sends the app's Origin like the SPA does. */
export class TestClient {
  cookie: string | null = null;

  constructor(readonly headers: Record<string, string> = {}) {}

  async fetch(method: string, path: string, body?: unknown, init: { headers?: Record<string, string>; raw?: string } = {}) {
    const headers = new Headers({ ...this.headers, ...init.headers });
    if (method !== "GET" && !headers.has("Origin")) headers.set("Origin", ORIGIN);
    if (this.cookie) headers.set("Cookie", this.cookie);
    let payload: string | undefined = init.raw;
    if (body !== undefined) {
      payload = JSON.stringify(body);
      headers.set("Content-Type", "application/json");
    } else if (payload !== undefined && !headers.has("Content-Type")) {
      headers.set("Content-Type", "application/json");
    }
    const res = await exports.default.fetch(new Request(`${ORIGIN}/api${path}`, { method, headers, body: payload }));
    const setCookie = res.headers.get("Set-Cookie");
    if (setCookie) {
      const [pair] = setCookie.split(";");
      this.cookie = pair && !/=\s*$/.test(pair) && !/Max-Age=0|expires=Thu, 01 Jan 1970/i.test(setCookie) ? pair : null;
    }
    const text = await res.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status, headers: res.headers, json, text };
  }

  get = (path: string) => this.fetch("GET", path);
  post = (path: string, body?: unknown) => this.fetch("POST", path, body);
  patch = (path: string, body?: unknown) => this.fetch("PATCH", path, body);
  delete = (path: string, body?: unknown) => this.fetch("DELETE", path, body);
}

let counter = 0;
export function uniqueEmail(label = "user") {
  counter += 1;
  return `${label}-${counter}-${crypto.randomUUID().slice(0, 8)}@example.org`;
}

export const ADULT_BIRTH_DATE = "1990-04-12";
export const PASSWORD = "correct horse battery";

/** Signs a new person up and returns their signed-in client and user. */
export async function signUp(label = "user", overrides: Record<string, unknown> = {}) {
  const client = new TestClient({ "CF-Connecting-IP": `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });
  const email = uniqueEmail(label);
  const res = await client.post("/auth/signup", {
    email,
    password: PASSWORD,
    displayName: label,
    birthDate: ADULT_BIRTH_DATE,
    ...overrides,
  });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${res.text}`);
  return { client, user: res.json.user as { id: string; email: string; displayName: string }, email };
}
