import { OpenAPIHono } from "@hono/zod-openapi";
import { ErrorBody } from "../../shared/api/errors.ts";
import type { AppEnv } from "../env.ts";
import { validationHook } from "./errors.ts";

/** Every feature router validates with the same hook, so a bad field is always a 422 in one shape. */
export const createRouter = () => new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "The body is not valid JSON",
  401: "Not signed in, or wrong credentials",
  403: "Not allowed, or a foreign Origin",
  404: "Not found, or not visible to you",
  409: "Conflicts with the current state",
  410: "No longer available",
  422: "A field is not valid",
  429: "Too many attempts; see Retry-After",
};

/** OpenAPI entries for the error statuses a route can answer with. */
export function errorResponses<const S extends keyof typeof ERROR_DESCRIPTIONS>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((status) => [status, { description: ERROR_DESCRIPTIONS[status]!, content: { "application/json": { schema: ErrorBody } } }]),
  ) as Record<S, { description: string; content: { "application/json": { schema: typeof ErrorBody } } }>;
}

export function jsonBody<T>(schema: T) {
  return { body: { content: { "application/json": { schema } }, required: true } } as const;
}

export function jsonResponse<T>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } } as const;
}
