// The account settings' calls. Types come from the shared zod schemas, as types only.
import type { ChangePasswordBody, SessionInfo, SessionListResponse } from "../../../../shared/api/accounts.ts";
import { api, ApiError } from "../../lib/api.ts";

export type { SessionInfo };

export const listSessions = () => api.get<SessionListResponse>("/me/sessions").then((res) => res.sessions);
export const revokeSession = (id: string) => api.delete(`/me/sessions/${encodeURIComponent(id)}`);
export const signOutEverywhere = () => api.post<void>("/auth/logout-everywhere");
export const changePassword = (body: ChangePasswordBody) => api.post<void>("/me/password", body);

export type LastOwnerGroup = { id: string; name: string };

/** DELETE /api/me. A 409 `last_owner` carries the groups to hand over, which ApiError does not keep. */
export async function deleteAccount(password: string): Promise<{ ok: true } | { ok: false; lastOwner: LastOwnerGroup[] }> {
  const response = await fetch("/api/me", {
    method: "DELETE",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    credentials: "same-origin",
    body: JSON.stringify({ password }),
  }).catch((cause) => {
    throw new ApiError(0, "network", cause instanceof Error ? cause.message : "Network request failed");
  });
  if (response.ok) return { ok: true };
  const body = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string; groups?: LastOwnerGroup[]; issues?: { path: string; message: string }[] };
  } | null;
  if (response.status === 409 && body?.error?.code === "last_owner") return { ok: false, lastOwner: body.error.groups ?? [] };
  throw new ApiError(response.status, body?.error?.code ?? `http_${response.status}`, body?.error?.message ?? response.statusText, body?.error?.issues ?? []);
}

/**
 * GET /api/me/export as a file. The body streams from the server; the browser saves it as a download.
 * Errors (429 twice an hour) come back as ApiError.
 */
export async function downloadExport(): Promise<void> {
  const response = await fetch("/api/me/export", { credentials: "same-origin" }).catch((cause) => {
    throw new ApiError(0, "network", cause instanceof Error ? cause.message : "Network request failed");
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ApiError(response.status, body?.error?.code ?? `http_${response.status}`, body?.error?.message ?? response.statusText);
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? "mentorship-data.json";
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
