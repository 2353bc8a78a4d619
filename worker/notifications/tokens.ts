// Signed unsubscribe tokens: `<userId>.<kind>.<HMAC-SHA256>`. They work without sign-in, name one person
// and one kind of email, and never expire (RFC 8058 asks that the link keep working).
import { DeliveryKind } from "../../shared/api/notification-preferences.ts";
import { fromBase64Url, toBase64Url } from "../auth/encoding.ts";

const keys = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string) {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
    keys.set(secret, key);
  }
  return key;
}

function requireSecret(secret: string | undefined): string {
  if (!secret || secret.length < 16) throw new Error("NOTIFY_SIGNING_KEY is missing or shorter than 16 characters.");
  return secret;
}

export async function unsubscribeToken(secret: string | undefined, userId: string, kind: DeliveryKind): Promise<string> {
  const key = await hmacKey(requireSecret(secret));
  const signature = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`unsubscribe:${userId}:${kind}`));
  return `${userId}.${kind}.${toBase64Url(new Uint8Array(signature))}`;
}

export async function readUnsubscribeToken(secret: string | undefined, token: string): Promise<{ userId: string; kind: DeliveryKind } | null> {
  const [userId, kind, signature, ...rest] = token.split(".");
  if (!userId || !kind || !signature || rest.length) return null;
  const parsedKind = DeliveryKind.safeParse(kind);
  if (!parsedKind.success) return null;
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(signature);
  } catch {
    return null;
  }
  const key = await hmacKey(requireSecret(secret));
  const valid = await crypto.subtle.verify("HMAC", key, bytes, new TextEncoder().encode(`unsubscribe:${userId}:${parsedKind.data}`));
  return valid ? { userId, kind: parsedKind.data } : null;
}
