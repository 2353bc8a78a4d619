import type { Env } from "../env.ts";
import type { RhythmNotificationKind } from "../db/notifications.ts";
import { notify, type Waiter } from "../notifications/notify.ts";

/** `id` is stable per reason (this meeting's lead time, this round, this quiet spell): a retried alarm notifies once. */
export type RhythmNotice = { id: string; userId: string; kind: RhythmNotificationKind; data: Record<string, unknown> };

/**
 * The one place where the weekly rhythm tells people something outside the pair space: meeting reminders
 * (24 h and 1 h before), quiet-pair nudges and feedback requests. Each is written in-app at once (skipping
 * anyone whose account is gone) and goes out by email and push through the notification pipeline, by each
 * person's preferences (worker/notifications/notify.ts).
 */
export async function sendRhythmNotices(env: Env, waiter: Waiter, notices: RhythmNotice[]): Promise<void> {
  if (!notices.length) return;
  await notify(env, waiter, notices);
}
