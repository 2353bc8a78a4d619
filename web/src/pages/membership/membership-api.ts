// Every call the membership pages make: the directory, join requests, bans and the audit log.
// Shapes are the API's zod types, imported as types only.
import type { JoinPolicy } from "../../../../shared/api/groups.ts";
import type { AuditEntry, AuditLogResponse, Ban, DirectoryGroup, JoinRequest } from "../../../../shared/api/membership.ts";
import { api } from "../../lib/api.ts";

export type { AuditEntry, Ban, DirectoryGroup, JoinPolicy, JoinRequest };

const groupPath = (groupId: string) => `/groups/${encodeURIComponent(groupId)}`;

export async function searchDirectory(q: string, focus: string): Promise<DirectoryGroup[]> {
  const params = new URLSearchParams();
  if (q.trim()) params.set("q", q.trim());
  if (focus) params.set("focus", focus);
  const query = params.toString();
  return (await api.get<{ groups: DirectoryGroup[] }>(`/groups/directory${query ? `?${query}` : ""}`)).groups;
}

export const requestToJoin = (groupId: string, message: string) => api.post<{ request: JoinRequest }>(`${groupPath(groupId)}/join-requests`, { message });

export async function fetchJoinRequests(groupId: string): Promise<JoinRequest[]> {
  return (await api.get<{ requests: JoinRequest[] }>(`${groupPath(groupId)}/join-requests`)).requests;
}

export const decideJoinRequest = (groupId: string, requestId: string, decision: "approve" | "decline") =>
  api.post<{ request: JoinRequest }>(`${groupPath(groupId)}/join-requests/${encodeURIComponent(requestId)}/${decision}`);

export async function fetchBans(groupId: string): Promise<Ban[]> {
  return (await api.get<{ bans: Ban[] }>(`${groupPath(groupId)}/bans`)).bans;
}

export const liftBan = (groupId: string, userId: string) => api.delete(`${groupPath(groupId)}/bans/${encodeURIComponent(userId)}`);

export const removeAndBan = (groupId: string, userId: string) => api.delete(`${groupPath(groupId)}/members/${encodeURIComponent(userId)}?ban=true`);

export function fetchAudit(groupId: string, before?: string): Promise<AuditLogResponse> {
  return api.get<AuditLogResponse>(`${groupPath(groupId)}/audit?limit=50${before ? `&before=${encodeURIComponent(before)}` : ""}`);
}

export const escalateReport = (reportId: string) => api.post<void>(`/reports/${encodeURIComponent(reportId)}/escalate`);
