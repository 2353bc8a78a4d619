import { createRoute } from "@hono/zod-openapi";
import { MarkReadBody, NotificationListResponse } from "../../shared/api/notifications.ts";
import { currentUser, requireUser } from "../auth/session.ts";
import { countUnreadNotificationsStatement, listLatestNotificationsStatement, markNotificationsRead, toNotification } from "../db/notifications.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";

const tags = ["Notifications"];
const auth = { middleware: [requireUser] };

export const notificationRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/notifications",
      tags,
      summary: "My latest 50 notifications and how many are unread",
      ...auth,
      responses: { 200: jsonResponse(NotificationListResponse, "Notifications"), ...errorResponses(401) },
    }),
    async (c) => {
      const me = currentUser(c).id;
      const [list, unread] =
        // biome-ignore lint/suspicious/noExplicitAny: a batch of two statements with different row shapes; each is read with its own type below.
        await c.env.DB.batch<any>([listLatestNotificationsStatement(c.env.DB, me), countUnreadNotificationsStatement(c.env.DB, me)]);
      return c.json({ notifications: list!.results.map(toNotification), unreadCount: unread!.results[0].n as number }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/notifications/read",
      tags,
      summary: "Mark some (ids) or all of my notifications read",
      ...auth,
      request: jsonBody(MarkReadBody),
      responses: { 204: { description: "Marked read" }, ...errorResponses(400, 401, 403, 422) },
    }),
    async (c) => {
      const { ids } = c.req.valid("json");
      await markNotificationsRead(c.env.DB, currentUser(c).id, ids ?? null, new Date().toISOString());
      return c.body(null, 204);
    },
  );
