// Journey 11: a mentor in Paris proposes two meeting times; the mentee in Montreal sees both in her time
// and his, accepts one, and both see "Next meeting"; she downloads the .ics. They set a goal, mark it
// achieved at the end and answer the end feedback; the admin's report shows the completed pair and the goal
// achieved, and no rating until a third person answers.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { wallTimeToUtc } from "../../shared/rules/meetings.ts";
import { SCREENSHOTS, hasBrowser, useBrowser } from "./browser.ts";
import { activePair, signedInPage } from "./fixtures.ts";
import { openBoth } from "./pair-page.ts";

const DAY = 86_400_000;
/** "YYYY-MM-DD" of the day `days` from now, in a zone. */
const dayIn = (days: number, timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone }).format(Date.now() + days * DAY);
const hhmm = (at: number, timeZone: string) => new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
const weekday = (at: number, timeZone: string) => new Intl.DateTimeFormat("en", { timeZone, weekday: "short" }).format(at);

describe.skipIf(!hasBrowser())("journey 11: the weekly rhythm", () => {
  const browser = useBrowser();

  it("schedules a meeting across time zones, sets a goal, and reports the outcome without content", async () => {
    const setup = await activePair();
    await setup.mentor.call("PATCH", "/me", { timeZone: "Europe/Paris" });
    await setup.mentee.call("PATCH", "/me", { timeZone: "America/Montreal" });
    const mentor = await signedInPage(browser(), setup.mentor);
    const mentee = await signedInPage(browser(), setup.mentee);
    await openBoth(mentor.page, mentee.page, setup.pairId);

    // Jonas, in Paris, proposes two evenings at 18:00 his time.
    const walls = [`${dayIn(3, "Europe/Paris")}T18:00`, `${dayIn(4, "Europe/Paris")}T18:00`];
    const instants = walls.map((wall) => wallTimeToUtc(wall, "Europe/Paris")!);
    await mentor.page.getByRole("tab", { name: "Meetings" }).click();
    await mentor.page.getByRole("button", { name: "Propose a meeting" }).click();
    await mentor.page.getByLabel("Time 1", { exact: true }).fill(walls[0]!);
    await mentor.page.getByRole("button", { name: "Add another time" }).click();
    await mentor.page.getByLabel("Time 2", { exact: true }).fill(walls[1]!);
    await mentor.page.getByLabel("Place or video link (optional)").fill("https://meet.example.org/jonas-lea");
    await mentor.page.getByLabel("Agenda (optional)").fill("Promotion case outline");
    await mentor.page.getByRole("button", { name: "Send proposal" }).click();
    await mentor.page.getByText("You proposed these times. Lea Mentee picks one.").waitFor();
    // The form closes once the server has answered.
    await mentor.page.getByRole("button", { name: "Propose a meeting" }).waitFor();
    expect(await mentor.page.getByRole("button", { name: /Send proposal|Sending/ }).count()).toBe(0);

    // Léa, in Montreal, sees both times live: hers first, then his.
    await mentee.page.getByRole("tab", { name: "Meetings" }).click();
    const options = mentee.page.getByTestId("meeting-option");
    await options.nth(1).waitFor();
    for (const [i, at] of instants.entries()) {
      const text = await options.nth(i).innerText();
      expect(text).toContain(`${weekday(at, "America/Montreal")} ${hhmm(at, "America/Montreal")} for you, 18:00 for Jonas Mentor`);
    }
    await mentee.page.screenshot({ path: join(SCREENSHOTS, "rhythm-proposal-desktop.png"), fullPage: true });
    await options
      .nth(1)
      .getByRole("button", { name: /^Accept/ })
      .click();

    // Both see the next meeting, each in their own time first.
    const nextMentee = mentee.page.getByTestId("next-meeting");
    await nextMentee.waitFor();
    expect(await nextMentee.innerText()).toContain(`${hhmm(instants[1]!, "America/Montreal")} for you, 18:00 for Jonas Mentor`);
    const nextMentor = mentor.page.getByTestId("next-meeting");
    await nextMentor.waitFor();
    expect(await nextMentor.innerText()).toContain(`18:00 for you, ${hhmm(instants[1]!, "America/Montreal")} for Lea Mentee`);

    // She adds it to her calendar: a real .ics file with the agreed time in UTC.
    const [download] = await Promise.all([mentee.page.waitForEvent("download"), mentee.page.getByRole("link", { name: "Add to calendar (.ics)" }).click()]);
    const ics = readFileSync((await download.path())!, "utf8");
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")!);
    expect(event.startDate.toJSDate().getTime()).toBe(instants[1]);
    expect(event.location).toBe("https://meet.example.org/jonas-lea");

    // They set a goal; Jonas sees it at once.
    await mentee.page.getByRole("button", { name: "Write our goal" }).click();
    await mentee.page.getByLabel("What is the goal?").fill("Submit my promotion case");
    await mentee.page.getByLabel("How will you know you reached it?").fill("My manager has it");
    await mentee.page.getByRole("button", { name: "Save goal" }).click();
    await mentor.page.getByText("Submit my promotion case").waitFor();
    // Opening the editor and leaving it keeps the goal as it was.
    await mentor.page.getByRole("button", { name: "Edit goal" }).click();
    expect(await mentor.page.getByLabel("What is the goal?").inputValue()).toBe("Submit my promotion case");
    await mentor.page.getByRole("button", { name: "Cancel", exact: true }).click();
    await mentor.page.getByText("Submit my promotion case").waitFor();
    await mentor.page.screenshot({ path: join(SCREENSHOTS, "rhythm-goal-desktop.png"), fullPage: true });

    // At the end: achieved, then completed, then the end feedback.
    await mentor.page.getByLabel("Progress").selectOption("achieved");
    await mentor.page.getByRole("button", { name: "Update progress" }).click();
    await mentee.page.getByTestId("goal-state").getByText("Achieved").waitFor();
    await setup.mentor.call("POST", `/pairs/${setup.pairId}/end`, { outcome: "completed" });
    const feedback = mentee.page.getByTestId("feedback");
    await feedback.waitFor({ timeout: 10_000 });
    await feedback.getByText("5 · Very well").click();
    await feedback.getByRole("group", { name: "Did you reach your goal?" }).getByText("Yes").click();
    await feedback.getByRole("group", { name: "Would you take part again?" }).getByText("Yes").click();
    await feedback.getByLabel("Anything to add? (only you see it)").fill("Jonas was wonderful");
    await feedback.getByRole("button", { name: "Send my answer" }).click();
    await feedback.getByText("Thank you for answering.", { exact: false }).waitFor();

    const phone = await signedInPage(browser(), setup.mentee, { phone: true });
    await phone.page.goto(`/pairs/${setup.pairId}`);
    await phone.page.getByRole("tab", { name: "Meetings" }).click();
    await phone.page.getByTestId("goal").waitFor();
    await phone.page.screenshot({ path: join(SCREENSHOTS, "rhythm-phone.png"), fullPage: true });
    await phone.context.close();

    // The admin's report: the completed pair, the goal achieved, no rating with a single answer, no content.
    const admin = await signedInPage(browser(), setup.admin);
    await admin.page.goto(`/programs/${setup.program.id}/report`);
    await admin.page.getByTestId("figure-completed").getByText("1", { exact: true }).waitFor();
    expect(await admin.page.getByTestId("figure-goalsAchieved").locator("dd").innerText()).toBe("1");
    expect(await admin.page.getByTestId("report-row").innerText()).toContain("Achieved");
    expect(await admin.page.getByTestId("feedback-rating").nth(1).innerText()).toContain("Shown once at least 3 people have answered.");
    await admin.page.locator(".report-chart__plot canvas").waitFor();
    const body = await admin.page.locator("body").innerText();
    for (const secret of ["Submit my promotion case", "Promotion case outline", "Jonas was wonderful", "meet.example.org"]) expect(body).not.toContain(secret);
    await admin.page.screenshot({ path: join(SCREENSHOTS, "rhythm-report-desktop.png"), fullPage: true });
    const adminPhone = await signedInPage(browser(), setup.admin, { phone: true });
    await adminPhone.page.goto(`/programs/${setup.program.id}/report`);
    await adminPhone.page.locator(".report-chart__plot canvas").waitFor();
    await adminPhone.page.screenshot({ path: join(SCREENSHOTS, "rhythm-report-phone.png"), fullPage: true });

    await adminPhone.context.close();
    await admin.context.close();
    await mentor.context.close();
    await mentee.context.close();
  });
});
