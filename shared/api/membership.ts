import { z } from "zod";
import { GroupFocus, JoinPolicy } from "./groups.ts";

// ---------------------------------------------------------------------------------------------
// Directory

export const DirectoryQuery = z.object({
  q: z.string().trim().max(100, "Keep the search under 100 characters.").optional(),
  focus: GroupFocus.optional(),
});

export const DirectoryGroup = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    focus: GroupFocus,
    memberCount: z.number().int(),
    openProgramsCount: z.number().int(),
    joinPolicy: JoinPolicy,
    /** What the signed-in reader has to do with it; null when signed out or unrelated. */
    myStatus: z.enum(["member", "pending"]).nullable(),
  })
  .meta({ id: "DirectoryGroup" });
export type DirectoryGroup = z.infer<typeof DirectoryGroup>;

export const DirectoryResponse = z.object({ groups: z.array(DirectoryGroup) }).meta({ id: "DirectoryResponse" });
export type DirectoryResponse = z.infer<typeof DirectoryResponse>;

// ---------------------------------------------------------------------------------------------
// Join requests

const JOIN_REQUEST_STATUSES = ["pending", "approved", "declined"] as const;
export const JoinRequestStatus = z.enum(JOIN_REQUEST_STATUSES);

export const CreateJoinRequestBody = z
  .object({ message: z.string().trim().max(1000, "Keep the message under 1,000 characters.").default("") })
  .strict()
  .meta({ id: "CreateJoinRequestBody" });

export const JoinRequest = z
  .object({
    id: z.string(),
    groupId: z.string(),
    user: z.object({ id: z.string(), displayName: z.string() }),
    message: z.string(),
    status: JoinRequestStatus,
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
  })
  .meta({ id: "JoinRequest" });
export type JoinRequest = z.infer<typeof JoinRequest>;

export const JoinRequestResponse = z.object({ request: JoinRequest }).meta({ id: "JoinRequestResponse" });
export const JoinRequestListResponse = z.object({ requests: z.array(JoinRequest) }).meta({ id: "JoinRequestListResponse" });
export type JoinRequestListResponse = z.infer<typeof JoinRequestListResponse>;

// ---------------------------------------------------------------------------------------------
// Bans

export const Ban = z
  .object({
    user: z.object({ id: z.string(), displayName: z.string() }),
    bannedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "Ban" });
export type Ban = z.infer<typeof Ban>;
export const BanListResponse = z.object({ bans: z.array(Ban) }).meta({ id: "BanListResponse" });
export type BanListResponse = z.infer<typeof BanListResponse>;

// ---------------------------------------------------------------------------------------------
// Audit log

const AUDIT_ACTIONS = [
  "group_edited",
  "settings_changed",
  "program_created",
  "program_edited",
  "program_status_changed",
  "paired",
  "pair_ended",
  "member_removed",
  "member_banned",
  "member_unbanned",
  "role_changed",
  "join_request_approved",
  "join_request_declined",
  "report_resolved",
  "report_escalated",
  "user_suspended",
  "user_unsuspended",
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditEntry = z
  .object({
    id: z.string(),
    action: AuditAction,
    actor: z.object({ id: z.string(), displayName: z.string() }).nullable(),
    target: z.object({ type: z.string(), id: z.string(), label: z.string().nullable() }).nullable(),
    /** Codes and labels only (a role, a status, an outcome), never content. */
    detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    createdAt: z.string(),
  })
  .meta({ id: "AuditEntry" });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  before: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const AuditLogResponse = z.object({ entries: z.array(AuditEntry), hasMore: z.boolean() }).meta({ id: "AuditLogResponse" });
export type AuditLogResponse = z.infer<typeof AuditLogResponse>;

// ---------------------------------------------------------------------------------------------
// The operator

export const OperatorStatusResponse = z.object({ operator: z.boolean() }).meta({ id: "OperatorStatusResponse" });

export const SuspendBody = z
  .object({ reason: z.string().trim().min(1, "Say why the account is suspended.").max(1000, "Keep the reason under 1,000 characters.") })
  .strict()
  .meta({ id: "SuspendBody" });

export const SuspensionResponse = z
  .object({ userId: z.string(), suspended: z.boolean(), suspendedAt: z.string().nullable(), reason: z.string().nullable() })
  .meta({ id: "SuspensionResponse" });

export const OperatorReport = z
  .object({
    id: z.string(),
    group: z.object({ id: z.string(), name: z.string() }),
    reporter: z.object({ id: z.string(), displayName: z.string() }),
    reported: z.object({ id: z.string(), displayName: z.string(), suspended: z.boolean() }),
    reason: z.string(),
    message: z.object({ seq: z.number().int(), body: z.string(), sentAt: z.number() }).nullable(),
    status: z.enum(["open", "resolved"]),
    escalatedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "OperatorReport" });
export type OperatorReport = z.infer<typeof OperatorReport>;

export const OperatorReportQuery = z.object({
  escalated: z.enum(["true", "false"]).optional(),
  status: z.enum(["open", "resolved"]).optional(),
});
export const OperatorReportListResponse = z.object({ reports: z.array(OperatorReport) }).meta({ id: "OperatorReportListResponse" });
export type OperatorReportListResponse = z.infer<typeof OperatorReportListResponse>;
