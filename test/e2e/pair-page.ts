// Helpers for browser tests of the pair space.
import type { Page } from "playwright-core";

/** The conversation region of the pair page. */
export const chatLog = (page: Page) => page.getByRole("log");

/** Opens the pair page for both people, and waits until each sees the other online (both sockets live). */
export async function openBoth(mentor: Page, mentee: Page, pairId: string, names = { mentor: "Jonas Mentor", mentee: "Lea Mentee" }) {
  await mentor.goto(`/pairs/${pairId}`);
  await mentee.goto(`/pairs/${pairId}`);
  await mentor.getByRole("heading", { level: 1, name: names.mentee }).waitFor();
  await mentee.getByRole("heading", { level: 1, name: names.mentor }).waitFor();
  for (const page of [mentor, mentee]) await waitOnline(page);
}

/** Waits until the page's socket is caught up: the other person's presence shows once `hello` arrived. */
export async function waitOnline(page: Page) {
  await page.locator(".pair-header").getByText("Online", { exact: true }).waitFor();
}

/** Types a message to `otherName` and sends it with Enter. */
export async function send(page: Page, otherName: string, text: string) {
  const composer = page.getByLabel(`Message to ${otherName}`);
  await composer.fill(text);
  await composer.press("Enter");
}

/** Opens the pair header's "Actions" menu. */
export async function openActions(page: Page) {
  const toggle = page.locator(".pair-header").getByRole("button", { name: "Actions" });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
}

/** Opens the "Actions" menu and chooses `name` in it ("End mentorship", "Block Jonas Mentor", ...). */
export async function pairAction(page: Page, name: string) {
  await openActions(page);
  await page.locator(".pair-header").getByRole("button", { name, exact: true }).click();
}
