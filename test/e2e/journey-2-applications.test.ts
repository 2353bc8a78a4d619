// Journey 2 in a real browser() against the real worker: two members join an admin's group by its invite
// link, one applies as a mentor and one as a mentee through the sign-up form, and the admin's applicants
// board shows both. Also: the form's own checks, editing and withdrawing an application, "My
// applications", a non-admin on the board, and the screenshots of the sign-up form.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { hasBrowser, SCREENSHOTS, useBrowser } from "./browser.ts";
import { groupWithProgram, person, signedInPage } from "./fixtures.ts";

async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Opens the invite link as a signed-in member and joins the group. */
async function joinByInvite(page: Page, token: string) {
  await page.goto(`/invite/${token}`);
  await page.getByRole("button", { name: /join/i }).click();
  // Joining leads to the group's page.
  await page.waitForURL(/\/groups\/[^/]+$/);
}

async function fillMentorForm(page: Page) {
  await page.getByLabel("What can you help with?").fill("Moving into management, preparing for interviews and negotiating a raise.");
  await page.getByLabel("Why do you want to mentor someone?").fill("Someone helped me early on; I want to pass it on.");
  const topics = page.getByRole("group", { name: /Which topics can you mentor on/ });
  await topics.getByRole("checkbox", { name: "Moving into leadership" }).check();
  await topics.getByRole("checkbox", { name: "CV and interviews" }).check();
  await page
    .getByRole("group", { name: /When are you usually available/ })
    .getByRole("checkbox", { name: "Weekday evenings" })
    .check();
  await page.getByLabel("How and when is it best to reach you?").fill("Chat messages on weekdays, a video call every other Tuesday.");
  await page.getByLabel("How many mentees can you take on?").selectOption("1");
}

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

describe.skipIf(!hasBrowser())("journey 2: members join by invite link and apply", () => {
  const browser = useBrowser();

  it("two members join by the invite link, apply as mentor and mentee, and the admin's board shows both", async () => {
    const setup = await groupWithProgram();
    const applyPath = `/programs/${setup.program.id}/apply`;
    const mentorPerson = await person("Jonas Weber");
    const menteePerson = await person("Léa Martin");

    // The mentor: joins, checks the form's own required answers, then applies.
    const mentor = await signedInPage(browser(), mentorPerson);
    await joinByInvite(mentor.page, setup.inviteToken);
    await mentor.page.goto(applyPath);
    await mentor.page.getByRole("heading", { level: 1, name: `Apply to ${setup.program.title}` }).waitFor();
    await mentor.page.getByText("Choose a role above to see its questions.").waitFor();
    await mentor.page.getByRole("radio", { name: /^Mentor\b/ }).check();
    await mentor.page.getByRole("heading", { name: "Apply as a mentor" }).waitFor();
    await screenshot(mentor.page, "apply-form-desktop");

    await mentor.page.getByRole("button", { name: "Apply as a mentor" }).click();
    await mentor.page.getByText("Some answers need your attention.").waitFor();
    const helpWith = mentor.page.getByLabel("What can you help with?");
    expect(await helpWith.getAttribute("aria-invalid")).toBe("true");
    expect(await helpWith.evaluate((el) => el === document.activeElement)).toBe(true);
    const errorId = (await helpWith.getAttribute("aria-describedby"))!.split(" ").find((id) => id.endsWith("-error"))!;
    expect(await mentor.page.locator(`[id="${errorId}"]`).textContent()).toContain("Please answer this question.");
    expect(
      await mentor.page
        .getByRole("group", { name: /Which topics can you mentor on/ })
        .getByText("Please choose at least one option.")
        .isVisible(),
    ).toBe(true);
    await screenshot(mentor.page, "apply-form-errors-desktop");

    await fillMentorForm(mentor.page);
    expect(await helpWith.getAttribute("aria-invalid")).toBeNull();
    await mentor.page.getByRole("button", { name: "Apply as a mentor" }).click();
    await mentor.page.getByText(/Your application as a mentor has been sent/).waitFor();
    await mentor.page.getByRole("heading", { name: "Your application as a mentor" }).waitFor();
    await mentor.page.getByText("CV and interviews, Moving into leadership").waitFor();
    await mentor.page.getByText("Up to 1 mentee").waitFor();

    // The mentee, on a phone.
    const mentee = await signedInPage(browser(), menteePerson, { phone: true });
    await joinByInvite(mentee.page, setup.inviteToken);
    await mentee.page.goto(`${applyPath}?role=mentee`);
    await mentee.page.getByRole("heading", { name: "Apply as a mentee" }).waitFor();
    expect(await mentee.page.getByRole("radio", { name: /^Mentee\b/ }).isChecked()).toBe(true);
    // Mentees are not asked for a capacity.
    expect(await mentee.page.getByLabel("How many mentees can you take on?").count()).toBe(0);
    await fillMenteeForm(mentee.page);
    await screenshot(mentee.page, "apply-form-phone");
    await mentee.page.getByRole("button", { name: "Apply as a mentee" }).click();
    await mentee.page.getByRole("heading", { name: "Your application as a mentee" }).waitFor();
    await mentee.page.getByText("Mid-career").waitFor();
    await screenshot(mentee.page, "apply-submitted-phone");

    // A member who is not an admin is told the board is for admins.
    await mentee.page.goto(`/programs/${setup.program.id}/applicants`);
    await mentee.page.getByText("Only the group’s admins can see the applicants").waitFor();

    // The admin's board shows both, with the answers, and the mentor's places.
    const admin = await signedInPage(browser(), setup.admin);
    await admin.page.goto(`/programs/${setup.program.id}/applicants`);
    await admin.page.getByRole("heading", { level: 1, name: "Applicants" }).waitFor();
    const mentees = admin.page.getByRole("region", { name: /Mentees/ });
    const mentors = admin.page.getByRole("region", { name: /Mentors/ });
    await mentees.getByRole("heading", { name: "Léa Martin" }).waitFor();
    await mentors.getByRole("heading", { name: "Jonas Weber" }).waitFor();
    await mentors.getByText("Places taken: 0 of 1").waitFor();
    await mentors.getByText("1 place left").waitFor();
    await mentees.getByText("Answers").click();
    await mentees.getByText("Preparing for my first team lead interview.").waitFor();
    expect(await admin.page.getByRole("button", { name: "Find a mentor for Léa Martin" }).isVisible()).toBe(true);

    // The filters: mentors only, then waiting only.
    await admin.page.getByLabel("Show").selectOption("mentor");
    await mentees.waitFor({ state: "detached" });
    expect(await mentors.getByRole("heading", { name: "Jonas Weber" }).isVisible()).toBe(true);
    await admin.page.getByLabel("Show").selectOption("all");
    await admin.page.getByLabel("Status").selectOption("withdrawn");
    await mentees.getByText("No mentees match these filters.").waitFor();

    await Promise.all([mentor.context.close(), mentee.context.close(), admin.context.close()]);
  });

  it("edits and withdraws an application, lists it under My applications, and refuses a closed program", async () => {
    const setup = await groupWithProgram();
    const member = await person("Sam Rivera");
    await member.call("POST", `/invites/${setup.inviteToken}/accept`);
    const { page, context } = await signedInPage(browser(), member);

    await page.goto("/applications");
    await page.getByRole("heading", { name: "You haven’t applied to a program yet" }).waitFor();

    await page.goto(`/programs/${setup.program.id}/apply?role=mentor`);
    await fillMentorForm(page);
    await page.getByRole("button", { name: "Apply as a mentor" }).click();
    await page.getByRole("heading", { name: "Your application as a mentor" }).waitFor();

    // Edit: the form comes back filled in; the change is saved.
    await page.getByRole("button", { name: "Edit" }).click();
    await page.getByRole("heading", { name: "Edit your mentor application" }).waitFor();
    expect(await page.getByLabel("Why do you want to mentor someone?").inputValue()).toBe("Someone helped me early on; I want to pass it on.");
    await page.getByLabel("Why do you want to mentor someone?").fill("I enjoy watching people grow.");
    await page.getByLabel("How many mentees can you take on?").selectOption("2");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Your changes are saved.").waitFor();
    await page.getByText("I enjoy watching people grow.").waitFor();
    await page.getByText("Up to 2 mentees").waitFor();

    // My applications lists it with a link back to it.
    await page.goto("/applications");
    const item = page.getByRole("listitem").filter({ hasText: setup.program.title });
    await item.getByText("Waiting").waitFor();
    await item.getByText("Women in Tech").waitFor();
    await item.getByRole("link", { name: /View or edit/ }).click();
    await page.getByRole("heading", { name: "Your application as a mentor" }).waitFor();

    // Withdraw asks first; cancelling changes nothing.
    await page.getByRole("button", { name: "Withdraw" }).click();
    const dialog = page.getByRole("dialog", { name: "Withdraw your application?" });
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Withdraw" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Withdraw" }).click();
    await page.getByText("You withdrew your application.").waitFor();
    // The form is back, filled in, to apply again.
    await page.getByRole("heading", { name: "Apply as a mentor" }).waitFor();
    expect(await page.getByLabel("Why do you want to mentor someone?").inputValue()).toBe("I enjoy watching people grow.");

    // A closed program says so instead of showing the form.
    await setup.admin.call("POST", `/programs/${setup.program.id}/status`, { status: "closed" });
    await page.goto(`/programs/${setup.program.id}/apply?role=mentee`);
    await page.getByText("Sign-ups for this program are closed").waitFor();
    expect(await page.getByRole("button", { name: "Apply as a mentee" }).count()).toBe(0);
    await context.close();
  });
});
