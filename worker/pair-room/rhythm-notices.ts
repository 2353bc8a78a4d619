import type { Env } from "../env.ts";
import { notifyStatement, type RhythmNotificationKind } from "../db/notifications.ts";
import { existingUserIds } from "../db/rhythm.ts";

export type RhythmNotice = { userId: string; kind: RhythmNotificationKind; data: Record<string, unknown> };

/**
 * The one place where the weekly rhythm tells people something outside the pair space: meeting reminders
 * (24 h and 1 h before), quiet-pair nudges and feedback requests. Today it writes in-app notifications.
 * A person whose account is gone (deleted, or erased from the room) is skipped, so the rest still go out.
 *
 * EMAIL AND PUSH: connect the notification pipeline here (each notice has the person, a kind and the data
 * the SPA renders in their language), so every reminder and nudge reaches email and push with no other change.
 */
export async function sendRhythmNotices(env: Env, notices: RhythmNotice[]): Promise<void> {
  if (!notices.length) return;
  const present = await existingUserIds(env.DB, [...new Set(notices.map((n) => n.userId))]);
  const deliverable = notices.filter((n) => present.has(n.userId));
  if (deliverable.length) await env.DB.batch(deliverable.map((n) => notifyStatement(env.DB, n.userId, n.kind, n.data)));
}
