// Joining by invite link in the browser: an admin creates a link on the group page, a signed-out
// newcomer opens it, creates an account, comes back to the invite and joins; a revoked link and an
// unknown one each say so clearly.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, hasBrowser, launchBrowser, newPerson, SCREENSHOTS, uniqueEmail } from "./browser.ts";
import { person, signedInPage, type ApiPerson } from "./fixtures.ts";

const PASSWORD = "a long enough password";

async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** On the admin's group page: creates a link in the "Invite people" section and returns its URL. */
async function createLinkInTheBrowser(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Create invite link" }).click();
  const url = page.getByRole("textbox", { name: "Invite link" });
  await url.waitFor();
  await page.getByText("This link is shown only once.", { exact: false }).waitFor();
  return url.inputValue();
}

describe.skipIf(!hasBrowser())("joining a group by invite link", () => {
  let browser: Browser;
  let admin: ApiPerson;
  let groupId: string;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchBrowser();
    admin = await person("Amara Admin");
    const { group } = await admin.call("POST", "/groups", {
      name: "Parents of Teens",
      description: "Parents helping parents through the teenage years.",
      focus: "parenting",
    });
    groupId = group.id;
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("lets a signed-out newcomer create an account from the link, come back, join and see the group", async () => {
    const adminView = await signedInPage(browser, admin);
    await adminView.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL() });
    await adminView.page.goto(`/groups/${groupId}`);
    await adminView.page.getByRole("heading", { level: 1, name: "Parents of Teens" }).waitFor();
    await adminView.page.getByLabel("Link valid for").selectOption("30");
    const link = await createLinkInTheBrowser(adminView.page);
    expect(link).toMatch(new RegExp(`^${baseURL()}/invite/[A-Za-z0-9_-]{16,}$`));
    await adminView.page.getByRole("button", { name: "Copy link" }).click();
    await adminView.page.getByText("Link copied to the clipboard.").waitFor();
    expect(await adminView.page.evaluate(() => navigator.clipboard.readText())).toBe(link);
    // The list shows the new link as active, expiring in 30 days, with nobody joined yet.
    const row = adminView.page.locator(".invite").first();
    await row.getByText("Active").waitFor();
    await row.getByText("0 people joined").waitFor();
    await row.getByText(/^Expires /).waitFor();

    // The newcomer, signed out, in a browser of their own.
    const { context, page } = await newPerson(browser);
    const path = new URL(link).pathname;
    await page.goto(path);
    await page.getByRole("heading", { level: 1, name: "You’re invited to join Parents of Teens" }).waitFor();
    await page.getByText("Parents helping parents through the teenage years.").waitFor();
    await screenshot(page, "invite-signed-out-desktop");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "invite-signed-out-phone");
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.waitForURL((url) => url.pathname === "/signup" && url.searchParams.get("next") === path);

    await page.getByLabel("Email").fill(uniqueEmail("newcomer"));
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByLabel("Your name").fill("Noor Haddad");
    await page.getByLabel("Date of birth").fill("1992-11-08");
    await page.getByRole("button", { name: "Create account" }).click();

    // Back on the invite page, now signed in.
    await page.waitForURL((url) => url.pathname === path);
    await page.getByText("You’ll join as Noor Haddad.").waitFor();
    await page.getByRole("button", { name: "Join Parents of Teens" }).click();
    await page.waitForURL((url) => url.pathname === `/groups/${groupId}`);
    await page.getByRole("heading", { level: 1, name: "Parents of Teens" }).waitFor();
    const me = page.locator(".member", { hasText: "Noor Haddad" });
    await me.getByText("(you)").waitFor();
    expect(await me.locator(".role-badge").textContent()).toContain("Member");
    // Members see no admin tools.
    expect(await page.getByRole("button", { name: "Create invite link" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Report queue" }).count()).toBe(0);

    // Home lists the group; the link now says "already a member".
    await page.goto("/");
    await page.getByRole("link", { name: "Parents of Teens" }).waitFor();
    await page.goto(path);
    await page.getByText("You’re already a member of this group.").waitFor();
    await page.getByRole("link", { name: "Go to group" }).click();
    await page.waitForURL((url) => url.pathname === `/groups/${groupId}`);

    // The admin sees the use counted.
    await adminView.page.reload();
    await adminView.page.locator(".invite").first().getByText("1 person joined").waitFor();
    await context.close();
    await adminView.context.close();
  });

  it("shows a revoked link as expired, and an unknown link as not existing", async () => {
    const adminView = await signedInPage(browser, admin);
    await adminView.page.goto(`/groups/${groupId}`);
    await adminView.page.getByRole("heading", { level: 1, name: "Parents of Teens" }).waitFor();
    const link = await createLinkInTheBrowser(adminView.page);

    // Revoking asks first; cancelling keeps the link.
    const row = adminView.page.locator(".invite").first();
    await row.getByRole("button", { name: /^Revoke/ }).click();
    const dialog = adminView.page.getByRole("dialog", { name: "Revoke this invite link?" });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "detached" });
    await row.getByText("Active").waitFor();
    await row.getByRole("button", { name: /^Revoke/ }).click();
    await adminView.page.getByRole("dialog").getByRole("button", { name: "Revoke link" }).click();
    await row.getByText("Revoked").waitFor();
    // The link that was shown once is gone with it.
    expect(await adminView.page.getByRole("textbox", { name: "Invite link" }).count()).toBe(0);

    const { context, page } = await newPerson(browser);
    await page.goto(new URL(link).pathname);
    await page.getByRole("heading", { level: 1, name: "This invite link has expired" }).waitFor();
    await screenshot(page, "invite-expired-desktop");
    await page.getByText("This invite link has expired or was revoked. Ask the group’s admins for a new one.").waitFor();
    expect(await page.getByRole("link", { name: "Create an account" }).count()).toBe(0);

    await page.goto("/invite/this-token-does-not-exist-at-all");
    await page.getByRole("heading", { level: 1, name: "This invite link doesn’t exist" }).waitFor();
    await context.close();
    await adminView.context.close();
  });
});
