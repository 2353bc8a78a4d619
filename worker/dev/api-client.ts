// A person talking to a running app over HTTP and WebSocket, as the SPA does: used by the demo seed,
// the benchmarks and the tests that drive a real `wrangler dev`.

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

/**
 * Sends chat messages the way the SPA does: over the pair's socket, each one acknowledged (so stored)
 * before the next. Returns the seqs.
 */
export async function sendChat(person: ApiPerson, pairId: string, bodies: string[]): Promise<number[]> {
  const ws = await openSocket(roomUrl(person.baseUrl, pairId), personHeaders(person));
  const seqs: number[] = [];
  try {
    for (const body of bodies) {
      const clientId = crypto.randomUUID();
      const acked = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("no ack from the pair room within 10 s")), 10_000);
        const onMessage = (event: MessageEvent) => {
          const frame = JSON.parse(String(event.data)) as { type: string; clientId?: string; seq?: number; code?: string; message?: string };
          if (frame.clientId !== clientId) return;
          clearTimeout(timer);
          ws.removeEventListener("message", onMessage);
          if (frame.type === "ack") resolve(frame.seq!);
          else reject(new Error(`send refused: ${frame.code}: ${frame.message}`));
        };
        ws.addEventListener("message", onMessage);
      });
      ws.send(JSON.stringify({ type: "send", clientId, body }));
      seqs.push(await acked);
    }
    return seqs;
  } finally {
    ws.close(1000);
  }
}

type QuestionLike = { id: string; kind: string; choices?: { id: string }[] };

/** Valid answers to every question: the given text, or a default; the first choices for choice questions. */
export function answersFor(questions: QuestionLike[], text: Record<string, string> = {}, fallback = "Happy to talk about it.") {
  return Object.fromEntries(
    questions.map((q) => [
      q.id,
      q.kind === "multiple_choice" ? q.choices!.slice(0, 2).map((c) => c.id) : q.kind === "single_choice" ? q.choices![0]!.id : (text[q.id] ?? fallback),
    ]),
  );
}
