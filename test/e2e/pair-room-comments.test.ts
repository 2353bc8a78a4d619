// My own comment on a post shows at once, marked as sending, and the server's answer confirms it (or,
// on a failure, takes it back and returns the text to the field). The room's frame and the HTTP answer
// both carry it; it is shown once.
import type { Route } from "playwright-core";
import { describe, expect, it } from "vitest";
import { hasBrowser, useBrowser } from "./browser.ts";
import { activePair, signedInPage } from "./fixtures.ts";

describe.skipIf(!hasBrowser())("pair room: comments", () => {
  const browser = useBrowser();

  it("shows my comment at once, confirms it on the server's answer, and takes it back on a failure", async () => {
    const setup = await activePair();
    await setup.mentee.call("POST", `/pairs/${setup.pairId}/posts`, { clientId: crypto.randomUUID(), title: "Reading list", body: "", url: null });
    const mentor = await signedInPage(browser(), setup.mentor);
    const page = mentor.page;
    await page.goto(`/pairs/${setup.pairId}`);
    await page.getByRole("heading", { level: 1, name: "Lea Mentee" }).waitFor();
    await page.getByRole("tab", { name: "Posts" }).click();
    const post = page.getByRole("article", { name: "Reading list" });
    await post.waitFor();
    const field = post.getByLabel("Comment on “Reading list”");

    // Hold the request: the comment is on screen before the server has answered.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const hold = async (route: Route) => {
      await released;
      await route.continue();
    };
    await page.route("**/api/pairs/*/posts/*/comments", hold);
    await field.fill("Chapter 3 first?");
    await post.getByRole("button", { name: "Comment" }).click();
    const sending = post.locator(".comment--sending");
    await sending.getByText("Chapter 3 first?").waitFor();
    expect(await sending.getByText("Sending…").count()).toBe(1);
    expect(await field.inputValue()).toBe("");
    release();
    await post.locator(".comment:not(.comment--sending)").getByText("Chapter 3 first?").waitFor();
    expect(await post.getByText("Chapter 3 first?").count()).toBe(1);
    expect(await sending.count()).toBe(0);
    await page.unroute("**/api/pairs/*/posts/*/comments", hold);

    // A failure: the comment goes away, its text comes back into the field, and the reason is shown.
    await page.route("**/api/pairs/*/posts/*/comments", (route) =>
      route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: { code: "unavailable", message: "Try again." } }) }),
    );
    await field.fill("This one fails");
    await post.getByRole("button", { name: "Comment" }).click();
    await post.getByRole("alert").getByText("We couldn’t add your comment.", { exact: false }).waitFor();
    expect(await post.getByText("This one fails").count()).toBe(0);
    expect(await field.inputValue()).toBe("This one fails");
    await page.unrouteAll();

    // Sent again, it is stored once and shown once.
    await post.getByRole("button", { name: "Comment" }).click();
    await post.locator(".comment:not(.comment--sending)").getByText("This one fails").waitFor();
    expect(await post.getByText("This one fails").count()).toBe(1);
    await mentor.context.close();
  });
});
