import { z } from "zod";

/**
 * Every API error has this shape. `code` is stable and meant for programs; `message` is for people.
 * Validation errors also carry the failing fields in `issues`.
 */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: "Error" });
export type ErrorBody = z.infer<typeof ErrorBody>;

const ERROR_CODES = [
  "bad_json",
  "validation_failed",
  "unauthenticated",
  "invalid_credentials",
  "forbidden",
  "forbidden_origin",
  "not_found",
  "email_taken",
  "underage",
  "rate_limited",
  "conflict",
  "gone",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number] | (string & {});
