// Membership that holds (issue 13), in Chromium against the real `wrangler dev`:
// - journey 9: someone finds a listed group in the directory, asks to join, an admin approves, they apply;
// - journey 12: an admin removes and bans a mentor in an active pair: the mentor's open pair page turns
//   read-only within 2 seconds and the mentee sees that the mentorship ended;
// - the operator suspends an account from a report a group admin escalated.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { baseURL, hasBrowser, SCREENSHOTS, useBrowser } from "./browser.ts";
import { activePair, ApiPerson, groupWithProgram, person, signedInPage } from "./fixtures.ts";
import { openBoth, send } from "./pair-page.ts";

const ENDED = "This mentorship ended early. The space stays readable; nothing new can be added.";

async function fillMenteeForm(page: Page) {
  await page.getByLabel("What would you like help with?").fill("Preparing for my first team lead interview.");
  await page.getByLabel("What kind of mentor are you looking for?").fill("Someone who has led a team and can help with interviews.");
  await page
    .getByRole("radiogroup", { name: /Where are you in your career/ })
    .getByRole("radio", { name: "Mid-career" })
    .check();
  await page
    .getByRole("group", { name: /Which topics matter most to you/ })
    .getByRole("checkbox", { name: "Moving into leadership" })
    .check();
  await page
    .getByRole("group", { name: /When are you usually available/ })
    .getByRole("checkbox", { name: "Weekday evenings" })
    .check();
  await page.getByLabel("How and when is it best to reach you?").fill("Evenings, by chat.");
}

describe.skipIf(!hasBrowser())("membership", () => {
  const browser = useBrowser();

  it("journey 9: finds a listed group in the directory, asks to join, the admin approves, and the new member applies", async () => {
    const setup = await groupWithProgram();
    const word = `Kestrel${Date.now().toString(36)}`;
    await setup.admin.call("PATCH", `/groups/${setup.group.id}`, { name: `${word} Équipe`, joinPolicy: "request", listed: true });
    const newcomer = await person("Noor Newcomer");
    const noor = await signedInPage(browser(), newcomer, { phone: true });
    const admin = await signedInPage(browser(), setup.admin);

    // Noor searches without the accent, in lower case, and finds it.
    await noor.page.goto("/");
    await noor.page.getByRole("link", { name: "Find a group" }).click();
    await noor.page.getByRole("heading", { level: 1, name: "Find a group" }).waitFor();
    await noor.page.getByLabel("Search").fill(`${word.toLowerCase()} equipe`);
    await noor.page.getByRole("button", { name: "Search" }).click();
    const card = noor.page.locator(`[data-group-id="${setup.group.id}"]`);
    await card.getByText("1 open program").waitFor();
    await noor.page.screenshot({ path: join(SCREENSHOTS, "membership-directory-390.png"), fullPage: true });
    await card.getByRole("button", { name: /Ask to join/ }).click();
    const dialog = noor.page.getByRole("dialog", { name: `Ask to join ${word} Équipe` });
    await dialog.getByLabel("A message for the admins (optional)").fill("I lead a small team and would love a mentor.");
    await dialog.getByRole("button", { name: "Send request" }).click();
    await noor.page.getByText(`Request sent to the admins of ${word} Équipe.`, { exact: false }).waitFor();
    await card.getByText("Request waiting").waitFor();

    // The admin sees it from the group page and approves.
    await admin.page.goto(`/groups/${setup.group.id}`);
    await admin.page.getByRole("link", { name: "Requests to join" }).click();
    await admin.page.getByRole("heading", { level: 1, name: "Requests to join" }).waitFor();
    const request = admin.page.getByTestId("join-requests").getByRole("listitem").filter({ hasText: "Noor Newcomer" });
    await request.getByText("I lead a small team and would love a mentor.").waitFor();
    await admin.page.screenshot({ path: join(SCREENSHOTS, "membership-join-requests-1280.png"), fullPage: true });
    await request.getByRole("button", { name: /Approve/ }).click();
    await admin.page.getByText("Noor Newcomer is now a member.").waitFor();
    await admin.page.getByText("No requests waiting").waitFor();

    // Noor is a member now, and applies as a mentee.
    await noor.page.goto(`/programs/${setup.program.id}/apply?role=mentee`);
    await noor.page.getByRole("heading", { name: "Apply as a mentee" }).waitFor();
    await fillMenteeForm(noor.page);
    await noor.page.getByRole("button", { name: "Apply as a mentee" }).click();
    await noor.page.getByRole("heading", { name: "Your application as a mentee" }).waitFor();
    const { applications } = await setup.admin.call("GET", `/programs/${setup.program.id}/applications?role=mentee`);
    expect(applications.map((a: { user: { displayName: string } }) => a.user.displayName)).toContain("Noor Newcomer");
    await noor.context.close();
    await admin.context.close();
  });

  it("journey 12: removing and banning a mentor turns their open pair page read-only within 2 s; the mentee sees it ended", async () => {
    const setup = await activePair();
    const mentor = await signedInPage(browser(), setup.mentor);
    const mentee = await signedInPage(browser(), setup.mentee, { phone: true });
    const admin = await signedInPage(browser(), setup.admin);
    await openBoth(mentor.page, mentee.page, setup.pairId);
    await send(mentor.page, "Lea Mentee", "See you on Tuesday.");

    await admin.page.goto(`/groups/${setup.group.id}`);
    await admin.page.getByRole("button", { name: "Manage Jonas Mentor" }).click();
    await admin.page.getByRole("button", { name: /Remove and ban/ }).click();
    const dialog = admin.page.getByRole("dialog", { name: "Remove and ban Jonas Mentor?" });
    await dialog.getByRole("button", { name: "Remove and ban" }).click();
    const removedAt = Date.now();
    await dialog.waitFor({ state: "detached" });

    await mentor.page.getByText(ENDED).waitFor({ timeout: 2_000 });
    expect(Date.now() - removedAt).toBeLessThan(2_000);
    expect(await mentor.page.getByLabel("Message to Lea Mentee").isDisabled()).toBe(true);
    await mentee.page.getByText(ENDED).waitFor({ timeout: 5_000 });
    expect(await mentee.page.getByLabel("Message to Jonas Mentor").isDisabled()).toBe(true);
    await mentee.page.screenshot({ path: join(SCREENSHOTS, "membership-removed-mentee-390.png"), fullPage: true });

    // The mentee's list says why; the banned mentor cannot come back with the invite link.
    await mentee.page.goto("/");
    await mentee.page.getByText("Ended because a member was removed from the group").waitFor();
    const back = await fetch(`${baseURL()}/api/invites/${setup.inviteToken}/accept`, {
      method: "POST",
      headers: { Origin: baseURL(), Cookie: setup.mentor.cookie },
    });
    expect(back.status).toBe(403);
    expect((await back.json()).error.code).toBe("banned");

    // The bans page lists the mentor, and the audit log has the action.
    await admin.page.goto(`/groups/${setup.group.id}/bans`);
    await admin.page.getByTestId("bans").getByRole("heading", { name: "Jonas Mentor" }).waitFor();
    await admin.page.goto(`/groups/${setup.group.id}/audit`);
    await admin.page.getByText("Amara Admin removed and banned Jonas Mentor").waitFor();
    await admin.page.screenshot({ path: join(SCREENSHOTS, "membership-audit-1280.png"), fullPage: true });
    for (const p of [mentor, mentee, admin]) await p.context.close();
  });

  it("the operator suspends an account from a report the group's admin escalated", async () => {
    const setup = await activePair();
    const operator = new ApiPerson(baseURL());
    await operator.call("POST", "/auth/signup", {
      email: "operator@e2e.example.org",
      password: ApiPerson.PASSWORD,
      displayName: "Olu Operator",
      birthDate: "1985-02-03",
    });
    await setup.mentee.call("POST", "/reports", { pairId: setup.pairId, reason: "Insults in the chat" });

    const admin = await signedInPage(browser(), setup.admin);
    await admin.page.goto(`/groups/${setup.group.id}/reports`);
    await admin.page.getByRole("button", { name: "Escalate to the operator" }).click();
    await admin.page.getByRole("dialog", { name: "Escalate this report?" }).getByRole("button", { name: "Escalate" }).click();
    await admin.page.getByText("Escalated to the operator").waitFor();

    const op = await signedInPage(browser(), operator);
    await op.page.goto("/");
    await op.page.getByRole("link", { name: "Operator" }).click();
    await op.page.getByRole("heading", { level: 1, name: "Operator" }).waitFor();
    const report = op.page.getByTestId("operator-reports").getByRole("listitem").filter({ hasText: "Lea Mentee reported Jonas Mentor" });
    await report.getByText("Insults in the chat").waitFor();
    await op.page.screenshot({ path: join(SCREENSHOTS, "membership-operator-1280.png"), fullPage: true });
    await report.getByRole("button", { name: "Suspend Jonas Mentor" }).click();
    const dialog = op.page.getByRole("dialog", { name: "Suspend Jonas Mentor?" });
    await dialog.getByLabel("Reason (kept with the suspension)").fill("Insults, escalated by the group admins");
    await dialog.getByRole("button", { name: "Suspend" }).click();
    await op.page.getByText("Jonas Mentor is suspended.").waitFor();
    await report.getByText("Suspended").first().waitFor();

    const groups = await fetch(`${baseURL()}/api/groups`, { headers: { Cookie: setup.mentor.cookie } });
    expect(groups.status).toBe(401);
    const login = await fetch(`${baseURL()}/api/auth/login`, {
      method: "POST",
      headers: { Origin: baseURL(), "Content-Type": "application/json" },
      body: JSON.stringify({ email: setup.mentor.email, password: ApiPerson.PASSWORD }),
    });
    expect(login.status).toBe(403);
    expect((await login.json()).error.code).toBe("suspended");
    await admin.context.close();
    await op.context.close();
  });
});
