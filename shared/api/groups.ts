import { z } from "zod";
import { GROUP_DESCRIPTION_MAX, GROUP_NAME_MAX, GROUP_NAME_MIN, INVITE_DEFAULT_DAYS, INVITE_MAX_DAYS } from "../rules/limits.ts";
import { GROUP_ROLES } from "../rules/roles.ts";
import { GROUP_FOCUSES } from "../rules/vocabulary.ts";
import { PublicProfile } from "./users.ts";
// The plain values live in shared/rules (no zod there, so the SPA imports them); re-exported for the worker.
export { isGroupAdmin } from "../rules/roles.ts";
export { GROUP_FOCUSES } from "../rules/vocabulary.ts";

export const GroupFocus = z.enum(GROUP_FOCUSES);
export type GroupFocus = z.infer<typeof GroupFocus>;

export const GroupRole = z.enum(GROUP_ROLES);
export type GroupRole = z.infer<typeof GroupRole>;

/** How people join: by invite link only, or also by asking (admins approve). */
const JOIN_POLICIES = ["invite", "request"] as const;
export const JoinPolicy = z.enum(JOIN_POLICIES);
export type JoinPolicy = z.infer<typeof JoinPolicy>;

export const Group = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    focus: GroupFocus,
    memberCount: z.number().int(),
    createdAt: z.string(),
    joinPolicy: JoinPolicy,
    /** Listed groups appear in the directory. */
    listed: z.boolean(),
  })
  .meta({ id: "Group" });
export type Group = z.infer<typeof Group>;

export const MyGroup = Group.extend({ role: GroupRole }).meta({ id: "MyGroup" });
export type MyGroup = z.infer<typeof MyGroup>;

export const GroupMember = z.object({ user: PublicProfile, role: GroupRole, joinedAt: z.string() }).meta({ id: "GroupMember" });
export type GroupMember = z.infer<typeof GroupMember>;

const GroupName = z
  .string()
  .trim()
  .min(GROUP_NAME_MIN, `Use at least ${GROUP_NAME_MIN} characters.`)
  .max(GROUP_NAME_MAX, `Keep the name under ${GROUP_NAME_MAX} characters.`);
const GroupDescription = z
  .string()
  .trim()
  .max(GROUP_DESCRIPTION_MAX, `Keep the description under ${GROUP_DESCRIPTION_MAX.toLocaleString("en")} characters.`);

export const CreateGroupBody = z
  .object({ name: GroupName, description: GroupDescription.default(""), focus: GroupFocus })
  .strict()
  .meta({ id: "CreateGroupBody" });
export type CreateGroupBody = z.input<typeof CreateGroupBody>;

export const UpdateGroupBody = z
  .object({ name: GroupName, description: GroupDescription, focus: GroupFocus, joinPolicy: JoinPolicy, listed: z.boolean() })
  .partial()
  .strict()
  .meta({ id: "UpdateGroupBody" });
export type UpdateGroupBody = z.infer<typeof UpdateGroupBody>;

export const UpdateMemberBody = z.object({ role: GroupRole }).strict().meta({ id: "UpdateMemberBody" });

export const GroupResponse = z.object({ group: Group }).meta({ id: "GroupResponse" });
export const GroupListResponse = z.object({ groups: z.array(MyGroup) }).meta({ id: "GroupListResponse" });
export const GroupDetailResponse = z.object({ group: Group, role: GroupRole, members: z.array(GroupMember) }).meta({ id: "GroupDetailResponse" });
export type GroupDetailResponse = z.infer<typeof GroupDetailResponse>;

export const CreateInviteBody = z
  .object({
    expiresInDays: z.number().int().min(1).max(INVITE_MAX_DAYS).nullable().default(INVITE_DEFAULT_DAYS),
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

export const CreatedInvite = z.object({ token: z.string(), url: z.string(), invite: Invite }).meta({ id: "CreatedInvite" });
export const InviteListResponse = z.object({ invites: z.array(Invite) }).meta({ id: "InviteListResponse" });

export const InvitePreview = z
  .object({
    group: z.object({ id: z.string(), name: z.string(), description: z.string(), focus: GroupFocus, memberCount: z.number().int() }),
    alreadyMember: z.boolean(),
  })
  .meta({ id: "InvitePreview" });

export const AcceptInviteResponse = z.object({ group: Group, role: GroupRole, joined: z.boolean() }).meta({ id: "AcceptInviteResponse" });
