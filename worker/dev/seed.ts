// Demo data for `npm start`, created through the public API exactly as people would create it, so the
// demo never drifts from what the routes allow.

export const DEMO_PASSWORD = "mentorship-demo";

export const DEMO_ACCOUNTS = [
  { key: "admin", email: "amara@example.org", displayName: "Amara Okafor", role: "group owner and program admin" },
  { key: "mentor", email: "jonas@example.org", displayName: "Jonas Weber", role: "mentor" },
  { key: "mentee", email: "lea@example.org", displayName: "Léa Martin", role: "mentee" },
  { key: "member", email: "sam@example.org", displayName: "Sam Rivera", role: "member" },
] as const;

type Key = (typeof DEMO_ACCOUNTS)[number]["key"];

/** A signed-in demo person talking to the running app. */
class Person {
  cookie = "";
  readonly baseUrl: string;
  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  async call<T = any>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.baseUrl}/api${path}`, {
      method,
      headers: {
        Origin: this.baseUrl,
        ...(this.cookie ? { Cookie: this.cookie } : {}),
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.headers.get("set-cookie");
    if (setCookie) this.cookie = setCookie.split(";")[0]!;
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} failed with ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }
}

const PROFILES: Record<Key, { birthDate: string; about: string; topics: string[]; languages: string[]; timeZone: string }> = {
  admin: {
    birthDate: "1984-03-09",
    about: "Engineering manager. I run the mentoring circle of the Women in Tech Berlin community.",
    topics: ["leadership", "career change", "engineering management"],
    languages: ["en", "de"],
    timeZone: "Europe/Berlin",
  },
  mentor: {
    birthDate: "1979-11-22",
    about: "Staff engineer, 15 years in backend systems. Happy to help with promotions, interviews and growing into senior roles.",
    topics: ["promotion", "interviews", "backend", "leadership"],
    languages: ["de", "en"],
    timeZone: "Europe/Berlin",
  },
  mentee: {
    birthDate: "1998-06-30",
    about: "Junior developer two years in, aiming for a mid-level role and better at speaking up in meetings.",
    topics: ["promotion", "confidence", "backend"],
    languages: ["fr", "en"],
    timeZone: "Europe/Paris",
  },
  member: {
    birthDate: "1991-01-15",
    about: "Product designer, new to the group.",
    topics: ["design", "portfolio"],
    languages: ["en", "es"],
    timeZone: "Europe/Madrid",
  },
};

export async function seedDemo(baseUrl: string): Promise<void> {
  const people = {} as Record<Key, Person>;
  for (const account of DEMO_ACCOUNTS) {
    const person = new Person(baseUrl);
    const profile = PROFILES[account.key];
    await person.call("POST", "/auth/signup", {
      email: account.email,
      password: DEMO_PASSWORD,
      displayName: account.displayName,
      birthDate: profile.birthDate,
    });
    await person.call("PATCH", "/me", {
      about: profile.about,
      topics: profile.topics,
      languages: profile.languages,
      timeZone: profile.timeZone,
    });
    people[account.key] = person;
  }
}
