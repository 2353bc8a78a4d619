// Web Push on this device: the service worker (web/public/sw.js), the browser's permission and the
// PushSubscription that the server stores (POST/DELETE /api/me/push-subscriptions).
import { api } from "./api.ts";
import { registerServiceWorker } from "./service-worker.ts";

export type PushConfig = { publicKey: string | null; subscriptions: number };

export function pushSupported(): boolean {
  return typeof window !== "undefined" && "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
}

export async function currentSubscription(): Promise<PushSubscription | null> {
  if (!pushSupported()) return null;
  const registration = await navigator.serviceWorker.getRegistration("/");
  return (await registration?.pushManager.getSubscription()) ?? null;
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64url.replaceAll("-", "+").replaceAll("_", "/") + "===".slice((base64url.length + 3) % 4));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export class PushDenied extends Error {}

/** Asks for permission, subscribes this browser with the server's VAPID key and registers it with the API. */
export async function turnOnPush(publicKey: string): Promise<void> {
  const permission = await Notification.requestPermission();
  if (permission !== "granted") throw new PushDenied(permission);
  await registerServiceWorker();
  const registration = await navigator.serviceWorker.ready;
  const existing = await registration.pushManager.getSubscription();
  const subscription = existing ?? (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }));
  await api.post("/me/push-subscriptions", subscription.toJSON());
}

export async function turnOffPush(): Promise<void> {
  const subscription = await currentSubscription();
  if (!subscription) return;
  await api.delete("/me/push-subscriptions", { endpoint: subscription.endpoint });
  await subscription.unsubscribe();
}
