import { describe, expect, it } from "vitest";
import { tabKeyTarget } from "../../web/src/lib/tab-keys.ts";

describe("tab keys (the pair space's tabs, the report queue and the operator view)", () => {
  it("arrows wrap around, Home and End go to the ends, other keys do nothing", () => {
    expect(tabKeyTarget("ArrowRight", 0, 5)).toBe(1);
    expect(tabKeyTarget("ArrowRight", 4, 5)).toBe(0);
    expect(tabKeyTarget("ArrowLeft", 0, 5)).toBe(4);
    expect(tabKeyTarget("ArrowLeft", 3, 5)).toBe(2);
    expect(tabKeyTarget("Home", 3, 5)).toBe(0);
    expect(tabKeyTarget("End", 1, 5)).toBe(4);
    expect(tabKeyTarget("Enter", 1, 5)).toBeNull();
    expect(tabKeyTarget("a", 1, 5)).toBeNull();
  });
});
