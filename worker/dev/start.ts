// `npm start`: build the SPA, migrate the local D1 database, start `wrangler dev` on
// http://127.0.0.1:8787, and seed the demo data the first time the local state is used.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from "./seed.ts";
import { ensureDevVars } from "./dev-secrets.ts";
import { ROOT, applyMigrations, buildSpa, startWranglerDev } from "./wrangler-dev.ts";

const PORT = Number(process.env.PORT ?? 8787);
const STATE_DIR = join(ROOT, ".wrangler", "state");
const SEEDED_MARKER = join(STATE_DIR, "demo-seeded");

async function main() {
  console.log("Building the SPA…");
  buildSpa();
  const added = await ensureDevVars(ROOT);
  if (added.length) console.log(`Wrote development ${added.join(", ")} into .dev.vars`);
  console.log("Applying D1 migrations to the local database…");
  applyMigrations();
  console.log(`Starting wrangler dev on http://127.0.0.1:${PORT} …`);
  const server = await startWranglerDev({ port: PORT, inheritOutput: true, vars: { APP_URL: `http://127.0.0.1:${PORT}` } }).catch((error: Error) => {
    console.error(`\nCould not start wrangler dev. Is port ${PORT} already in use? Set PORT=… to use another.\n`);
    throw error;
  });

  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.child.on("exit", (code) => process.exit(code ?? 1));

  if (!existsSync(SEEDED_MARKER)) {
    console.log("First run: creating the demo data…");
    await seedDemo(server.url);
    mkdirSync(STATE_DIR, { recursive: true });
    writeFileSync(SEEDED_MARKER, `${new Date().toISOString()}\n`);
  }

  console.log(`
  Mentorship is running at ${server.url}

  Demo accounts (password for all: ${DEMO_PASSWORD})
${DEMO_ACCOUNTS.map((a) => `    ${a.email.padEnd(22)} ${a.displayName.padEnd(14)} ${a.role}`).join("\n")}

  Emails are not sent: see them at ${server.url}/cdn-cgi/explorer/ (Email).
  Local data lives in .wrangler/state; delete that folder to start over. Press Ctrl+C to stop.
`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
