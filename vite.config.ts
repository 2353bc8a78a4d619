import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import solid from "vite-plugin-solid";
import { defineConfig } from "vitest/config";
import { generateDevSecrets } from "./worker/dev/dev-secrets.ts";

const root = import.meta.dirname;
const WRANGLER_DEV = process.env.WRANGLER_DEV_URL ?? "http://127.0.0.1:8787";

export default defineConfig({
  root: `${root}/web`,
  publicDir: `${root}/web/public`,
  // Under Vitest the projects below bring their own plugins; solid() here would force jsdom on all of them.
  plugins: process.env.VITEST ? [] : [solid()],
  build: {
    outDir: `${root}/dist/web`,
    emptyOutDir: true,
    target: "es2022",
    // The CSP forbids inline script, so never inline Vite's module preload helper as a data: URL.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
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
