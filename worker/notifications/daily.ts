// The Cron Trigger's daily run: each admin's digest, and one summary email for everyone who chose
// "daily" for some kind. Ids carry the date, so a second run on the same day sends nothing new.
import type { AdminDigestData } from "./templates/types.ts";
import { digestRows, usersWithDailyEmail } from "../db/admin-digest.ts";
import { pairsNeedingAttention } from "../db/rhythm.ts";
import type { Env } from "../env.ts";
import type { PersonMessage } from "./messages.ts";
import { prepareNotifications, type NotifyInput } from "./notify.ts";

/** The Cron Trigger of the daily run (wrangler.toml). */
export const DAILY_CRON = "0 7 * * *";

export async function dailyMessages(env: Env, now = Date.now()): Promise<PersonMessage[]> {
  const day = new Date(now).toISOString().slice(0, 10);
  const digests = new Map<string, AdminDigestData>();
  const [rows, quiet] = await Promise.all([digestRows(env.DB, now), pairsNeedingAttention(env.DB, null, now)]);
  for (const row of rows) {
    const digest = digests.get(row.user_id) ?? { groups: [] };
    let group = digest.groups.find((g) => g.groupId === row.group_id);
    if (!group) {
      group = { groupId: row.group_id, groupName: row.group_name, programs: [] };
      digest.groups.push(group);
    }
    group.programs.push({
      programId: row.program_id,
      programTitle: row.program_title,
      newApplications: row.new_applications,
      needsAttention: row.needs_attention,
      quietPairs: quiet
        .filter((q) => q.programId === row.program_id)
        .map((q) => ({ mentorName: q.mentorName, menteeName: q.menteeName, quietDays: q.quietDays })),
    });
    digests.set(row.user_id, digest);
  }
  const items: NotifyInput[] = [...digests].map(([userId, data]) => ({ id: `digest:${userId}:${day}`, userId, kind: "admin_digest", data, inApp: false }));
  const summaries: PersonMessage[] = (await usersWithDailyEmail(env.DB)).map((userId) => ({ type: "daily_summary", id: `summary:${userId}:${day}`, userId }));
  return [...prepareNotifications(env.DB, items).messages, ...summaries];
}

export async function runDaily(env: Env, now = Date.now()): Promise<number> {
  const messages = await dailyMessages(env, now);
  // sendBatch takes at most 100 messages.
  for (let i = 0; i < messages.length && env.NOTIFY_QUEUE; i += 100) {
    await env.NOTIFY_QUEUE.sendBatch(messages.slice(i, i + 100).map((body) => ({ body, contentType: "json" as const })));
  }
  return messages.length;
}
