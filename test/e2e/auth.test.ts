// Accounts in a real browser against the real worker: sign up, sign out, sign in, the age rule, wrong
// passwords and the profile form. Also captures the screenshots used to review the design.
//
// The API allows 20 sign-ups per client per hour across the whole e2e run, so this file creates only
// two accounts: one through the form, one through the API for the tests that just need someone to be.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseURL, hasBrowser, launchBrowser, newPerson, SCREENSHOTS, uniqueEmail } from "./browser.ts";

const PASSWORD = "a long enough password";

/** A calendar date `years` years before today, as YYYY-MM-DD. */
function yearsAgo(years: number, extraDays = 0): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() - years);
  date.setUTCDate(date.getUTCDate() + extraDays);
  return date.toISOString().slice(0, 10);
}

async function createAccountThroughApi(email: string, displayName: string) {
  const res = await fetch(`${baseURL()}/api/auth/signup`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: baseURL() },
    body: JSON.stringify({ email, password: PASSWORD, displayName, birthDate: "1988-03-14", locale: "en" }),
  });
  if (res.status !== 201) throw new Error(`sign-up through the API failed: ${res.status} ${await res.text()}`);
}

async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  // Let focus rings and colour transitions settle.
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

describe.skipIf(!hasBrowser())("accounts in the browser", () => {
  let browser: Browser;
  const member = { email: uniqueEmail("member"), name: "Grace Hopper" };

  beforeAll(async () => {
    browser = await launchBrowser();
    await createAccountThroughApi(member.email, member.name);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("signs up, lands on the empty home, signs out and signs in again", async () => {
    const { context, page } = await newPerson(browser);
    const email = uniqueEmail("signup");

    await page.goto("/");
    await page.waitForURL("**/signin");
    await page.getByRole("link", { name: "Create an account" }).click();
    await page.waitForURL("**/signup");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Create your account");

    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByLabel("Your name").fill("Ada Lovelace");
    await page.getByLabel("Date of birth").fill("1990-05-17");
    await page.getByRole("button", { name: "Create account" }).click();

    await page.getByRole("heading", { name: "You are not in any group yet" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Hello, Ada Lovelace");
    expect(await page.getByRole("link", { name: "Create a group" }).getAttribute("href")).toBe("/groups/new");
    await page.getByText("Got an invite link? Open it to join your community’s group.").waitFor();

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL("**/signin");
    await page.getByRole("heading", { name: "Welcome back" }).waitFor();
    // Signed out on the server too: the home page sends us back to sign in.
    await page.goto("/");
    await page.waitForURL("**/signin");

    await signIn(page, email);
    await page.getByRole("heading", { name: "You are not in any group yet" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    await context.close();
  });

  it("refuses an under-18 birth date with a clear message and stays on the sign-up page", async () => {
    const { context, page } = await newPerson(browser);
    await page.goto("/signup");
    await page.getByLabel("Email").fill(uniqueEmail("young"));
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByLabel("Your name").fill("Young Person");
    // One day short of 18.
    await page.getByLabel("Date of birth").fill(yearsAgo(18, 1));
    await page.getByRole("button", { name: "Create account" }).click();

    const message = page.locator("form").getByText("You must be 18 or older to join.");
    await message.waitFor();
    const birthDate = page.getByLabel("Date of birth");
    expect(await birthDate.getAttribute("aria-invalid")).toBe("true");
    const messageId = await message.locator("xpath=..").getAttribute("id");
    expect(await birthDate.getAttribute("aria-describedby")).toContain(messageId);

    await page.waitForTimeout(500);
    expect(new URL(page.url()).pathname).toBe("/signup");
    expect(await page.getByRole("button", { name: "Create account" }).isEnabled()).toBe(true);
    await context.close();
  });

  it("shows the server's answer next to the right field: an email already in use", async () => {
    const { context, page } = await newPerson(browser);
    await page.goto("/signup");
    await page.getByLabel("Email").fill(member.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByLabel("Your name").fill("Someone Else");
    await page.getByLabel("Date of birth").fill("1985-01-01");
    await page.getByRole("button", { name: "Create account" }).click();

    await page.getByText("An account with this email already exists. Sign in instead.").waitFor();
    expect(await page.getByLabel("Email").getAttribute("aria-invalid")).toBe("true");
    expect(new URL(page.url()).pathname).toBe("/signup");
    await context.close();
  });

  it("shows the invalid-credentials message for a wrong password", async () => {
    const { context, page } = await newPerson(browser);
    await page.goto("/signin");
    await signIn(page, member.email, "not the right password");

    const alert = page.getByRole("alert");
    await alert.getByText("That email and password don’t match an account.", { exact: false }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/signin");
    expect(await page.getByRole("button", { name: "Sign in" }).isEnabled()).toBe(true);
    await context.close();
  });

  it("returns to the page asked for after signing in, and saves a profile change that survives a reload", async () => {
    const { context, page } = await newPerson(browser);
    await page.goto("/profile");
    await page.waitForURL("**/signin?next=%2Fprofile");
    await signIn(page, member.email);
    await page.waitForURL("**/profile");
    await page.getByRole("heading", { name: "Your profile" }).waitFor();

    expect(await page.getByLabel("Email").inputValue()).toBe(member.email);
    expect(await page.getByLabel("Email").getAttribute("readonly")).not.toBeNull();

    const about = "Twenty years of shipping compilers. Happy to talk careers in engineering.";
    await page.getByLabel("About you").fill(about);
    await page.getByLabel("Topics", { exact: true }).fill("careers, compilers, public speaking, careers");
    await page.getByLabel("Languages you speak").fill("en, FR");
    await page.getByLabel("Time zone").selectOption("Europe/Berlin");
    const topics = page.getByRole("list", { name: "Your topics" });
    expect(await topics.getByRole("listitem").allTextContents()).toEqual(["careers", "compilers", "public speaking"]);
    await page.getByRole("button", { name: "Remove compilers" }).click();

    await page.getByRole("button", { name: "Save profile" }).click();
    await page.getByRole("status").getByText("Profile saved").waitFor();

    await page.reload();
    await page.getByRole("heading", { name: "Your profile" }).waitFor();
    expect(await page.getByLabel("About you").inputValue()).toBe(about);
    expect(await page.getByLabel("Topics", { exact: true }).inputValue()).toBe("careers, public speaking");
    expect(await page.getByLabel("Languages you speak").inputValue()).toBe("en, fr");
    expect(await page.getByLabel("Time zone").inputValue()).toBe("Europe/Berlin");
    await context.close();
  });

  it("captures the sign-up, home and profile pages on desktop and phone", async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const phone of [false, true]) {
      const device = phone ? "phone" : "desktop";
      const { context, page } = await newPerson(browser, { phone });

      await page.goto("/signup");
      await page.getByRole("heading", { name: "Create your account" }).waitFor();
      await screenshot(page, `signup-${device}`);
      await page.getByLabel("Date of birth").fill(yearsAgo(16));
      await page.getByRole("button", { name: "Create account" }).click();
      await page.locator("form").getByText("You must be 18 or older to join.").waitFor();
      await screenshot(page, `signup-errors-${device}`);

      await page.goto("/signin");
      await signIn(page, member.email);
      await page.getByRole("heading", { name: "You are not in any group yet" }).waitFor();
      await screenshot(page, `home-empty-${device}`);

      await page.getByRole("link", { name: "Profile", exact: true }).click();
      await page.getByRole("heading", { name: "Your profile" }).waitFor();
      await screenshot(page, `profile-${device}`);

      // Nothing may stick out sideways on a phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBe(0);
      await context.close();
    }
  });
});
