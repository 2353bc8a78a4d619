import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { ROOT, toolEnv } from "../../worker/dev/wrangler-dev.ts";

it("bundles the worker with `wrangler deploy --dry-run`, with no account and no network", () => {
  const outdir = mkdtempSync(join(tmpdir(), "mentorship-bundle-"));
  // The SPA's own build is checked by the browser tests; point assets at a stub so this test runs alone.
  const assets = mkdtempSync(join(tmpdir(), "mentorship-assets-"));
  writeFileSync(join(assets, "index.html"), "<!doctype html>");
  try {
    const args = ["deploy", "--dry-run", "--outdir", outdir, "--assets", assets];
    const result = spawnSync(join(ROOT, "node_modules/.bin/wrangler"), args, {
      cwd: ROOT,
      env: toolEnv(),
      encoding: "utf8",
    });
    expect(result.status, result.stderr + result.stdout).toBe(0);
    const bundle = join(outdir, "index.js");
    expect(existsSync(bundle)).toBe(true);
    expect(statSync(bundle).size).toBeGreaterThan(10_000);
    // Test scaffolding never ships: the baseline rooms and the fault test's eviction hook live in
    // test/bench/worker.ts, which only the benchmarks' own wrangler config builds.
    const code = readFileSync(bundle, "utf8");
    for (const name of ["BenchEcho", "DurableEcho", "evictForFaultTest", "/api/bench"]) expect(code, name).not.toContain(name);
    expect(code).toMatch(/PairRoom = class extends DurableObject|class PairRoom extends/);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
    rmSync(assets, { recursive: true, force: true });
  }
}, 60_000);
