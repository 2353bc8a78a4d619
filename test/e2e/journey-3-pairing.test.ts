// Journey 3 in a real browser() against the real worker: the admin opens the applicants board, picks the
// mentee, sees the ranked mentors with their reasons, and pairs them from the top suggestion; then the
// mentor and the mentee, each in their own browser(), see the new pair on their home page and a
// notification behind the bell's unread badge. Also "Suggest all": review, untick, publish the rest in one
// action, and a failure reported by name. Captures the board and home screenshots.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { hasBrowser, SCREENSHOTS, useBrowser } from "./browser.ts";
import { applicant, groupWithProgram, signedInPage, type ApiPerson } from "./fixtures.ts";

async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Profile facts that matching reads, so the suggestions have reasons worth showing. */
function setProfile(who: ApiPerson, profile: { topics: string[]; languages: string[]; timeZone: string; about?: string }) {
  return who.call("PATCH", "/me", profile);
}

describe.skipIf(!hasBrowser())("journey 3: the admin pairs them and both see it", () => {
  const browser = useBrowser();

  it("pairs the mentee with the top suggestion; both see the pair at home and a notification", async () => {
    const setup = await groupWithProgram();
    const mentor = await applicant(setup, "Jonas Weber", "mentor");
    const other = await applicant(setup, "Priya Raman", "mentor");
    const mentee = await applicant(setup, "Léa Martin", "mentee");
    await Promise.all([
      setProfile(mentor, { topics: ["careers", "leadership"], languages: ["en", "de", "fr"], timeZone: "Europe/Berlin" }),
      setProfile(other, { topics: ["design"], languages: ["en"], timeZone: "America/Los_Angeles" }),
      setProfile(mentee, { topics: ["careers"], languages: ["fr", "en"], timeZone: "Europe/Paris" }),
    ]);

    const admin = await signedInPage(browser(), setup.admin);
    await admin.page.goto(`/programs/${setup.program.id}/applicants`);
    await admin.page.getByRole("heading", { level: 1, name: "Applicants" }).waitFor();
    const findMentor = admin.page.getByRole("button", { name: "Find a mentor for Léa Martin" });
    await findMentor.click();
    const panel = admin.page.getByRole("region", { name: "Mentors for Léa Martin" });
    await panel.waitFor();
    // Escape closes the suggestions and puts focus back on the button that opened them.
    await admin.page.keyboard.press("Escape");
    await panel.waitFor({ state: "detached" });
    await admin.page.waitForFunction(() => document.activeElement?.getAttribute("aria-label") === "Find a mentor for Léa Martin");
    await admin.page.keyboard.press("Enter");
    await panel.waitFor();
    const ranked = panel.getByRole("list", { name: /Suggested mentors for Léa Martin/ }).locator(":scope > li");
    await ranked.first().getByRole("heading", { name: "Jonas Weber" }).waitFor();
    expect(await ranked.count()).toBe(2);
    const top = ranked.first();
    // The reasons, as translated sentences built from their data.
    await top.getByText("Shared topics: careers").waitFor();
    await top.getByText("Both speak French and English").waitFor();
    await top.getByText("Time zones 1 hour apart").or(top.getByText("Same time zone")).waitFor();
    await top.getByText("Best match").waitFor();
    expect(await ranked.nth(1).getByText("No language in common").count()).toBe(0);
    await screenshot(admin.page, "applicants-suggestions-desktop");

    await admin.page.setViewportSize({ width: 390, height: 844 });
    await screenshot(admin.page, "applicants-suggestions-phone");
    await admin.page.setViewportSize({ width: 1280, height: 860 });

    await top.getByRole("button", { name: "Pair Léa Martin with Jonas Weber" }).click();
    await admin.page.getByText("Léa Martin and Jonas Weber are now paired. We let them both know.").waitFor();
    await panel.waitFor({ state: "detached" });
    // The lists refresh: Léa is paired, Jonas has one place fewer.
    const mentees = admin.page.getByRole("region", { name: /Mentees/ });
    await mentees.getByText("Paired").waitFor();
    expect(await admin.page.getByRole("button", { name: "Find a mentor for Léa Martin" }).count()).toBe(0);
    await admin.page
      .getByRole("region", { name: /Mentors/ })
      .getByText("Places taken: 1 of 2")
      .waitFor();
    await screenshot(admin.page, "applicants-after-pairing-desktop");

    // Pairing her again is refused by the server, and the reason is shown.
    const again = await admin.page.evaluate(
      async ({ programId, mentorId, menteeId }) =>
        (
          await fetch(`/api/programs/${programId}/pairs`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ mentorId, menteeId }),
          })
        ).status,
      { programId: setup.program.id, mentorId: other.userId, menteeId: mentee.userId },
    );
    expect(again).toBe(409);

    // The mentor, in their own browser(): the pair at home, and the bell's badge.
    const mentorView = await signedInPage(browser(), mentor);
    await mentorView.page.goto("/");
    const mentorships = mentorView.page.getByRole("region", { name: "Your mentorships" });
    const pairLink = mentorships.getByRole("link", { name: "Léa Martin" });
    await pairLink.waitFor();
    const pairHref = await pairLink.getAttribute("href");
    expect(pairHref).toMatch(/^\/pairs\/[0-9a-f-]+$/);
    await mentorships.getByText("You are Léa Martin’s mentor").waitFor();
    await mentorships.getByText(`${setup.program.title} · Women in Tech`).waitFor();
    await mentorships.getByText("Active").waitFor();
    const mentorBell = mentorView.page.getByRole("link", { name: "1 unread notification" });
    await mentorBell.waitFor();
    expect(await mentorBell.textContent()).toContain("1");
    await screenshot(mentorView.page, "home-with-pair-desktop");

    await mentorBell.click();
    await mentorView.page.getByRole("heading", { level: 1, name: "Notifications" }).waitFor();
    const note = mentorView.page.getByRole("link", { name: `You have been paired with Léa Martin in ${setup.program.title}` });
    await note.waitFor();
    expect(await note.getAttribute("href")).toBe(pairHref);
    await mentorView.page.getByText("You are the mentor.").waitFor();
    await screenshot(mentorView.page, "notifications-desktop");
    // Opening the page is reading it: the bell clears by itself, with no "Mark all as read" needed.
    await mentorView.page.getByText("You’re all caught up.").waitFor();
    await mentorView.page.getByRole("link", { name: "Notifications", exact: true }).waitFor();
    // Read on the server too.
    const after = await mentor.call<{ unreadCount: number }>("GET", "/notifications");
    expect(after.unreadCount).toBe(0);

    // The mentee, on a phone: the same pair from the other side.
    const menteeView = await signedInPage(browser(), mentee, { phone: true });
    await menteeView.page.goto("/");
    const hers = menteeView.page.getByRole("region", { name: "Your mentorships" });
    await hers.getByRole("link", { name: "Jonas Weber" }).waitFor();
    await hers.getByText("Jonas Weber is your mentor").waitFor();
    const menteeBell = menteeView.page.getByRole("link", { name: "1 unread notification" });
    await menteeBell.waitFor();
    await screenshot(menteeView.page, "home-with-pair-phone");
    await menteeBell.click();
    await menteeView.page.getByText("You are the mentee.").waitFor();
    await screenshot(menteeView.page, "notifications-phone");
    // Opening a notification marks it read and goes to the pair's space.
    await menteeView.page.getByRole("link", { name: `You have been paired with Jonas Weber in ${setup.program.title}` }).click();
    await menteeView.page.waitForURL(/\/pairs\/[0-9a-f-]+$/);
    await menteeView.page.getByRole("link", { name: "Notifications", exact: true }).waitFor();

    await Promise.all([admin.context.close(), mentorView.context.close(), menteeView.context.close()]);
  });

  it("suggests pairs for everyone waiting, publishes the ticked ones in one action and reports the one that failed", async () => {
    const setup = await groupWithProgram();
    const [mentorA, mentorB] = [await applicant(setup, "Ada Mentor", "mentor"), await applicant(setup, "Ben Mentor", "mentor")];
    const mentees = [
      await applicant(setup, "Cleo Mentee", "mentee"),
      await applicant(setup, "Dev Mentee", "mentee"),
      await applicant(setup, "Eva Mentee", "mentee"),
    ];
    await Promise.all([...[mentorA, mentorB], ...mentees].map((who) => setProfile(who, { topics: ["careers"], languages: ["en"], timeZone: "Europe/London" })));

    const admin = await signedInPage(browser(), setup.admin);
    await admin.page.goto(`/programs/${setup.program.id}/applicants`);
    await admin.page.getByRole("button", { name: "Suggest all pairs" }).click();
    const review = admin.page.getByRole("region", { name: "Suggested pairs" });
    await review.waitFor();
    const boxes = review.getByRole("checkbox");
    expect(await boxes.count()).toBe(3);
    for (const box of await boxes.all()) expect(await box.isChecked()).toBe(true);
    await review.getByText("Shared topics: careers").first().waitFor();

    // Untick Eva's proposal; Dev withdraws before the admin confirms, so his pair fails.
    await review.getByRole("checkbox", { name: /^Eva Mentee with mentor/ }).uncheck();
    await admin.page.setViewportSize({ width: 390, height: 844 });
    await screenshot(admin.page, "applicants-suggest-all-phone");
    await admin.page.setViewportSize({ width: 1280, height: 860 });
    await screenshot(admin.page, "applicants-suggest-all-desktop");
    const devApplication = (await mentees[1]!.call<{ applications: { id: string }[] }>("GET", `/applications?programId=${setup.program.id}`)).applications[0]!;
    await mentees[1]!.call("DELETE", `/applications/${devApplication.id}`);

    await review.getByRole("button", { name: "Publish 2 pairs" }).click();
    const confirm = admin.page.getByRole("dialog", { name: "Publish 2 pairs?" });
    await confirm.getByRole("button", { name: "Publish" }).click();
    await review.getByText("Pairs created: 1 of 2.").waitFor();
    const failures = review.getByRole("alert");
    await failures.getByText("1 pair was not created").waitFor();
    await failures.getByText(/Dev Mentee and (Ada|Ben) Mentor/).waitFor();
    await failures.getByText("One of them has withdrawn their application.").waitFor();
    await review.getByText("Created", { exact: true }).waitFor();

    // Cleo is paired; Eva still waits, and can still be paired from the board.
    await review.getByRole("button", { name: "Done" }).click();
    await review.waitFor({ state: "detached" });
    await admin.page.getByRole("button", { name: "Find a mentor for Eva Mentee" }).waitFor();
    expect(await admin.page.getByRole("button", { name: "Find a mentor for Cleo Mentee" }).count()).toBe(0);
    const pairs = await setup.admin.call<{ pairs: { mentee: { displayName: string } }[] }>("GET", `/programs/${setup.program.id}/pairs`);
    expect(pairs.pairs.map((p) => p.mentee.displayName)).toEqual(["Cleo Mentee"]);
    await admin.context.close();
  });
});
