// Journey 4: the mentor and the mentee, in two browsers, chat live in their pair space. The step-1
// checklist ticked on one screen shows on the other, and reloading loses nothing. Then the outbox: a
// message written offline survives a reload before it is acknowledged and arrives exactly once.
// Also captures the screenshots of the pair page used to review the design.
import { join } from "node:path";
import type { Page, WebSocketRoute } from "playwright-core";
import { describe, expect, it } from "vitest";
import { hasBrowser, SCREENSHOTS, useBrowser } from "./browser.ts";
import { chatLog, send, waitOnline } from "./pair-page.ts";
import { sendChat } from "../../worker/dev/api-client.ts";
import { activePair, signedInPage } from "./fixtures.ts";

/** How many times `text` is on screen as a message (sent or still pending). */
const copies = (page: Page, text: string) => chatLog(page).getByText(text, { exact: true }).count();

async function openPairPage(page: Page, pairId: string, otherName: string) {
  await page.goto(`/pairs/${pairId}`);
  await page.getByRole("heading", { level: 1, name: otherName }).waitFor();
}

async function outboxItems(page: Page): Promise<{ body: string }[]> {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith("outbox:"))
      .flatMap((key) => JSON.parse(localStorage.getItem(key) ?? "[]") as { body: string }[]),
  );
}

async function screenshot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

describe.skipIf(!hasBrowser())("journey 4: the pair chats in its space", () => {
  const browser = useBrowser();

  it("chats live both ways with typing and read receipts, syncs the step-1 checklist, and loses nothing on reload", async () => {
    const setup = await activePair();
    const mentor = await signedInPage(browser(), setup.mentor);
    const mentee = await signedInPage(browser(), setup.mentee);

    await openPairPage(mentor.page, setup.pairId, "Lea Mentee");
    await openPairPage(mentee.page, setup.pairId, "Jonas Mentor");
    expect(await mentee.page.getByText("Your mentor", { exact: true }).isVisible()).toBe(true);
    expect(await mentor.page.getByText("Your mentee", { exact: true }).isVisible()).toBe(true);
    expect(await mentee.page.locator(".pair-header").getByText("Status: Active", { exact: true }).isVisible()).toBe(true);
    await waitOnline(mentor.page);
    await waitOnline(mentee.page);
    await mentee.page.getByText("Say hello to Jonas Mentor").waitFor();

    // Typing shows on the other screen while the mentee writes, and goes away once the message is sent.
    const menteeComposer = mentee.page.getByLabel("Message to Jonas Mentor");
    await menteeComposer.click();
    await menteeComposer.pressSequentially("Hi Jonas! Thank you for", { delay: 15 });
    await mentor.page.getByText("Lea Mentee is typing…").waitFor();
    await menteeComposer.pressSequentially(" taking me on.", { delay: 15 });
    await menteeComposer.press("Enter");
    await chatLog(mentor.page).getByText("Hi Jonas! Thank you for taking me on.", { exact: true }).waitFor();
    await mentor.page.getByText("Lea Mentee is typing…").waitFor({ state: "hidden" });
    expect(await menteeComposer.inputValue()).toBe("");

    // The mentor's screen shows it, so the mentee sees it was read.
    await mentee.page.getByText("Seen", { exact: true }).waitFor();

    // Shift+Enter is a new line; Enter sends.
    const mentorComposer = mentor.page.getByLabel("Message to Lea Mentee");
    await mentorComposer.fill("Welcome, Lea!");
    await mentorComposer.press("Shift+Enter");
    await mentorComposer.pressSequentially("Tell me where you are in your career today.");
    expect(await mentorComposer.inputValue()).toBe("Welcome, Lea!\nTell me where you are in your career today.");
    await mentorComposer.press("Enter");
    await chatLog(mentee.page).getByText("Welcome, Lea! Tell me where you are in your career today.").waitFor();

    // The step-1 checklist: ticked on the mentor's screen, ticked on the mentee's.
    await mentee.page.getByText("Week 1 of 8").waitFor();
    const introduce = { name: /Introduce yourselves and your career paths so far/ };
    expect(await mentee.page.getByRole("checkbox", introduce).isChecked()).toBe(false);
    await mentor.page.getByRole("checkbox", introduce).check();
    await expect.poll(() => mentee.page.getByRole("checkbox", introduce).isChecked(), { timeout: 5_000 }).toBe(true);
    await mentee.page.getByText("ticked by Jonas Mentor").waitFor();

    // Reloading loses nothing, and shows nothing twice.
    await mentee.page.reload();
    await mentee.page.getByRole("heading", { level: 1, name: "Jonas Mentor" }).waitFor();
    await chatLog(mentee.page).getByText("Hi Jonas! Thank you for taking me on.", { exact: true }).waitFor();
    expect(await copies(mentee.page, "Hi Jonas! Thank you for taking me on.")).toBe(1);
    expect(
      await chatLog(mentee.page)
        .getByText(/^Welcome, Lea!/)
        .count(),
    ).toBe(1);
    expect(await mentee.page.getByRole("checkbox", introduce).isChecked()).toBe(true);

    // Both ways again after the reload.
    await waitOnline(mentee.page);
    await send(mentee.page, "Jonas Mentor", "I work in support and want to move into product.");
    await chatLog(mentor.page).getByText("I work in support and want to move into product.", { exact: true }).waitFor();

    await mentor.context.close();
    await mentee.context.close();
  });

  it("keeps a message written offline through a reload before its ack, and delivers it exactly once", async () => {
    const setup = await activePair({ mentor: "Jonas Mentor", mentee: "Lea Mentee" });
    const mentor = await signedInPage(browser(), setup.mentor);
    const mentee = await signedInPage(browser(), setup.mentee);

    // The mentee's socket goes through a route the test controls: passing everything, dropping the room's
    // acknowledgements (as if the connection died just after the write), or reaching no room at all.
    let mode: "pass" | "drop-acks" | "unreachable" = "pass";
    const routes: WebSocketRoute[] = [];
    await mentee.page.routeWebSocket(/\/api\/pairs\/[^/]+\/ws/, (ws) => {
      routes.push(ws);
      if (mode === "unreachable") return;
      const server = ws.connectToServer();
      server.onMessage((message) => {
        if (mode === "drop-acks" && typeof message === "string") {
          const frame = JSON.parse(message) as { type: string; senderId?: string };
          if (frame.type === "ack" || (frame.type === "message" && frame.senderId === setup.mentee.userId)) return;
        }
        ws.send(message);
      });
    });

    await openPairPage(mentor.page, setup.pairId, "Lea Mentee");
    await openPairPage(mentee.page, setup.pairId, "Jonas Mentor");
    await waitOnline(mentee.page);
    await send(mentee.page, "Jonas Mentor", "Before going offline.");
    await chatLog(mentor.page).getByText("Before going offline.", { exact: true }).waitFor();

    // Offline: the message is kept, shown as sending, and stored before anything is sent.
    await mentee.context.setOffline(true);
    await mentee.page.getByText("You’re offline.", { exact: false }).waitFor();
    const text = "Written on the train, with no signal.";
    await send(mentee.page, "Jonas Mentor", text);
    await chatLog(mentee.page).getByText(text, { exact: true }).waitFor();
    await mentee.page.getByText("Sending…", { exact: true }).waitFor();
    expect((await outboxItems(mentee.page)).map((item) => item.body)).toEqual([text]);

    // Back on the network but the room is out of reach; reload before anything was acknowledged.
    mode = "unreachable";
    await mentee.context.setOffline(false);
    await mentee.page.reload();
    await mentee.page.getByRole("heading", { level: 1, name: "Jonas Mentor" }).waitFor();
    await chatLog(mentee.page).getByText(text, { exact: true }).waitFor();
    await mentee.page.getByText("Sending…", { exact: true }).waitFor();
    expect(await copies(mentor.page, text)).toBe(0);

    // The room is reachable again, but its ack never arrives: the message is written once, still pending here.
    mode = "drop-acks";
    for (const route of routes.splice(0)) await route.close();
    await chatLog(mentor.page).getByText(text, { exact: true }).waitFor({ timeout: 15_000 });
    expect(await mentee.page.getByText("Sending…", { exact: true }).isVisible()).toBe(true);
    expect((await outboxItems(mentee.page)).map((item) => item.body)).toEqual([text]);

    // Reload before the ack: the resend is recognised, nothing is duplicated on either side.
    mode = "pass";
    await mentee.page.reload();
    await mentee.page.getByRole("heading", { level: 1, name: "Jonas Mentor" }).waitFor();
    await waitOnline(mentee.page);
    await chatLog(mentee.page).getByText(text, { exact: true }).waitFor();
    await expect.poll(() => outboxItems(mentee.page)).toEqual([]);
    expect(await copies(mentee.page, text)).toBe(1);
    expect(await mentee.page.getByText("Sending…", { exact: true }).count()).toBe(0);

    await mentor.page.waitForTimeout(500);
    expect(await copies(mentor.page, text)).toBe(1);
    await mentor.page.reload();
    await chatLog(mentor.page).getByText(text, { exact: true }).waitFor();
    expect(await copies(mentor.page, text)).toBe(1);
    expect(await copies(mentor.page, "Before going offline.")).toBe(1);

    await mentor.context.close();
    await mentee.context.close();
  });

  it("shares a post, comments on it and checks in, live on the other screen", async () => {
    const setup = await activePair();
    const mentor = await signedInPage(browser(), setup.mentor);
    const mentee = await signedInPage(browser(), setup.mentee);
    await openPairPage(mentor.page, setup.pairId, "Lea Mentee");
    await openPairPage(mentee.page, setup.pairId, "Jonas Mentor");
    await waitOnline(mentor.page);
    await waitOnline(mentee.page);

    // A post with a link: only http(s) links are accepted.
    await mentee.page.getByRole("tab", { name: "Posts" }).click();
    await mentee.page.getByText("Nothing shared yet").waitFor();
    await mentee.page.getByRole("button", { name: "Share something" }).click();
    const form = mentee.page.getByRole("form", { name: "Share a link or a note" });
    await form.getByRole("button", { name: "Share" }).click();
    await form.getByText("Give the post a title.").waitFor();
    await form.getByLabel("Title").fill("My notes from our first call");
    await form.getByLabel("Link (optional)").fill("javascript:alert(1)");
    await form.getByLabel("Text (optional)").fill("1. Ask for stretch projects.\n2. Shadow a product manager.");
    await form.getByRole("button", { name: "Share" }).click();
    await form.getByText("Links must start with http:// or https://.").waitFor();
    await form.getByLabel("Link (optional)").fill("https://example.org/notes?id=1");
    await form.getByRole("button", { name: "Share" }).click();
    await form.waitFor({ state: "detached" });

    await mentor.page.getByRole("tab", { name: "Posts" }).click();
    const post = mentor.page.getByRole("article", { name: "My notes from our first call" });
    await post.waitFor();
    const link = post.getByRole("link", { name: /example\.org/ });
    expect(await link.getAttribute("href")).toBe("https://example.org/notes?id=1");
    expect(await link.getAttribute("rel")).toBe("noopener noreferrer");
    expect(await link.getAttribute("target")).toBe("_blank");
    expect(await post.getByText("2. Shadow a product manager.", { exact: false }).isVisible()).toBe(true);

    // A comment, live on the author's screen.
    await post.getByLabel("Comment on “My notes from our first call”").fill("Great list. Let’s start with number 2.");
    await post.getByRole("button", { name: "Comment" }).click();
    await mentee.page.getByRole("article", { name: "My notes from our first call" }).getByText("Great list. Let’s start with number 2.").waitFor();
    expect(await post.getByText("Great list. Let’s start with number 2.").count()).toBe(1);

    // The weekly check-in: prompted until done, then listed on both screens.
    await mentee.page.getByRole("tab", { name: "Check-in" }).click();
    await mentee.page.getByText("You haven’t checked in this week yet.", { exact: false }).waitFor();
    const mood = mentee.page.getByRole("group", { name: "How is it going this week?" });
    await mentee.page.getByRole("button", { name: "Share check-in" }).click();
    await mentee.page.getByText("Choose how it is going.").waitFor();
    await mood.getByRole("radio", { name: /Good/ }).check();
    await mentee.page.getByLabel("A short note (optional)").fill("Feeling more confident already.");
    await mentee.page.getByRole("button", { name: "Share check-in" }).click();
    await mentee.page.getByText("You checked in this week. Thank you!").waitFor();

    await mentor.page.getByRole("tab", { name: "Check-in" }).click();
    await mentor.page.getByText("Feeling more confident already.").waitFor();
    expect(await mentor.page.getByText("Good (4 of 5)").isVisible()).toBe(true);
    await mentor.page.getByText("You haven’t checked in this week yet.", { exact: false }).waitFor();

    await mentor.context.close();
    await mentee.context.close();
  });

  it("shows the latest messages first and loads older ones on demand, without repeating any", async () => {
    const setup = await activePair();
    // The room allows 30 messages per person per 10 seconds: 30 each makes 60, more than one page.
    await sendChat(
      setup.mentor,
      setup.pairId,
      Array.from({ length: 30 }, (_, i) => `Mentor note ${i + 1}`),
    );
    await sendChat(
      setup.mentee,
      setup.pairId,
      Array.from({ length: 30 }, (_, i) => `Mentee note ${i + 1}`),
    );

    const mentee = await signedInPage(browser(), setup.mentee);
    await openPairPage(mentee.page, setup.pairId, "Jonas Mentor");
    await chatLog(mentee.page).getByText("Mentee note 30", { exact: true }).waitFor();
    // The newest 50 of 60: the mentor's first ten are not loaded yet.
    expect(
      await chatLog(mentee.page)
        .getByText(/^Mentor note \d+$/)
        .count(),
    ).toBe(20);
    expect(await mentee.page.getByText("This is the start of your conversation.").count()).toBe(0);

    await mentee.page.getByRole("button", { name: "Load older messages" }).click();
    await chatLog(mentee.page).getByText("Mentor note 1", { exact: true }).waitFor();
    await mentee.page.getByText("This is the start of your conversation.").waitFor();
    expect(await mentee.page.getByRole("button", { name: "Load older messages" }).count()).toBe(0);
    expect(
      await chatLog(mentee.page)
        .getByText(/^Mentor note \d+$/)
        .count(),
    ).toBe(30);
    expect(
      await chatLog(mentee.page)
        .getByText(/^Mentee note \d+$/)
        .count(),
    ).toBe(30);
    // In order, by seq.
    const seqs = await chatLog(mentee.page)
      .locator("[data-seq]")
      .evaluateAll((items) => items.map((item) => Number(item.getAttribute("data-seq"))));
    expect(seqs).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    await mentee.context.close();
  });

  it("captures the pair page with a conversation, steps, a post and a check-in, on desktop and phone", async () => {
    const setup = await activePair({ mentor: "Jonas Mentor", mentee: "Lea Mentee" });
    await setup.mentee.call("POST", `/pairs/${setup.pairId}/checkins`, {
      clientId: "shot-1",
      mood: 4,
      note: "Good first call. A bit nervous about the promotion talk.",
    });
    await setup.mentor.call("POST", `/pairs/${setup.pairId}/posts`, {
      clientId: "shot-post",
      title: "How to prepare a promotion case",
      url: "https://example.org/articles/promotion-case",
      body: "The structure I used last year: impact, scope, and what my manager needed to hear.",
    });

    const mentor = await signedInPage(browser(), setup.mentor);
    const mentee = await signedInPage(browser(), setup.mentee);
    await openPairPage(mentor.page, setup.pairId, "Lea Mentee");
    await openPairPage(mentee.page, setup.pairId, "Jonas Mentor");
    await waitOnline(mentee.page);
    await waitOnline(mentor.page);

    const conversation: [Page, string, string][] = [
      [mentee.page, "Jonas Mentor", "Hi Jonas! Thanks for taking me on. I’m Lea, I work in customer support at a small SaaS company."],
      [mentor.page, "Lea Mentee", "Welcome, Lea! Happy to be your mentor. What made you sign up?"],
      [mentee.page, "Jonas Mentor", "I’d like to move into product management within a year."],
      [mentee.page, "Jonas Mentor", "But I’m not sure where to start."],
      [
        mentor.page,
        "Lea Mentee",
        "That’s a great goal, and support is a strong place to start from: you know the customers better than anyone.\nLet’s use this week to get to know each other. When suits you for a first call?",
      ],
    ];
    for (const [page, other, text] of conversation) {
      await send(page, other, text);
      await chatLog(page === mentor.page ? mentee.page : mentor.page)
        .getByText(text.split("\n")[0]!, { exact: false })
        .first()
        .waitFor();
    }
    await mentee.page.getByText("Seen", { exact: true }).waitFor();
    await mentor.page.getByLabel("Message to Lea Mentee").pressSequentially("Thursday at", { delay: 10 });
    await mentee.page.getByText("Jonas Mentor is typing…").waitFor();
    await mentor.page.getByRole("checkbox", { name: /Introduce yourselves/ }).check();
    await mentee.page.getByText("ticked by Jonas Mentor").waitFor();
    await mentee.page.locator(".pair-panel--side:not([hidden])").evaluate((panel) => panel.scrollTo(0, 0));
    await screenshot(mentee.page, "pair-desktop");

    await mentee.page.getByRole("tab", { name: "Check-in" }).click();
    await mentee.page.getByRole("radio", { name: /Good/ }).check();
    await screenshot(mentee.page, "pair-desktop-checkin");
    await mentee.page.getByRole("tab", { name: "Posts" }).click();
    await screenshot(mentee.page, "pair-desktop-posts");

    const phone = await signedInPage(browser(), setup.mentee, { phone: true });
    await openPairPage(phone.page, setup.pairId, "Jonas Mentor");
    await waitOnline(phone.page);
    await screenshot(phone.page, "pair-phone-chat");
    await phone.page.getByRole("tab", { name: "Steps" }).click();
    await screenshot(phone.page, "pair-phone-steps");
    await phone.page.getByRole("tab", { name: "Check-in" }).click();
    await screenshot(phone.page, "pair-phone-checkin");
    await phone.page.getByRole("tab", { name: "Posts" }).click();
    await screenshot(phone.page, "pair-phone-posts");
    // The header's actions fold behind one button on a phone.
    await phone.page.getByRole("button", { name: "Actions" }).click();
    await phone.page.getByRole("button", { name: "Report Jonas Mentor" }).waitFor();
    await phone.page.screenshot({ path: join(SCREENSHOTS, "pair-phone-actions.png") });
    await phone.page.keyboard.press("Escape");
    expect(await phone.page.getByRole("button", { name: "Report Jonas Mentor" }).isVisible()).toBe(false);

    await phone.context.close();

    // The longest translations, on the narrowest screen.
    for (const locale of ["fr-FR", "de-DE"]) {
      const other = await signedInPage(browser(), setup.mentee, { phone: true, locale });
      await other.page.goto(`/pairs/${setup.pairId}`);
      await other.page.locator(".pair-header h1").waitFor();
      await other.page.locator(".presence--online").waitFor();
      await screenshot(other.page, `pair-phone-chat-${locale.slice(0, 2)}`);
      await other.page.getByRole("tab").nth(3).click();
      await screenshot(other.page, `pair-phone-checkin-${locale.slice(0, 2)}`);
      await other.context.close();
    }
    await mentor.context.close();
    await mentee.context.close();
  });
});
