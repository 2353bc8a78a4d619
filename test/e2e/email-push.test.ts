// Email and push against the real `wrangler dev`: verification from the local mailbox, a password reset
// that signs out the old session's open pair page, introductions in each person's language, one-click
// unsubscribe from an email's header, and a push decrypted by a test push service on loopback.
import { createServer, type IncomingMessage } from "node:http";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { createPushReceiver } from "../push/receiver.ts";
import { baseURL, hasBrowser, newPerson, SCREENSHOTS, uniqueEmail, useBrowser } from "./browser.ts";
import { activePair, applicant, groupWithProgram, person, signedInPage, type ApiPerson } from "./fixtures.ts";
import { linkTo, mailTo, waitForEmail } from "./mailbox.ts";

const PASSWORD = "a long enough password";

/** The verification email's subject in any of the three languages (it follows the person's locale at sending time). */
const VERIFICATION = /^(Confirm your email address|Confirmez votre adresse e-mail|Bestätige deine E-Mail-Adresse)$/;

/** Confirms a person's address with the link from their verification email, as they would. */
async function verifyFromMailbox(who: ApiPerson, subject: RegExp | string = VERIFICATION) {
  const email = await waitForEmail(who.email, subject);
  const token = new URL(linkTo(email, "/verify-email")).searchParams.get("token");
  await who.call("POST", "/auth/verify-email", { token });
}

async function personIn(locale: "en" | "fr" | "de", name: string) {
  const who = await person(name);
  await who.call("PATCH", "/me", { locale });
  await verifyFromMailbox(who);
  return who;
}

describe.skipIf(!hasBrowser())("email journeys", () => {
  const browser = useBrowser();

  it("sign up, open the verification link from the email, verified", async () => {
    const { page, context } = await newPerson(browser());
    const email = uniqueEmail("ada");
    await page.goto("/signup");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByLabel("Your name").fill("Ada Lovelace");
    await page.getByLabel("Date of birth").fill("1990-05-17");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByRole("heading", { level: 1, name: "Hello, Ada Lovelace" }).waitFor();

    await page.goto("/settings/notifications");
    await page.getByTestId("email-unverified").waitFor();
    const message = await waitForEmail(email, "Confirm your email address");
    expect(message.html).toContain("Confirm my address");
    expect(message.headers["List-Unsubscribe"]).toBeUndefined();
    // Nothing else was sent to the unverified address.
    expect((await mailTo(email)).map((m) => m.subject)).toEqual(["Confirm your email address"]);

    await page.goto(linkTo(message, "/verify-email"));
    await page.getByTestId("verify-done").waitFor();
    expect(await page.getByTestId("verify-done").textContent()).toBe(`${email} is confirmed. Thank you!`);
    await page.screenshot({ path: join(SCREENSHOTS, "verify-email-desktop.png"), fullPage: true });
    await page.getByRole("link", { name: "Continue" }).click();
    await page.getByTestId("email-verified").waitFor();
    await page.getByRole("button", { name: "Save settings" }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, "notification-settings-desktop.png"), fullPage: true });
    // One kind's email off, saved, still off after a reload.
    await page.getByLabel("Weekly check-in reminder: Email").selectOption("off");
    await page.getByRole("button", { name: "Save settings" }).click();
    await page.getByText("Your settings are saved.").waitFor();
    await page.reload();
    expect(await page.getByLabel("Weekly check-in reminder: Email").inputValue()).toBe("off");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(SCREENSHOTS, "notification-settings-phone.png"), fullPage: true });
    await context.close();
  });

  it("forget the password, reset it from the email: the old session and its open pair page are signed out", async () => {
    const setup = await activePair();
    await verifyFromMailbox(setup.mentee);
    const old = await signedInPage(browser(), setup.mentee);
    await old.page.goto(`/pairs/${setup.pairId}`);
    await old.page.getByRole("heading", { level: 1, name: "Jonas Mentor" }).waitFor();

    const { page, context } = await newPerson(browser(), { phone: true });
    await page.goto("/signin");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.getByRole("heading", { level: 1, name: "Reset your password" }).waitFor();
    await page.getByLabel("Email").fill(setup.mentee.email);
    await page.getByRole("button", { name: "Email me a link" }).click();
    await page.getByText(`If an account uses ${setup.mentee.email}, a link is on its way.`, { exact: false }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, "forgot-password-phone.png"), fullPage: true });

    const message = await waitForEmail(setup.mentee.email, "Reset your password");
    await page.goto(linkTo(message, "/reset-password"));
    await page.getByLabel("New password").fill("Tandem-Sunrise-8642-quietly");
    await page.getByRole("button", { name: "Save the new password" }).click();
    await page.getByText("Your password is changed, and you are signed out everywhere.", { exact: false }).waitFor();
    const resetAt = Date.now();

    // The old session's pair page loses its socket and is sent to sign in.
    await old.page.waitForURL(/\/signin/, { timeout: 10_000 });
    expect(Date.now() - resetAt).toBeLessThan(10_000);
    // The new password works, the old one does not.
    const login = (password: string) =>
      fetch(`${baseURL()}/api/auth/login`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Origin: baseURL() },
        body: JSON.stringify({ email: setup.mentee.email, password }),
      });
    expect((await login("benchmark-password")).status).toBe(401);
    expect((await login("Tandem-Sunrise-8642-quietly")).status).toBe(200);
    // The link works once.
    await page.goto(linkTo(message, "/reset-password"));
    await page.getByLabel("New password").fill("Harbor-Violet-5317-gently");
    await page.getByRole("button", { name: "Save the new password" }).click();
    await page.getByText("This link is not valid or was already used.").waitFor();
    await Promise.all([context.close(), old.context.close()]);
  });

  it("an admin pairs people whose languages are French and German: each gets the introduction in their own language", async () => {
    const setup = await groupWithProgram();
    const mentor = await personIn("de", "Jonas Weber");
    const mentee = await personIn("fr", "Léa Martin");
    for (const [who, role] of [
      [mentor, "mentor"],
      [mentee, "mentee"],
    ] as const) {
      await who.call("POST", `/invites/${setup.inviteToken}/accept`);
      const program = (await who.call("GET", `/programs/${setup.program.id}`)).program;
      const { answersFor } = await import("../bench/lib.ts");
      await who.call("POST", `/programs/${setup.program.id}/applications`, { role, answers: answersFor(program.questions[role]) });
    }
    const admin = await signedInPage(browser(), setup.admin);
    await admin.page.goto(`/programs/${setup.program.id}/applicants`);
    await admin.page.getByRole("button", { name: "Find a mentor for Léa Martin" }).click();
    await admin.page.getByRole("button", { name: "Pair Léa Martin with Jonas Weber" }).click();
    await admin.page
      .getByRole("region", { name: /Mentors/ })
      .getByText(/Places taken: 1/)
      .waitFor();

    const french = await waitForEmail(mentee.email, /^Vous formez un binôme avec Jonas Weber/);
    expect(french.text).toContain("Bonjour Léa Martin,");
    expect(french.text).toContain("Jonas Weber sera votre mentor");
    expect(french.text).toMatch(/Semaine 1 : /);
    const german = await waitForEmail(mentor.email, /^Du bist mit Léa Martin in .* zusammengebracht worden$/);
    expect(german.text).toContain("Hallo Jonas Weber,");
    expect(german.text).toMatch(/Woche 1: /);
    for (const email of [french, german]) {
      expect(email.html).toContain("<a href=");
      expect(email.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    }
    // The link goes to the exact pair.
    const link = linkTo(french, "/pairs/");
    const page = await signedInPage(browser(), mentee, { locale: "fr-FR" });
    await page.page.goto(link);
    await page.page.getByRole("heading", { level: 1, name: "Jonas Weber" }).waitFor();
    await Promise.all([admin.context.close(), page.context.close()]);
  });

  it("one-click unsubscribe from an email's header stops that kind, and only that kind", async () => {
    const setup = await groupWithProgram();
    const mentor = await applicant(setup, "Una Mentor", "mentor");
    const mentee = await applicant(setup, "Uli Mentee", "mentee");
    await verifyFromMailbox(mentee);
    const { pair } = await setup.admin.call("POST", `/programs/${setup.program.id}/pairs`, { mentorId: mentor.userId, menteeId: mentee.userId });
    const intro = await waitForEmail(mentee.email, /^You are paired with Una Mentor/);
    const header = intro.headers["List-Unsubscribe"]!;
    expect(intro.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    const url = header.slice(1, -1);
    expect(url.startsWith(`${baseURL()}/api/unsubscribe?token=`)).toBe(true);
    // What a mail provider does (RFC 8058): POST, no cookie, no Origin.
    const oneClick = await fetch(url, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" });
    expect(oneClick.status).toBe(200);

    // The visible link in the body says the same, without sign-in.
    const { page, context } = await newPerson(browser(), { phone: true });
    await page.goto(linkTo(intro, "/unsubscribe"));
    await page.getByRole("button", { name: "Unsubscribe" }).click();
    await page.getByTestId("unsubscribed").waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, "unsubscribe-phone.png"), fullPage: true });
    await context.close();

    // Ending the pair still emails (another kind); a new pairing does not.
    await setup.admin.call("POST", `/pairs/${pair.id}/end`, { outcome: "ended", reason: "Testing" });
    await waitForEmail(mentee.email, /^Your mentorship with Una Mentor has ended/);
    const mentor2 = await applicant(setup, "Otto Mentor", "mentor");
    await setup.admin.call("POST", `/programs/${setup.program.id}/pairs`, { mentorId: mentor2.userId, menteeId: mentee.userId });
    // The queue delivers within a second or two locally: give it three.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect((await mailTo(mentee.email)).filter((m) => m.subject.startsWith("You are paired with"))).toHaveLength(1);
  });
});

describe("web push to a test push service on loopback", () => {
  it("the push service gets a VAPID-signed, aes128gcm-encrypted notification that decrypts to the introduction", async () => {
    const received: { headers: Headers; body: Uint8Array }[] = [];
    const server = createServer(async (req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      received.push({ headers: new Headers(Object.entries(req.headers).map(([k, v]) => [k, String(v)])), body: new Uint8Array(Buffer.concat(chunks)) });
      res.writeHead(201).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const setup = await groupWithProgram();
      const mentor = await applicant(setup, "Pia Mentor", "mentor");
      const mentee = await applicant(setup, "Pit Mentee", "mentee");
      const receiver = await createPushReceiver(`http://127.0.0.1:${port}/push/${crypto.randomUUID()}`);
      await mentee.call("POST", "/me/push-subscriptions", receiver.subscription);
      const { pair } = await setup.admin.call("POST", `/programs/${setup.program.id}/pairs`, { mentorId: mentor.userId, menteeId: mentee.userId });
      const deadline = Date.now() + 15_000;
      while (!received.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(received).toHaveLength(1);
      const payload = await receiver.open(received[0]!, { vapidPublicKey: inject("vapidPublicKey"), audience: `https://127.0.0.1:${port}` });
      expect(payload).toEqual({
        title: `You are paired with Pia Mentor in ${setup.program.title}`,
        body: `Pia Mentor will be your mentor in “${setup.program.title}”.`,
        url: `${baseURL()}/pairs/${pair.id}`,
        tag: `paired:${pair.id}`,
        kind: "paired",
      });
    } finally {
      server.close();
    }
  });
});
