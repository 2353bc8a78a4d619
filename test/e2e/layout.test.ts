// Every page, as each role sees it and in each state with its own layout (empty, loading, error, long
// content), at a phone's 390x844 and a laptop's 1280x800, in English, French and German:
// - no horizontal overflow: the document is exactly as wide as the viewport;
// - no element holding people's text is wider than its container or the screen;
// - no button or tab is cut off: its words fit it, and it is on screen or inside something that scrolls
//   sideways;
// - no page is taller than its content (nothing invisible lengthens it);
// - axe-core finds no accessibility violation of any impact;
// - on the pair page, with 50 messages, the composer's bottom edge is inside the visual viewport (also
//   with the viewport shortened as an on-screen keyboard does), and a sent message is visible at once.
// One browser, one context per person reused across pages; everything is seeded through the public API.
// A page is loaded in full when the language changes and otherwise reached through the app's own router,
// as people move around in it (a page that loaded in full but not after an in-app navigation is a bug
// this catches too: the report queue was one).
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { answersFor, sendChat } from "../../worker/dev/api-client.ts";
import { baseURL, CHROMIUM_ARGS, hasBrowser, newPerson, SCREENSHOTS, useBrowser } from "./browser.ts";
import { ApiPerson, applicant, groupWithProgram, person, signedInPage } from "./fixtures.ts";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** A single 80-character German compound: the longest group name allowed, and not one place to break it. */
const LONG_WORD = "Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft";
const LONG_URL = `https://example.org/${"mentoring-resources/".repeat(6)}week-1?ref=${"x".repeat(40)}`;
const MENTOR_NAME = "Maximiliane Wolkenkratzerfensterputzerinnenverbandsvorsitzende";
/** A second group, listed in the directory and taking requests to join. */
const SECOND_GROUP = `Lesekreis ${LONG_WORD.slice(0, 60)}`;

const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;
const LANGUAGES = ["en", "fr", "de"] as const;

type Who = "anonymous" | "admin" | "mentee" | "mentor" | "newcomer" | "member" | "operator";
type PageCase = {
  name: string;
  who: Who;
  path: () => string;
  /** Prepares the page before it loads (for example holds or fails an API call). */
  setup?: (page: Page) => Promise<void>;
  /** Waits until the state under test is on screen. */
  ready: (page: Page) => Promise<unknown>;
  /** Loading states are checked for layout but may hold a spinner. */
  loading?: boolean;
  /** The page shows the seeded long word or URL, so the user-text check has something to look at. */
  longText?: boolean;
};

async function waitSettled(page: Page) {
  await page.waitForFunction(() => !document.querySelector(".skeleton, .page-loading, [aria-busy='true']"), undefined, { timeout: 10_000 });
}

const heading = (page: Page) => page.locator("main h1").first().waitFor();

/** Layout facts measured in the page. */
function measure(page: Page) {
  return page.evaluate((longWord) => {
    const root = document.documentElement;
    const width = window.innerWidth;
    const footer = document.querySelector(".site-footer");
    const footerVisible = footer && getComputedStyle(footer).display !== "none";
    const contentBottom = footerVisible
      ? footer.getBoundingClientRect().bottom + window.scrollY
      : Math.max(...[...document.querySelectorAll(".app > *")].map((el) => el.getBoundingClientRect().bottom + window.scrollY));
    // Elements whose own text holds seeded user text, each against its parent box and the screen.
    const wide: string[] = [];
    let seen = 0;
    // A message key on screen ("pair.tabs.chat") means its strings were not loaded with the page.
    const rawKeys: string[] = [];
    const keyLike = /^[a-z][a-zA-Z]*(\.[a-zA-Z0-9_]+)+$/;
    const keyWalker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = keyWalker.nextNode(); node; node = keyWalker.nextNode()) {
      const text = (node.textContent ?? "").trim();
      // Links show host names ("example.org"), which look like keys.
      if (keyLike.test(text) && !node.parentElement?.closest("a")) rawKeys.push(text);
    }
    for (const el of document.querySelectorAll("[aria-label], [placeholder], [title]")) {
      for (const name of ["aria-label", "placeholder", "title"]) {
        const value = el.getAttribute(name) ?? "";
        if (keyLike.test(value)) rawKeys.push(value);
      }
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      if (!text.includes(longWord.slice(0, 30)) && !text.includes("example.org/mentoring")) continue;
      const el = node.parentElement!;
      if (el.closest(".visually-hidden, [hidden], option, select, textarea")) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0) continue;
      seen += 1;
      const parent = el.parentElement!.getBoundingClientRect();
      const clip = getComputedStyle(el).overflowX !== "visible";
      const overflowsSelf = !clip && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).display !== "inline";
      if (box.right > parent.right + 1 || box.left < parent.left - 1 || box.right > width + 1 || overflowsSelf) {
        wide.push(`<${el.tagName.toLowerCase()} class="${el.className}"> ${Math.round(box.width)}px in ${Math.round(parent.width)}px`);
      }
    }
    // Controls whose words do not fit them ("Tout le monc"), or that sit past the screen's edge where
    // nothing scrolls sideways to reach them (a fifth tab cut off).
    const cut: string[] = [];
    const scrollsSideways = (el: Element) => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        if (["auto", "scroll"].includes(getComputedStyle(up).overflowX)) return true;
      }
      return false;
    };
    for (const el of document.querySelectorAll("button, [role='tab'], a.button")) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || el.closest(".visually-hidden, [hidden]")) continue;
      const name = `<${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}"> "${(el.textContent ?? "").trim().slice(0, 40)}"`;
      if (el.scrollWidth > el.clientWidth + 1) cut.push(`${name}: its text is ${el.scrollWidth}px in ${el.clientWidth}px`);
      else if ((box.right > width + 1 || box.left < -1) && !scrollsSideways(el)) cut.push(`${name}: at ${Math.round(box.left)}–${Math.round(box.right)}px`);
    }
    // For the failure message: the innermost elements that reach past the right edge.
    const past = [...document.body.querySelectorAll("*")].filter(
      (el) => el.getBoundingClientRect().right > width + 1 && ![...el.children].some((child) => child.getBoundingClientRect().right > width + 1),
    );
    const offenders = past
      .slice(0, 5)
      .map((el) => `<${el.tagName.toLowerCase()} class="${el.getAttribute("class") ?? ""}"> right ${Math.round(el.getBoundingClientRect().right)}`);
    return {
      docWidth: root.scrollWidth,
      width,
      docHeight: root.scrollHeight,
      height: window.innerHeight,
      contentBottom,
      wide,
      offenders,
      cut,
      seen,
      rawKeys,
      title: document.title,
    };
  }, LONG_WORD);
}

async function expectLayout(page: Page, label: string, longText = false) {
  // LAYOUT_SCREENSHOTS=1 keeps a picture of every page and width in test/.artifacts/screenshots/layout.
  if (process.env.LAYOUT_SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, "layout", `${label.replace(/[^a-z0-9]+/gi, "-")}.png`), fullPage: true });
  const m = await measure(page);
  if (longText) expect(m.seen, `${label}: seeded long text on screen`).toBeGreaterThan(0);
  expect(m.docWidth, `${label}: document width; past the edge: ${m.offenders.join(", ")}`).toBe(m.width);
  expect(m.wide, `${label}: user text wider than its container`).toEqual([]);
  expect(m.cut, `${label}: controls cut off`).toEqual([]);
  expect(m.rawKeys, `${label}: message keys shown instead of text`).toEqual([]);
  expect(m.title, `${label}: page title`).not.toMatch(/^[a-z]+\.[a-zA-Z.]+/);
  expect(m.docHeight, `${label}: page taller than its content (${m.contentBottom})`).toBeLessThanOrEqual(Math.max(m.height, Math.ceil(m.contentBottom) + 1));
}

async function expectNoAxeViolations(page: Page, label: string) {
  // Injected once per document: pages reached inside the app keep it.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    type Rule = { id: string; impact: string; nodes: { target: string[]; failureSummary: string }[] };
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
    // Every rule axe runs by default, plus the touch target size (WCAG 2.2), which matters on a phone.
    const result = await axe.run(document, { rules: { "target-size": { enabled: true } } });
    return {
      passes: result.passes.length,
      violations: result.violations.map(
        (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(" ")} — ${n.failureSummary.split("\n")[1] ?? ""}`).join(" | ")}`,
      ),
    };
  });
  expect(violations.violations, `${label}: axe violations`).toEqual([]);
  // Proof that axe looked at a real page rather than an empty one.
  expect(violations.passes, `${label}: axe rules passed`).toBeGreaterThan(10);
}

/** Holds every response to `pattern` until the test moves on, so the loading state stays on screen. */
async function holdApi(page: Page, pattern: string) {
  await page.route(pattern, () => undefined);
}

async function failApi(page: Page, pattern: string) {
  await page.route(pattern, (route) =>
    route.fulfill({
      status: 500,
      contentType: "application/json",
      body: JSON.stringify({ error: { code: "internal", message: "Something went wrong on our side." } }),
    }),
  );
}

describe.skipIf(!hasBrowser())("every page at phone and laptop widths, in three languages", () => {
  const browser = useBrowser();
  const people = {} as Record<Exclude<Who, "anonymous">, ApiPerson>;
  let ids: {
    groupId: string;
    programId: string;
    pairId: string;
    endedPairId: string;
    inviteToken: string;
    secondGroupId: string;
    emptyProgramId: string;
  };

  beforeAll(async () => {
    mkdirSync(join(SCREENSHOTS, "layout"), { recursive: true });
    const setup = await groupWithProgram("Amara Admin");
    await setup.admin.call("PATCH", `/groups/${setup.group.id}`, {
      name: LONG_WORD,
      description: `Wir begleiten einander. Unterlagen: ${LONG_URL} und ${LONG_WORD}.`,
    });
    await setup.admin.call("PATCH", `/programs/${setup.program.id}`, { mentorCapacityMax: 5 });
    const mentor = await person(MENTOR_NAME);
    await mentor.call("POST", `/invites/${setup.inviteToken}/accept`);
    await mentor.call("POST", `/programs/${setup.program.id}/applications`, {
      role: "mentor",
      capacity: 3,
      answers: answersFor(setup.program.questions.mentor),
    });
    const mentee = await applicant(setup, "Lea Martin", "mentee");
    const pastMentee = await applicant(setup, "Omar Benali", "mentee");
    const member = await person("Sam Rivera");
    await member.call("POST", `/invites/${setup.inviteToken}/accept`);
    const newcomer = await person("Nina Neu");
    Object.assign(people, { admin: setup.admin, mentor, mentee, member, newcomer });

    const { pair } = await setup.admin.call("POST", `/programs/${setup.program.id}/pairs`, { mentorId: mentor.userId, menteeId: mentee.userId });
    const ended = (await setup.admin.call("POST", `/programs/${setup.program.id}/pairs`, { mentorId: mentor.userId, menteeId: pastMentee.userId })).pair;
    await setup.admin.call("POST", `/pairs/${ended.id}/end`, { outcome: "completed" });
    // 50 messages, each person under the chat rate limit, some with a long URL or word in them.
    const bodies = (from: string) =>
      Array.from({ length: 25 }, (_, i) =>
        i % 5 === 0 ? `${from} ${i}: see ${LONG_URL}` : i % 7 === 0 ? `${from} ${i}: ${LONG_WORD}` : `${from} ${i}: how did this week go for you?`,
      );
    await sendChat(mentee, pair.id, bodies("Lea"));
    await sendChat(mentor, pair.id, bodies("Max"));
    await mentee.call("POST", `/pairs/${pair.id}/posts`, {
      clientId: crypto.randomUUID(),
      title: `Reading list ${LONG_WORD}`,
      body: `Start here: ${LONG_URL}`,
      url: LONG_URL,
    });
    const { messages } = await mentee.call("GET", `/pairs/${pair.id}/messages?limit=5`);
    const theirs = (messages as { seq: number; senderId: string }[]).find((m) => m.senderId === mentor.userId)!;
    const { report } = await mentee.call("POST", "/reports", { pairId: pair.id, seq: theirs.seq, reason: `This was unkind. ${LONG_WORD}` });

    // A meeting proposal with a long place and agenda, for the pair page's meetings tab.
    const inDays = (days: number) => new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + days * 86_400_000).toISOString();
    await mentor.call("POST", `/pairs/${pair.id}/meetings`, {
      clientId: "layout-meeting",
      options: [{ startsAt: inDays(3) }, { startsAt: inDays(4) }],
      durationMinutes: 45,
      place: LONG_URL,
      agenda: `${LONG_WORD}: what each of us brings.`,
    });
    // The membership pages: someone banned from the first group (a long name in the bans and the audit
    // log), a second group that is listed and takes requests, one request with a long message, and a
    // program there with no pairs (the empty report). The report above goes on to the operator.
    const banned = await person(LONG_WORD);
    await banned.call("POST", `/invites/${setup.inviteToken}/accept`);
    await setup.admin.call("DELETE", `/groups/${setup.group.id}/members/${banned.userId}?ban=true`);
    const { group: second } = await setup.admin.call("POST", "/groups", {
      name: SECOND_GROUP,
      description: `Wir lesen zusammen: ${LONG_URL}`,
      focus: "professional",
    });
    await setup.admin.call("PATCH", `/groups/${second.id}`, { joinPolicy: "request", listed: true });
    const { program: emptyProgram } = await setup.admin.call("POST", `/groups/${second.id}/programs`, { templateId: "career-advancement", locale: "en" });
    const requester = await person("Sophie Lang");
    await requester.call("POST", `/groups/${second.id}/join-requests`, { message: `Hallo! ${LONG_WORD} ${LONG_URL}` });
    await setup.admin.call("POST", `/reports/${report.id}/escalate`);
    const operator = new ApiPerson(baseURL());
    const { user } = await operator.call("POST", "/auth/signup", {
      email: "layout-operator@e2e.example.org",
      password: ApiPerson.PASSWORD,
      displayName: "Olu Operator",
      birthDate: "1985-02-03",
    });
    operator.userId = user.id;
    people.operator = operator;

    ids = {
      groupId: setup.group.id,
      programId: setup.program.id,
      pairId: pair.id,
      endedPairId: ended.id,
      inviteToken: setup.inviteToken,
      secondGroupId: second.id,
      emptyProgramId: emptyProgram.id,
    };
  }, 120_000);

  const cases: PageCase[] = [
    { name: "sign in", who: "anonymous", path: () => "/signin", ready: heading },
    { name: "sign up", who: "anonymous", path: () => "/signup", ready: heading },
    { name: "invite, signed out", who: "anonymous", path: () => `/invite/${ids.inviteToken}`, ready: heading },
    { name: "not found", who: "anonymous", path: () => "/no/such/page", ready: heading },
    { name: "home, empty", who: "newcomer", path: () => "/", ready: (p) => p.locator(".empty-state").first().waitFor() },
    { name: "home, long content", who: "mentor", path: () => "/", ready: (p) => p.locator(".group-card").first().waitFor(), longText: true },
    {
      name: "home, loading",
      who: "mentor",
      path: () => "/",
      setup: (p) => holdApi(p, "**/api/groups"),
      ready: (p) => p.locator(".group-list--skeleton").waitFor(),
      loading: true,
    },
    {
      name: "home, error",
      who: "mentor",
      path: () => "/",
      setup: (p) => failApi(p, "**/api/groups"),
      ready: (p) => p.getByRole("alert").or(p.locator(".alert--error")).first().waitFor(),
    },
    { name: "profile", who: "mentor", path: () => "/profile", ready: heading },
    { name: "notifications", who: "mentee", path: () => "/notifications", ready: (p) => p.locator(".notification").first().waitFor() },
    { name: "notifications, empty", who: "newcomer", path: () => "/notifications", ready: (p) => p.locator(".empty-state").waitFor() },
    { name: "my applications", who: "mentee", path: () => "/applications", ready: heading },
    { name: "new group", who: "member", path: () => "/groups/new", ready: heading },
    { name: "group, admin", who: "admin", path: () => `/groups/${ids.groupId}`, ready: (p) => p.locator(".program-card").first().waitFor(), longText: true },
    {
      name: "group, welcome after joining",
      who: "member",
      path: () => `/groups/${ids.groupId}?welcome=1`,
      ready: (p) => p.locator(".group-welcome__program").first().waitFor(),
      longText: true,
    },
    { name: "group, not found", who: "member", path: () => "/groups/nope", ready: heading },
    { name: "program", who: "member", path: () => `/programs/${ids.programId}`, ready: heading, longText: true },
    { name: "program editor", who: "admin", path: () => `/programs/${ids.programId}/edit`, ready: heading },
    { name: "apply", who: "member", path: () => `/programs/${ids.programId}/apply?role=mentee`, ready: (p) => p.locator("form").first().waitFor() },
    { name: "applicants board", who: "admin", path: () => `/programs/${ids.programId}/applicants`, ready: (p) => p.locator(".applicant").first().waitFor() },
    {
      name: "program dashboard",
      who: "admin",
      path: () => `/programs/${ids.programId}/dashboard`,
      ready: (p) => p.locator(".pair-table, .pair-card").first().waitFor(),
    },
    {
      name: "report queue",
      who: "admin",
      path: () => `/groups/${ids.groupId}/reports`,
      ready: (p) => p.getByRole("article").first().waitFor(),
      longText: true,
    },
    {
      name: "pair, 50 messages",
      who: "mentee",
      path: () => `/pairs/${ids.pairId}`,
      ready: (p) => p.locator(".msg").nth(49).waitFor({ state: "attached" }),
      longText: true,
    },
    { name: "pair, completed", who: "mentor", path: () => `/pairs/${ids.endedPairId}`, ready: (p) => p.locator(".pair-banner").waitFor() },
    {
      name: "pair, loading",
      who: "mentee",
      path: () => `/pairs/${ids.pairId}`,
      setup: (p) => holdApi(p, `**/api/pairs/${ids.pairId}`),
      ready: (p) => p.locator(".pair-skeleton").waitFor(),
      loading: true,
    },
    { name: "pair, not found", who: "mentee", path: () => "/pairs/nope", ready: (p) => p.locator(".empty-state").waitFor() },
    {
      name: "pair, meetings tab with a proposal",
      who: "mentee",
      path: () => `/pairs/${ids.pairId}`,
      ready: async (p) => {
        await p.locator("#pair-tab-rhythm").click();
        await p.locator(".meeting__agenda").first().waitFor();
      },
      longText: true,
    },
    { name: "settings", who: "mentor", path: () => "/settings", ready: heading },
    {
      name: "group directory, long content",
      who: "newcomer",
      path: () => `/directory?q=${encodeURIComponent("Lesekreis")}`,
      ready: (p) => p.locator(`[data-group-id="${ids.secondGroupId}"]`).waitFor(),
      longText: true,
    },
    { name: "group directory, no match", who: "newcomer", path: () => "/directory?q=zzzqqq", ready: (p) => p.locator(".empty-state").waitFor() },
    { name: "program report, no pairs", who: "admin", path: () => `/programs/${ids.emptyProgramId}/report`, ready: heading },
    {
      name: "join requests, long content",
      who: "admin",
      path: () => `/groups/${ids.secondGroupId}/join-requests`,
      ready: (p) => p.getByTestId("join-requests").waitFor(),
      longText: true,
    },
    { name: "bans, long content", who: "admin", path: () => `/groups/${ids.groupId}/bans`, ready: (p) => p.getByTestId("bans").waitFor(), longText: true },
    { name: "join requests, empty", who: "admin", path: () => `/groups/${ids.groupId}/join-requests`, ready: (p) => p.locator(".empty-state").waitFor() },
    { name: "bans, empty", who: "admin", path: () => `/groups/${ids.secondGroupId}/bans`, ready: (p) => p.locator(".empty-state").waitFor() },
    { name: "audit log", who: "admin", path: () => `/groups/${ids.groupId}/audit`, ready: (p) => p.getByTestId("audit-log").waitFor(), longText: true },
    {
      name: "operator, escalated reports",
      who: "operator",
      path: () => "/operator",
      ready: (p) => p.getByTestId("operator-reports").waitFor(),
      longText: true,
    },
    {
      name: "operator, empty",
      who: "operator",
      path: () => "/operator?tab=all",
      setup: async (p) => {
        await p.route("**/api/operator/reports*", (route) => route.fulfill({ json: { reports: [] } }));
      },
      ready: (p) => p.locator(".empty-state").waitFor(),
    },
    { name: "operator, not an operator", who: "member", path: () => "/operator", ready: (p) => p.locator(".admin-access").waitFor() },
    { name: "program report", who: "admin", path: () => `/programs/${ids.programId}/report`, ready: (p) => p.locator(".report-figures").waitFor() },
  ];

  it("has no overflow, nothing taller than its content and no axe violation on any page, width or language", async () => {
    const contexts = new Map<Who, { context: BrowserContext; page: Page }>();
    const open = async (who: Who) => {
      let opened = contexts.get(who);
      if (!opened) {
        opened = who === "anonymous" ? await signedInPageless() : await signedInPage(browser(), people[who]);
        contexts.set(who, opened);
      }
      return opened;
    };
    const signedInPageless = () => newPerson(browser());
    /** The language each person's page was last loaded in: the app reads it from storage when it starts. */
    const loadedIn = new Map<Who, string>();
    /** A path with its ids as ":id": the same shape is the same page, which the router keeps in place. */
    const shape = (path: string) =>
      path
        .split("?")[0]!
        .split("/")
        .map((part) => (/^[0-9a-f]{8}-|^nope$/.test(part) ? ":id" : part))
        .join("/");
    /**
     * Opens `path`: a full load when the language changes or the page is the one shown (another id or
     * state), else inside the app, as a person clicking through it would (the router's own navigation),
     * which is much quicker. Whatever the last page showed is marked first, and only a page without the
     * mark counts as arrived.
     */
    const visit = async (page: Page, who: Who, path: string, lang: string) => {
      if (loadedIn.get(who) !== lang || shape(new URL(page.url()).pathname) === shape(path)) {
        await page.evaluate((code) => localStorage.setItem("lang", code), lang).catch(() => undefined);
        await page.goto(path);
        loadedIn.set(who, lang);
        return;
      }
      await page.evaluate((to) => {
        for (const el of document.querySelectorAll("main > *")) el.setAttribute("data-left", "");
        history.pushState(null, "", to);
        dispatchEvent(new PopStateEvent("popstate"));
      }, path);
      await page.waitForFunction(() => !document.querySelector("main [data-left]"), undefined, { timeout: 10_000 });
    };
    // Each page loads once per language at the phone width (layout and axe), then, in English, is widened
    // to the laptop width in place and measured again (the pair page switches layout on that resize too).
    // French and German are the longer translations, so they are measured where space is scarcest.
    // LAYOUT_ONLY="bans,operator" checks only the pages whose names contain one of these words.
    const only = process.env.LAYOUT_ONLY?.split(",").map((word) => word.trim());
    for (const lang of LANGUAGES) {
      for (const entry of cases.filter((c) => !only || only.some((word) => c.name.includes(word)))) {
        const { page } = await open(entry.who);
        const label = `${entry.name} [${lang}]`;
        await page.setViewportSize(VIEWPORTS[0]);
        await page.unrouteAll({ behavior: "ignoreErrors" });
        await entry.setup?.(page);
        await visit(page, entry.who, entry.path(), lang);
        await entry.ready(page);
        if (!entry.loading) await waitSettled(page);
        expect(await page.evaluate(() => document.documentElement.lang), label).toBe(lang);
        await expectLayout(page, `${label} 390px`, entry.longText);
        await expectNoAxeViolations(page, `${label} 390px`);
        if (lang !== "en") continue;
        await page.setViewportSize(VIEWPORTS[1]);
        await page.waitForTimeout(100);
        await expectLayout(page, `${label} 1280px`, entry.longText);
      }
    }
    for (const { context } of contexts.values()) await context.close();
  }, 600_000);

  it("keeps the composer inside the visual viewport on a phone with 50 messages, also with the keyboard up, and shows a sent message", async () => {
    const { context, page } = await signedInPage(browser(), people.mentee, { phone: true });
    await page.goto(`/pairs/${ids.pairId}`);
    await page.locator(".msg").nth(49).waitFor({ state: "attached" });
    await page.locator(".pair-header").getByText("Online").or(page.locator(".pair-header").getByText("Not online")).first().waitFor();

    const composerInView = () =>
      page.evaluate(() => {
        const box = document.querySelector(".composer")!.getBoundingClientRect();
        const vv = window.visualViewport!;
        return { top: box.top, bottom: box.bottom, visibleTop: vv.offsetTop, visibleBottom: vv.offsetTop + vv.height, scrollY: window.scrollY };
      });
    let at = await composerInView();
    expect(at.bottom).toBeLessThanOrEqual(at.visibleBottom + 0.5);
    expect(at.top).toBeGreaterThanOrEqual(at.visibleTop);
    // The page does not scroll: the message list is the only scroller.
    await page.mouse.wheel(0, 2000);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(844);
    expect((await composerInView()).scrollY).toBe(0);

    // The on-screen keyboard shrinks the visual viewport; the composer stays above it.
    const composer = page.getByLabel(`Message to ${MENTOR_NAME}`);
    await composer.click();
    await page.setViewportSize({ width: 390, height: 480 });
    await page.waitForTimeout(100);
    at = await composerInView();
    expect(at.bottom).toBeLessThanOrEqual(at.visibleBottom + 0.5);
    expect(at.top).toBeGreaterThanOrEqual(at.visibleTop);

    // A sent message is visible right away, above the composer.
    await composer.fill("Thursday at six works for me.");
    await composer.press("Enter");
    const sent = page.locator(".msg").filter({ hasText: "Thursday at six works for me." }).last();
    await sent.waitFor();
    await page.waitForTimeout(150);
    const where = await sent.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const list = document.querySelector(".chat__scroller")!.getBoundingClientRect();
      return { top: box.top, bottom: box.bottom, listTop: list.top, listBottom: list.bottom };
    });
    // Its end is in view (a message taller than the list shows its last lines, as messaging apps do).
    expect(where.bottom, JSON.stringify(where)).toBeLessThanOrEqual(where.listBottom + 1);
    expect(where.bottom, JSON.stringify(where)).toBeGreaterThan(where.listTop + 10);
    await context.close();
  });
  it("is installable: the manifest with its icons passes Chromium's installability check", async () => {
    const { context, page } = await newPerson(browser(), { phone: true });
    await page.goto("/signin");
    await page.locator("main h1").waitFor();
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!;
      const res = await fetch(link.href);
      return {
        status: res.status,
        body: (await res.json()) as { icons: { sizes: string; purpose: string; src: string }[]; start_url: string; display: string },
      };
    });
    expect(manifest.status).toBe(200);
    expect(manifest.body.start_url).toBe("/");
    expect(manifest.body.display).toBe("standalone");
    expect(manifest.body.icons.map((icon) => `${icon.sizes} ${icon.purpose}`).sort()).toEqual([
      "192x192 any",
      "192x192 maskable",
      "512x512 any",
      "512x512 maskable",
    ]);
    for (const icon of manifest.body.icons) {
      const res = await page.request.get(icon.src);
      expect(res.headers()["content-type"], icon.src).toContain("image/png");
    }
    await context.close();

    // Chromium never offers to install from an incognito profile, and every new context is one: ask
    // from a real (temporary) profile.
    const profile = mkdtempSync(join(tmpdir(), "mentorship-install-"));
    const persistent = await chromium.launchPersistentContext(profile, { executablePath: inject("chromiumPath")!, args: CHROMIUM_ARGS, baseURL: baseURL() });
    try {
      const installPage = persistent.pages()[0] ?? (await persistent.newPage());
      await installPage.goto("/signin");
      await installPage.locator("main h1").waitFor();
      const cdp = await persistent.newCDPSession(installPage);
      const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as { installabilityErrors: { errorId: string }[] };
      expect(installabilityErrors.map((error) => error.errorId)).toEqual([]);
    } finally {
      await persistent.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
