// Journey 5 and the report queue of journey 6, in a real browser against the real worker.
// The admin sees each pair's progress and health on the program dashboard, never what the pair said;
// a report hands over exactly the one reported message. Also captures the screenshots used to review
// the two admin pages at desktop and phone widths.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DashboardResponse } from "../../shared/api/room.ts";
import { hasBrowser, launchBrowser, SCREENSHOTS } from "./browser.ts";
import { sendChat } from "../../worker/dev/api-client.ts";
import { activePair, applicant, groupWithProgram, person, signedInPage, type ApiPerson } from "./fixtures.ts";

const DAY = 86_400_000;

/** Every API response body the page receives, to prove a secret never even reaches the browser. */
function recordApiBodies(page: Page): () => Promise<string[]> {
  const bodies: Promise<string>[] = [];
  page.on("response", (response) => {
    if (new URL(response.url()).pathname.startsWith("/api/")) bodies.push(response.text().catch(() => ""));
  });
  return () => Promise.all(bodies);
}

async function screenshot(page: Page, name: string, fullPage = true) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** The status of a fetch made from the page, with the page's own session cookie. */
function statusFromPage(page: Page, path: string) {
  return page.evaluate(async (url) => (await fetch(url, { credentials: "same-origin" })).status, path);
}

describe.skipIf(!hasBrowser())("journey 5: the program dashboard shows health, never content", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("shows the admin a pair's progress and health, but not one word of their chat, and the API refuses the thread", async () => {
    const setup = await activePair();
    const secret = `Secret sentence ${crypto.randomUUID()}: I am thinking of quitting my job.`;
    await sendChat(setup.mentor, setup.pairId, [secret]);
    await setup.mentee.call("PUT", `/pairs/${setup.pairId}/steps/week-1`, { done: true });
    const stepsTotal = (setup.program.steps as unknown[]).length;

    const { context, page } = await signedInPage(browser, setup.admin);
    const apiBodies = recordApiBodies(page);

    // The way in is the program page's "Dashboard" button; go straight there if that page lacks it.
    await page.goto(`/programs/${setup.program.id}`);
    const dashboardLink = page.getByRole("link", { name: /dashboard/i }).first();
    const hasLink = await dashboardLink.waitFor({ timeout: 5_000 }).then(
      () => true,
      () => false,
    );
    if (hasLink) await dashboardLink.click();
    else await page.goto(`/programs/${setup.program.id}/dashboard`);
    await page.waitForURL(`**/programs/${setup.program.id}/dashboard`);
    await page.getByRole("heading", { level: 1, name: "Program dashboard" }).waitFor();

    const row = page.getByRole("row").filter({ hasText: "Jonas Mentor" });
    await row.waitFor();
    expect(await row.getByRole("rowheader").textContent()).toContain("Lea Mentee");
    await row.getByText(`1 of ${stepsTotal} steps`).waitFor();
    await row.getByText("Active", { exact: true }).waitFor();
    await row.getByText("Week 1").waitFor();
    await row.getByText("No check-in yet").waitFor();
    expect(await row.locator("time").first().textContent()).toMatch(/just now|minute/);
    await page.getByRole("heading", { name: "You see progress and health, never what pairs say" }).waitFor();

    // Nothing on the page, and nothing the page was sent, holds the message; nothing links into the pair.
    expect(await page.locator("body").innerText()).not.toContain(secret);
    expect(await page.content()).not.toContain(secret);
    const received = await apiBodies();
    expect(received.some((body) => body.includes('"stepsDone":1'))).toBe(true);
    expect(received.some((body) => body.includes(secret))).toBe(false);
    expect(await page.locator(`a[href*="/pairs/"]`).count()).toBe(0);

    // The thread itself, asked for directly with the admin's session, does not exist for them.
    expect(await statusFromPage(page, `/api/pairs/${setup.pairId}/messages`)).toBe(404);
    expect(await statusFromPage(page, `/api/pairs/${setup.pairId}`)).toBe(404);
    await context.close();

    // A member of the group (here the mentee) is told the dashboard is for admins.
    const member = await signedInPage(browser, setup.mentee);
    await member.page.goto(`/programs/${setup.program.id}/dashboard`);
    await member.page.getByRole("heading", { name: "Only the group’s admins can see this" }).waitFor();
    expect(await member.page.getByRole("table").count()).toBe(0);
    await screenshot(member.page, "dashboard-forbidden");
    await member.context.close();
  });

  it("sorts pairs needing attention first, filters by health, ends a mentorship with a reason, and reads well on a phone", async () => {
    const setup = await groupWithProgram("Amara Okafor");
    const names = [
      ["Jonas Weber", "Léa Martin"],
      ["Priya Raman", "Tomás Silva"],
      ["Hannah Schulz", "Kofi Mensah"],
      ["Mei Chen", "Olivia Brown"],
      ["Sofia Rossi", "Yusuf Demir"],
    ] as const;
    const pairs: { pairId: string; mentor: ApiPerson; mentee: ApiPerson }[] = [];
    for (const [mentorName, menteeName] of names) {
      const mentor = await applicant(setup, mentorName, "mentor");
      const mentee = await applicant(setup, menteeName, "mentee");
      const { pair } = await setup.admin.call("POST", `/programs/${setup.program.id}/pairs`, { mentorId: mentor.userId, menteeId: mentee.userId });
      pairs.push({ pairId: pair.id, mentor, mentee });
    }
    const [busy, quiet, silent, done] = pairs as [(typeof pairs)[0], (typeof pairs)[0], (typeof pairs)[0], (typeof pairs)[0]];
    await sendChat(busy.mentor, busy.pairId, ["Looking forward to our first call!"]);
    await busy.mentee.call("PUT", `/pairs/${busy.pairId}/steps/week-1`, { done: true });
    await busy.mentor.call("PUT", `/pairs/${busy.pairId}/steps/week-2`, { done: true });
    await busy.mentee.call("POST", `/pairs/${busy.pairId}/checkins`, { clientId: crypto.randomUUID(), mood: 4, note: "" });
    await done.mentee.call("PUT", `/pairs/${done.pairId}/steps/week-1`, { done: true });
    await done.mentor.call("POST", `/pairs/${done.pairId}/end`, { outcome: "completed" });

    // Quiet and "no check-in for 2 weeks" need days of silence, measured by the server's clock. To review
    // those states in the browser, this test alone ages two pairs' timestamps in the real response and
    // recomputes their state the way shared/rules/health.ts does.
    const aged: Record<string, { days: number; state: "quiet" | "no_checkin_2_weeks" }> = {
      [quiet.pairId]: { days: 9, state: "quiet" },
      [silent.pairId]: { days: 16, state: "no_checkin_2_weeks" },
    };
    const ageDashboard = async (page: Page) => {
      await page.route(`**/api/programs/${setup.program.id}/dashboard`, async (route) => {
        const response = await route.fetch();
        const data = (await response.json()) as DashboardResponse;
        for (const entry of data.pairs) {
          const aging = aged[entry.pair.id];
          if (!aging) continue;
          // An extra hour, so the page (whose clock read "now" before this answer arrived) still counts whole days.
          const at = Date.now() - aging.days * DAY - 3_600_000;
          entry.pair.startedAt = new Date(at - 3 * DAY).toISOString();
          entry.health = { ...entry.health, lastActivityAt: at, lastCheckinAt: aging.state === "quiet" ? at : null, state: aging.state, currentWeek: 2 };
        }
        await route.fulfill({ response, json: data });
      });
    };

    const { context, page } = await signedInPage(browser, setup.admin);
    await ageDashboard(page);
    await page.goto(`/programs/${setup.program.id}/dashboard`);
    await page.getByRole("row").filter({ hasText: "Jonas Weber" }).waitFor();

    // Attention first: no check-in for 2 weeks, then quiet, then active, then ended.
    const rowHeaders = () => page.getByRole("rowheader").allTextContents();
    const order = await rowHeaders();
    expect(order.map((text) => names.find(([mentor]) => text.includes(mentor))?.[0])).toEqual([
      "Hannah Schulz",
      "Priya Raman",
      "Sofia Rossi",
      "Jonas Weber",
      "Mei Chen",
    ]);
    const summary = page.locator(".dash-stats");
    expect(await summary.getByText("Need attention").locator("..").locator("dd").first().textContent()).toBe("2");
    expect(await summary.getByText("Active pairs").locator("..").locator("dd").textContent()).toBe("4");
    expect(await summary.getByText("Completed").locator("..").locator("dd").textContent()).toBe("1");
    await page.getByRole("row").filter({ hasText: "Hannah Schulz" }).getByText("No check-in for 2 weeks").waitFor();
    await page.getByRole("row").filter({ hasText: "Priya Raman" }).getByText("Quiet", { exact: true }).waitFor();
    await page.getByRole("row").filter({ hasText: "Jonas Weber" }).getByText("1 week in a row").waitFor();
    await page
      .getByRole("row")
      .filter({ hasText: "Mei Chen" })
      .getByText(/^Completed on /)
      .waitFor();
    expect(await page.getByRole("row").filter({ hasText: "Mei Chen" }).getByRole("button").count()).toBe(0);
    await screenshot(page, "dashboard-desktop");

    // The filter keeps only the pairs needing attention, and says so in the address.
    await page.getByRole("radio", { name: /Needs attention/ }).check();
    await page.waitForURL(/health=attention/);
    expect((await rowHeaders()).length).toBe(2);
    await page.getByRole("radio", { name: /^All/ }).check();
    expect((await rowHeaders()).length).toBe(5);

    // Ending asks first, needs a reason, and then shows the pair as ended early.
    const endButton = page.getByRole("button", { name: "End mentorship (Sofia Rossi and Yusuf Demir)" });
    await endButton.click();
    const dialog = page.getByRole("dialog", { name: "End this mentorship?" });
    await dialog.waitFor();
    await screenshot(page, "dashboard-end-dialog", false);
    await dialog.getByRole("button", { name: "End mentorship" }).click();
    await dialog.getByText("Please fill this in.").waitFor();
    await dialog.getByLabel("Reason (both of them will see it)").fill("Sofia has moved abroad and can no longer take part.");
    await dialog.getByRole("button", { name: "End mentorship" }).click();
    await page.getByText("The mentorship of Sofia Rossi and Yusuf Demir has ended.").waitFor();
    const ended = page.getByRole("row").filter({ hasText: "Sofia Rossi" });
    await ended.getByText(/^Ended early on /).waitFor();
    await ended.getByText("Ended", { exact: true }).waitFor();
    expect(await ended.getByRole("button").count()).toBe(0);
    const stored = await setup.admin.call<DashboardResponse>("GET", `/programs/${setup.program.id}/dashboard`);
    const sofia = stored.pairs.find((entry) => entry.pair.mentor.displayName === "Sofia Rossi")!;
    expect(sofia.pair.status).toBe("ended");
    expect(sofia.pair.endReason).toBe("Sofia has moved abroad and can no longer take part.");
    await context.close();

    // On a phone the table becomes one card per pair, with nothing wider than the screen.
    const phone = await signedInPage(browser, setup.admin, { phone: true });
    await ageDashboard(phone.page);
    await phone.page.goto(`/programs/${setup.program.id}/dashboard`);
    await phone.page.getByRole("row").filter({ hasText: "Jonas Weber" }).waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await phone.page.locator("thead").evaluate((el) => el.getBoundingClientRect().height)).toBeLessThanOrEqual(1);
    await screenshot(phone.page, "dashboard-phone");
    await phone.context.close();

    // In French, relative times and plurals come out in French.
    const french = await signedInPage(browser, setup.admin, { locale: "fr-FR" });
    await ageDashboard(french.page);
    await french.page.goto(`/programs/${setup.program.id}/dashboard`);
    await french.page.getByRole("heading", { level: 1, name: "Tableau de bord du programme" }).waitFor();
    await french.page.getByRole("row").filter({ hasText: "Priya Raman" }).waitFor();
    await screenshot(french.page, "dashboard-desktop-fr");
    await french.page.getByRole("row").filter({ hasText: "Priya Raman" }).getByText("il y a 9 jours").first().waitFor();
    await french.context.close();

    const german = await signedInPage(browser, setup.admin, { locale: "de-DE" });
    await ageDashboard(german.page);
    await german.page.goto(`/programs/${setup.program.id}/dashboard`);
    await german.page.getByRole("row").filter({ hasText: "Jonas Weber" }).getByText("1 Woche am Stück").waitFor();
    await german.page.getByRole("row").filter({ hasText: "Priya Raman" }).getByText("vor 9 Tagen").first().waitFor();
    expect(
      await german.page.evaluate(() => document.querySelector(".pair-table__wrap")!.scrollWidth <= document.querySelector(".pair-table__wrap")!.clientWidth),
    ).toBe(true);
    await screenshot(german.page, "dashboard-desktop-de");
    await german.context.close();
  });

  it("shows an empty program with a way to its applicants", async () => {
    const setup = await groupWithProgram("Nadia Admin");
    const { context, page } = await signedInPage(browser, setup.admin);
    await page.goto(`/programs/${setup.program.id}/dashboard`);
    await page.getByRole("heading", { name: "No pairs yet" }).waitFor();
    expect(await page.getByRole("link", { name: "Review applicants" }).getAttribute("href")).toBe(`/programs/${setup.program.id}/applicants`);
    await screenshot(page, "dashboard-empty");
    await page.goto(`/programs/does-not-exist/dashboard`);
    await page.getByRole("heading", { name: "We couldn’t find this program" }).waitFor();
    await context.close();
  });

  it("hands the admin exactly the one reported message, and lets them mark the report resolved", async () => {
    const setup = await activePair({ mentor: "Jonas Weber", mentee: "Léa Martin" });
    const before = `Earlier message ${crypto.randomUUID()}`;
    const reported = "If you tell anyone about our talks, you will regret it. <b>Not bold</b>";
    const after = `Later message ${crypto.randomUUID()}`;
    const [, seq] = await sendChat(setup.mentor, setup.pairId, [before, reported, after]);
    await setup.mentee.call("POST", "/reports", { pairId: setup.pairId, seq, reason: "This felt like a threat. I don’t feel safe." });
    await setup.mentee.call("POST", "/reports", { pairId: setup.pairId, reason: "He keeps pushing me to meet in person." });

    const { context, page } = await signedInPage(browser, setup.admin);
    const apiBodies = recordApiBodies(page);
    await page.goto(`/groups/${setup.group.id}/reports`);
    await page.getByRole("heading", { level: 1, name: "Reports" }).waitFor();
    await page.getByRole("heading", { name: "A report hands over only what was reported" }).waitFor();
    const openTab = page.getByRole("tab", { name: /Open/ });
    expect(await openTab.getAttribute("aria-selected")).toBe("true");
    expect(await openTab.textContent()).toContain("2");

    const card = page.getByRole("article").filter({ has: page.getByText("This felt like a threat.") });
    await card.getByRole("heading", { name: "Léa Martin reported Jonas Weber" }).waitFor();
    // The message is shown as text: its markup is not interpreted.
    expect(await card.locator("blockquote").textContent()).toBe(reported);
    expect(await card.locator("blockquote b").count()).toBe(0);
    await card.getByText(/^Sent by Jonas Weber on /).waitFor();
    const personReport = page.getByRole("article").filter({ has: page.getByText("He keeps pushing me") });
    await personReport.getByText("This report is about Jonas Weber, not about a particular message.").waitFor();
    expect(await personReport.locator("blockquote").count()).toBe(0);

    // Only that one message: none of the pair's other messages reached the page or the browser.
    const text = await page.locator("body").innerText();
    expect(text).not.toContain(before);
    expect(text).not.toContain(after);
    const received = await apiBodies();
    expect(received.some((body) => body.includes(reported))).toBe(true);
    expect(received.some((body) => body.includes(before) || body.includes(after))).toBe(false);
    expect(await page.locator(`a[href*="/pairs/"]`).count()).toBe(0);
    await screenshot(page, "reports-desktop");

    const phone = await signedInPage(browser, setup.admin, { phone: true });
    await phone.page.goto(`/groups/${setup.group.id}/reports`);
    await phone.page.getByRole("heading", { name: "Léa Martin reported Jonas Weber" }).first().waitFor();
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(phone.page, "reports-phone");
    await phone.context.close();

    await card.getByRole("button", { name: "Mark resolved: Léa Martin reported Jonas Weber" }).click();
    await page.getByText("Report marked resolved. You’ll find it under Resolved.").waitFor();
    expect(await openTab.textContent()).toContain("1");
    await personReport.getByRole("button", { name: /Mark resolved/ }).click();
    await page.getByRole("heading", { name: "No reports. That’s good news." }).waitFor();
    await screenshot(page, "reports-empty");

    // Arrow keys move between the tabs; the resolved tab keeps both reports.
    await openTab.focus();
    await page.keyboard.press("ArrowRight");
    const resolvedTab = page.getByRole("tab", { name: /Resolved/ });
    expect(await resolvedTab.getAttribute("aria-selected")).toBe("true");
    await page.waitForURL(/status=resolved/);
    expect(await page.getByRole("article").count()).toBe(2);
    expect(await page.getByRole("button", { name: /Mark resolved/ }).count()).toBe(0);
    const stored = await setup.admin.call<{ reports: { status: string }[] }>("GET", `/groups/${setup.group.id}/reports?status=open`);
    expect(stored.reports).toHaveLength(0);
    await screenshot(page, "reports-resolved");
    await context.close();

    // Members who are not admins are told plainly that reports are for the admins.
    const member = await signedInPage(browser, setup.mentee);
    await member.page.goto(`/groups/${setup.group.id}/reports`);
    await member.page.getByRole("heading", { name: "Only the group’s admins can see reports" }).waitFor();
    expect(await member.page.locator("body").innerText()).not.toContain(reported);
    await screenshot(member.page, "reports-forbidden", false);
    await member.context.close();

    const outsider = await person("Oscar Outsider");
    const stranger = await signedInPage(browser, outsider);
    await stranger.page.goto(`/groups/${setup.group.id}/reports`);
    await stranger.page.getByRole("heading", { name: "We couldn’t find this group" }).waitFor();
    await stranger.context.close();
  });
});
