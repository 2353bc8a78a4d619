// Shared by the benchmarks and the fault test: people talking to a running app over HTTP and WebSocket.

export class ApiPerson {
  cookie = "";
  userId = "";
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
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }

  email = "";
  displayName = "";
  static readonly PASSWORD = "benchmark-password";

  static async signUp(baseUrl: string, label: string, displayName = label): Promise<ApiPerson> {
    const person = new ApiPerson(baseUrl);
    person.email = `${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${crypto.randomUUID().slice(0, 8)}@example.org`;
    person.displayName = displayName;
    const { user } = await person.call("POST", "/auth/signup", { email: person.email, password: ApiPerson.PASSWORD, displayName, birthDate: "1990-01-01" });
    person.userId = user.id;
    return person;
  }
}

export function answersFor(questions: { id: string; kind: string; choices?: { id: string }[] }[]) {
  return Object.fromEntries(
    questions.map((q) => [q.id, q.kind === "multiple_choice" ? [q.choices![0]!.id] : q.kind === "single_choice" ? q.choices![0]!.id : "benchmark answer"]),
  );
}

/** An admin, a group and an open program; then `pairs` pairs made through the public API. */
export async function createPairs(baseUrl: string, pairs: number, concurrency = 8) {
  const admin = await ApiPerson.signUp(baseUrl, "admin");
  const { group } = await admin.call("POST", "/groups", { name: "Bench group", focus: "other" });
  const { token } = await admin.call("POST", `/groups/${group.id}/invites`, {});
  const { program } = await admin.call("POST", `/groups/${group.id}/programs`, { templateId: "career-advancement", locale: "en" });
  await admin.call("PATCH", `/programs/${program.id}`, { mentorCapacityMax: 10 });
  await admin.call("POST", `/programs/${program.id}/status`, { status: "open" });
  const result: { pairId: string; mentor: ApiPerson; mentee: ApiPerson }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < pairs) {
      const index = next++;
      const [mentor, mentee] = await Promise.all([ApiPerson.signUp(baseUrl, `mentor${index}`), ApiPerson.signUp(baseUrl, `mentee${index}`)]);
      await Promise.all([mentor.call("POST", `/invites/${token}/accept`), mentee.call("POST", `/invites/${token}/accept`)]);
      await mentor.call("POST", `/programs/${program.id}/applications`, { role: "mentor", capacity: 1, answers: answersFor(program.questions.mentor) });
      await mentee.call("POST", `/programs/${program.id}/applications`, { role: "mentee", answers: answersFor(program.questions.mentee) });
      const { pair } = await admin.call("POST", `/programs/${program.id}/pairs`, { mentorId: mentor.userId, menteeId: mentee.userId });
      result[index] = { pairId: pair.id, mentor, mentee };
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, pairs) }, worker));
  return { admin, group, program, pairs: result };
}

/** Opens a WebSocket (Node 22's global client accepts headers as its second argument's `headers`). */
export function openSocket(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers } as unknown as string[]);
    const timer = setTimeout(() => reject(new Error(`socket to ${url} did not open`)), 10_000);
    ws.addEventListener("open", () => {
      clearTimeout(timer);
      resolve(ws);
    });
    ws.addEventListener("error", () => {
      clearTimeout(timer);
      reject(new Error(`socket to ${url} failed`));
    });
  });
}

export function roomUrl(baseUrl: string, pairId: string, after = 0) {
  return `${baseUrl.replace(/^http/, "ws")}/api/pairs/${pairId}/ws?after=${after}`;
}

export function personHeaders(person: ApiPerson) {
  return { Cookie: person.cookie, Origin: person.baseUrl };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export function summarize(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
