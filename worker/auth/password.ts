import { normalizePassword } from "../../shared/rules/password-policy.ts";
import { fromBase64Url, toBase64Url } from "./encoding.ts";

/**
 * Workers cap PBKDF2 at 100,000 iterations. The count is stored inside each hash
 * ("pbkdf2-sha256$<iterations>$<salt>$<hash>"), so it can be raised later: `needsRehash` tells the
 * login route to re-hash with the current count once it knows the password.
 *
 * Passwords are hashed after NFKC normalisation; such hashes end in "$nfkc". Older hashes (without it)
 * were made from the password exactly as typed: they are checked normalised first, then as typed, and
 * re-hashed normalised at the next sign-in, so existing accounts keep signing in.
 */
const PBKDF2_ITERATIONS = 100_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(password), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

export async function hashPassword(password: string, iterations = PBKDF2_ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(normalizePassword(password), salt, iterations);
  return `pbkdf2-sha256$${iterations}$${toBase64Url(salt)}$${toBase64Url(hash)}$nfkc`;
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

function parseStored(stored: string) {
  const [scheme, iterations, salt, hash, flag] = stored.split("$");
  if (scheme !== "pbkdf2-sha256" || !iterations || !salt || !hash) return null;
  return { iterations: Number(iterations), salt: fromBase64Url(salt), hash: fromBase64Url(hash), normalized: flag === "nfkc" };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStored(stored);
  if (!parsed) return false;
  const normalized = normalizePassword(password);
  if (constantTimeEqual(await derive(normalized, parsed.salt, parsed.iterations), parsed.hash)) return true;
  // A hash from before normalisation, of a password typed in a form NFKC changes.
  if (!parsed.normalized && normalized !== password) {
    return constantTimeEqual(await derive(password, parsed.salt, parsed.iterations), parsed.hash);
  }
  return false;
}

export function needsRehash(stored: string): boolean {
  const parsed = parseStored(stored);
  return !parsed || parsed.iterations < PBKDF2_ITERATIONS || !parsed.normalized;
}

/** Spends the same time as a real check, so an unknown email is not told apart by timing. */
const DUMMY_HASH = "pbkdf2-sha256$100000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA$nfkc";
export async function burnPasswordCheck(password: string): Promise<void> {
  await verifyPassword(password, DUMMY_HASH);
}
