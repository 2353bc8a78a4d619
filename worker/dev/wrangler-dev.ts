// Node-side tooling shared by `npm start`, the browser tests and the benchmarks: build the SPA, migrate
// the local D1 database and run `wrangler dev` as a child process group that can be stopped as a whole.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");
const BIN = join(ROOT, "node_modules", ".bin");

/** wrangler must not try to reach the network: no telemetry, no Request.cf download, no prompts. */
export const OFFLINE_ENV = {
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_NO_SKILLS_UPDATE_PROMPTS: "true",
  NO_COLOR: "1",
};

/**
 * The environment for the tools: offline, and with node_modules/.bin first on PATH so that wrangler and
 * vite run on the project's own Node 22 even when this script was started by an older system Node.
 */
export function toolEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...OFFLINE_ENV, PATH: `${BIN}${process.platform === "win32" ? ";" : ":"}${process.env.PATH ?? ""}` };
  // Started from inside Vitest, the child would inherit its markers and build as a test run.
  for (const name of Object.keys(env)) if (name.startsWith("VITEST")) delete env[name];
  if (env.NODE_ENV === "test") delete env.NODE_ENV;
  return env;
}

function run(command: string, args: string[], label: string) {
  const result = spawnSync(join(BIN, command), args, {
    cwd: ROOT,
    env: toolEnv(),
    encoding: "utf8",
  });
  if (result.status !== 0) {
    throw new Error(`${label} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/** Builds the SPA into dist/web, or into `outDir` so that parallel test runs never share a folder. */
export function buildSpa(outDir?: string) {
  run("vite", ["build", "--logLevel", "warn", ...(outDir ? ["--outDir", outDir, "--emptyOutDir"] : [])], "vite build");
}

export function applyMigrations(persistTo?: string) {
  const args = ["d1", "migrations", "apply", "DB", "--local"];
  if (persistTo) args.push("--persist-to", persistTo);
  return run("wrangler", args, "wrangler d1 migrations apply");
}

/** `run`, without blocking: resolves with the output, rejects with it on a non-zero exit. */
function runInBackground(command: string, args: string[], label: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(BIN, command), args, { cwd: ROOT, env: toolEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${label} failed (exit ${code}):\n${stdout}\n${stderr}`))));
  });
}

/**
 * Builds the SPA into `assets` and migrates the D1 database in `persistTo` at the same time: the build
 * is CPU work, and most of the migration is wrangler starting up.
 */
export async function buildSpaAndMigrate(assets: string, persistTo: string): Promise<void> {
  await Promise.all([
    runInBackground("vite", ["build", "--logLevel", "warn", "--outDir", assets, "--emptyOutDir"], "vite build"),
    runInBackground("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo], "wrangler d1 migrations apply"),
  ]);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export type WranglerDev = { url: string; child: ChildProcess; output: () => string; stop: () => Promise<void> };

/**
 * Starts `wrangler dev` in its own process group (detached), so that stopping it also stops the two
 * workerd processes it runs. Resolves once the API answers.
 */
export async function startWranglerDev(options: {
  port: number;
  persistTo?: string;
  /** A built SPA other than dist/web. */
  assets?: string;
  vars?: Record<string, string>;
  inheritOutput?: boolean;
  /** Another wrangler config, such as the benchmarks' worker (test/bench/wrangler.toml). */
  config?: string;
}): Promise<WranglerDev> {
  const args = ["dev", "--ip", "127.0.0.1", "--port", String(options.port), "--log-level", "warn", "--show-interactive-dev-session=false"];
  if (options.persistTo) args.push("--persist-to", options.persistTo);
  if (options.config) args.push("--config", options.config);
  if (options.assets) args.push("--assets", options.assets);
  for (const [name, value] of Object.entries(options.vars ?? {})) args.push("--var", `${name}:${value}`);
  const child = spawn(join(BIN, "wrangler"), args, {
    cwd: ROOT,
    env: toolEnv(),
    detached: true,
    stdio: options.inheritOutput ? ["ignore", "inherit", "inherit"] : ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (chunk) => (log += chunk));
  child.stderr?.on("data", (chunk) => (log += chunk));
  const url = `http://127.0.0.1:${options.port}`;

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {}
    }, 5000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited early (${child.exitCode}):\n${log}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return { url, child, output: () => log, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`wrangler dev did not answer within 60 s:\n${log}`);
}

/** The benchmarks' and fault test's worker: the product plus baseline rooms and an eviction hook, never deployed. */
export const BENCH_WRANGLER_CONFIG = join(ROOT, "test", "bench", "wrangler.toml");
