// The SPA's entry chunk stays small: zod (the pair page's zod/mini frame parser) and partysocket load only
// with the pair page. The entry is index.html's script and every module it preloads.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { buildSpa } from "../../worker/dev/wrangler-dev.ts";

const ZOD = /\$ZodType|ZodMini/;
const PARTYSOCKET = /No WebSocket implementation available/;

it("keeps zod and partysocket out of the SPA's entry chunk, and in the pair page's", () => {
  const outDir = mkdtempSync(join(tmpdir(), "mentorship-spa-"));
  try {
    buildSpa(outDir);
    const html = readFileSync(join(outDir, "index.html"), "utf8");
    const entry = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
    expect(entry.length).toBeGreaterThan(0);
    for (const file of entry) {
      const code = readFileSync(join(outDir, file), "utf8");
      expect(ZOD.test(code), `zod in ${file}`).toBe(false);
      expect(PARTYSOCKET.test(code), `partysocket in ${file}`).toBe(false);
    }
    // The markers do find them where they belong, so the check above can fail.
    const pairPage = readdirSync(join(outDir, "assets")).filter((file) => file.startsWith("PairPage-") && file.endsWith(".js"));
    expect(pairPage).toHaveLength(1);
    const code = readFileSync(join(outDir, "assets", pairPage[0]!), "utf8");
    expect(ZOD.test(code)).toBe(true);
    expect(PARTYSOCKET.test(code)).toBe(true);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}, 120_000);
