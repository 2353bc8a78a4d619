// `npm run bench`: builds and starts the app under `wrangler dev` on a free port with its state in a
// temporary folder, runs B1–B5 and B7 (matching, on its own server: see matching.ts; `BENCH_ONLY=B7`
// runs it alone), prints a table, writes the figures to test/.artifacts/bench-results.json,
// and stops everything it started. Every latency is reported beside a baseline measured in the same run:
// a bare hibernatable Durable Object that relays frames to the other socket in its room, and (B1) a durable
// echo that does the product's single SQLite insert before relaying. The benchmarks run their own worker
// (test/bench/worker.ts): the product plus these baseline rooms, never deployed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { ROOT, applyMigrations, buildSpa, freePort, startWranglerDev, BENCH_WRANGLER_CONFIG, toolEnv } from "../../worker/dev/wrangler-dev.ts";
import { generateDevSecrets } from "../../worker/dev/dev-secrets.ts";
import { ApiPerson, answersFor, createPairs, openSocket, personHeaders, roomUrl, sleep, summarize } from "./lib.ts";
import { b7Rows, B7_SIZES, runB7 } from "./matching.ts";

const B1_MESSAGES = Number(process.env.B1_MESSAGES ?? 2000);
const B2_PAIRS = Number(process.env.B2_PAIRS ?? 100);
const B2_SECONDS = Number(process.env.B2_SECONDS ?? 20);
/** Per socket: 2 messages a second, under the product's limit of 30 per 10 seconds. */
const B2_RATE_PER_SECOND = 2;
const B3_BEHIND = 1000;
const B4_SECONDS = Number(process.env.B4_SECONDS ?? 10);
const RESULTS = join(ROOT, "test", ".artifacts", "bench-results.json");
/** `BENCH_ONLY=B5 npm run bench` runs only the named benchmarks (comma separated); all of them by default. */
const B6_PAIRS = Number(process.env.B6_PAIRS ?? 40);
const B6_BURST = Number(process.env.B6_BURST ?? 1000);
const ONLY = new Set((process.env.BENCH_ONLY ?? "B1,B2,B3,B4,B5,B6,B7").split(",").map((name) => name.trim().toUpperCase()));

/** A room with two sockets, 0 and 1; a frame sent from one side is delivered to the other. */
type Duplex = {
  send: (from: 0 | 1, body: string) => void;
  onDelivered: (to: 0 | 1, handler: (body: string) => void) => void;
  sockets: [WebSocket, WebSocket];
  close: () => void;
};

/**
 * Two sockets in one baseline room: "echo" relays and nothing else; "durable-echo" first does the same
 * single SQLite insert as the product's room (what an ack-after-write costs), then relays.
 */
async function baselineRoom(baseUrl: string, room: string, kind: "echo" | "durable-echo" = "echo"): Promise<Duplex> {
  const url = `${baseUrl.replace(/^http/, "ws")}/api/bench/${kind}/${room}`;
  const sockets: [WebSocket, WebSocket] = [await openSocket(url, { Origin: baseUrl }), await openSocket(url, { Origin: baseUrl })];
  return {
    sockets,
    send: (from, body) => sockets[from].send(body),
    onDelivered: (to, handler) => sockets[to].addEventListener("message", (event) => handler(String(event.data))),
    close: () => sockets.forEach((ws) => ws.close()),
  };
}

async function openRoomSocket(baseUrl: string, pairId: string, person: ApiPerson, after = 1e12) {
  const ws = await openSocket(roomUrl(baseUrl, pairId, after), personHeaders(person));
  await new Promise<void>((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (JSON.parse(String(event.data)).type !== "synced") return;
      ws.removeEventListener("message", onMessage);
      resolve();
    };
    ws.addEventListener("message", onMessage);
  });
  return ws;
}

/** The mentor's (0) and the mentee's (1) sockets in a real pair room: auth, validation and storage. */
async function productRoom(baseUrl: string, pair: { pairId: string; mentor: ApiPerson; mentee: ApiPerson }): Promise<Duplex> {
  const people = [pair.mentor, pair.mentee] as const;
  const sockets: [WebSocket, WebSocket] = [await openRoomSocket(baseUrl, pair.pairId, pair.mentor), await openRoomSocket(baseUrl, pair.pairId, pair.mentee)];
  // Client ids are unique per connection: a reused id would be taken for a resend and not delivered.
  const prefix = crypto.randomUUID();
  let counter = 0;
  return {
    sockets,
    send: (from, body) => sockets[from].send(JSON.stringify({ type: "send", clientId: `${prefix}-${++counter}`, body })),
    onDelivered: (to, handler) =>
      sockets[to].addEventListener("message", (event) => {
        const frame = JSON.parse(String(event.data));
        if (frame.type === "message" && frame.senderId === people[to === 0 ? 1 : 0].userId) handler(frame.body);
      }),
    close: () => sockets.forEach((ws) => ws.close()),
  };
}

/** One round trip: send from side 0, resolve with the time until side 1 has it. */
function roundTrip(room: Duplex, waiting: { current: ((body: string) => void) | null }, body: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("a message was not delivered within 5 s")), 5000);
    waiting.current = (received) => {
      if (received !== body) return;
      clearTimeout(timer);
      resolve(performance.now() - started);
    };
    room.send(0, body);
  });
}

/**
 * B1: closed loops, one message in flight, the product and both baselines taking turns message by
 * message, so that all see the same machine at the same moments (a run one after the other lets the
 * later ones inherit the earlier ones' garbage collection and clean-up).
 */
async function closedLoops(rooms: Record<"product" | "baseline" | "durable", Duplex>, count: number) {
  const names = ["baseline", "durable", "product"] as const;
  const samples = { product: [] as number[], baseline: [] as number[], durable: [] as number[] };
  const waiting = Object.fromEntries(names.map((name) => [name, { current: null as ((body: string) => void) | null }])) as Record<
    (typeof names)[number],
    { current: ((body: string) => void) | null }
  >;
  for (const name of names) rooms[name].onDelivered(1, (body) => waiting[name].current?.(body));
  for (let i = 0; i < count; i++) {
    const body = `closed-loop ${i} ${"x".repeat(40)}`;
    for (const name of names) samples[name].push(await roundTrip(rooms[name], waiting[name], body));
  }
  for (const name of names) rooms[name].close();
  return { product: summarize(samples.product), baseline: summarize(samples.baseline), durable: summarize(samples.durable) };
}

type LoadResult = { sent: number; delivered: number; perSecond: number; count: number; p50: number; p99: number; max: number };

/**
 * B2: both sockets of every room send at a steady rate for a fixed time. The product's rooms and the
 * baseline's rooms run at the same time, so every pause of the machine falls on both alike.
 */
async function steadyLoads(groups: Record<"product" | "baseline", Duplex[]>, seconds: number): Promise<Record<"product" | "baseline", LoadResult>> {
  const interval = 1000 / B2_RATE_PER_SECOND;
  const stopAt = performance.now() + seconds * 1000;
  const run = (rooms: Duplex[]) => {
    const samples: number[] = [];
    let sent = 0;
    let delivered = 0;
    const record = (body: string) => {
      delivered++;
      samples.push(performance.now() - Number(body.split("|")[0]));
    };
    for (const room of rooms) {
      room.onDelivered(0, record);
      room.onDelivered(1, record);
    }
    const senders = rooms.flatMap((room, index) =>
      ([0, 1] as const).map(async (side) => {
        await sleep(((index * 2 + side) * interval) / (rooms.length * 2)); // spread the sends over the interval
        while (performance.now() < stopAt) {
          room.send(side, `${performance.now()}|load`);
          sent++;
          await sleep(interval);
        }
      }),
    );
    return { done: Promise.all(senders), result: (): LoadResult => ({ sent, delivered, perSecond: delivered / seconds, ...summarize(samples) }) };
  };
  const product = run(groups.product);
  const baseline = run(groups.baseline);
  await Promise.all([product.done, baseline.done]);
  await sleep(3000); // let the last frames land before counting
  [...groups.product, ...groups.baseline].forEach((room) => room.close());
  return { product: product.result(), baseline: baseline.result() };
}

async function catchUp(baseUrl: string, pair: { pairId: string; mentor: ApiPerson; mentee: ApiPerson }) {
  const { room } = await pair.mentee.call("GET", `/pairs/${pair.pairId}`);
  const behind = room.lastSeq;
  const writer = await openRoomSocket(baseUrl, pair.pairId, pair.mentor);
  let acked = 0;
  const allAcked = new Promise<void>((resolve) =>
    writer.addEventListener("message", (event) => {
      if (JSON.parse(String(event.data)).type === "ack" && ++acked === B3_BEHIND) resolve();
    }),
  );
  for (let i = 0; i < B3_BEHIND; i++) writer.send(JSON.stringify({ type: "send", clientId: `catch-up-${i}`, body: `catch-up message ${i}` }));
  await allAcked;
  writer.close();
  const timings: number[] = [];
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    const ws = new WebSocket(roomUrl(baseUrl, pair.pairId, behind), { headers: personHeaders(pair.mentee) } as unknown as string[]);
    let held = 0;
    await new Promise<void>((resolve, reject) => {
      ws.addEventListener("message", (event) => {
        const frame = JSON.parse(String(event.data));
        if (frame.type === "history") held += frame.messages.length;
        if (frame.type === "synced") held >= B3_BEHIND ? resolve() : reject(new Error(`only ${held} caught up`));
      });
    });
    timings.push(performance.now() - started);
    ws.close();
  }
  return summarize(timings);
}

async function requestsPerSecond(url: string, cookie: string) {
  const result = await autocannon({ url, connections: 20, duration: B4_SECONDS, headers: { cookie } });
  return { perSecond: result.requests.average, errors: result.errors + result.non2xx, p50: result.latency.p50, p99: result.latency.p99 };
}

function gzipSize(path: string) {
  return gzipSync(readFileSync(path), { level: 9 }).byteLength;
}

function bundleSizes(dist: string) {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const js = [...html.matchAll(/<script[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1] ?? m[2]!);
  const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map((m) => m[1]!);
  const outdir = mkdtempSync(join(tmpdir(), "mentorship-bundle-"));
  const build = spawnSync(join(ROOT, "node_modules/.bin/wrangler"), ["deploy", "--dry-run", "--outdir", outdir, "--assets", dist], {
    cwd: ROOT,
    env: toolEnv(),
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(build.stderr);
  const worker = gzipSize(join(outdir, "index.js"));
  rmSync(outdir, { recursive: true, force: true });
  return {
    initialJsGzip: js.reduce((sum, file) => sum + gzipSize(join(dist, file)), 0),
    initialCssGzip: css.reduce((sum, file) => sum + gzipSize(join(dist, file)), 0),
    initialFiles: [...js, ...css],
    workerGzip: worker,
  };
}

/**
 * The JavaScript a page really loads before it is usable, measured in Chromium: every script the page
 * fetched (entry, page chunk, dictionaries, preloads), gzipped from the built files. `cookie` signs in.
 */
async function pageJsGzip(base: string, dist: string, path: string, ready: string, cookie?: string) {
  const { chromium } = await import("playwright-core");
  const executablePath =
    process.env.CHROME_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((candidate) => existsSync(candidate));
  if (!executablePath) return null;
  const browser = await chromium.launch({
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    const context = await browser.newContext({ locale: "en-US" });
    if (cookie) {
      const [name, value] = cookie.split("=") as [string, string];
      await context.addCookies([{ name, value, url: base }]);
    }
    const page = await context.newPage();
    const scripts = new Set<string>();
    page.on("response", (response) => {
      const url = new URL(response.url());
      if (url.pathname.endsWith(".js")) scripts.add(url.pathname);
    });
    await page.goto(`${base}${path}`);
    await page.locator(ready).first().waitFor({ timeout: 15_000 });
    await page.waitForLoadState("networkidle");
    const files = [...scripts].sort();
    return { path, files, gzip: files.reduce((sum, file) => sum + gzipSize(join(dist, file)), 0) };
  } finally {
    await browser.close();
  }
}

const ratio = (value: number, base: number) => Math.round((value / base) * 100) / 100;
const ms = (value: number) => `${value.toFixed(2)} ms`;

/**
 * B6: the p50 of POST /programs/:id/pairs with notifications going out (in-app, plus email and push
 * enqueued) against the same request with no notification channel (`X-Bench-Notify: off`: in-app only),
 * taking turns request by request. Everyone's address is verified, so the emails really are sent.
 */
async function pairingWithNotifications(baseUrl: string) {
  const admin = await ApiPerson.signUp(baseUrl, "b6-admin");
  const { group } = await admin.call("POST", "/groups", { name: "B6 group", focus: "other" });
  const { token } = await admin.call("POST", `/groups/${group.id}/invites`, {});
  const { program } = await admin.call("POST", `/groups/${group.id}/programs`, { templateId: "career-advancement", locale: "en" });
  await admin.call("POST", `/programs/${program.id}/status`, { status: "open" });
  const people: { mentor: ApiPerson; mentee: ApiPerson }[] = [];
  let next = 0;
  const join = async () => {
    while (next < B6_PAIRS + 2) {
      const index = next++;
      const [mentor, mentee] = await Promise.all([ApiPerson.signUp(baseUrl, `b6-mentor${index}`), ApiPerson.signUp(baseUrl, `b6-mentee${index}`)]);
      await Promise.all([mentor.call("POST", `/invites/${token}/accept`), mentee.call("POST", `/invites/${token}/accept`)]);
      await mentor.call("POST", `/programs/${program.id}/applications`, { role: "mentor", capacity: 1, answers: answersFor(program.questions.mentor) });
      await mentee.call("POST", `/programs/${program.id}/applications`, { role: "mentee", answers: answersFor(program.questions.mentee) });
      people[index] = { mentor, mentee };
    }
  };
  await Promise.all(Array.from({ length: 8 }, join));
  const userIds = people.flatMap((p) => [p.mentor.userId, p.mentee.userId]);
  await fetch(`${baseUrl}/api/bench/notifications/verify`, { method: "POST", body: JSON.stringify({ userIds }) });
  const on: number[] = [];
  const off: number[] = [];
  for (const [index, pair] of people.entries()) {
    const channels = index % 2 === 0 ? "on" : "off";
    const started = performance.now();
    const res = await fetch(`${baseUrl}/api/programs/${program.id}/pairs`, {
      method: "POST",
      headers: { Origin: baseUrl, Cookie: admin.cookie, "Content-Type": "application/json", "X-Bench-Notify": channels },
      body: JSON.stringify({ mentorId: pair.mentor.userId, menteeId: pair.mentee.userId }),
    });
    const elapsed = performance.now() - started;
    await res.text();
    if (res.status !== 201) throw new Error(`B6 pairing failed: ${res.status}`);
    if (index < 2) continue; // one warm-up request of each kind
    (channels === "on" ? on : off).push(elapsed);
  }
  const withNotifications = summarize(on);
  const without = summarize(off);
  return { withNotifications, without, ratio: { p50: ratio(withNotifications.p50, without.p50) }, userIds };
}

/** How long the local queue takes to send B6_BURST notification emails, from the enqueue to the last one sent. */
async function queueBurst(baseUrl: string, userIds: string[]) {
  const prefix = `burst-${Date.now()}`;
  const started = performance.now();
  const res = await fetch(`${baseUrl}/api/bench/notifications/notify`, { method: "POST", body: JSON.stringify({ userIds, count: B6_BURST, prefix }) });
  if (res.status !== 202) throw new Error(`B6 burst failed: ${res.status}`);
  const enqueuedMs = performance.now() - started;
  let progress = { done: 0, sent: 0 };
  const deadline = Date.now() + 300_000;
  while (progress.done < B6_BURST && Date.now() < deadline) {
    await sleep(100);
    progress = await (await fetch(`${baseUrl}/api/bench/notifications/deliveries?prefix=${prefix}`)).json();
  }
  const seconds = (performance.now() - started) / 1000;
  return { notifications: B6_BURST, enqueuedMs, done: progress.done, sent: progress.sent, seconds, perSecond: progress.done / seconds };
}

async function main() {
  console.log("Building the SPA and starting wrangler dev…");
  const state = mkdtempSync(join(tmpdir(), "mentorship-bench-"));
  const assets = join(state, "web");
  buildSpa(assets);
  applyMigrations(state);
  const port = await freePort();
  const server = await startWranglerDev({
    port,
    persistTo: state,
    assets,
    config: BENCH_WRANGLER_CONFIG,
    vars: { SIGNUPS_PER_HOUR_PER_CLIENT: "100000", CHAT_RATE_LIMIT_PER_10S: "1000000", APP_URL: `http://127.0.0.1:${port}`, ...(await generateDevSecrets()) },
  });
  const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpus: (await import("node:os")).cpus().length };
  const onlyB7 = process.env.BENCH_ONLY === "B7";
  if (onlyB7) await server.stop();
  else
    try {
      const base = server.url;
      const needsPairs = ["B1", "B2", "B3", "B4"].some((name) => ONLY.has(name));
      if (needsPairs) console.log(`Creating ${B2_PAIRS} pairs through the API…`);
      const setup = needsPairs ? await createPairs(base, B2_PAIRS) : { pairs: [], program: { id: "" }, admin: new ApiPerson(base) };
      const [firstPair] = setup.pairs;

      if (ONLY.has("B1")) {
        console.log(`B1: ${B1_MESSAGES} messages, closed loop…`);
        const {
          product: b1,
          baseline: b1Base,
          durable: b1Durable,
        } = await closedLoops(
          { product: await productRoom(base, firstPair!), baseline: await baselineRoom(base, "b1"), durable: await baselineRoom(base, "b1", "durable-echo") },
          B1_MESSAGES,
        );
        results.B1 = {
          baseline: b1Base,
          durableBaseline: b1Durable,
          product: b1,
          ratio: { p50: ratio(b1.p50, b1Base.p50), p99: ratio(b1.p99, b1Base.p99), max: ratio(b1.max, b1Base.max) },
          // The figure that matters: the product against what storing before acking physically costs.
          ratioToDurable: { p50: ratio(b1.p50, b1Durable.p50), p99: ratio(b1.p99, b1Durable.p99), max: ratio(b1.max, b1Durable.max) },
        };
      }

      if (ONLY.has("B2")) {
        console.log(`B2: ${B2_PAIRS} pair rooms and ${B2_PAIRS} baseline rooms side by side, ${B2_RATE_PER_SECOND} msg/s per socket for ${B2_SECONDS} s…`);
        const { product: b2, baseline: b2Base } = await steadyLoads(
          {
            product: await Promise.all(setup.pairs.map((pair) => productRoom(base, pair))),
            baseline: await Promise.all(Array.from({ length: B2_PAIRS }, (_, i) => baselineRoom(base, `b2-${i}`))),
          },
          B2_SECONDS,
        );
        results.B2 = {
          baseline: b2Base,
          product: b2,
          deliveredRatio: b2.delivered / b2.sent,
          lost: b2.sent - b2.delivered,
          ratio: { p50: ratio(b2.p50, b2Base.p50), p99: ratio(b2.p99, b2Base.p99), throughput: ratio(b2.perSecond, b2Base.perSecond) },
        };
      }

      if (ONLY.has("B3")) {
        console.log("B3: catch-up of 1,000 messages…");
        results.B3 = await catchUp(base, setup.pairs[1] ?? firstPair!);
      }

      if (ONLY.has("B4")) {
        console.log(`B4: autocannon, 20 connections, ${B4_SECONDS} s per route…`);
        const trivial = await requestsPerSecond(`${base}/api/health`, "");
        const dashboard = await requestsPerSecond(`${base}/api/programs/${setup.program.id}/dashboard`, setup.admin.cookie);
        const pairList = await requestsPerSecond(`${base}/api/pairs`, firstPair!.mentee.cookie);
        results.B4 = {
          trivial,
          dashboard: { ...dashboard, pairs: B2_PAIRS, ratio: ratio(dashboard.perSecond, trivial.perSecond) },
          pairList: { ...pairList, ratio: ratio(pairList.perSecond, trivial.perSecond) },
        };
      }

      if (ONLY.has("B5")) {
        console.log("B5: sizes…");
        const member = await ApiPerson.signUp(base, "b5-member");
        results.B5 = {
          ...bundleSizes(assets),
          signInPage: await pageJsGzip(base, assets, "/signin", "form"),
          homePage: await pageJsGzip(base, assets, "/", "main h1", member.cookie),
        };
      }
      if (ONLY.has("B6")) {
        console.log(`B6: ${B6_PAIRS} pairings, taking turns with and without notification channels; then ${B6_BURST} notifications through the queue…`);
        const b6 = await pairingWithNotifications(base);
        results.B6 = { pairing: { withNotifications: b6.withNotifications, without: b6.without, ratio: b6.ratio }, burst: await queueBurst(base, b6.userIds) };
      }
    } finally {
      await server.stop();
    }
  try {
    if (ONLY.has("B7")) {
      console.log(`B7: suggest-all and bulk publish for ${B7_SIZES.join(", ")} mentees…`);
      results.B7 = await runB7(assets);
    }
  } finally {
    rmSync(state, { recursive: true, force: true });
  }

  const r = results as any;
  const kb = (bytes: number | undefined) => (bytes === undefined ? "n/a" : `${(bytes / 1024).toFixed(1)} KB`);
  const rows = [
    ...(r.B1
      ? [
          [
            "B1 one pair vs durable echo",
            `p50 ${ms(r.B1.product.p50)} p99 ${ms(r.B1.product.p99)} max ${ms(r.B1.product.max)}`,
            `durable echo p50 ${ms(r.B1.durableBaseline.p50)} p99 ${ms(r.B1.durableBaseline.p99)}`,
            `p50 ×${r.B1.ratioToDurable.p50} p99 ×${r.B1.ratioToDurable.p99}`,
            "p50 ≤ ×1.15, p99 ≤ ×1.3",
          ],
          [
            "B1 one pair vs bare echo",
            "",
            `bare echo p50 ${ms(r.B1.baseline.p50)} p99 ${ms(r.B1.baseline.p99)} max ${ms(r.B1.baseline.max)}`,
            `p50 ×${r.B1.ratio.p50} p99 ×${r.B1.ratio.p99}`,
            "p50 ≤ ×1.5, p99 ≤ ×2",
          ],
        ]
      : []),
    ...(r.B2
      ? [
          [
            "B2 100 pairs, steady",
            `${r.B2.product.delivered}/${r.B2.product.sent} delivered, ${r.B2.product.perSecond.toFixed(0)} msg/s, p50 ${ms(r.B2.product.p50)} p99 ${ms(r.B2.product.p99)}`,
            `${r.B2.baseline.delivered}/${r.B2.baseline.sent}, p50 ${ms(r.B2.baseline.p50)} p99 ${ms(r.B2.baseline.p99)}`,
            `p50 ×${r.B2.ratio.p50} p99 ×${r.B2.ratio.p99}`,
            "0 lost, p99 ≤ ×2",
          ],
        ]
      : []),
    ...(r.B3 ? [["B3 catch-up of 1,000", `median ${ms(r.B3.p50)} max ${ms(r.B3.max)}`, "", "", "< 100 ms"]] : []),
    ...(r.B4
      ? [
          [
            "B4 dashboard (100 pairs)",
            `${r.B4.dashboard.perSecond.toFixed(0)} req/s`,
            `health ${r.B4.trivial.perSecond.toFixed(0)} req/s`,
            `×${r.B4.dashboard.ratio}`,
            "≥ ×0.5",
          ],
          [
            "B4 pair list",
            `${r.B4.pairList.perSecond.toFixed(0)} req/s`,
            `health ${r.B4.trivial.perSecond.toFixed(0)} req/s`,
            `×${r.B4.pairList.ratio}`,
            "≥ ×0.5",
          ],
        ]
      : []),
    ...(r.B5
      ? [
          ["B5 entry JS / CSS (gzip)", `${(r.B5.initialJsGzip / 1024).toFixed(1)} KB / ${(r.B5.initialCssGzip / 1024).toFixed(1)} KB`, "", "", "JS < 60 KB"],
          ["B5 sign-in page, all JS it loads (gzip)", kb(r.B5.signInPage?.gzip), "", "", "< 30 KB"],
          ["B5 home page, all JS it loads (gzip)", kb(r.B5.homePage?.gzip), "", "", "< 45 KB"],
          ["B5 worker bundle (gzip)", `${(r.B5.workerGzip / 1024).toFixed(1)} KB`, "", "", ""],
        ]
      : []),
  ];
  if (r.B6) {
    rows.push(
      [
        "B6 pairing with notifications",
        `p50 ${ms(r.B6.pairing.withNotifications.p50)} p99 ${ms(r.B6.pairing.withNotifications.p99)}`,
        `no channel p50 ${ms(r.B6.pairing.without.p50)} p99 ${ms(r.B6.pairing.without.p99)}`,
        `p50 ×${r.B6.pairing.ratio.p50}`,
        "p50 ≤ ×1.1",
      ],
      [
        "B6 queue, 1,000 notification emails",
        `${r.B6.burst.done}/${r.B6.burst.notifications} handled (${r.B6.burst.sent} sent) in ${r.B6.burst.seconds.toFixed(1)} s, ${r.B6.burst.perSecond.toFixed(0)}/s`,
        `enqueued in ${ms(r.B6.burst.enqueuedMs)}`,
        "",
        "",
      ],
    );
  }
  if (r.B7) rows.push(...b7Rows(r.B7));
  console.log("\n| benchmark | product | baseline | ratio | target |\n|---|---|---|---|---|");
  for (const row of rows) console.log(`| ${row.join(" | ")} |`);
  mkdirSync(join(ROOT, "test", ".artifacts"), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nFigures written to ${RESULTS}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
