import type { DeliveryKind } from "../../shared/api/notification-preferences.ts";

/** Emails that protect the account. They go out whatever the preferences say and have no unsubscribe. */
export type SecurityEmail = "verify_email" | "email_change" | "email_changed" | "password_reset";

/**
 * What the notification queue carries. A notification for a person is delivered by email and push
 * according to their preferences; a security email goes to exactly one address. `id` makes every
 * delivery idempotent: deliveries are recorded per (id, channel, target).
 */
export type NotifyMessage = PersonMessage | RoomsMessage;

/** A message for one person. */
export type PersonMessage =
  | { type: "notification"; id: string; userId: string; kind: DeliveryKind; data: Record<string, unknown> }
  | { type: "security_email"; id: string; userId: string; to: string; template: SecurityEmail; data: Record<string, unknown> }
  | { type: "daily_summary"; id: string; userId: string };

/** Not a notification: creates the rooms a bulk publish left in the room outbox, outside the request. */
type RoomsMessage = { type: "deliver_rooms"; id: string };
