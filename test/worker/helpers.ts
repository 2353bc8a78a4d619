import { env, exports } from "cloudflare:workers";
import { randomToken, sha256Base64Url } from "../../worker/auth/encoding.ts";
import { hashPassword } from "../../worker/auth/password.ts";
import { insertSessionStatement } from "../../worker/db/sessions.ts";
import { insertUser } from "../../worker/db/users.ts";

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
  put = (path: string, body?: unknown) => this.fetch("PUT", path, body);
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

export type Person = Awaited<ReturnType<typeof signUp>>;

const DAY_MS = 24 * 60 * 60 * 1000;
/** PASSWORD hashed once per test file by the product's own hashPassword (100,000 iterations). */
let passwordHash: Promise<string> | undefined;

/**
 * A person as a sign-up leaves them (an adult user and one live session, signed in), written straight
 * into D1 with the product's own queries, for fixtures whose subject is not sign-up. It skips what makes
 * a sign-up cost about 80 ms in workerd: the password strength check (zxcvbn, about 60 ms), PBKDF2 at
 * 100,000 iterations (the hash of PASSWORD is made once per file and shared), the rate limit and the
 * verification email. The sign-up route itself is tested through `signUp` (auth.test.ts, accounts.test.ts).
 * They sign in with PASSWORD like anyone else.
 */
export async function person(label = "user", overrides: { email?: string; displayName?: string; locale?: "en" | "fr" | "de" } = {}): Promise<Person> {
  const client = new TestClient({ "CF-Connecting-IP": `10.1.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });
  const email = overrides.email ?? uniqueEmail(label);
  passwordHash ??= hashPassword(PASSWORD);
  const row = await insertUser(env.DB, {
    email,
    displayName: overrides.displayName ?? label,
    birthDate: ADULT_BIRTH_DATE,
    passwordHash: await passwordHash,
    locale: overrides.locale ?? null,
  });
  if (!row) throw new Error(`person: ${email} exists already`);
  const token = randomToken();
  const now = Date.now();
  await insertSessionStatement(env.DB, {
    id: randomToken(16),
    tokenHash: await sha256Base64Url(token),
    userId: row.id,
    now,
    expiresAt: now + 30 * DAY_MS,
    absoluteExpiresAt: now + 90 * DAY_MS,
    userAgent: null,
  }).run();
  // The cookie a sign-up sets on http://127.0.0.1 (worker/auth/session.ts).
  client.cookie = `session=${token}`;
  return { client, user: { id: row.id, email: row.email, displayName: row.display_name }, email };
}

/**
 * Whether a matrix call left its fixture as it found it, so that the next role may act on the same one:
 * a refused call (4xx) changes nothing, and neither does a read. After an accepted write or an opened
 * socket the next role gets a fresh fixture. Building fixtures is most of what a matrix costs.
 */
export function leftAsItWas(route: string, status: number): boolean {
  return status >= 400 || (route.startsWith("GET ") && status >= 200 && status < 300);
}

/** A group with an owner, an admin, a plain member, and a signed-in outsider. */
export async function groupWithRoles(name = "Women in Tech") {
  const [owner, admin, member, outsider] = await Promise.all([person("owner"), person("admin"), person("member"), person("outsider")]);
  const created = await owner.client.post("/groups", { name, description: "Peer mentoring for our community", focus: "professional" });
  if (created.status !== 201) throw new Error(`group creation failed: ${created.status} ${created.text}`);
  const groupId = created.json.group.id as string;
  await Promise.all([joinGroup(owner, groupId, admin), joinGroup(owner, groupId, member)]);
  const promoted = await owner.client.patch(`/groups/${groupId}/members/${admin.user.id}`, { role: "admin" });
  if (promoted.status !== 200) throw new Error(`promotion failed: ${promoted.status} ${promoted.text}`);
  return { groupId, owner, admin, member, outsider };
}

/** `inviter` (an admin) makes an invite link and `person` accepts it. */
export async function joinGroup(inviter: Person, groupId: string, person: Person) {
  const invite = await inviter.client.post(`/groups/${groupId}/invites`, {});
  if (invite.status !== 201) throw new Error(`invite failed: ${invite.status} ${invite.text}`);
  const accepted = await person.client.post(`/invites/${invite.json.token}/accept`);
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${accepted.text}`);
}

export async function createProgram(admin: Person, groupId: string, templateId = "career-advancement", open = true) {
  const res = await admin.client.post(`/groups/${groupId}/programs`, { templateId, locale: "en" });
  if (res.status !== 201) throw new Error(`program creation failed: ${res.status} ${res.text}`);
  const programId = res.json.program.id as string;
  if (open) {
    const opened = await admin.client.post(`/programs/${programId}/status`, { status: "open" });
    if (opened.status !== 200) throw new Error(`open failed: ${opened.status} ${opened.text}`);
  }
  return { programId, program: res.json.program };
}

type QuestionLike = { id: string; kind: string; required: boolean; choices?: { id: string }[] };

/** Answers every question of a role sensibly: text for text, the first choices for choice questions. */
export function answersFor(questions: QuestionLike[], overrides: Record<string, string | string[]> = {}) {
  const answers: Record<string, string | string[]> = {};
  for (const q of questions) {
    if (q.kind === "single_choice") answers[q.id] = q.choices![0]!.id;
    else if (q.kind === "multiple_choice") answers[q.id] = q.choices!.slice(0, 2).map((c) => c.id);
    else answers[q.id] = `An answer to ${q.id}`;
  }
  return { ...answers, ...overrides };
}

export async function apply(
  person: Person,
  programId: string,
  role: "mentor" | "mentee",
  extra: { capacity?: number; answers?: Record<string, string | string[]> } = {},
) {
  const program = (await person.client.get(`/programs/${programId}`)).json.program;
  const res = await person.client.post(`/programs/${programId}/applications`, {
    role,
    answers: answersFor(program.questions[role], extra.answers),
    ...(extra.capacity ? { capacity: extra.capacity } : {}),
  });
  if (res.status !== 201) throw new Error(`apply failed: ${res.status} ${res.text}`);
  return res.json.application as { id: string; status: string };
}

/** A group with an open program, a mentor and a mentee who applied, and the admin. */
export async function programWithApplicants(capacity = 2) {
  const group = await groupWithRoles();
  const { programId } = await createProgram(group.admin, group.groupId);
  const [mentor, mentee] = await Promise.all([person("mentor"), person("mentee")]);
  await Promise.all([joinGroup(group.admin, group.groupId, mentor), joinGroup(group.admin, group.groupId, mentee)]);
  const mentorApplication = await apply(mentor, programId, "mentor", { capacity });
  const menteeApplication = await apply(mentee, programId, "mentee");
  return { ...group, programId, mentor, mentee, mentorApplication, menteeApplication };
}

export async function pairUp(admin: Person, programId: string, mentor: Person, mentee: Person) {
  const res = await admin.client.post(`/programs/${programId}/pairs`, { mentorId: mentor.user.id, menteeId: mentee.user.id });
  if (res.status !== 201) throw new Error(`pairing failed: ${res.status} ${res.text}`);
  return res.json.pair as { id: string };
}
