// The keyboard alone: sign in, apply to a program, send a chat message and open the report dialog, with
// Tab, Shift+Tab, Space and Enter only, and a visible focus indicator at every stop on the way.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { sendChat } from "../../worker/dev/api-client.ts";
import { hasBrowser, newPerson, useBrowser } from "./browser.ts";
import { applicant, groupWithProgram, person } from "./fixtures.ts";
import { chatLog } from "./pair-page.ts";

type Stop = { tag: string; type: string; name: string; visible: boolean; checked: boolean; value: string; inDialog: boolean };

/** What has focus now, and whether it shows: the :focus-visible ring (an outline or a box shadow). */
function focused(page: Page): Promise<Stop | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const hasRing = (s: CSSStyleDeclaration) => (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== "none";
    // A radio or checkbox inside a card-like label may draw the ring on that label (:has(:focus-visible)).
    const label = el.closest("label");
    const ring = hasRing(style) || (!!label && hasRing(getComputedStyle(label)));
    const box = el.getBoundingClientRect();
    const name = el.getAttribute("aria-label") ?? (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null) ?? el.textContent ?? "";
    return {
      tag: el.tagName.toLowerCase(),
      type: (el as HTMLInputElement).type ?? "",
      name: name.trim().replace(/\s+/g, " "),
      visible: el.matches(":focus-visible") && ring && box.width > 0 && box.height > 0 && style.opacity !== "0",
      checked: (el as HTMLInputElement).checked ?? false,
      value: (el as HTMLInputElement).value ?? "",
      inDialog: !!el.closest("dialog, [role=dialog]"),
    };
  });
}

/** Presses `key` and checks the new stop shows its focus. */
async function press(page: Page, key: string, where: string): Promise<Stop> {
  await page.keyboard.press(key);
  let stop = await focused(page);
  // Some controls fade their ring in (150 ms); judge them once the transition is over.
  if (stop && !stop.visible) {
    await page.waitForTimeout(250);
    stop = await focused(page);
  }
  expect(stop, `${where}: something has focus after ${key}`).not.toBeNull();
  expect(stop!.visible, `${where}: visible focus on <${stop!.tag}> "${stop!.name}"`).toBe(true);
  return stop!;
}

/** Tabs (or Shift+Tabs) until `wanted` has focus, checking every stop on the way. */
async function tabTo(page: Page, wanted: (stop: Stop) => boolean, where: string, key = "Tab", max = 60): Promise<Stop> {
  for (let i = 0; i < max; i++) {
    const stop = await press(page, key, where);
    if (wanted(stop)) return stop;
  }
  throw new Error(`${where}: not reached in ${max} presses of ${key}`);
}

describe.skipIf(!hasBrowser())("keyboard only", () => {
  const browser = useBrowser();

  it("signs in, applies, sends a chat message and opens the report dialog with the keyboard alone, focus visible at each stop", async () => {
    const setup = await groupWithProgram();
    const mentor = await applicant(setup, "Jonas Mentor", "mentor");
    const lea = await person("Lea Keyboard");
    await lea.call("POST", `/invites/${setup.inviteToken}/accept`);

    // Sign in.
    const { context, page } = await newPerson(browser());
    await page.goto("/signin");
    await page.locator("main h1").waitFor();
    await tabTo(page, (stop) => stop.type === "email", "sign-in");
    await page.keyboard.type(lea.email);
    await press(page, "Tab", "sign-in");
    await page.keyboard.type("benchmark-password");
    await tabTo(page, (stop) => stop.tag === "button" && stop.name === "Sign in", "sign-in");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === "/");
    await page.locator("main h1").waitFor();

    // Apply as a mentee: every text answered, one choice in each group of checkboxes, then the button.
    await page.goto(`/programs/${setup.program.id}/apply?role=mentee`);
    await page.locator("form .field").first().waitFor();
    const groupsDone = new Set<string>();
    for (let i = 0; ; i++) {
      expect(i, "apply: the submit button is reached").toBeLessThan(80);
      const stop = await press(page, "Tab", "apply");
      if (stop.tag === "button" && stop.name.startsWith("Apply as")) break;
      if ((stop.tag === "textarea" || (stop.tag === "input" && stop.type === "text")) && !stop.value) {
        await page.keyboard.type("I would like help with my next career step.");
      } else if (stop.type === "checkbox") {
        const group = await page.evaluate(() => (document.activeElement as HTMLInputElement).name);
        if (!groupsDone.has(group)) {
          await page.keyboard.press("Space");
          groupsDone.add(group);
        }
      }
    }
    const applied = page.waitForResponse((response) => response.url().includes("/applications") && response.request().method() === "POST");
    await page.keyboard.press("Enter");
    expect((await applied).status()).toBe(201);

    // Paired by the admin; the mentor says hello.
    const { pair } = await setup.admin.call("POST", `/programs/${setup.program.id}/pairs`, { mentorId: mentor.userId, menteeId: lea.userId });
    await sendChat(mentor, pair.id, ["Hello Lea, welcome!"]);

    // Send a chat message.
    await page.goto(`/pairs/${pair.id}`);
    await chatLog(page).getByText("Hello Lea, welcome!").waitFor();
    await tabTo(page, (stop) => stop.tag === "textarea" && stop.name === "Message to Jonas Mentor", "pair page", "Tab", 80);
    await page.keyboard.type("Hi Jonas, thank you!");
    await page.keyboard.press("Enter");
    await chatLog(page).getByText("Hi Jonas, thank you!", { exact: true }).waitFor();

    // Back from the composer to the report button of his message, and open the report dialog.
    await tabTo(page, (stop) => stop.tag === "button" && stop.name === "Report this message from Jonas Mentor", "pair page", "Shift+Tab", 40);
    await page.keyboard.press("Enter");
    await page.getByRole("dialog", { name: "Report this message?" }).waitFor();
    const inDialog = await focused(page);
    expect(inDialog?.inDialog, "focus moved into the dialog").toBe(true);
    expect(inDialog?.visible, `visible focus in the dialog on <${inDialog?.tag}> "${inDialog?.name}"`).toBe(true);
    await page.keyboard.press("Escape");
    await page.getByRole("dialog", { name: "Report this message?" }).waitFor({ state: "hidden" });
    await context.close();
  });
});
