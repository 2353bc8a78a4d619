// Journey 7: the pair marks the mentorship completed. The space becomes read-only for both of them at
// once (inputs disabled, a banner says why) and the history stays readable. Ending early asks for a reason.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { hasBrowser, SCREENSHOTS, useBrowser } from "./browser.ts";
import { chatLog, openActions, openBoth, pairAction, send } from "./pair-page.ts";
import { activePair, signedInPage } from "./fixtures.ts";

const COMPLETED = "This mentorship was completed. The space stays readable; nothing new can be added.";
const ENDED = "This mentorship ended early. The space stays readable; nothing new can be added.";

/** Everything that adds to the space is disabled or gone; what was there is still shown. */
async function expectReadOnly(page: Page, otherName: string) {
  expect(await page.getByLabel(`Message to ${otherName}`).isDisabled()).toBe(true);
  expect(await page.getByRole("button", { name: "Send" }).isDisabled()).toBe(true);
  await openActions(page);
  expect(
    await page
      .getByRole("button", { name: "Report Jonas Mentor" })
      .or(page.getByRole("button", { name: "Report Lea Mentee" }))
      .isVisible(),
  ).toBe(true);
  expect(await page.getByRole("button", { name: "End mentorship" }).count()).toBe(0);
  await page.keyboard.press("Escape");
  for (const checkbox of await page.getByRole("checkbox").all()) expect(await checkbox.isDisabled()).toBe(true);
  expect(await page.getByRole("button", { name: "Mark this week done" }).count()).toBe(0);
  await page.getByRole("tab", { name: "Posts" }).click();
  await page.getByText("How to prepare a promotion case").waitFor();
  expect(await page.getByRole("button", { name: "Share something" }).count()).toBe(0);
  expect(await page.getByRole("button", { name: "Comment" }).count()).toBe(0);
  await page.getByRole("tab", { name: "Check-in" }).click();
  expect(await page.getByRole("button", { name: "Share check-in" }).count()).toBe(0);
  expect(await page.getByRole("radio").count()).toBe(0);
  await page.getByRole("tab", { name: "Steps" }).click();
}

describe.skipIf(!hasBrowser())("journey 7: ending a mentorship", () => {
  const browser = useBrowser();

  it("marks the mentorship completed: read-only for both at once, history still readable, also after a reload", async () => {
    const setup = await activePair();
    await setup.mentor.call("POST", `/pairs/${setup.pairId}/posts`, {
      clientId: "p1",
      title: "How to prepare a promotion case",
      body: "Impact, scope, timing.",
    });
    const mentor = await signedInPage(browser(), setup.mentor);
    const mentee = await signedInPage(browser(), setup.mentee);
    await openBoth(mentor.page, mentee.page, setup.pairId);
    await send(mentee.page, "Jonas Mentor", "Thank you for these eight weeks!");
    await send(mentor.page, "Lea Mentee", "It was a pleasure. Good luck with the new role.");
    await chatLog(mentee.page).getByText("It was a pleasure. Good luck with the new role.").waitFor();

    // The mentee ends it as completed, after confirming.
    await pairAction(mentee.page, "End mentorship");
    const dialog = mentee.page.getByRole("dialog", { name: "End this mentorship?" });
    await dialog.waitFor();
    expect(await dialog.getByRole("radio", { name: /We completed the program/ }).isChecked()).toBe(true);
    await dialog.getByRole("button", { name: "End mentorship" }).click();
    await dialog.waitFor({ state: "detached" });

    // Both screens turn read-only, the mentor's without a reload.
    for (const [page, other] of [
      [mentee.page, "Jonas Mentor"],
      [mentor.page, "Lea Mentee"],
    ] as const) {
      await page.getByText(COMPLETED).waitFor({ timeout: 5_000 });
      await page.locator(".pair-header").getByText("Status: Completed", { exact: true }).waitFor();
      await expectReadOnly(page, other);
      expect(await chatLog(page).getByText("Thank you for these eight weeks!", { exact: true }).isVisible()).toBe(true);
    }
    await mentor.page.screenshot({ path: join(SCREENSHOTS, "pair-completed-desktop.png"), fullPage: true });

    // The server agrees: nothing new is accepted.
    await expect(setup.mentee.call("POST", `/pairs/${setup.pairId}/checkins`, { clientId: "late", mood: 5, note: "" })).rejects.toThrow(/409.*pair_ended/);

    await mentor.page.reload();
    await mentor.page.getByText(COMPLETED).waitFor();
    await chatLog(mentor.page).getByText("It was a pleasure. Good luck with the new role.", { exact: true }).waitFor();
    await expectReadOnly(mentor.page, "Lea Mentee");

    const phone = await signedInPage(browser(), setup.mentee, { phone: true });
    await phone.page.goto(`/pairs/${setup.pairId}`);
    await phone.page.getByText(COMPLETED).waitFor();
    await phone.page.screenshot({ path: join(SCREENSHOTS, "pair-completed-phone.png"), fullPage: true });
    await phone.context.close();

    await mentor.context.close();
    await mentee.context.close();
  });

  it("ends a mentorship early only with a reason, and says so to both", async () => {
    const setup = await activePair();
    await setup.mentor.call("POST", `/pairs/${setup.pairId}/posts`, { clientId: "p1", title: "How to prepare a promotion case", body: "" });
    const mentor = await signedInPage(browser(), setup.mentor);
    const mentee = await signedInPage(browser(), setup.mentee);
    await openBoth(mentor.page, mentee.page, setup.pairId);

    await pairAction(mentor.page, "End mentorship");
    const dialog = mentor.page.getByRole("dialog", { name: "End this mentorship?" });
    expect(await dialog.getByLabel("Anything you would like to add? (optional)").isVisible()).toBe(true);
    await dialog.getByRole("radio", { name: /End it early/ }).check();
    const reason = dialog.getByLabel("Why are you ending it early?");
    await reason.waitFor();
    await dialog.getByRole("button", { name: "End mentorship" }).click();
    await dialog.getByText("Please fill this in.").waitFor();
    await reason.fill("I am changing jobs and cannot give it the time it needs.");
    await mentor.page.screenshot({ path: join(SCREENSHOTS, "pair-end-dialog-desktop.png") });
    await dialog.getByRole("button", { name: "End mentorship" }).click();
    await dialog.waitFor({ state: "detached" });

    await mentor.page.getByText(ENDED).waitFor();
    await mentor.page.getByText("Reason: I am changing jobs and cannot give it the time it needs.").waitFor();
    await mentee.page.getByText(ENDED).waitFor({ timeout: 5_000 });
    await mentee.page.getByText("Reason: I am changing jobs and cannot give it the time it needs.").waitFor();
    await mentee.page.locator(".pair-header").getByText("Status: Ended early", { exact: true }).waitFor();
    await expectReadOnly(mentee.page, "Jonas Mentor");

    const { pair } = await setup.mentee.call<{ pair: { status: string; endReason: string } }>("GET", `/pairs/${setup.pairId}`);
    expect(pair).toMatchObject({ status: "ended", endReason: "I am changing jobs and cannot give it the time it needs." });

    await mentor.context.close();
    await mentee.context.close();
  });
});
