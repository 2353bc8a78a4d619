import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import type { ErrorBody, ErrorCode } from "../../shared/api/errors.ts";

/** Thrown anywhere in a handler; `onError` turns it into the one JSON error shape. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly headers?: Record<string, string>,
    readonly issues?: ErrorBody["error"]["issues"],
    /** More fields of the error object, for codes that carry data (`weak_password`'s `reason`). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (what = "This resource") => new ApiError(404, "not_found", `${what} does not exist.`);
export const unauthenticated = () => new ApiError(401, "unauthenticated", "Sign in to continue.");
export const forbidden = (message = "You are not allowed to do this.") => new ApiError(403, "forbidden", message);

export function errorBody(code: ErrorCode, message: string, issues?: ErrorBody["error"]["issues"]): ErrorBody {
  return { error: issues ? { code, message, issues } : { code, message } };
}

function validationIssues(error: ZodError) {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

/** The hook @hono/zod-openapi calls when a request fails its schema: 422 naming each bad field. */
export function validationHook(result: { success: true } | { success: false; error: ZodError; target?: string }, c: Context) {
  if (result.success) return;
  const issues = validationIssues(result.error);
  const first = issues[0];
  const message = first ? `${first.path || "body"}: ${first.message}` : "The request is not valid.";
  return c.json(errorBody("validation_failed", message, issues), 422);
}

export function onError(err: Error, c: Context) {
  if (err instanceof ApiError) {
    if (err.headers) for (const [name, value] of Object.entries(err.headers)) c.header(name, value);
    const body = errorBody(err.code, err.message, err.issues);
    return c.json(err.extra ? { error: { ...err.extra, ...body.error } } : body, err.status);
  }
  if (err instanceof HTTPException) {
    // Hono's validator throws 400 for a body that is not JSON.
    const malformed = err.status === 400 && /json/i.test(err.message);
    return c.json(
      errorBody(malformed ? "bad_json" : "bad_request", malformed ? "The request body is not valid JSON." : err.message),
      err.status as ContentfulStatusCode,
    );
  }
  console.error("unhandled error", c.req.method, new URL(c.req.url).pathname, err);
  return c.json(errorBody("internal", "Something went wrong on our side. Please try again."), 500);
}

/** The answer for a path under /api that no route serves: JSON, never the SPA's HTML. */
export function noRoute(c: Context) {
  return c.json(errorBody("not_found", `No API route matches ${c.req.method} ${new URL(c.req.url).pathname}.`), 404);
}
