import { describe, expect, it } from "vitest";
import { computeHealth, type HealthInputs } from "../../shared/rules/health.ts";

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 30);
const base: HealthInputs = {
  active: true,
  stepsDone: 1,
  stepsTotal: 8,
  activitiesDone: 2,
  activitiesTotal: 30,
  checkinTimes: [now - DAY],
  lastActivityAt: now - DAY,
  startedAt: now - 10 * DAY,
  cadenceDays: 7,
};

describe("pair health", () => {
  it("is active for a pair that talks and checks in", () => {
    expect(computeHealth(base, now).state).toBe("active");
  });

  it("says contact is blocked when either person blocked the other, before quiet or missing check-ins", () => {
    expect(computeHealth({ ...base, blocked: true }, now).state).toBe("blocked");
    expect(computeHealth({ ...base, blocked: true, checkinTimes: [], lastActivityAt: null, startedAt: now - 30 * DAY }, now).state).toBe("blocked");
  });

  it("says ended for an ended pair, blocked or not", () => {
    expect(computeHealth({ ...base, active: false, blocked: true }, now).state).toBe("ended");
  });
});
