import { z } from "zod";
import { PublicProfile } from "./users.ts";

export const GROUP_FOCUSES = ["parenting", "professional", "personal", "other"] as const;
export const GroupFocus = z.enum(GROUP_FOCUSES);
export type GroupFocus = z.infer<typeof GroupFocus>;

export const GROUP_ROLES = ["owner", "admin", "member"] as const;
export const GroupRole = z.enum(GROUP_ROLES);
export type GroupRole = z.infer<typeof GroupRole>;

export const isGroupAdmin = (role: GroupRole | null | undefined) => role === "owner" || role === "admin";

export const Group = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    focus: GroupFocus,
    memberCount: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: "Group" });
export type Group = z.infer<typeof Group>;

export const MyGroup = Group.extend({ role: GroupRole }).meta({ id: "MyGroup" });
export type MyGroup = z.infer<typeof MyGroup>;

export const GroupMember = z
  .object({ user: PublicProfile, role: GroupRole, joinedAt: z.string() })
  .meta({ id: "GroupMember" });
export type GroupMember = z.infer<typeof GroupMember>;

export const GroupName = z.string().trim().min(2, "Use at least 2 characters.").max(80, "Keep the name under 80 characters.");
export const GroupDescription = z.string().trim().max(2000, "Keep the description under 2,000 characters.");

export const CreateGroupBody = z
  .object({ name: GroupName, description: GroupDescription.default(""), focus: GroupFocus })
  .strict()
  .meta({ id: "CreateGroupBody" });
export type CreateGroupBody = z.input<typeof CreateGroupBody>;

export const UpdateGroupBody = z
  .object({ name: GroupName, description: GroupDescription, focus: GroupFocus })
  .partial()
  .strict()
  .meta({ id: "UpdateGroupBody" });
export type UpdateGroupBody = z.infer<typeof UpdateGroupBody>;

export const UpdateMemberBody = z.object({ role: GroupRole }).strict().meta({ id: "UpdateMemberBody" });

export const GroupResponse = z.object({ group: Group }).meta({ id: "GroupResponse" });
export const GroupListResponse = z.object({ groups: z.array(MyGroup) }).meta({ id: "GroupListResponse" });
export const GroupDetailResponse = z
  .object({ group: Group, role: GroupRole, members: z.array(GroupMember) })
  .meta({ id: "GroupDetailResponse" });
export type GroupDetailResponse = z.infer<typeof GroupDetailResponse>;

export const INVITE_MAX_DAYS = 90;

export const CreateInviteBody = z
  .object({
    expiresInDays: z.number().int().min(1).max(INVITE_MAX_DAYS).nullable().default(14),
  })
  .strict()
  .meta({ id: "CreateInviteBody" });

export const Invite = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    acceptedCount: z.number().int(),
    createdBy: z.string(),
  })
  .meta({ id: "Invite" });
export type Invite = z.infer<typeof Invite>;

export const CreatedInvite = z
  .object({ token: z.string(), url: z.string(), invite: Invite })
  .meta({ id: "CreatedInvite" });
export const InviteListResponse = z.object({ invites: z.array(Invite) }).meta({ id: "InviteListResponse" });

export const InvitePreview = z
  .object({
    group: z.object({ id: z.string(), name: z.string(), description: z.string(), focus: GroupFocus, memberCount: z.number().int() }),
    alreadyMember: z.boolean(),
  })
  .meta({ id: "InvitePreview" });

export const AcceptInviteResponse = z
  .object({ group: Group, role: GroupRole, joined: z.boolean() })
  .meta({ id: "AcceptInviteResponse" });
