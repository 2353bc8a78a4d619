import { describe, expect, it } from "vitest";
import {
  aggregateFeedback,
  computeReport,
  csvCell,
  median,
  openFeedbackRounds,
  quietState,
  reportCsv,
  type ReportPairInput,
} from "../../shared/rules/rhythm.ts";

const DAY = 86_400_000;
const start = Date.UTC(2026, 9, 1);
const settings = { nudgeAfterDays: 7, attentionAfterDays: 14 };

describe("quietState", () => {
  it("nudges after 7 quiet days, and again every 7 days while quiet", () => {
    const base = { lastActivityAt: start + DAY, startedAt: start, lastNudgeAt: null, ...settings };
    expect(quietState(base, start + 7 * DAY)).toMatchObject({ nudgeDue: false, needsAttention: false, nextCheckAt: start + 8 * DAY });
    expect(quietState(base, start + 8 * DAY)).toMatchObject({ nudgeDue: true, quietDays: 7, needsAttention: false });
    const nudged = { ...base, lastNudgeAt: start + 8 * DAY };
    expect(quietState(nudged, start + 10 * DAY)).toMatchObject({ nudgeDue: false, nextCheckAt: start + 15 * DAY });
    expect(quietState(nudged, start + 15 * DAY)).toMatchObject({ nudgeDue: true, needsAttention: true, quietDays: 14 });
  });
  it("starts again after any activity, and follows the program's settings", () => {
    const state = quietState({ lastActivityAt: start + 20 * DAY, startedAt: start, lastNudgeAt: start + 15 * DAY, ...settings }, start + 21 * DAY);
    expect(state).toMatchObject({ nudgeDue: false, needsAttention: false, nextCheckAt: start + 27 * DAY });
    const custom = quietState({ lastActivityAt: null, startedAt: start, lastNudgeAt: null, nudgeAfterDays: 3, attentionAfterDays: 5 }, start + 5 * DAY);
    expect(custom).toMatchObject({ nudgeDue: true, needsAttention: true, quietDays: 5 });
  });
});

describe("feedback", () => {
  it("opens the midpoint round halfway and the end round at the end", () => {
    expect(openFeedbackRounds({ startedAt: start, programDays: 56, ended: false }, start + 27 * DAY)).toEqual([]);
    expect(openFeedbackRounds({ startedAt: start, programDays: 56, ended: false }, start + 28 * DAY)).toEqual(["midpoint"]);
    expect(openFeedbackRounds({ startedAt: start, programDays: 56, ended: true }, start + DAY)).toEqual(["end"]);
    expect(openFeedbackRounds({ startedAt: start, programDays: 56, ended: true }, start + 56 * DAY)).toEqual(["midpoint", "end"]);
  });
  it("shows nothing of a question until 3 people answered it", () => {
    const two = aggregateFeedback([
      { question: "rating_end", value: "5", count: 1 },
      { question: "rating_end", value: "4", count: 1 },
      { question: "goal_met", value: "yes", count: 2 },
    ]);
    expect(two.ratingEnd).toEqual({ answers: 2, average: null });
    expect(two.goalMet).toEqual({ answers: 2, counts: null });
    const three = aggregateFeedback([
      { question: "rating_end", value: "5", count: 2 },
      { question: "rating_end", value: "2", count: 1 },
      { question: "goal_met", value: "yes", count: 2 },
      { question: "goal_met", value: "no", count: 1 },
    ]);
    expect(three.ratingEnd).toEqual({ answers: 3, average: 4 });
    expect(three.goalMet).toEqual({ answers: 3, counts: { yes: 2, partly: 0, no: 1 } });
    expect(three.ratingMidpoint).toEqual({ answers: 0, average: null });
  });
});

describe("computeReport", () => {
  const pair = (over: Partial<ReportPairInput>): ReportPairInput => ({
    id: "p",
    mentorName: "Jonas",
    menteeName: "Léa",
    status: "active",
    endReason: null,
    startedAt: start,
    endedAt: null,
    firstMentorMessageAt: null,
    firstMenteeMessageAt: null,
    meetingEnds: [],
    goalState: null,
    lastActivityAt: null,
    needsAttention: false,
    ...over,
  });
  const now = start + 60 * DAY;

  it("counts pairs, first messages, meetings, goals and reasons", () => {
    const report = computeReport(
      [
        pair({
          id: "a",
          status: "completed",
          endedAt: start + 56 * DAY,
          firstMentorMessageAt: start + DAY,
          firstMenteeMessageAt: start + 2 * DAY,
          meetingEnds: [start + 3 * DAY, start + 10 * DAY, now + DAY],
          goalState: "achieved",
        }),
        pair({
          id: "b",
          status: "ended",
          endReason: " Moved away ",
          endedAt: start + 20 * DAY,
          firstMentorMessageAt: start + 3 * DAY,
          firstMenteeMessageAt: start + 9 * DAY,
          goalState: "at_risk",
        }),
        pair({ id: "c", status: "ended", endReason: "Moved away" }),
        pair({ id: "d", firstMentorMessageAt: start + 5 * DAY, meetingEnds: [start + DAY], needsAttention: true }),
      ],
      [],
      now,
    );
    expect(report).toMatchObject({
      pairsMade: 4,
      active: 1,
      completed: 1,
      endedEarly: 2,
      endedEarlyByReason: [{ reason: "Moved away", count: 2 }],
      medianDaysToFirstMessage: { mentor: 3, mentee: 5.5 },
      bothWaysWithin7Days: 0.25,
      meetingsHeldPerPair: 0.75,
      goalsSet: 2,
      goalsAchieved: 1,
      needsAttention: 1,
    });
    expect(report.rows.map((r) => [r.pairId, r.meetingsHeld, r.daysToFirstMessageBothWays])).toEqual([
      ["a", 2, 2],
      ["b", 0, 9],
      ["c", 0, null],
      ["d", 1, null],
    ]);
  });

  it("writes a CSV with names, dates, counts and states only", () => {
    const report = computeReport(
      [pair({ id: "a", mentorName: '=HYPERLINK("x")', menteeName: "Léa, M.", status: "ended", endReason: "private reason" })],
      [],
      now,
    );
    const csv = reportCsv(report);
    expect(csv.split("\r\n")[0]).toBe(
      "pair_id,mentor,mentee,status,started_at,ended_at,days_to_first_message_both_ways,meetings_held,goal_state,last_activity_at,needs_attention",
    );
    expect(csv.split("\r\n")[1]).toBe(`a,"'=HYPERLINK(""x"")","Léa, M.",ended,2026-10-01T00:00:00.000Z,,,0,,,false`);
    expect(csv).not.toContain("private reason");
  });

  it("has a median and cells that behave", () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell(-1)).toBe("-1");
  });
});
