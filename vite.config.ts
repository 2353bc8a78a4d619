import { readdirSync, readFileSync } from "node:fs";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { transformWithOxc, type Plugin } from "vite";
import solid from "vite-plugin-solid";
import { defineConfig } from "vitest/config";
import { pickGroup, SECTION_GROUPS, type SectionGroup } from "./web/src/i18n/sections.ts";
import { generateDevSecrets } from "./worker/dev/dev-secrets.ts";

const root = import.meta.dirname;
const WRANGLER_DEV = process.env.WRANGLER_DEV_URL ?? "http://127.0.0.1:8787";

/**
 * Splits each language file into the groups of web/src/i18n/sections.ts ("boot" for the first screens,
 * "home", "pair" and the rest), at build time, so that a language stays one file that everyone edits
 * while the sign-in page loads only its own strings. `virtual:i18n/<code>/<group>` is one group of one language; `virtual:i18n/loaders` maps every
 * language found in web/src/i18n/locales to a lazy loader per group. See web/src/i18n/sections.ts.
 */
function localeSections(): Plugin {
  const PREFIX = "virtual:i18n/";
  const localesDir = `${root}/web/src/i18n/locales`;
  return {
    name: "locale-sections",
    resolveId: (id) => (id.startsWith(PREFIX) ? `\0${id}` : undefined),
    async load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      const rest = id.slice(PREFIX.length + 1);
      if (rest === "loaders") {
        const codes = readdirSync(localesDir)
          .filter((file) => file.endsWith(".ts"))
          .map((file) => file.slice(0, -3));
        const entries = codes.map(
          (code) => `${JSON.stringify(code)}: { ${SECTION_GROUPS.map((group) => `${group}: () => import("${PREFIX}${code}/${group}")`).join(", ")} }`,
        );
        return `export default { ${entries.join(", ")} };`;
      }
      const [code, group] = rest.split("/") as [string, string];
      const file = `${localesDir}/${code}.ts`;
      this.addWatchFile(file);
      // A language file is plain data: with its types stripped it is a module of literals, evaluated here
      // from a data: URL (it imports nothing at run time).
      const { code: js } = await transformWithOxc(readFileSync(file, "utf8"), file, { lang: "ts" });
      const { default: dictionary } = (await import(`data:text/javascript;base64,${Buffer.from(js).toString("base64")}`)) as {
        default: Record<string, unknown>;
      };
      return `export default ${JSON.stringify(pickGroup(dictionary, group as SectionGroup))};`;
    },
  };
}

export default defineConfig({
  root: `${root}/web`,
  publicDir: `${root}/web/public`,
  // Under Vitest the projects below bring their own plugins; solid() here would force jsdom on all of them.
  plugins: process.env.VITEST ? [] : [solid(), localeSections()],
  build: {
    outDir: `${root}/dist/web`,
    emptyOutDir: true,
    target: "es2022",
    // The CSP forbids inline script, so never inline Vite's module preload helper as a data: URL.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Everything the entry imports statically (Solid, the router, the shell, the session, English
        // "boot" strings) in one chunk: Rolldown would otherwise cut it into a dozen small shared chunks,
        // each compressed on its own, which cost the first page about 3 KB gzipped more (npm run bench, B5).
        codeSplitting: { groups: [{ name: "app", tags: ["$initial"] }] },
      },
    },
  },
  server: {
    host: "127.0.0.1",
    port: 5173,
    proxy: {
      "/api": {
        target: WRANGLER_DEV,
        ws: true,
        // The worker refuses state-changing requests from a foreign Origin; through the dev proxy the
        // browser's Origin is Vite's, so present the request as the worker's own.
        configure: (proxy) => {
          proxy.on("proxyReq", (req) => req.setHeader("origin", WRANGLER_DEV));
          proxy.on("proxyReqWs", (req) => req.setHeader("origin", WRANGLER_DEV));
        },
      },
    },
  },
  test: {
    projects: [
      {
        test: {
          name: "unit",
          root,
          maxWorkers: 2,
          include: ["test/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        plugins: [
          cloudflareTest(async () => ({
            wrangler: { configPath: `${root}/wrangler.toml` },
            miniflare: {
              bindings: {
                TEST_MIGRATIONS: await readD1Migrations(`${root}/worker/db/migrations`),
                // The operator of the workerd tests (test/worker/operator.test.ts, authorization-membership.test.ts).
                OPERATOR_EMAILS: "operator@example.org",
                // Fresh VAPID keys and unsubscribe signing key for every run of the workerd tests.
                ...(await generateDevSecrets()),
              },
              // The SPA is not built for these tests: serve an empty assets folder.
              assets: { directory: `${root}/test/worker/fixtures/assets` },
            },
          })),
        ],
        test: {
          name: "worker",
          root,
          // Two test files at a time, each in its own workerd: the tests are CPU-bound in workerd, and CI
          // has 2 cores (Vitest's default there is 1 worker). The unit project uses the same number, so
          // that both run in one parallel group.
          maxWorkers: 2,
          include: ["test/worker/**/*.test.ts"],
          setupFiles: ["test/worker/setup.ts"],
          // The matrices create many people per test; on a busy 2-core machine 5 s is too tight.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "e2e",
          root,
          include: ["test/e2e/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/e2e/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "faults",
          root,
          include: ["test/faults/**/*.test.ts"],
          environment: "node",
          testTimeout: 600_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
