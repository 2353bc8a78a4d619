import { createRoute, z } from "@hono/zod-openapi";
import { DeletePushSubscriptionBody, PushSubscriptionBody } from "../../shared/api/notification-preferences.ts";
import type { Limit } from "../auth/rate-limit.ts";
import { currentUser, requireUser } from "../auth/session.ts";
import {
  deletePushSubscription,
  forgetOldestBeyond,
  listPushSubscriptions,
  PUSH_SUBSCRIPTIONS_PER_USER,
  savePushSubscription,
} from "../db/notification-delivery.ts";
import { ApiError } from "../http/errors.ts";
import { createRouter, errorResponses, jsonBody, jsonResponse } from "../http/router.ts";
import { spendLimit } from "../notifications/account-emails.ts";
import { acceptableEndpoint } from "../notifications/push.ts";

const tags = ["Notifications"];
const PUSH_SUBSCRIPTION_WRITES: Limit = { max: 30, windowSeconds: 60 * 60 };

const PushConfig = z.object({ publicKey: z.string().nullable(), subscriptions: z.number().int() }).meta({
  id: "PushConfig",
  description: "The VAPID public key for PushManager.subscribe (null when push is not configured) and how many devices I have subscribed",
});

export const pushSubscriptionRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/me/push-subscriptions",
      tags,
      summary: "The VAPID public key and how many of my devices receive push",
      middleware: [requireUser],
      responses: { 200: jsonResponse(PushConfig, "Push configuration"), ...errorResponses(401) },
    }),
    async (c) => {
      const subscriptions = await listPushSubscriptions(c.env.DB, currentUser(c).id);
      return c.json({ publicKey: c.env.VAPID_PUBLIC_KEY || null, subscriptions: subscriptions.length }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/me/push-subscriptions",
      tags,
      summary: "Receive push notifications on this device (the browser's PushSubscription JSON)",
      description: `The endpoint must be https with keys p256dh (65 bytes) and auth (16 bytes), else 422. At most ${PUSH_SUBSCRIPTIONS_PER_USER} devices: the oldest goes.`,
      middleware: [requireUser],
      request: jsonBody(PushSubscriptionBody),
      responses: { 201: { description: "Subscribed" }, ...errorResponses(400, 401, 403, 422, 429) },
    }),
    async (c) => {
      const body = c.req.valid("json");
      const userId = currentUser(c).id;
      if (!acceptableEndpoint(c.env, body.endpoint)) {
        throw new ApiError(422, "validation_failed", "endpoint: a push endpoint must be an https URL.", undefined, [
          { path: "endpoint", message: "A push endpoint must be an https URL." },
        ]);
      }
      await spendLimit(c.env.DB, `push-subscriptions:${userId}`, PUSH_SUBSCRIPTION_WRITES, "Too many changes to your devices. Try again later.");
      await savePushSubscription(c.env.DB, userId, { endpoint: body.endpoint, p256dh: body.keys.p256dh, auth: body.keys.auth });
      await forgetOldestBeyond(c.env.DB, userId, PUSH_SUBSCRIPTIONS_PER_USER);
      return c.body(null, 201);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/me/push-subscriptions",
      tags,
      summary: "Stop push notifications on a device ({endpoint}); deleting twice is fine",
      middleware: [requireUser],
      request: jsonBody(DeletePushSubscriptionBody),
      responses: { 204: { description: "Unsubscribed" }, ...errorResponses(400, 401, 403, 422) },
    }),
    async (c) => {
      await deletePushSubscription(c.env.DB, currentUser(c).id, c.req.valid("json").endpoint);
      return c.body(null, 204);
    },
  );
