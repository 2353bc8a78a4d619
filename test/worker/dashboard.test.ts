// The program dashboard says that contact stopped in a blocked pair, counts it as needing attention on
// the SPA side, and never says who blocked whom.
import { describe, expect, it } from "vitest";
import { pairUp, programWithApplicants } from "./helpers.ts";

describe("program dashboard: blocked pairs", () => {
  it("shows a pair as blocked after either person blocks the other, without naming the blocker", async () => {
    const setup = await programWithApplicants();
    const pair = await pairUp(setup.admin, setup.programId, setup.mentor, setup.mentee);
    const before = await setup.admin.client.get(`/programs/${setup.programId}/dashboard`);
    expect(before.status).toBe(200);
    expect(before.json.pairs.find((entry: { pair: { id: string } }) => entry.pair.id === pair.id).health.state).toBe("active");

    const blocked = await setup.mentee.client.post(`/users/${setup.mentor.user.id}/block`);
    expect([200, 201, 204]).toContain(blocked.status);
    // The dashboard keeps its figures for up to 5 s per isolate; a block is not among what drops them.
    await new Promise((resolve) => setTimeout(resolve, 5_100));
    const after = await setup.admin.client.get(`/programs/${setup.programId}/dashboard`);
    const entry = after.json.pairs.find((e: { pair: { id: string } }) => e.pair.id === pair.id);
    expect(entry.health.state).toBe("blocked");
    expect(after.text).not.toMatch(/blocker|blockedBy|blocked_by/i);
  }, 20_000);
});
