// The sign-in and home pages load only some groups of strings (web/src/i18n/sections.ts). A message those
// pages use from a group they do not load would show as nothing at all, which no browser test notices:
// here every message key written in their code (and in every module they import) must be in a group
// they load.
import { existsSync, readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { groupOf, pickGroup, SECTION_GROUPS, type SectionGroup } from "../../web/src/i18n/sections.ts";

const ROOT = resolve(import.meta.dirname, "../..");
// Imported by a computed path: the language file's type imports belong to the SPA's type check, not this one.
const EN_FILE = "../../web/src/i18n/locales/en.ts";
const { default: en } = (await import(EN_FILE)) as { default: Record<string, unknown> };
const SECTIONS = new Set(Object.keys(en));

/** Message keys ("home.title", or the fixed start of `groups.focus.${focus}`) in a module and its imports. */
function keysUsedBy(entry: string) {
  const seen = new Set<string>();
  const keys = new Map<string, string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, "utf8");
    for (const [, path] of code.matchAll(/^import\s+(?!type\b)[^"']*?["'](\.[^"']+\.tsx?)["']/gm)) {
      const target = resolve(dirname(file), path!);
      // The i18n modules hold the dictionaries themselves, not uses of them.
      if (existsSync(target) && !target.includes("/i18n/")) visit(target);
    }
    for (const [, key] of code.matchAll(/["`]([a-z][a-zA-Z]*(?:\.[a-zA-Z0-9_]+)+)(?:\.\$\{|["`])/g)) {
      if (SECTIONS.has(key!.split(".")[0]!)) keys.set(key!, relative(ROOT, file));
    }
  };
  visit(resolve(ROOT, entry));
  return { keys, files: seen.size };
}

const hasPath = (dict: unknown, key: string) =>
  key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], dict) !== undefined;

describe("strings loaded with the first pages", () => {
  const cases: [string, string[], SectionGroup[]][] = [
    ["sign-in", ["web/src/pages/SignIn.tsx", "web/src/components/AppShell.tsx", "web/src/pages/NotFound.tsx"], ["boot"]],
    ["home", ["web/src/pages/Home.tsx", "web/src/components/NotificationBell.tsx"], ["boot", "home"]],
  ];
  for (const [name, entries, groups] of cases) {
    it(`finds every message of the ${name} page in the groups it loads (${groups.join(", ")})`, () => {
      const outside: string[] = [];
      let found = 0;
      for (const entry of entries) {
        const { keys, files } = keysUsedBy(entry);
        expect(files).toBeGreaterThan(1);
        for (const [key, file] of keys) {
          found += 1;
          expect(hasPath(en, key), `${key} (${file}) is in the English file`).toBe(true);
          if (!groups.includes(groupOf(key))) outside.push(`${key} (${file}) is in "${groupOf(key)}"`);
        }
      }
      expect(found).toBeGreaterThan(10);
      expect(outside).toEqual([]);
    });
  }

  it("splits a language into groups that hold every message exactly once", () => {
    const count = (node: unknown): number =>
      typeof node === "object" && node !== null && !("other" in node) ? Object.values(node).reduce<number>((sum, value) => sum + count(value), 0) : 1;
    const sizes = SECTION_GROUPS.map((group) => count(pickGroup(en, group)));
    expect(sizes.every((size) => size > 0)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(count(en));
    // A section may be shared: "groups.focus" goes with home, the rest of "groups" does not.
    expect(hasPath(pickGroup(en, "home"), "groups.focus")).toBe(true);
    expect(hasPath(pickGroup(en, "home"), "groups.members")).toBe(true);
    expect(hasPath(pickGroup(en, "rest"), "groups.focus")).toBe(false);
    expect(Object.keys(pickGroup(en, "rest"))).toContain("groups");
  });
});
