import { createRoute } from "@hono/zod-openapi";
import { MarkReadBody, NotificationListResponse } from "../../shared/api/notifications.ts";
import { currentUser, requireUser } from "../auth/session.ts";
import { toNotification } from "../db/notifications.ts";
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
      const [list, unread] = await c.env.DB.batch<any>([
        c.env.DB.prepare("SELECT * FROM notifications WHERE user_id = ?1 ORDER BY created_at DESC LIMIT 50").bind(me),
        c.env.DB.prepare("SELECT COUNT(*) AS n FROM notifications WHERE user_id = ?1 AND read_at IS NULL").bind(me),
      ]);
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
      await c.env.DB.prepare(
        `UPDATE notifications SET read_at = ?2 WHERE user_id = ?1 AND read_at IS NULL
           AND (?3 IS NULL OR id IN (SELECT value FROM json_each(?3)))`,
      )
        .bind(currentUser(c).id, new Date().toISOString(), ids ? JSON.stringify(ids) : null)
        .run();
      return c.body(null, 204);
    },
  );
