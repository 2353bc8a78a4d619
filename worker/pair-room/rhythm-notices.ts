import type { Env } from "../env.ts";
import { notifyStatement, type RhythmNotificationKind } from "../db/notifications.ts";

export type RhythmNotice = { userId: string; kind: RhythmNotificationKind; data: Record<string, unknown> };

/**
 * The one place where the weekly rhythm tells people something outside the pair space: meeting reminders
 * (24 h and 1 h before), quiet-pair nudges and feedback requests. Today it writes in-app notifications
 * (notifyStatement skips anyone whose account is gone, so the rest still go out).
 *
 * EMAIL AND PUSH: connect the notification pipeline here (each notice has the person, a kind and the data
 * the SPA renders in their language), so every reminder and nudge reaches email and push with no other change.
 */
export async function sendRhythmNotices(env: Env, notices: RhythmNotice[]): Promise<void> {
  if (!notices.length) return;
  await env.DB.batch(notices.map((n) => notifyStatement(env.DB, n.userId, n.kind, n.data)));
}
