// Which language the interface speaks, in order of preference: the choice saved on this device
// (localStorage "lang"), the signed-in account's locale, the browser's languages, then English.
import { createEffect, createRoot, on } from "solid-js";
import type { Locale } from "../../../shared/api/users.ts";
import { DEFAULT_LANGUAGE, browserLanguage, language, matchLanguage, preloadLanguage, saveLanguage, savedLanguage, setLanguage } from "../i18n/index.ts";
import { session, updateProfile } from "./session.ts";

/**
 * The locales the API accepts for an account. Typed as a record over the API's `Locale`, so the check
 * fails when the two drift apart. A language file added here but not on the server still works in the
 * interface; it just is not stored on the account.
 */
const ACCOUNT_LOCALES: Record<Locale, true> = { en: true, fr: true, de: true };

function isAccountLocale(code: string): code is Locale {
  return Object.hasOwn(ACCOUNT_LOCALES, code);
}

/** The current language, when the account can store it (for sign-up). */
export function accountLocale(): Locale | undefined {
  const code = language();
  return isAccountLocale(code) ? code : undefined;
}

function preferredLanguage(): string {
  return savedLanguage() ?? matchLanguage(session.user?.locale) ?? browserLanguage() ?? DEFAULT_LANGUAGE;
}

/**
 * Picks the first language before the first render, so nobody sees a flash of English. Without a saved
 * choice the account's locale matters, so this waits (briefly) for the session check, fetching the
 * browser's language meanwhile.
 */
export async function initLanguage(sessionLoaded: Promise<void>): Promise<void> {
  const saved = savedLanguage();
  if (!saved) {
    void preloadLanguage(browserLanguage() ?? DEFAULT_LANGUAGE);
    await Promise.race([sessionLoaded, new Promise((resolve) => setTimeout(resolve, 3000))]);
  }
  await setLanguage(preferredLanguage());

  // Later sign-ins follow the account's language unless this device has a saved choice.
  createRoot(() =>
    createEffect(
      on(
        () => session.user?.locale,
        (locale) => {
          if (locale && !savedLanguage() && locale !== language()) void setLanguage(locale);
        },
        { defer: true },
      ),
    ),
  );
}

/** The language switcher: applies at once, remembers it on this device, and on the account when signed in. */
export async function chooseLanguage(code: string): Promise<void> {
  saveLanguage(code);
  await setLanguage(code);
  const user = session.user;
  if (user && isAccountLocale(code) && user.locale !== code) {
    // Best effort: the choice is already applied and saved on this device.
    await updateProfile({ locale: code }).catch(() => undefined);
  }
}
