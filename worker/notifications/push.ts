// Web Push (RFC 8030 delivery, RFC 8291 aes128gcm payload encryption, RFC 8292 VAPID) through
// @block65/webcrypto-web-push: Web Crypto only, so it runs in Workers as it is (the classic `web-push`
// package needs node:crypto and node:https). @pushforge/builder was tried first and dropped: it encrypts
// with the pre-RFC "aesgcm" draft encoding, which RFC 8291 replaced.
import { buildPushPayload } from "@block65/webcrypto-web-push";
import type { Env } from "../env.ts";
import type { PushPayload } from "./render.ts";

export type StoredSubscription = { endpoint: string; p256dh: string; auth: string };
export type PushResult = { ok: true; status: number } | { ok: false; gone: boolean; status: number | null; error: string };

export function pushConfigured(env: Env): boolean {
  return Boolean(env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY);
}

/** The private key's base64url `d`; a JWK (JSON) is accepted too. */
function vapidPrivateKey(privateKey: string): string {
  const trimmed = privateKey.trim();
  return trimmed.startsWith("{") ? String((JSON.parse(trimmed) as JsonWebKey).d ?? "") : trimmed;
}

/** Loopback http endpoints are accepted only for the local test push service (PUSH_ALLOW_LOOPBACK=1). */
function isLoopbackHttp(endpoint: string): boolean {
  try {
    const url = new URL(endpoint);
    return url.protocol === "http:" && (url.hostname === "127.0.0.1" || url.hostname === "localhost");
  } catch {
    return false;
  }
}

export function acceptableEndpoint(env: Env, endpoint: string): boolean {
  try {
    if (new URL(endpoint).protocol === "https:") return true;
  } catch {
    return false;
  }
  return env.PUSH_ALLOW_LOOPBACK === "1" && isLoopbackHttp(endpoint);
}

export async function sendPush(env: Env, subscription: StoredSubscription, payload: PushPayload, fetcher: typeof fetch): Promise<PushResult> {
  if (!env.VAPID_PUBLIC_KEY || !env.VAPID_PRIVATE_KEY) return { ok: false, gone: false, status: null, error: "push is not configured" };
  // The library insists on https. A loopback test endpoint is signed as its https twin (the VAPID
  // audience is then https://127.0.0.1:port) and sent over plain http.
  const loopback = env.PUSH_ALLOW_LOOPBACK === "1" && isLoopbackHttp(subscription.endpoint);
  const endpoint = loopback ? subscription.endpoint.replace(/^http:/, "https:") : subscription.endpoint;
  try {
    const request = await buildPushPayload(
      { data: payload, options: { ttl: 24 * 60 * 60, urgency: "normal", topic: payload.tag.replace(/[^A-Za-z0-9_-]/g, "").slice(0, 32) || "note" } },
      { endpoint, expirationTime: null, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
      {
        subject: env.VAPID_SUBJECT ?? `mailto:${senderAddress(env.MAIL_FROM)}`,
        publicKey: env.VAPID_PUBLIC_KEY,
        privateKey: vapidPrivateKey(env.VAPID_PRIVATE_KEY),
      },
    );
    const res = await fetcher(subscription.endpoint, { method: "POST", headers: request.headers, body: request.body });
    await res.body?.cancel();
    if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status };
    return { ok: false, gone: res.status === 404 || res.status === 410, status: res.status, error: `push service answered ${res.status}` };
  } catch (error) {
    return { ok: false, gone: false, status: null, error: error instanceof Error ? error.message : String(error) };
  }
}

/** `Name <address>` or a bare address → the address. */
function senderAddress(mailFrom: string | undefined): string {
  const value = mailFrom ?? "notifications@mentorship.example";
  return value.match(/<([^>]+)>/)?.[1]?.trim() ?? value.trim();
}
