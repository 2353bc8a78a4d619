import { quietState } from "../../shared/rules/rhythm.ts";
import { RHYTHM_SETTINGS_DEFAULTS } from "../../shared/api/rhythm.ts";
import { rhythmSettingsOfProgram } from "../db/rhythm.ts";
import type { RhythmHost } from "./rhythm-host.ts";
import type { RhythmNotice } from "./rhythm-notices.ts";

const DAY_MS = 86_400_000;

/**
 * Nudges for a quiet pair: no message, post, step, check-in or meeting for the program's `nudgeAfterDays`
 * (7 by default) and both people get a nudge with this week's step, again every `nudgeAfterDays` while the
 * quiet lasts. Driven by the room's alarm; an ended pair is never nudged.
 */
export class Nudges {
  constructor(private readonly host: RhythmHost) {}

  lastNudgeAt(): number | null {
    const value = this.host.meta("last_nudge_at");
    return value ? Number(value) : null;
  }

  /** When to look again. Before the first check the settings are unknown: look after a day. */
  nextCheckAt(): number | null {
    if (!this.host.isActive()) return null;
    const stored = this.host.meta("nudge_check_at");
    return stored ? Number(stored) : this.host.startedAt() + DAY_MS;
  }

  /** Checks the quiet; returns the nudges to send now (possibly none) and remembers the next check. */
  async check(now = this.host.now()): Promise<RhythmNotice[]> {
    if (!this.host.isActive()) return [];
    const settings = (await rhythmSettingsOfProgram(this.host.env.DB, this.host.programId())) ?? RHYTHM_SETTINGS_DEFAULTS;
    const state = quietState(
      { lastActivityAt: this.host.lastActivityAt(), startedAt: this.host.startedAt(), lastNudgeAt: this.lastNudgeAt(), ...settings },
      now,
    );
    this.host.setMeta("nudge_check_at", String(state.nextCheckAt));
    if (!state.nudgeDue) return [];
    this.host.setMeta("last_nudge_at", String(now));
    const members = this.host.members();
    const step = this.host.currentStep();
    return members.map((member) => ({
      id: `pair_nudge:${this.host.pairId()}:${now}:${member.userId}`,
      userId: member.userId,
      kind: "pair_nudge" as const,
      data: {
        pairId: this.host.pairId(),
        otherName: members.find((m) => m.userId !== member.userId)?.displayName ?? "",
        quietDays: state.quietDays,
        week: step?.week ?? null,
        stepTitle: step?.title ?? "",
      },
    }));
  }
}
