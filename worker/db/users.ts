import type { PublicProfile, User } from "../../shared/api/users.ts";

export type UserRow = {
  id: string;
  email: string;
  display_name: string;
  birth_date: string;
  password_hash: string;
  about: string;
  topics: string;
  languages: string;
  time_zone: string | null;
  locale: string | null;
  created_at: string;
  /** Set when the address was verified (migration 0009); absent in rows from older queries. */
  email_verified_at?: string | null;
};

function jsonStrings(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    birthDate: row.birth_date,
    about: row.about,
    topics: jsonStrings(row.topics),
    languages: jsonStrings(row.languages),
    timeZone: row.time_zone,
    locale: row.locale === "en" || row.locale === "fr" || row.locale === "de" ? row.locale : null,
    createdAt: row.created_at,
    emailVerified: Boolean(row.email_verified_at),
  };
}

/** Ids of the placeholder that takes a deleted person's place (worker/db/accounts.ts). */
const DELETED_ID_PREFIX = "deleted-";

export function toPublicProfile(row: Pick<UserRow, "id" | "display_name" | "about" | "topics" | "languages" | "time_zone">): PublicProfile {
  return {
    ...(row.id.startsWith(DELETED_ID_PREFIX) ? { deleted: true } : {}),
    id: row.id,
    displayName: row.display_name,
    about: row.about,
    topics: jsonStrings(row.topics),
    languages: jsonStrings(row.languages),
    timeZone: row.time_zone,
  };
}

export function findUserById(db: D1Database, id: string) {
  return db.prepare("SELECT * FROM users WHERE id = ?1").bind(id).first<UserRow>();
}

export function findUserByEmail(db: D1Database, email: string) {
  return db.prepare("SELECT * FROM users WHERE email = ?1").bind(email).first<UserRow>();
}

export async function insertUser(
  db: D1Database,
  user: { email: string; displayName: string; birthDate: string; passwordHash: string; locale: string | null },
): Promise<UserRow | null> {
  // ON CONFLICT DO NOTHING makes the duplicate check and the insert one step: two sign-ups with the
  // same email at the same moment cannot both succeed.
  return db
    .prepare(
      `INSERT INTO users (id, email, display_name, birth_date, password_hash, locale, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
       ON CONFLICT (email) DO NOTHING
       RETURNING *`,
    )
    .bind(crypto.randomUUID(), user.email, user.displayName, user.birthDate, user.passwordHash, user.locale, new Date().toISOString())
    .first<UserRow>();
}

export function setPasswordHashStatement(db: D1Database, userId: string, passwordHash: string) {
  return db.prepare("UPDATE users SET password_hash = ?2 WHERE id = ?1").bind(userId, passwordHash);
}

/** The profile fields a user may edit, and their columns. */
const PROFILE_COLUMNS = {
  displayName: "display_name",
  about: "about",
  topics: "topics",
  languages: "languages",
  timeZone: "time_zone",
  locale: "locale",
} as const;

/**
 * Writes the given profile fields (lists as JSON without duplicates) and returns the row; with nothing
 * to write, just reads it. Null when there is no such user.
 */
export async function updateProfile(db: D1Database, userId: string, patch: Partial<Record<keyof typeof PROFILE_COLUMNS, unknown>>): Promise<UserRow | null> {
  const sets: string[] = [];
  const values: unknown[] = [userId];
  for (const [field, column] of Object.entries(PROFILE_COLUMNS) as [keyof typeof PROFILE_COLUMNS, string][]) {
    const value = patch[field];
    if (value === undefined) continue;
    values.push(Array.isArray(value) ? JSON.stringify([...new Set(value)]) : value);
    sets.push(`${column} = ?${values.length}`);
  }
  return sets.length
    ? await db
        .prepare(`UPDATE users SET ${sets.join(", ")} WHERE id = ?1 RETURNING *`)
        .bind(...values)
        .first<UserRow>()
    : await findUserById(db, userId);
}
