import { createRoute } from "@hono/zod-openapi";
import { UpdateMeBody, UserResponse } from "../../shared/api/users.ts";
import { currentUser, requireUser } from "../auth/session.ts";
import { findUserById, toUser, updateProfile } from "../db/users.ts";
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

export const meRoutes = createRouter()
  .openapi(getMe, async (c) => {
    const row = await findUserById(c.env.DB, currentUser(c).id);
    if (!row) throw unauthenticated();
    return c.json({ user: toUser(row) }, 200);
  })
  .openapi(updateMe, async (c) => {
    const patch = c.req.valid("json");
    const row = await updateProfile(c.env.DB, currentUser(c).id, patch);
    if (!row) throw unauthenticated();
    return c.json({ user: toUser(row as Parameters<typeof toUser>[0]) }, 200);
  });
