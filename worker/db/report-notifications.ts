import type { NotifyInput } from "../notifications/notify.ts";

/** A new report notifies every admin and owner of the group, except the reporter and the reported person. */
export async function reportNotifications(db: D1Database, groupId: string, reportedId: string, reporterId: string): Promise<NotifyInput[]> {
  const { results } = await db
    .prepare(
      `SELECT m.user_id, g.name AS group_name
       FROM group_members m JOIN groups g ON g.id = m.group_id
       WHERE m.group_id = ?1 AND m.role IN ('owner', 'admin') AND m.user_id NOT IN (?2, ?3)`,
    )
    .bind(groupId, reportedId, reporterId)
    .all<{ user_id: string; group_name: string }>();
  return results.map((row) => ({
    userId: row.user_id,
    kind: "report" as const,
    // Who was reported stays in the report queue, not in a notification that could outlive their account.
    data: { groupId, groupName: row.group_name },
  }));
}
