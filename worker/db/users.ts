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
  };
}

export function toPublicProfile(row: Pick<UserRow, "id" | "display_name" | "about" | "topics" | "languages" | "time_zone">): PublicProfile {
  return {
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
