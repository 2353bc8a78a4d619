import { createRoute } from "@hono/zod-openapi";
import { NotificationPreferences, NotificationPreferencesResponse } from "../../shared/api/notification-preferences.ts";
import type { Limit } from "../auth/rate-limit.ts";
import { currentUser, requireUser } from "../auth/session.ts";
import { getPreferences, putPreferencesStatement } from "../db/notification-delivery.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";
import { spendLimit } from "../notifications/account-emails.ts";

const tags = ["Notifications"];
const PREFERENCE_WRITES: Limit = { max: 60, windowSeconds: 60 * 60 };

export const notificationPreferenceRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/me/notification-preferences",
      tags,
      summary: "For each kind of notification: email (immediately, daily, off) and push (on, off)",
      middleware: [requireUser],
      responses: { 200: jsonResponse(NotificationPreferencesResponse, "My preferences, defaults filled in"), ...errorResponses(401) },
    }),
    async (c) => c.json({ preferences: await getPreferences(c.env.DB, currentUser(c).id) }, 200),
  )
  .openapi(
    createRoute({
      method: "put",
      path: "/me/notification-preferences",
      tags,
      summary: "Replace my preferences (the same shape as GET). In-app notifications are always on.",
      middleware: [requireUser],
      request: jsonBody(NotificationPreferences),
      responses: { 200: jsonResponse(NotificationPreferencesResponse, "Saved"), ...errorResponses(400, 401, 403, 422, 429) },
    }),
    async (c) => {
      const userId = currentUser(c).id;
      const preferences = c.req.valid("json");
      await spendLimit(c.env.DB, `preferences:${userId}`, PREFERENCE_WRITES, "Too many changes to your notification settings. Try again later.");
      await putPreferencesStatement(c.env.DB, userId, preferences).run();
      return c.json({ preferences }, 200);
    },
  );
