import { createRoute } from "@hono/zod-openapi";
import { UpdateMeBody, UserResponse } from "../../shared/api/users.ts";
import { currentUser, requireUser } from "../auth/session.ts";
import { findUserById, toUser } from "../db/users.ts";
import { unauthenticated } from "../http/errors.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";

const getMe = createRoute({
  method: "get",
  path: "/me",
  tags: ["Accounts"],
  summary: "The signed-in user",
  middleware: [requireUser],
  responses: { 200: jsonResponse(UserResponse, "The signed-in user"), ...errorResponses(401) },
});

const updateMe = createRoute({
  method: "patch",
  path: "/me",
  tags: ["Accounts"],
  summary: "Edit my profile",
  description: "Any subset of display name, about, topics, languages, time zone and interface language.",
  middleware: [requireUser],
  request: jsonBody(UpdateMeBody),
  responses: { 200: jsonResponse(UserResponse, "The updated user"), ...errorResponses(400, 401, 403, 422) },
});

const COLUMNS = {
  displayName: "display_name",
  about: "about",
  topics: "topics",
  languages: "languages",
  timeZone: "time_zone",
  locale: "locale",
} as const;

export const meRoutes = createRouter()
  .openapi(getMe, async (c) => {
    const row = await findUserById(c.env.DB, currentUser(c).id);
    if (!row) throw unauthenticated();
    return c.json({ user: toUser(row) }, 200);
  })
  .openapi(updateMe, async (c) => {
    const patch = c.req.valid("json");
    const userId = currentUser(c).id;
    const sets: string[] = [];
    const values: unknown[] = [userId];
    for (const [field, column] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, string][]) {
      const value = patch[field];
      if (value === undefined) continue;
      values.push(Array.isArray(value) ? JSON.stringify([...new Set(value)]) : value);
      sets.push(`${column} = ?${values.length}`);
    }
    const row = sets.length
      ? await c.env.DB.prepare(`UPDATE users SET ${sets.join(", ")} WHERE id = ?1 RETURNING *`).bind(...values).first()
      : await findUserById(c.env.DB, userId);
    if (!row) throw unauthenticated();
    return c.json({ user: toUser(row as Parameters<typeof toUser>[0]) }, 200);
  });
