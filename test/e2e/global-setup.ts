// Starts the real app once for every browser test: SPA built by Vite, D1 migrated, `wrangler dev` on a
// free port with its state in a temporary folder (the SPA builds while D1 migrates). Stops everything
// afterwards.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { generateDevSecrets } from "../../worker/dev/dev-secrets.ts";
import { buildSpaAndMigrate, freePort, startWranglerDev } from "../../worker/dev/wrangler-dev.ts";
import { MISSING_BROWSER_MESSAGE, findChromium } from "./browser.ts";

export default async function setup(project: TestProject) {
  const chromiumPath = findChromium();
  if (!chromiumPath) {
    if (process.env.CI === "true") throw new Error(`CI=true and no Chromium found.${MISSING_BROWSER_MESSAGE}`);
    console.warn(MISSING_BROWSER_MESSAGE);
  }
  const state = mkdtempSync(join(tmpdir(), "mentorship-e2e-"));
  const assets = join(state, "web");
  await buildSpaAndMigrate(assets, state);
  const port = await freePort();
  const secrets = await generateDevSecrets();
  const server = await startWranglerDev({
    port,
    persistTo: state,
    assets,
    // Links in emails point at this server; the test push service listens on loopback http.
    vars: {
      SIGNUPS_PER_HOUR_PER_CLIENT: "10000",
      // The second operator is the layout test's (test/e2e/layout.test.ts), so the two tests do not share one.
      OPERATOR_EMAILS: "operator@e2e.example.org,layout-operator@e2e.example.org",
      APP_URL: `http://127.0.0.1:${port}`,
      PUSH_ALLOW_LOOPBACK: "1",
      ...secrets,
    },
  });
  project.provide("baseURL", server.url);
  project.provide("vapidPublicKey", secrets.VAPID_PUBLIC_KEY);
  project.provide("chromiumPath", chromiumPath);
  return async () => {
    await server.stop();
    rmSync(state, { recursive: true, force: true });
  };
}
