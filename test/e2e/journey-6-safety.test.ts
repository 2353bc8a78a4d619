// Journey 6: the mentee reports one of the mentor's messages, and the group's admin sees that one message
// (and nothing else of the pair's space) in the report queue. Then the mentee blocks the mentor: the
// mentor's open socket is closed, their page says so within two seconds, and they can send nothing more.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hasBrowser, SCREENSHOTS, useBrowser } from "./browser.ts";
import { chatLog, openActions, openBoth, pairAction, send } from "./pair-page.ts";
import { activePair, signedInPage } from "./fixtures.ts";

describe.skipIf(!hasBrowser())("journey 6: reporting and blocking", () => {
  const browser = useBrowser();

  it("reports one message to the admins, then blocks the mentor, whose page stops within two seconds", async () => {
    const setup = await activePair();
    const mentor = await signedInPage(browser(), setup.mentor);
    const mentee = await signedInPage(browser(), setup.mentee);
    await openBoth(mentor.page, mentee.page, setup.pairId);

    const harmless = "Here is my first tip: keep a brag document.";
    const reported = "Honestly, people like you never get promoted.";
    await send(mentor.page, "Lea Mentee", harmless);
    await send(mentor.page, "Lea Mentee", reported);
    await send(mentee.page, "Jonas Mentor", "That was not kind.");
    await chatLog(mentee.page).getByText(reported, { exact: true }).waitFor();

    // My own messages cannot be reported; the other person's each can.
    const myMessage = chatLog(mentee.page).getByRole("listitem").filter({ hasText: "That was not kind." });
    expect(await myMessage.getByRole("button").count()).toBe(0);

    // The mentee reports exactly that message, with a reason.
    const message = chatLog(mentee.page).getByRole("listitem").filter({ hasText: reported });
    await message.hover();
    await message.getByRole("button", { name: "Report this message from Jonas Mentor" }).click();
    const dialog = mentee.page.getByRole("dialog", { name: "Report this message?" });
    await dialog.waitFor();
    expect(await dialog.getByText(reported, { exact: true }).isVisible()).toBe(true);
    // A reason is required.
    await dialog.getByRole("button", { name: "Send report" }).click();
    await dialog.getByText("Please fill this in.").waitFor();
    await dialog.getByLabel("What is wrong?").fill("Demeaning remark about my chances.");
    await dialog.getByRole("button", { name: "Send report" }).click();
    await dialog.waitFor({ state: "detached" });
    await message.getByText("Reported to the group’s admins").waitFor();
    await mentee.page.getByRole("status").filter({ hasText: "Reported to the group’s admins." }).waitFor();
    await mentee.page.screenshot({ path: join(SCREENSHOTS, "pair-reported-desktop.png"), fullPage: true });

    // The admin's queue holds that one message, and nothing else of the pair's space.
    const { reports } = await setup.admin.call<{
      reports: { reporter: { id: string }; reported: { id: string }; reason: string; message: { body: string } | null }[];
    }>("GET", `/groups/${setup.group.id}/reports`);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.reporter.id).toBe(setup.mentee.userId);
    expect(reports[0]!.reported.id).toBe(setup.mentor.userId);
    expect(reports[0]!.reason).toBe("Demeaning remark about my chances.");
    expect(reports[0]!.message?.body).toBe(reported);
    expect(JSON.stringify(reports)).not.toContain(harmless);
    expect(JSON.stringify(reports)).not.toContain("That was not kind.");

    const admin = await signedInPage(browser(), setup.admin);
    await admin.page.goto(`/groups/${setup.group.id}/reports`);
    await admin.page.getByText(reported, { exact: true }).waitFor();
    expect(await admin.page.getByText("Demeaning remark about my chances.").isVisible()).toBe(true);
    expect(await admin.page.getByText(harmless).count()).toBe(0);
    expect(await admin.page.getByText("That was not kind.").count()).toBe(0);
    await admin.context.close();

    // The mentee blocks the mentor, after a warning.
    await pairAction(mentee.page, "Block Jonas Mentor");
    const blockDialog = mentee.page.getByRole("dialog", { name: "Block Jonas Mentor?" });
    await blockDialog.getByRole("button", { name: "Block" }).click();
    const blockedAt = Date.now();

    // The mentor's open page learns it at once: socket closed, banner shown, nothing can be sent.
    await mentor.page.getByText("Contact in this mentorship has stopped.", { exact: false }).waitFor({ timeout: 2_000 });
    expect(Date.now() - blockedAt).toBeLessThan(2_000);
    const mentorComposer = mentor.page.getByLabel("Message to Lea Mentee");
    expect(await mentorComposer.isDisabled()).toBe(true);
    expect(await mentor.page.getByRole("button", { name: "Send" }).isDisabled()).toBe(true);
    expect(await mentor.page.getByRole("checkbox", { name: /Introduce yourselves/ }).isDisabled()).toBe(true);
    expect(await mentor.page.locator(".pair-header").getByText("Online", { exact: true }).count()).toBe(0);
    // What was said stays readable.
    expect(await chatLog(mentor.page).getByText(harmless, { exact: true }).isVisible()).toBe(true);

    // The mentee's side says who blocked whom, and offers to undo it.
    await mentee.page.getByText("You blocked Jonas Mentor.", { exact: false }).waitFor();
    // "Unblock" waits in the same "Actions" menu as "Block".
    await openActions(mentee.page);
    expect(await mentee.page.getByRole("button", { name: "Unblock Jonas Mentor" }).isVisible()).toBe(true);
    await mentee.page.keyboard.press("Escape");
    expect(await mentee.page.getByLabel("Message to Jonas Mentor").isDisabled()).toBe(true);

    // The server refuses anything the mentor might still try.
    await expect(setup.mentor.call("POST", `/pairs/${setup.pairId}/posts`, { clientId: "after-block", title: "Still here?" })).rejects.toThrow(/409.*blocked/);

    // After a reload the mentor's page is still blocked, and does not keep knocking on the room.
    const sockets: string[] = [];
    mentor.page.on("websocket", (ws) => sockets.push(ws.url()));
    await mentor.page.reload();
    await mentor.page.getByText("Contact in this mentorship has stopped.", { exact: false }).waitFor({ timeout: 10_000 });
    await mentor.page.waitForTimeout(4_000);
    expect(sockets.length).toBeLessThanOrEqual(1);
    expect(await mentor.page.getByLabel("Message to Lea Mentee").isDisabled()).toBe(true);
    expect(await chatLog(mentor.page).getByText(reported, { exact: true }).isVisible()).toBe(true);
    await mentor.page.screenshot({ path: join(SCREENSHOTS, "pair-blocked-desktop.png"), fullPage: true });

    // Blocking can be undone by whoever blocked.
    await pairAction(mentee.page, "Unblock Jonas Mentor");
    await mentee.page.getByText("You blocked Jonas Mentor.", { exact: false }).waitFor({ state: "detached" });
    expect(await mentee.page.getByLabel("Message to Jonas Mentor").isEnabled()).toBe(true);
    await mentor.page.reload();
    await mentor.page.locator(".pair-header").getByText("Online", { exact: true }).waitFor();
    await send(mentor.page, "Lea Mentee", "Sorry, that was out of line.");
    await chatLog(mentee.page).getByText("Sorry, that was out of line.", { exact: true }).waitFor();

    await mentor.context.close();
    await mentee.context.close();
  });
});
