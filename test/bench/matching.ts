// B7, matching at community scale: suggest-all then bulk publish through the API, for programs of 50,
// 200, 1,000 and 2,000 waiting mentees with mentors at 40% of the mentees (capacities 1 to 3), on its own
// `wrangler dev` with its own state. The admin, the group and the programs are made through the API;
// the thousands of applicants are written straight into the local D1 database with `wrangler d1 execute`
// while the server is stopped (signing 4,550 people up through the API would take most of the run), and
// their answers are real sentences in English, French and German. Also the suggestions route's p50 for
// the 2,000-mentee program, beside /api/health's p50 measured in the same run.
//
// A publish leaves work behind it on purpose: the rooms (created by the queue consumer, through the room
// outbox) and the email and push of every "paired" notification. Under `wrangler dev` that work runs in
// the same process as the next requests, so after each size the benchmark waits until it is done (every
// outbox row delivered, every notification given its delivery rows), reading the local D1 file, and reports
// how long that took ("background"), instead of letting one size's rooms slow the next size down.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, applyMigrations, freePort, startWranglerDev, toolEnv } from "../../worker/dev/wrangler-dev.ts";
import { assignMatrix, NOT_ALLOWED } from "../../shared/rules/matching.ts";
import { ApiPerson, summarize } from "./lib.ts";

export const B7_SIZES = (process.env.B7_SIZES ?? "50,200,1000,2000").split(",").map(Number);
const SUGGESTION_SAMPLES = Number(process.env.B7_SUGGESTION_SAMPLES ?? 60);
const BULK_CHUNK = 500;

/** Deterministic pseudo-random numbers, so every run seeds the same programs. */
function rng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 2246822519) + 0x9e3779b9) >>> 0;
    state ^= state >>> 13;
    return (state >>> 0) / 2 ** 32;
  };
}

const LANGUAGES = ["en", "fr", "de"] as const;
const ZONES = {
  en: ["Europe/London", "America/New_York", "America/Los_Angeles"],
  fr: ["Europe/Paris", "America/Montreal"],
  de: ["Europe/Berlin", "Europe/Vienna"],
};
const OFFERS = {
  en: [
    "I have hired backend engineers for ten years and coach people through interviews and salary negotiation.",
    "I moved from teaching into product management and help people plan a career change.",
    "I lead a design team and review portfolios, presentations and promotion cases.",
    "I mentor new managers on feedback, delegation and difficult conversations.",
  ],
  fr: [
    "J'ai recruté des développeurs pendant dix ans et j'aide à préparer les entretiens d'embauche et la négociation du salaire.",
    "Je suis passée de l'enseignement à la gestion de produit et j'accompagne les reconversions.",
    "Je dirige une équipe de design et je relis les portfolios et les dossiers de promotion.",
  ],
  de: [
    "Ich habe als Personalerin hunderte Vorstellungsgespräche geführt und helfe bei Bewerbungen und Gehaltsverhandlungen.",
    "Ich leite ein Entwicklungsteam und begleite neue Führungskräfte bei Feedback und Delegation.",
    "Ich bin von der Pflege in die Softwareentwicklung gewechselt und helfe beim Berufswechsel.",
  ],
};
const NEEDS = {
  en: [
    ["I am preparing for backend interviews and want to negotiate a better salary.", "Someone who has hired engineers and knows salary negotiation."],
    ["I want to move from teaching into product management.", "A mentor who made a career change into product."],
    ["I am a new manager and struggle with feedback and delegation.", "An experienced manager who can help with difficult conversations."],
  ],
  fr: [
    ["Je prépare mes entretiens et je veux négocier mon salaire.", "Quelqu'un qui connaît les entretiens d'embauche et la négociation."],
    ["Je veux quitter l'enseignement pour la gestion de produit.", "Une personne qui a réussi une reconversion."],
  ],
  de: [
    ["Ich bewerbe mich auf meine erste Stelle und habe Angst vor dem Vorstellungsgespräch.", "Jemand, der mit mir ein Vorstellungsgespräch üben kann."],
    ["Ich bin neue Führungskraft und brauche Hilfe beim Feedback.", "Eine erfahrene Führungskraft für schwierige Gespräche."],
  ],
};
const TOPICS = [
  "career-direction",
  "promotion",
  "job-search",
  "cv-interviews",
  "networking",
  "visibility",
  "negotiation",
  "leadership",
  "career-change",
  "work-life",
];
const AVAILABILITY = ["weekday-mornings", "weekday-daytime", "weekday-evenings", "weekends"];

const sql = (value: string | number | null) => (value === null ? "NULL" : typeof value === "number" ? String(value) : `'${value.replaceAll("'", "''")}'`);

/** SQL that adds `mentees` waiting mentees and 40% as many mentors (capacity 1-3) to a program. */
function cohortSql(groupId: string, programId: string, mentees: number, seed: number): string {
  const random = rng(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const now = new Date().toISOString();
  const users: string[] = [];
  const members: string[] = [];
  const applications: string[] = [];
  const add = (role: "mentor" | "mentee", index: number) => {
    const id = crypto.randomUUID();
    const language = random() < 0.6 ? "en" : pick(["fr", "de"] as const);
    const languages = random() < 0.4 ? [language, pick(LANGUAGES)] : [language];
    const topics = [pick(TOPICS), pick(TOPICS)];
    const availability = [pick(AVAILABILITY), pick(AVAILABILITY)];
    let answers: Record<string, string | string[]>;
    if (role === "mentor") {
      answers = { help_with: pick(OFFERS[language]), why_help: "Someone once did this for me.", topics, availability, contact: "Video calls" };
    } else {
      const [need, wanted] = pick(NEEDS[language]);
      answers = { need_help_with: need!, mentor_wanted: wanted!, topics, availability, contact: "Video calls" };
    }
    users.push(
      `(${[id, `b7-${programId.slice(0, 8)}-${role}-${index}@example.org`, `${role} ${index}`, "1990-01-01", "bench-no-login", "", JSON.stringify(topics), JSON.stringify([...new Set(languages)]), pick(ZONES[language]), language, now].map(sql).join(", ")})`,
    );
    members.push(`(${[groupId, id, "member", now].map(sql).join(", ")})`);
    const capacity = role === "mentor" ? 1 + Math.floor(random() * 3) : null;
    applications.push(`(${[crypto.randomUUID(), programId, id, role, JSON.stringify(answers), capacity, "waiting", now, now].map(sql).join(", ")})`);
  };
  for (let i = 0; i < Math.round(mentees * 0.4); i++) add("mentor", i);
  for (let i = 0; i < mentees; i++) add("mentee", i);
  const chunks = (rows: string[], head: string) => {
    const out: string[] = [];
    for (let i = 0; i < rows.length; i += 200) out.push(`${head} VALUES\n${rows.slice(i, i + 200).join(",\n")};`);
    return out.join("\n");
  };
  return [
    chunks(users, "INSERT INTO users (id, email, display_name, birth_date, password_hash, about, topics, languages, time_zone, locale, created_at)"),
    chunks(members, "INSERT INTO group_members (group_id, user_id, role, joined_at)"),
    chunks(applications, "INSERT INTO applications (id, program_id, user_id, role, answers, capacity, status, created_at, updated_at)"),
  ].join("\n");
}

/** Rooms still to create and notifications still to deliver, read from the local D1 file (read-only). */
function backgroundLeft(state: string): { rooms: number; notifications: number } {
  const dir = join(state, "v3", "d1", "miniflare-D1DatabaseObject");
  const file = readdirSync(dir).find((name) => name.endsWith(".sqlite") && name !== "metadata.sqlite");
  if (!file) throw new Error(`no D1 database in ${dir}`);
  const db = new DatabaseSync(join(dir, file), { readOnly: true });
  try {
    const rooms = (db.prepare("SELECT COUNT(*) AS n FROM room_outbox").get() as { n: number }).n;
    const notifications = (
      db
        .prepare(
          "SELECT COUNT(*) AS n FROM notifications n WHERE n.kind = 'paired' AND NOT EXISTS (SELECT 1 FROM notification_deliveries d WHERE d.notification_id = n.id)",
        )
        .get() as { n: number }
    ).n;
    return { rooms, notifications };
  } finally {
    db.close();
  }
}

/** Waits until the rooms and notifications of the last publish are done (at most `limitMs`); returns how long that took. */
async function waitForBackground(state: string, since: number, limitMs = 600_000): Promise<number> {
  for (;;) {
    let left: ReturnType<typeof backgroundLeft>;
    try {
      left = backgroundLeft(state);
    } catch (error) {
      // workerd is writing at that moment ("database is locked"): look again shortly.
      if ((error as { errcode?: number }).errcode !== 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    if (left.rooms === 0 && left.notifications === 0) return performance.now() - since;
    if (performance.now() - since > limitMs) throw new Error(`background work not done after ${limitMs} ms: ${JSON.stringify(left)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function timed<T>(task: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await task();
  return [value, performance.now() - started];
}

async function sampleLatency(samples: number, task: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) await task(); // warm-up
  for (let i = 0; i < samples; i++) times.push((await timed(task))[1]);
  return summarize(times);
}

/**
 * The assignment alone, in Node, on programs where many mentees want the same few mentors: the certified
 * exact solve, the top-12 graph alone (what "optimal on each mentee's top-k" would give), and the gap.
 */
function assignmentFigures(
  sizes = [
    [1000, 400],
    [2000, 800],
  ] as const,
) {
  return sizes.map(([n, m]) => {
    const random = rng(n);
    const scores = new Int16Array(n * m);
    const mentorTopic = Array.from({ length: m }, () => Math.floor(random() ** 2 * 12));
    for (let i = 0; i < n; i++) {
      const topic = Math.floor(random() ** 2 * 12);
      for (let j = 0; j < m; j++) scores[i * m + j] = random() < 0.002 ? NOT_ALLOWED : (mentorTopic[j] === topic ? 9 : 0) + Math.floor(random() * 14) - 5;
    }
    const capacities = Array.from({ length: m }, () => 1 + Math.floor(random() * 3));
    const [exact, exactMs] = (() => {
      const started = performance.now();
      const result = assignMatrix({ menteeCount: n, capacities, scores });
      return [result, performance.now() - started] as const;
    })();
    const started = performance.now();
    const topK = assignMatrix({ menteeCount: n, capacities, scores, exact: false });
    const topKMs = performance.now() - started;
    return {
      mentees: n,
      mentors: m,
      exactMs,
      exactTotal: exact.totalScore,
      repairRounds: exact.repairRounds,
      topKMs,
      topKTotal: topK.totalScore,
      gapPercent: ((exact.totalScore - topK.totalScore) / exact.totalScore) * 100,
    };
  });
}

export type B7Result = {
  sizes: {
    mentees: number;
    mentors: number;
    suggestMs: number;
    publishMs: number;
    totalMs: number;
    proposals: number;
    created: number;
    optimal: boolean;
    growth: number | null;
    /** From the last publish response until every room was created and every notification delivered. */
    backgroundMs: number;
  }[];
  suggestions: { applicants: number; firstMs: number; p50: number; p99: number; healthP50: number; ratio: number };
  assignment?: ReturnType<typeof assignmentFigures>;
};

export async function runB7(assets: string): Promise<B7Result> {
  // Before any server starts, so that nothing else competes for the CPU.
  const assignment = assignmentFigures();
  const state = mkdtempSync(join(tmpdir(), "mentorship-b7-"));
  applyMigrations(state);
  const vars = { SIGNUPS_PER_HOUR_PER_CLIENT: "100000" };
  let server = await startWranglerDev({ port: await freePort(), persistTo: state, assets, vars });
  try {
    const admin = await ApiPerson.signUp(server.url, "b7-admin");
    const { group } = await admin.call("POST", "/groups", { name: "B7 group", focus: "professional" });
    const programs: { id: string; mentees: number }[] = [];
    for (const mentees of B7_SIZES) {
      const { program } = await admin.call("POST", `/groups/${group.id}/programs`, { templateId: "career-advancement", locale: "en" });
      await admin.call("POST", `/programs/${program.id}/status`, { status: "open" });
      programs.push({ id: program.id, mentees });
    }
    await server.stop();

    console.log(`  seeding ${B7_SIZES.join(", ")} mentees into D1…`);
    const file = join(state, "b7-seed.sql");
    writeFileSync(file, programs.map((p, i) => cohortSql(group.id, p.id, p.mentees, 7 + i)).join("\n"));
    const seeded = spawnSync(join(ROOT, "node_modules/.bin/wrangler"), ["d1", "execute", "DB", "--local", "--persist-to", state, "--file", file, "--yes"], {
      cwd: ROOT,
      env: toolEnv(),
      encoding: "utf8",
    });
    if (seeded.status !== 0) throw new Error(`seeding failed: ${seeded.stderr}\n${seeded.stdout}`);
    server = await startWranglerDev({ port: await freePort(), persistTo: state, assets, vars });
    const base = server.url;
    const reader = new ApiPerson(base);
    reader.cookie = admin.cookie;

    // The suggestions route on the largest program, before anything is published, beside /api/health.
    const largest = programs.at(-1)!;
    const { applications } = await reader.call<{ applications: { userId: string; role: string }[] }>("GET", `/programs/${largest.id}/applications?role=mentee`);
    let k = 0;
    // The first request reads and indexes the program's mentors; the next ones find them in the isolate.
    const [, firstMs] = await timed(() => reader.call("GET", `/programs/${largest.id}/suggestions?menteeId=${applications[k++]!.userId}`));
    const suggestions = await sampleLatency(SUGGESTION_SAMPLES, () =>
      reader.call("GET", `/programs/${largest.id}/suggestions?menteeId=${applications[k++ % applications.length]!.userId}`),
    );
    const health = await sampleLatency(SUGGESTION_SAMPLES, () => fetch(`${base}/api/health`).then((r) => r.text()));

    const sizes: B7Result["sizes"] = [];
    for (const program of programs) {
      const [proposal, suggestMs] = await timed(() => reader.call("POST", `/programs/${program.id}/suggestions/all`, { objective: "score" }));
      const pairs = proposal.proposals.map((p: { mentorId: string; menteeId: string }) => ({ mentorId: p.mentorId, menteeId: p.menteeId }));
      let created = 0;
      const [, publishMs] = await timed(async () => {
        for (let i = 0; i < pairs.length; i += BULK_CHUNK) {
          const result = await reader.call("POST", `/programs/${program.id}/pairs/bulk`, { pairs: pairs.slice(i, i + BULK_CHUNK), introduction: "Welcome!" });
          created += result.created;
        }
      });
      const backgroundMs = await waitForBackground(state, performance.now());
      const previous = sizes.at(-1);
      const totalMs = suggestMs + publishMs;
      sizes.push({
        mentees: program.mentees,
        mentors: Math.round(program.mentees * 0.4),
        suggestMs,
        publishMs,
        totalMs,
        proposals: pairs.length,
        created,
        optimal: proposal.optimal,
        growth: previous ? totalMs / previous.totalMs : null,
        backgroundMs,
      });
      console.log(
        `  ${program.mentees} mentees: suggest-all ${suggestMs.toFixed(0)} ms, publish ${pairs.length} pairs ${publishMs.toFixed(0)} ms (${created} created); rooms and notifications done ${(backgroundMs / 1000).toFixed(1)} s later`,
      );
    }
    return {
      sizes,
      assignment,
      suggestions: {
        applicants: Math.round(largest.mentees * 1.4),
        firstMs,
        p50: suggestions.p50,
        p99: suggestions.p99,
        healthP50: health.p50,
        ratio: health.p50 / suggestions.p50,
      },
    };
  } finally {
    await server.stop();
    rmSync(state, { recursive: true, force: true });
  }
}

/** Table rows for run.ts. */
export function b7Rows(r: B7Result): string[][] {
  const rows = r.sizes.map((s, i) => {
    const sizeRatio = i > 0 ? s.mentees / r.sizes[i - 1]!.mentees : null;
    return [
      `B7 ${s.mentees} mentees × ${s.mentors} mentors`,
      `suggest-all ${s.suggestMs.toFixed(0)} ms + publish ${s.created}/${s.proposals} pairs ${s.publishMs.toFixed(0)} ms = ${s.totalMs.toFixed(0)} ms${s.optimal ? " (optimal)" : ""}`,
      `rooms and notifications done ${(s.backgroundMs / 1000).toFixed(1)} s later`,
      s.growth === null ? "" : `×${s.growth.toFixed(2)} for ×${sizeRatio!.toFixed(1)} size`,
      s.mentees === 1000 ? "< 2,000 ms; doubling < ×4" : "doubling < ×4",
    ];
  });
  for (const a of r.assignment ?? []) {
    rows.push([
      `B7 assignment alone, ${a.mentees} × ${a.mentors} (Node)`,
      `certified exact ${a.exactMs.toFixed(0)} ms (${a.repairRounds} repair rounds)`,
      `top-12 only ${a.topKMs.toFixed(0)} ms`,
      `top-12 gap ${a.gapPercent.toFixed(1)}% of the optimum`,
      "",
    ]);
  }
  rows.push([
    `B7 suggestions, ${r.suggestions.applicants} applicants`,
    `p50 ${r.suggestions.p50.toFixed(2)} ms p99 ${r.suggestions.p99.toFixed(2)} ms (first request ${r.suggestions.firstMs.toFixed(0)} ms)`,
    `health p50 ${r.suggestions.healthP50.toFixed(2)} ms`,
    `×${(Math.round(r.suggestions.ratio * 100) / 100).toFixed(2)}`,
    "≥ ×0.3",
  ]);
  return rows;
}
