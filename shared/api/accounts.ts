import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "./users.ts";

/** One of my sessions. `id` is public and only names the session: it cannot be used to act as it. */
export const SessionInfo = z
  .object({
    id: z.string(),
    createdAt: z.string().meta({ description: "ISO time of the sign-in" }),
    lastUsedAt: z.string().meta({ description: "ISO time, to within 5 minutes" }),
    expiresAt: z.string().meta({ description: "When it ends unless used again (never after absoluteExpiresAt)" }),
    absoluteExpiresAt: z.string().meta({ description: "90 days after the sign-in, however often it is used" }),
    device: z.string().meta({ example: "Firefox on Windows" }),
    current: z.boolean().meta({ description: "The session making this request" }),
  })
  .meta({ id: "SessionInfo" });
export type SessionInfo = z.infer<typeof SessionInfo>;

export const SessionListResponse = z.object({ sessions: z.array(SessionInfo) }).meta({ id: "SessionListResponse" });
export type SessionListResponse = z.infer<typeof SessionListResponse>;

const CurrentPassword = z.string().min(1, "Enter your current password.").max(PASSWORD_MAX_LENGTH);

export const ChangePasswordBody = z
  .object({
    currentPassword: CurrentPassword,
    newPassword: z.string().min(1, "Enter a new password.").max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`),
  })
  .strict()
  .meta({ id: "ChangePasswordBody" });
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const DeleteAccountBody = z.object({ password: CurrentPassword }).strict().meta({ id: "DeleteAccountBody" });
export type DeleteAccountBody = z.infer<typeof DeleteAccountBody>;

/** 409 `last_owner` on account deletion: the groups to hand over or delete first. */
export const LastOwnerError = z
  .object({
    error: z.object({
      code: z.literal("last_owner"),
      message: z.string(),
      groups: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  })
  .meta({ id: "LastOwnerError" });
export type LastOwnerError = z.infer<typeof LastOwnerError>;
