// The interface language in a real browser(): the switcher, what is remembered on the device, the
// browser()'s own languages on a first visit, and the account's language on a new device.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { hasBrowser, newPerson, uniqueEmail, useBrowser } from "./browser.ts";

const PASSWORD = "a long enough password";

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);
const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

describe.skipIf(!hasBrowser())("interface language", () => {
  const browser = useBrowser();

  it("switches to French, then German, at once, and remembers the choice after a reload", async () => {
    const { context, page } = await newPerson(browser(), { locale: "en-US" });
    await page.goto("/signin");
    await page.getByRole("heading", { name: "Welcome back" }).waitFor();
    expect(await htmlLang(page)).toBe("en");

    await page.getByLabel("Language").selectOption("fr");
    await page.getByRole("heading", { name: "Bon retour parmi nous" }).waitFor();
    expect(await htmlLang(page)).toBe("fr");
    expect(await page.getByRole("button", { name: "Se connecter" }).isVisible()).toBe(true);
    expect(await page.getByLabel("Mot de passe").isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: "Créer un compte" }).isVisible()).toBe(true);
    expect(await page.title()).toBe("Bon retour parmi nous · Mentorat");

    // The switcher's own label is translated too.
    await page.getByLabel("Langue").selectOption("de");
    await page.getByRole("heading", { name: "Willkommen zurück" }).waitFor();
    expect(await htmlLang(page)).toBe("de");
    expect(await page.getByRole("button", { name: "Anmelden" }).isVisible()).toBe(true);
    expect(await page.getByText("Neu hier?").isVisible()).toBe(true);

    // Client-side validation messages come from the dictionary as well.
    await page.getByRole("button", { name: "Anmelden" }).click();
    await page.getByText("Gib deine E-Mail-Adresse ein.").waitFor();

    await page.reload();
    await page.getByRole("heading", { name: "Willkommen zurück" }).waitFor();
    expect(await htmlLang(page)).toBe("de");
    expect(await page.getByLabel("Sprache").inputValue()).toBe("de");
    expect(await page.evaluate(() => localStorage.getItem("lang"))).toBe("de");
    await context.close();
  });

  it("shows German on the first visit from a browser() set to de-DE", async () => {
    const { context, page } = await newPerson(browser(), { locale: "de-DE" });
    await page.goto("/");
    await page.waitForURL("**/signin");
    expect(await heading(page)).toBe("Willkommen zurück");
    expect(await htmlLang(page)).toBe("de");
    expect(await page.getByLabel("Sprache").inputValue()).toBe("de");
    expect(await page.getByRole("link", { name: "Zum Hauptinhalt springen" }).count()).toBe(1);
    await page.getByRole("link", { name: "Konto erstellen" }).click();
    await page.getByRole("heading", { name: "Erstelle dein Konto" }).waitFor();
    await page.getByText("Mindestens 10 Zeichen.").waitFor();
    await context.close();
  });

  it("keeps the account's language on a new device, and a switch while signed in is saved to the account", async () => {
    const email = uniqueEmail("polyglot");

    // Device 1: choose French before signing up; the new account is created in French.
    const first = await newPerson(browser(), { locale: "en-US" });
    await first.page.goto("/signup");
    await first.page.getByLabel("Language").selectOption("fr");
    await first.page.getByRole("heading", { name: "Créer votre compte" }).waitFor();
    await first.page.getByLabel("E-mail").fill(email);
    await first.page.getByLabel("Mot de passe").fill(PASSWORD);
    await first.page.getByLabel("Votre nom").fill("Marie Curie");
    await first.page.getByLabel("Date de naissance").fill("1980-11-07");
    await first.page.getByRole("button", { name: "Créer mon compte" }).click();
    await first.page.getByRole("heading", { name: "Vous ne faites encore partie d’aucun groupe" }).waitFor();
    await first.page.getByRole("link", { name: "Créer un groupe" }).waitFor();
    await first.context.close();

    // Device 2: an English browser() with nothing saved follows the account once signed in.
    const second = await newPerson(browser(), { locale: "en-US" });
    await second.page.goto("/signin");
    await second.page.getByRole("heading", { name: "Welcome back" }).waitFor();
    await second.page.getByLabel("Email").fill(email);
    await second.page.getByLabel("Password").fill(PASSWORD);
    await second.page.getByRole("button", { name: "Sign in" }).click();
    await second.page.getByRole("heading", { name: "Vous ne faites encore partie d’aucun groupe" }).waitFor();
    expect(await htmlLang(second.page)).toBe("fr");

    // Switching while signed in changes the page and is stored on the account.
    const saved = second.page.waitForResponse((res) => res.url().endsWith("/api/me") && res.request().method() === "PATCH");
    await second.page.getByLabel("Langue").selectOption("de");
    await second.page.getByRole("heading", { name: "Du bist noch in keiner Gruppe" }).waitFor();
    expect((await saved).status()).toBe(200);
    await second.context.close();

    // Device 3: the account now speaks German, and so do its error messages.
    const third = await newPerson(browser(), { locale: "en-US" });
    await third.page.goto("/signin");
    await third.page.getByLabel("Email").fill(email);
    await third.page.getByLabel("Password").fill(PASSWORD);
    await third.page.getByRole("button", { name: "Sign in" }).click();
    await third.page.getByRole("heading", { name: "Du bist noch in keiner Gruppe" }).waitFor();
    expect(await htmlLang(third.page)).toBe("de");
    await third.page.getByRole("button", { name: "Abmelden" }).click();
    await third.page.getByRole("heading", { name: "Willkommen zurück" }).waitFor();
    await third.page.getByLabel("E-Mail").fill(email);
    await third.page.getByLabel("Passwort").fill("not the right password");
    await third.page.getByRole("button", { name: "Anmelden" }).click();
    await third.page.getByRole("alert").getByText("E-Mail-Adresse und Passwort passen zu keinem Konto.", { exact: false }).waitFor();
    await third.context.close();
  });
});
