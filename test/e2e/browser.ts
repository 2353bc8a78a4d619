// Finds Chromium and opens pages for the browser tests. Playwright never downloads a browser here:
// it drives the system's Chromium (Debian's `chromium` package on CI).
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, inject } from "vitest";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

const CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

export function findChromium(): string | null {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

export const MISSING_BROWSER_MESSAGE = [
  "",
  "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
  "!! Browser tests SKIPPED: no Chromium found.                                       !!",
  "!! Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROME_PATH  !!",
  "!! to a Chrome/Chromium binary. Under CI=true a missing browser fails the run.     !!",
  "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
  "",
].join("\n");

export const baseURL = () => inject("baseURL");

/** Where browser tests leave their screenshots (gitignored). */
export const SCREENSHOTS = join(import.meta.dirname, "..", ".artifacts", "screenshots");

/** One Chromium for the whole file: launched before its tests, closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("the browser is not running");
    return browser;
  };
}
export const hasBrowser = () => inject("chromiumPath") !== null;

/** Headless, and never reaching for the network (it is refused here, and retried forever otherwise). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launchBrowser(): Promise<Browser> {
  const executablePath = inject("chromiumPath");
  if (!executablePath) throw new Error("no Chromium");
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** A fresh browser profile (its own cookies and storage), like a different person on another device. */
export async function newPerson(browser: Browser, options: { locale?: string; phone?: boolean } = {}) {
  const context: BrowserContext = await browser.newContext({
    baseURL: baseURL(),
    locale: options.locale ?? "en-US",
    viewport: options.phone ? { width: 390, height: 844 } : { width: 1280, height: 860 },
    deviceScaleFactor: 1,
  });
  const page: Page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return { context, page };
}

let counter = 0;
export function uniqueEmail(label: string) {
  counter += 1;
  return `${label}-${Date.now().toString(36)}-${counter}@example.org`;
}

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    chromiumPath: string | null;
    /** The VAPID public key the app signs pushes with (test/e2e/email-push.test.ts checks it). */
    vapidPublicKey: string;
  }
}
