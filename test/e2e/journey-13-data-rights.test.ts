// Journey 13 and the account settings page: a member sees their sessions, changes their password with the
// policy shown while typing, downloads their data, then deletes their account (typing their email to
// confirm); their partner sees "Deleted member" and nothing they wrote. Also captures the settings page
// at phone and desktop widths for review.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ApiPerson } from "../bench/lib.ts";
import { baseURL, hasBrowser, newPerson, SCREENSHOTS, useBrowser } from "./browser.ts";
import { chatLog, openBoth, send } from "./pair-page.ts";
import { activePair, signedInPage } from "./fixtures.ts";

const PHRASE = `Only I wrote this ${crypto.randomUUID().slice(0, 8)}`;

describe.skipIf(!hasBrowser())("journey 13: download my data, then delete my account", () => {
  const browser = useBrowser();

  it("settings: sessions, a weak password refused while typing, download, delete; the partner sees Deleted member and nothing they wrote", async () => {
    const setup = await activePair();
    const mentor = await signedInPage(browser(), setup.mentor);
    const mentee = await signedInPage(browser(), setup.mentee);
    await openBoth(mentor.page, mentee.page, setup.pairId);
    await send(mentor.page, "Lea Mentee", PHRASE);
    await chatLog(mentee.page).getByText(PHRASE).waitFor();

    // A second sign-in of the mentor, in another browser: a session of its own.
    const login = await fetch(`${baseURL()}/api/auth/login`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: baseURL() },
      body: JSON.stringify({ email: setup.mentor.email, password: ApiPerson.PASSWORD }),
    });
    expect(login.status).toBe(200);
    const [cookieName, cookieValue] = login.headers.get("set-cookie")!.split(";")[0]!.split("=") as [string, string];
    const { context, page } = await newPerson(browser());
    await context.addCookies([{ name: cookieName, value: cookieValue, url: baseURL(), httpOnly: true, sameSite: "Lax" }]);
    await page.goto("/settings");
    await page.getByRole("heading", { level: 1, name: "Account settings" }).waitFor();
    // Two sessions: the pair page's browser and this one, which is marked.
    await page.locator("#session-list li.session").nth(1).waitFor();
    expect(await page.locator("#session-list li.session").count()).toBe(2);
    expect(await page.locator("#session-list .session--current").count()).toBe(1);

    // The policy is shown while typing, before anything is sent.
    await page.getByLabel("New password").fill("password12");
    await page.getByText("This is one of the most common passwords.").waitFor();
    await page.getByLabel("New password").fill("lantern orchard quietly 7");
    await page.getByText("Strong enough").waitFor();
    await page.getByLabel("New password").fill("");

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(SCREENSHOTS, "settings-1280.png"), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(SCREENSHOTS, "settings-390.png"), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    // Download my data: one JSON file holding the pair space, with the phrase.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download my data" }).click()]);
    const data = JSON.parse(readFileSync((await download.path())!, "utf8"));
    expect(data.profile.email).toBe(setup.mentor.email);
    expect(JSON.stringify(data.pairs)).toContain(PHRASE);

    // Delete: the button waits for the typed email; a confirmation asks once more.
    const deleteButton = page.getByRole("button", { name: "Delete my account" });
    expect(await deleteButton.isDisabled()).toBe(true);
    await page.getByLabel("Type your email address to confirm").fill(setup.mentor.email);
    await page.getByLabel("Your password", { exact: true }).fill(ApiPerson.PASSWORD);
    await deleteButton.click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete my account" }).click();
    await page.waitForURL(/\/signin/);

    // The mentor's open pair page is signed out; the partner's open page turns to the placeholder and
    // loses the phrase without a reload, and so does a fresh visit.
    await mentor.page.waitForURL(/\/signin/, { timeout: 10_000 });
    await mentee.page.getByRole("heading", { level: 1, name: "Deleted member" }).waitFor();
    await chatLog(mentee.page).getByText(PHRASE).waitFor({ state: "detached" });
    await mentee.page.goto(`/pairs/${setup.pairId}`);
    await mentee.page.getByRole("heading", { level: 1, name: "Deleted member" }).waitFor();
    await mentee.page.getByText("This person deleted their account. Their messages were removed.").waitFor();
    expect(await chatLog(mentee.page).getByText(PHRASE).count()).toBe(0);
    await mentee.page.screenshot({ path: join(SCREENSHOTS, "pair-deleted-member-1280.png") });
  });
});
