// Journey 1 from PRODUCT.md, entirely in the browser(): a new person signs up (an under-18 birth date is
// refused first), creates a group, creates a program from the career advancement template, edits one
// step and opens sign-ups. A second test captures the group page and the editor for design review.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { hasBrowser, newPerson, SCREENSHOTS, uniqueEmail, useBrowser } from "./browser.ts";
import { applicant, groupWithProgram, signedInPage } from "./fixtures.ts";

const PASSWORD = "a long enough password";

/** A calendar date `years` years before today (plus `extraDays`), as YYYY-MM-DD. */
function yearsAgo(years: number, extraDays = 0): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() - years);
  date.setUTCDate(date.getUTCDate() + extraDays);
  return date.toISOString().slice(0, 10);
}

async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

describe.skipIf(!hasBrowser())("journey 1: set up a program", () => {
  const browser = useBrowser();

  it("signs up, creates a group and a program from a template, edits week 2 and opens sign-ups", async () => {
    const { context, page } = await newPerson(browser());

    // Sign up: an under-18 birth date is refused with a clear message, then a valid one is accepted.
    await page.goto("/signup");
    await page.getByLabel("Email").fill(uniqueEmail("journey1"));
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByLabel("Your name").fill("Amara Okafor");
    await page.getByLabel("Date of birth").fill(yearsAgo(17));
    await page.getByRole("button", { name: "Create account" }).click();
    await page.locator("form").getByText("You must be 18 or older to join.").waitFor();
    expect(await page.getByLabel("Date of birth").getAttribute("aria-invalid")).toBe("true");
    expect(new URL(page.url()).pathname).toBe("/signup");

    await page.getByLabel("Date of birth").fill("1986-04-02");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { name: "You are not in any group yet" }).waitFor();

    // Create a group.
    await page.getByRole("link", { name: "Create a group" }).click();
    await page.waitForURL("**/groups/new");
    await page.getByRole("heading", { level: 1, name: "Create a group" }).waitFor();
    // Submitting empty explains what is missing, next to each field.
    await page.getByRole("button", { name: "Create group" }).click();
    await page.getByText("Enter a name for the group.").waitFor();
    await page.getByText("Choose the group’s focus.").waitFor();
    await screenshot(page, "new-group-errors-desktop");

    await page.getByLabel("Group name").fill("Women in Tech Berlin");
    await page.getByLabel("Description").fill("Peer mentoring for women working in tech in Berlin.");
    await page.getByRole("radio", { name: /Professional development/ }).check();
    await page.getByRole("button", { name: "Create group" }).click();
    await page.waitForURL(/\/groups\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { level: 1, name: "Women in Tech Berlin" }).waitFor();
    const groupUrl = page.url();
    await page.getByRole("heading", { name: "No programs yet" }).waitFor();
    await page.getByRole("heading", { name: "No invite links yet" }).waitFor();

    // Create a program from the career advancement template.
    await page.getByRole("button", { name: "New program" }).click();
    await page.getByRole("heading", { name: "Choose a template" }).waitFor();
    const careerCard = page.locator(".template-card", { has: page.getByRole("heading", { name: "Career advancement" }) });
    await careerCard.getByText(/\d+ weeks/).waitFor();
    await careerCard.getByRole("button", { name: /Use this template/ }).click();
    await page.waitForURL(/\/programs\/[0-9a-f-]{36}\/edit$/);
    await page.getByRole("heading", { level: 1, name: "Edit program" }).waitFor();
    expect(await page.getByLabel("Title", { exact: true }).inputValue()).toBe("Career advancement");

    // Edit week 2's title and save.
    const week2 = page.locator(".edit-item", { has: page.getByRole("button", { name: /^Week 2/ }) });
    await week2.getByRole("button", { name: /^Week 2/ }).click();
    const stepTitle = week2.getByLabel("Step title");
    expect(await stepTitle.inputValue()).toBe("Clarify your goals and values");
    await stepTitle.fill("Set goals that matter to you");
    await page.getByText("Unsaved changes").waitFor();

    // An empty activity is caught before saving, next to the field.
    await week2.getByRole("button", { name: "Add an activity" }).click();
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Some fields need your attention").waitFor();
    await week2.getByText("This can’t be empty.").waitFor();
    const activities = week2.getByRole("textbox", { name: /^Activity \d+$/ });
    const count = await activities.count();
    await week2.getByRole("button", { name: `Remove activity ${count}` }).click();

    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("All changes saved").waitFor();

    // The program page shows the edit; opening sign-ups makes it open.
    await page.getByRole("link", { name: "View program" }).click();
    await page.waitForURL(/\/programs\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { level: 1, name: "Career advancement" }).waitFor();
    await page.getByText("This program is a draft").waitFor();
    await page.getByRole("button", { name: "Open sign-ups" }).click();
    await page.getByRole("heading", { name: "Sign-ups are open" }).waitFor();
    expect(await page.locator(".program-hero .status-badge").textContent()).toContain("Open for sign-ups");
    await page.getByRole("heading", { level: 3, name: "Set goals that matter to you" }).waitFor();
    expect(await page.getByRole("link", { name: "Sign up" }).getAttribute("href")).toMatch(/\/programs\/[0-9a-f-]{36}\/apply$/);
    // Open → closed is the only change from here.
    expect(await page.getByRole("button", { name: "Close sign-ups" }).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Open sign-ups" }).count()).toBe(0);

    // After a reload the edit and the status are still there.
    await page.reload();
    await page.getByRole("heading", { level: 3, name: "Set goals that matter to you" }).waitFor();
    expect(await page.locator(".program-hero .status-badge").textContent()).toContain("Open for sign-ups");

    // Back on the group page the program is listed as open.
    await page.goto(groupUrl);
    const programCard = page.locator(".program-card", { has: page.getByRole("link", { name: "Career advancement" }) });
    expect(await programCard.locator(".status-badge").textContent()).toContain("Open for sign-ups");
    await context.close();
  });

  it("lets an admin edit the group in place, change roles, and tells the last owner they cannot leave", async () => {
    const setup = await groupWithProgram("Amara Okafor");
    await applicant(setup, "Jonas Weber", "mentor");
    const { context, page } = await signedInPage(browser(), setup.admin);
    await page.goto(`/groups/${setup.group.id}`);
    await page.getByRole("heading", { level: 1, name: "Women in Tech" }).waitFor();

    // Inline edit: the form replaces the description; saving shows the new text.
    await page.getByRole("button", { name: "Edit group" }).click();
    const form = page.getByRole("form", { name: "Edit the group’s details" });
    await form.getByLabel("Group name").fill("");
    await form.getByRole("button", { name: "Save changes" }).click();
    await form.getByText("Enter a name for the group.").waitFor();
    await form.getByLabel("Group name").fill("Women in Tech Europe");
    await form.getByLabel("Description").fill("Peer mentoring across Europe.");
    await form.getByRole("radio", { name: /Personal development/ }).check();
    await form.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("heading", { level: 1, name: "Women in Tech Europe" }).waitFor();
    await page.getByText("Peer mentoring across Europe.").waitFor();
    await page.locator(".group-hero").getByText("Personal development").waitFor();

    // Promote, then demote, a member.
    const jonas = page.locator(".member", { hasText: "Jonas Weber" });
    await jonas.getByRole("button", { name: "Manage Jonas Weber" }).click();
    await jonas.getByRole("button", { name: /^Make admin/ }).click();
    await jonas.locator(".role-badge", { hasText: "Admin" }).waitFor();
    await jonas.getByRole("button", { name: /^Remove admin role/ }).click();
    await jonas.locator(".role-badge", { hasText: "Member" }).waitFor();

    // The only owner cannot leave, and is told why before being asked to confirm anything.
    await page.getByRole("button", { name: "Leave group" }).click();
    await page.getByText(/You are the only owner of .+, so you can’t leave it yet\. Make another member an owner first/).waitFor();
    expect(await page.getByRole("dialog").count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe(`/groups/${setup.group.id}`);
    await context.close();
  });

  it("edits a program: keyboard reordering, a new choice question, unsaved-changes warning and a version conflict", async () => {
    const setup = await groupWithProgram("Amara Okafor");
    const { context, page } = await signedInPage(browser(), setup.admin);
    await page.goto(`/programs/${setup.program.id}/edit`);
    await page.getByRole("heading", { level: 1, name: "Edit program" }).waitFor();

    // Move week 2 up with the keyboard: focus follows the moved step.
    await page.getByRole("button", { name: "Move week 2 up" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: /^Week 1.*Clarify your goals and values$/ }).waitFor();
    await page.getByRole("button", { name: /^Week 2.*Get to know each other$/ }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("title"))).toBe("Move week 1 down");
    await page.getByText("“Clarify your goals and values” is now week 1.").waitFor();

    // A new single-choice question for mentees starts with two empty choices.
    await page.getByRole("button", { name: "Add a question for mentees" }).click();
    const mentees = page.getByRole("region", { name: "Questions for mentees" });
    const question = mentees.locator(".edit-item").last();
    await question.getByRole("button", { name: /Untitled question/ }).waitFor();
    await question.getByLabel("Answer type").selectOption("single_choice");
    await question.getByLabel("Question", { exact: true }).fill("Which language would you like to use?");
    await question.getByRole("textbox", { name: "Choice 1" }).fill("English");
    await question.getByRole("textbox", { name: "Choice 2" }).fill("French");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("All changes saved").waitFor();

    const { program } = await setup.admin.call("GET", `/programs/${setup.program.id}`);
    expect(program.steps[0].title).toBe("Clarify your goals and values");
    const added = program.questions.mentee.at(-1);
    expect(added).toMatchObject({ kind: "single_choice", label: "Which language would you like to use?", required: true });
    expect(added.id).toMatch(/^question-[a-z0-9]+$/);
    expect(added.choices.map((choice: { label: string }) => choice.label)).toEqual(["English", "French"]);

    // Leaving with unsaved changes asks first.
    await page.getByLabel("Title", { exact: true }).fill("Career advancement, autumn");
    await page.getByRole("link", { name: "Back to the program" }).click();
    const leave = page.getByRole("dialog", { name: "Leave without saving?" });
    await leave.getByRole("button", { name: "Keep editing" }).click();
    expect(new URL(page.url()).pathname).toBe(`/programs/${setup.program.id}/edit`);

    // Another admin saves meanwhile: saving now reports the conflict and offers a reload.
    await setup.admin.call("PATCH", `/programs/${setup.program.id}`, { title: "Changed elsewhere" });
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Someone else changed this program").waitFor();
    await page.getByRole("button", { name: "Reload" }).click();
    await page.getByRole("dialog", { name: "Reload the program?" }).getByRole("button", { name: "Reload" }).click();
    await page.getByRole("heading", { level: 1, name: "Edit program" }).waitFor();
    await page.waitForFunction(() => (document.querySelector('input[name="title"]') as HTMLInputElement | null)?.value === "Changed elsewhere");

    // Nothing unsaved now: the link leaves at once.
    await page.getByRole("link", { name: "Back to the program" }).click();
    await page.getByRole("heading", { level: 1, name: "Changed elsewhere" }).waitFor();
    await context.close();
  });

  it("captures the group page (admin, with members, programs and invites) and the editor for review", async () => {
    const setup = await groupWithProgram("Amara Okafor");
    await applicant(setup, "Jonas Weber", "mentor");
    await applicant(setup, "Léa Martin", "mentee");
    // A draft next to the open program, as admins see it.
    await setup.admin.call("POST", `/groups/${setup.group.id}/programs`, { templateId: "skill-development", locale: "en" });

    for (const phone of [false, true]) {
      const suffix = phone ? "phone" : "desktop";
      const { context, page } = await signedInPage(browser(), setup.admin, { phone });
      await page.goto(`/groups/${setup.group.id}`);
      await page.getByRole("heading", { level: 1, name: "Women in Tech" }).waitFor();
      await page.getByRole("link", { name: "Career advancement" }).waitFor();
      await page.getByText("Léa Martin", { exact: true }).waitFor();
      await page.getByRole("button", { name: "Create invite link" }).click();
      await page.getByText("This link is shown only once.", { exact: false }).waitFor();
      await page.getByRole("button", { name: "Manage Jonas Weber" }).click();
      await page.getByRole("button", { name: /^Make admin/ }).waitFor();
      await page.getByRole("button", { name: "New program" }).click();
      await page.getByRole("button", { name: /^Use this template.*Career advancement$/ }).waitFor();
      await screenshot(page, `group-page-admin-${suffix}`);

      await page.goto(`/programs/${setup.program.id}/edit`);
      await page.getByRole("heading", { level: 1, name: "Edit program" }).waitFor();
      await page.getByRole("button", { name: /^Week 1/ }).click();
      await page
        .getByRole("button", { name: /^Question 1/ })
        .first()
        .click();
      await screenshot(page, `program-editor-${suffix}`);

      await page.goto(`/programs/${setup.program.id}`);
      await page.getByRole("heading", { name: "Sign-ups are open" }).waitFor();
      await screenshot(page, `program-page-admin-${suffix}`);
      await context.close();
    }

    // German has the longest words: check the group page still fits a phone.
    const german = await signedInPage(browser(), setup.admin, { phone: true, locale: "de-DE" });
    await german.page.addInitScript(() => localStorage.setItem("lang", "de"));
    await german.page.goto(`/groups/${setup.group.id}`);
    await german.page.getByRole("heading", { name: "Mitglieder" }).waitFor();
    await german.page.getByRole("button", { name: "Jonas Weber verwalten" }).click();
    await german.page.getByRole("button", { name: "Neues Programm" }).click();
    await german.page.getByRole("heading", { name: "Wähle eine Vorlage" }).waitFor();
    await screenshot(german.page, "group-page-admin-phone-de");
    await german.context.close();
  });
});
