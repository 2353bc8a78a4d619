// Draws the app icons of the web app manifest (web/public/manifest.webmanifest) from one SVG, with the
// system's Chromium: `npm run icons`. The PNGs are committed; run this again only when the mark changes.
//
// - icon-192.png, icon-512.png ("any"): the rounded teal tile of favicon.svg, transparent corners.
// - maskable-192.png, maskable-512.png ("maskable"): a full-bleed teal square with the mark inside the
//   central 55 %, well within the safe zone (a circle of 80 % of the width) that launchers may crop to.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { ROOT } from "./wrangler-dev.ts";

const TEAL = "#0f5f5a";
const MARK = `<circle cx="12.5" cy="16" r="6" fill="none" stroke="#fff" stroke-width="2.2"/><circle cx="19.5" cy="16" r="6" fill="none" stroke="#fff" stroke-width="2.2" opacity=".75"/>`;

const anyIcon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="9" fill="${TEAL}"/>${MARK}</svg>`;
// The mark spans about 21 of 32 units; scaled by 0.82 around the centre it reaches 8.7 units from the
// centre, inside the safe circle of radius 12.8.
const maskableIcon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${TEAL}"/><g transform="translate(16 16) scale(0.82) translate(-16 -16)">${MARK}</g></svg>`;

const out = join(ROOT, "web", "public", "icons");
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  for (const size of [192, 512]) {
    for (const [name, svg] of [
      [`icon-${size}.png`, anyIcon],
      [`maskable-${size}.png`, maskableIcon],
    ] as const) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`,
      );
      await page.screenshot({ path: join(out, name), omitBackground: true });
      await page.close();
      console.log(`web/public/icons/${name}`);
    }
  }
} finally {
  await browser.close();
}
