import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv, Env } from "./env.ts";
import { loadSession } from "./auth/session.ts";
import { noRoute, onError, validationHook } from "./http/errors.ts";
import { originCheck, securityHeaders } from "./http/security.ts";
import { deliverRoomEffects } from "./db/room-outbox.ts";
import { purgeExpiredReportCopies } from "./accounts/deletion.ts";
import { authRoutes } from "./routes/auth.ts";
import { applicationRoutes } from "./routes/applications.ts";
import { dashboardRoutes } from "./routes/dashboard.ts";
import { groupRoutes } from "./routes/groups.ts";
import { membershipRoutes } from "./routes/membership.ts";
import { operatorRoutes } from "./routes/operator.ts";
import { burstGuard } from "./db/write-limits.ts";
import { inviteRoutes } from "./routes/invites.ts";
import { meRoutes } from "./routes/me.ts";
import { notificationRoutes } from "./routes/notifications.ts";
import { pairRoutes } from "./routes/pairs.ts";
import { pairRoomRoutes } from "./routes/pair-room.ts";
import { programRoutes } from "./routes/programs.ts";
import { rhythmRoutes } from "./routes/rhythm.ts";
import { safetyRoutes } from "./routes/safety.ts";
import { suggestionRoutes } from "./routes/suggestions.ts";
import { templateRoutes } from "./routes/templates.ts";
import { emailVerificationRoutes } from "./routes/email-verification.ts";
import { notificationPreferenceRoutes } from "./routes/notification-preferences.ts";
import { passwordResetRoutes } from "./routes/password-reset.ts";
import { pushSubscriptionRoutes } from "./routes/push-subscriptions.ts";
import { unsubscribeRoutes } from "./routes/unsubscribe.ts";
import { handleDeadLetters, handleNotifyBatch } from "./notifications/consumer.ts";
import { DAILY_CRON, runDaily } from "./notifications/daily.ts";
import type { NotifyMessage } from "./notifications/messages.ts";

const api = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
api.use(originCheck, loadSession, burstGuard);

const routes = api
  .get("/health", (c) => c.json({ ok: true }))
  .route("/", authRoutes)
  .route("/", meRoutes)
  // Before groupRoutes: /groups/directory must not be taken for a group id.
  .route("/", membershipRoutes)
  .route("/", groupRoutes)
  .route("/", inviteRoutes)
  .route("/", templateRoutes)
  .route("/", programRoutes)
  .route("/", applicationRoutes)
  .route("/", suggestionRoutes)
  .route("/", pairRoutes)
  .route("/", notificationRoutes)
  .route("/", pairRoomRoutes)
  .route("/", safetyRoutes)
  .route("/", dashboardRoutes)
  .route("/", operatorRoutes)
  .route("/", rhythmRoutes)
  .route("/", emailVerificationRoutes)
  .route("/", passwordResetRoutes)
  .route("/", notificationPreferenceRoutes)
  .route("/", pushSubscriptionRoutes)
  .route("/", unsubscribeRoutes);

api.doc31("/openapi.json", (c) => ({
  openapi: "3.1.0",
  info: {
    title: "Mentorship API",
    version: "1",
    description:
      'Every error has the shape {"error": {"code", "message"}}. State-changing requests must come from the app\'s own Origin. Sessions use an HttpOnly cookie set by /api/auth/signup and /api/auth/login.',
  },
  servers: [{ url: `${new URL(c.req.url).origin}/api` }],
}));

api.onError(onError);

const app = new OpenAPIHono<AppEnv>()
  .use(securityHeaders)
  .route("/api", api)
  .all("/api/*", noRoute)
  // Everything outside /api is the SPA: a file from dist/web, or index.html for client-side routes.
  .all("*", (c) => c.env.ASSETS.fetch(c.req.raw));

app.onError(onError);

export { PairRoom } from "./pair-room/PairRoom.ts";

/**
 * The typed API, for clients built with hono/client (`hc<AppType>`). The SPA itself calls fetch with the
 * shared zod types (`import type` from shared/api), which keeps hono's client out of its first load.
 */
export type AppType = typeof routes;
export default {
  fetch: app.fetch,
  /** The notification queue and its dead-letter queue (wrangler.toml). */
  async queue(batch, env) {
    if (batch.queue.endsWith("-dlq")) await handleDeadLetters(batch, env);
    else await handleNotifyBatch(batch as MessageBatch<NotifyMessage>, env);
  },
  /**
   * Every minute: the repair sweep of the D1-to-room outbox (anything a request could not deliver), and
   * reports about deleted people past their 30-day retention (an indexed delete, usually of nothing).
   * 07:00 UTC: the daily admin digests and daily email summaries.
   */
  async scheduled(controller, env, ctx) {
    if (controller.cron === DAILY_CRON) {
      ctx.waitUntil(runDaily(env));
      return;
    }
    ctx.waitUntil(deliverRoomEffects(env));
    ctx.waitUntil(purgeExpiredReportCopies(env));
  },
} satisfies ExportedHandler<Env>;
