// What an admin's daily digest counts: new applications in the last day and active pairs that need
// attention (quiet for at least their program's attentionAfterDays, as on the dashboard), per program of
// the groups they run.

const DAY_MS = 86_400_000;

export type DigestRow = {
  user_id: string;
  group_id: string;
  group_name: string;
  program_id: string;
  program_title: string;
  new_applications: number;
  needs_attention: number;
};

export async function digestRows(db: D1Database, now: number): Promise<DigestRow[]> {
  const since = new Date(now - DAY_MS).toISOString();
  const { results } = await db
    .prepare(
      `WITH per_program AS (
         SELECT p.id AS program_id, p.group_id, p.title,
           (SELECT COUNT(*) FROM applications a WHERE a.program_id = p.id AND a.status = 'waiting' AND a.created_at > ?1) AS new_applications,
           (SELECT COUNT(*) FROM pairs x LEFT JOIN pair_health h ON h.pair_id = x.id
              WHERE x.program_id = p.id AND x.status = 'active'
                AND MAX(COALESCE(h.last_activity_at, 0), CAST(strftime('%s', x.started_at) AS INTEGER) * 1000) <= ?2 - p.attention_after_days * ?3) AS needs_attention
         FROM programs p WHERE p.status IN ('open', 'closed')
       )
       SELECT m.user_id, g.id AS group_id, g.name AS group_name, pp.program_id, pp.title AS program_title, pp.new_applications, pp.needs_attention
       FROM per_program pp
       JOIN groups g ON g.id = pp.group_id
       JOIN group_members m ON m.group_id = g.id AND m.role IN ('owner', 'admin')
       WHERE pp.new_applications > 0 OR pp.needs_attention > 0
       ORDER BY m.user_id, g.name, pp.title`,
    )
    .bind(since, now, DAY_MS)
    .all<DigestRow>();
  return results;
}

export async function usersWithDailyEmail(db: D1Database): Promise<string[]> {
  const { results } = await db
    .prepare("SELECT DISTINCT user_id FROM notification_deliveries WHERE status = 'daily' AND channel = 'email' AND user_id IS NOT NULL")
    .all<{ user_id: string }>();
  return results.map((row) => row.user_id);
}
