// A small typed fetch wrapper for the same-origin API. Request and response types come from the zod
// schemas in shared/ as types only: zod itself never reaches the SPA bundle.
import type { ErrorBody, ErrorCode } from "../../../shared/api/errors.ts";

export type ApiIssue = NonNullable<ErrorBody["error"]["issues"]>[number];

/** Every failed request, including a network failure (`status` 0, `code` "network"). */
export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    readonly status: number,
    readonly code: ErrorCode | "network",
    message: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
  }

  /** The first issue about a field, matched on the first segment of its path ("topics.2" is "topics"). */
  issueFor(field: string): ApiIssue | undefined {
    return this.issues.find((issue) => issue.path.split(".")[0] === field);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Reads `{error: {code, message, issues?}}` without trusting it: a proxy or a crash may answer with anything. */
function toApiError(status: number, statusText: string, body: unknown): ApiError {
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  const code = typeof error.code === "string" ? error.code : `http_${status}`;
  const message = typeof error.message === "string" ? error.message : statusText || `HTTP ${status}`;
  const issues = Array.isArray(error.issues)
    ? error.issues.filter((issue): issue is ApiIssue => isRecord(issue) && typeof issue.path === "string" && typeof issue.message === "string")
    : [];
  return new ApiError(status, code, message, issues);
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(0, "network", cause instanceof Error ? cause.message : "Network request failed");
  }
  const text = await response.text().catch(() => "");
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!response.ok) throw toApiError(response.status, response.statusText, data);
  return data as T;
}

export const api = {
  get: <T>(path: string) => request<T>("GET", path),
  post: <T>(path: string, body?: unknown) => request<T>("POST", path, body),
  patch: <T>(path: string, body?: unknown) => request<T>("PATCH", path, body),
  put: <T>(path: string, body?: unknown) => request<T>("PUT", path, body),
  delete: <T = void>(path: string, body?: unknown) => request<T>("DELETE", path, body),
};
