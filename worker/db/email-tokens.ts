// Single-use tokens sent by email (verification, address change, password reset). Only hashes are stored.
import { randomToken, sha256Base64Url } from "../auth/encoding.ts";

export type TokenPurpose = "verify" | "change" | "reset";
const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  verify: 24 * 60 * 60 * 1000,
  change: 24 * 60 * 60 * 1000,
  reset: 60 * 60 * 1000,
};

type EmailTokenRow = {
  token_hash: string;
  user_id: string;
  purpose: TokenPurpose;
  email: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
};

/** A new token, and the statements that store it and retire the person's earlier unused ones of the same purpose. */
export async function newTokenStatements(db: D1Database, userId: string, purpose: TokenPurpose, email: string, now = Date.now()) {
  const token = randomToken();
  const statements = [
    db.prepare("UPDATE email_tokens SET used_at = ?3 WHERE user_id = ?1 AND purpose = ?2 AND used_at IS NULL").bind(userId, purpose, now),
    db
      .prepare("INSERT INTO email_tokens (token_hash, user_id, purpose, email, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
      .bind(await sha256Base64Url(token), userId, purpose, email, now, now + TOKEN_TTL_MS[purpose]),
  ];
  return { token, statements };
}

export type TokenCheck = { ok: true; row: EmailTokenRow; hash: string } | { ok: false; reason: "invalid" | "expired" };

/** Looks a token up without using it. Unknown, used, or of another purpose: invalid. */
export async function checkToken(db: D1Database, token: string, purposes: TokenPurpose[], now = Date.now()): Promise<TokenCheck> {
  if (!token || token.length > 512) return { ok: false, reason: "invalid" };
  const hash = await sha256Base64Url(token);
  const row = await db.prepare("SELECT * FROM email_tokens WHERE token_hash = ?1").bind(hash).first<EmailTokenRow>();
  if (!row || row.used_at !== null || !purposes.includes(row.purpose)) return { ok: false, reason: "invalid" };
  if (row.expires_at <= now) return { ok: false, reason: "expired" };
  return { ok: true, row, hash };
}

/** Marks a token used; in the same batch as what it does, and only if nobody used it first. */
export function useTokenStatement(db: D1Database, hash: string, now = Date.now()) {
  return db.prepare("UPDATE email_tokens SET used_at = ?2 WHERE token_hash = ?1 AND used_at IS NULL AND expires_at > ?2").bind(hash, now);
}
