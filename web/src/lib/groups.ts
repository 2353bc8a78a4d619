// Groups, their members, invite links and programs: every call the group and program pages make.
// Request and response shapes are the API's own zod types, imported as types only.
import type { CreateGroupBody, GroupDetailResponse, GroupFocus, GroupMember, GroupRole, Invite, MyGroup, UpdateGroupBody } from "../../../shared/api/groups.ts";
import type { Program, ProgramDetailResponse, ProgramStatus, ProgramStep, ProgramSummary, Question, UpdateProgramBody } from "../../../shared/api/programs.ts";
import type { Locale } from "../../../shared/api/users.ts";
import type { LocalizedTemplate } from "../../../shared/templates/index.ts";
// Pure and zod-free, so the SPA may import its values.
import { PROGRAM_TRANSITIONS } from "../../../shared/rules/program-status.ts";
import { api, ApiError } from "./api.ts";

export type { GroupFocus, GroupRole, GroupMember, Invite, Program, ProgramStatus, ProgramStep, ProgramSummary, Question, UpdateProgramBody };
export type GroupSummary = MyGroup;
export type GroupDetail = GroupDetailResponse;
export type ProgramDetail = ProgramDetailResponse;
export type ProgramTemplate = LocalizedTemplate;

// One source for the rules: plain values from shared/rules, which both the worker and the SPA import.
export { isGroupAdmin } from "../../../shared/rules/roles.ts";
export { GROUP_FOCUSES } from "../../../shared/rules/vocabulary.ts";

const groupPath = (groupId: string) => `/groups/${encodeURIComponent(groupId)}`;
const programPath = (programId: string) => `/programs/${encodeURIComponent(programId)}`;

// ---------- Groups and members ----------

export async function fetchMyGroups(): Promise<GroupSummary[]> {
  try {
    const { groups } = await api.get<{ groups: GroupSummary[] }>("/groups");
    return groups;
  } catch (error) {
    // While GET /api/groups was being built the API's catch-all answered 404: that means no groups.
    if (error instanceof ApiError && error.status === 404) return [];
    throw error;
  }
}

export async function createGroup(body: CreateGroupBody): Promise<GroupDetail["group"]> {
  const { group } = await api.post<{ group: GroupDetail["group"] }>("/groups", body);
  return group;
}

export const fetchGroup = (groupId: string) => api.get<GroupDetail>(groupPath(groupId));

export async function updateGroup(groupId: string, patch: UpdateGroupBody): Promise<GroupDetail["group"]> {
  const { group } = await api.patch<{ group: GroupDetail["group"] }>(groupPath(groupId), patch);
  return group;
}

/** Answers with the whole group again, members included. */
export const changeMemberRole = (groupId: string, userId: string, role: GroupRole) =>
  api.patch<GroupDetail>(`${groupPath(groupId)}/members/${encodeURIComponent(userId)}`, { role });

export const removeMember = (groupId: string, userId: string) => api.delete(`${groupPath(groupId)}/members/${encodeURIComponent(userId)}`);

export const leaveGroup = (groupId: string) => api.post<void>(`${groupPath(groupId)}/leave`);

// ---------- Invite links ----------

export type CreatedInvite = { token: string; url: string; invite: Invite };
export type InvitePreview = {
  group: { id: string; name: string; description: string; focus: GroupFocus; memberCount: number };
  alreadyMember: boolean;
};
export type AcceptedInvite = { group: GroupDetail["group"]; role: GroupRole; joined: boolean };

export async function fetchInvites(groupId: string): Promise<Invite[]> {
  const { invites } = await api.get<{ invites: Invite[] }>(`${groupPath(groupId)}/invites`);
  return invites;
}

/** `expiresInDays` null makes a link that never expires. */
export const createInvite = (groupId: string, expiresInDays: number | null) => api.post<CreatedInvite>(`${groupPath(groupId)}/invites`, { expiresInDays });

export const revokeInvite = (groupId: string, inviteId: string) => api.delete(`${groupPath(groupId)}/invites/${encodeURIComponent(inviteId)}`);

export const fetchInvitePreview = (token: string) => api.get<InvitePreview>(`/invites/${encodeURIComponent(token)}`);

export const acceptInvite = (token: string) => api.post<AcceptedInvite>(`/invites/${encodeURIComponent(token)}/accept`);

export type InviteState = "active" | "expired" | "revoked";

export function inviteState(invite: Invite, now = Date.now()): InviteState {
  if (invite.revokedAt) return "revoked";
  if (invite.expiresAt && Date.parse(invite.expiresAt) <= now) return "expired";
  return "active";
}

// ---------- Programs ----------

export async function fetchGroupPrograms(groupId: string): Promise<ProgramSummary[]> {
  const { programs } = await api.get<{ programs: ProgramSummary[] }>(`${groupPath(groupId)}/programs`);
  return programs;
}

export async function fetchTemplates(locale: Locale): Promise<ProgramTemplate[]> {
  const { templates } = await api.get<{ templates: ProgramTemplate[] }>(`/templates?locale=${encodeURIComponent(locale)}`);
  return templates;
}

export async function createProgram(groupId: string, templateId: string, locale: Locale): Promise<Program> {
  const { program } = await api.post<{ program: Program }>(`${groupPath(groupId)}/programs`, { templateId, locale });
  return program;
}

export const fetchProgram = (programId: string) => api.get<ProgramDetail>(programPath(programId));

export async function updateProgram(programId: string, patch: UpdateProgramBody): Promise<Program> {
  const { program } = await api.patch<{ program: Program }>(programPath(programId), patch);
  return program;
}

export async function changeProgramStatus(programId: string, status: ProgramStatus): Promise<Program> {
  const { program } = await api.post<{ program: Program }>(`${programPath(programId)}/status`, { status });
  return program;
}

/** The status changes an admin may make from each status (the server checks again: 409 invalid_transition). */
export { PROGRAM_TRANSITIONS as PROGRAM_ACTIONS };
