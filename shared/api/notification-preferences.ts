import { z } from "zod";
import { DELIVERY_KINDS } from "../rules/notification-kinds.ts";

/**
 * The kinds of notification that can leave the app by email or push. In-app notifications are always on.
 * Security emails (address verification, address change, password reset) are not a kind: they cannot be
 * turned off and carry no unsubscribe link.
 */
export { DELIVERY_KINDS };
export const DeliveryKind = z.enum(DELIVERY_KINDS);
export type DeliveryKind = z.infer<typeof DeliveryKind>;

const EmailFrequency = z.enum(["immediately", "daily", "off"]);
const PushSetting = z.enum(["on", "off"]);

export const KindPreference = z.object({ email: EmailFrequency, push: PushSetting }).strict();
export type KindPreference = z.infer<typeof KindPreference>;

export const NotificationPreferences = z
  .object({
    kinds: z.object(Object.fromEntries(DELIVERY_KINDS.map((kind) => [kind, KindPreference])) as Record<DeliveryKind, typeof KindPreference>).strict(),
    /** Put the text of waiting messages into emails and push notifications. Off unless turned on. */
    messagePreviews: z.boolean(),
  })
  .strict()
  .meta({ id: "NotificationPreferences" });
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

export const DEFAULT_PREFERENCES: NotificationPreferences = {
  kinds: {
    paired: { email: "immediately", push: "on" },
    messages_waiting: { email: "immediately", push: "on" },
    checkin_reminder: { email: "immediately", push: "on" },
    meeting_reminder: { email: "immediately", push: "on" },
    pair_nudge: { email: "immediately", push: "on" },
    feedback_requested: { email: "immediately", push: "on" },
    report: { email: "immediately", push: "on" },
    report_escalated: { email: "immediately", push: "on" },
    join_request: { email: "immediately", push: "on" },
    join_request_decided: { email: "immediately", push: "on" },
    pair_ended: { email: "immediately", push: "on" },
    admin_digest: { email: "daily", push: "off" },
  },
  messagePreviews: false,
};

export const NotificationPreferencesResponse = z.object({ preferences: NotificationPreferences }).meta({ id: "NotificationPreferencesResponse" });

const base64Url = (bytes: number, what: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, `${what} must be base64url.`)
    .refine((value) => Math.floor((value.replace(/=+$/, "").length * 3) / 4) === bytes, `${what} must be ${bytes} bytes.`);

/** The browser's `PushSubscription.toJSON()`. */
export const PushSubscriptionBody = z
  .object({
    endpoint: z.url({ message: "endpoint must be a URL." }).max(2048),
    expirationTime: z.number().nullable().optional(),
    keys: z.object({ p256dh: base64Url(65, "keys.p256dh"), auth: base64Url(16, "keys.auth") }),
  })
  .meta({ id: "PushSubscriptionBody" });
export type PushSubscriptionBody = z.infer<typeof PushSubscriptionBody>;

export const DeletePushSubscriptionBody = z.object({ endpoint: z.string().min(1).max(2048) }).meta({ id: "DeletePushSubscriptionBody" });

export const TokenBody = z.object({ token: z.string().min(1).max(512) }).meta({ id: "TokenBody" });
export const PasswordResetRequestBody = z
  .object({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .max(254)
      .pipe(z.email({ message: "Enter a valid email address." })),
  })
  .meta({ id: "PasswordResetRequestBody" });

import { Password } from "./users.ts";
export const PasswordResetConfirmBody = z.object({ token: z.string().min(1).max(512), password: Password }).meta({ id: "PasswordResetConfirmBody" });
export const UnsubscribeResponse = z.object({ kind: DeliveryKind, unsubscribed: z.literal(true) }).meta({ id: "UnsubscribeResponse" });
