import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { UnsubscribeResponse } from "../../shared/api/notification-preferences.ts";
import type { Limit } from "../auth/rate-limit.ts";
import { unsubscribeEmail } from "../db/notification-delivery.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../http/errors.ts";
import { createRouter, errorResponses, jsonResponse } from "../http/router.ts";
import { spendLimit } from "../notifications/account-emails.ts";
import { readUnsubscribeToken } from "../notifications/tokens.ts";

const tags = ["Notifications"];
const UNSUBSCRIBES_PER_CLIENT: Limit = { max: 60, windowSeconds: 10 * 60 };
const invalidToken = () => new ApiError(400, "invalid_token", "This unsubscribe link is not valid.");
const TokenQuery = z.object({ token: z.string().max(512).optional() });

/**
 * The token comes in the query (the List-Unsubscribe URL, RFC 8058's one-click POST with the body
 * `List-Unsubscribe=One-Click`) or in a JSON body (the SPA's unsubscribe page).
 */
async function tokenOf(c: Context<AppEnv>): Promise<string> {
  const fromQuery = c.req.query("token");
  if (fromQuery) return fromQuery;
  if (c.req.header("Content-Type")?.includes("application/json")) {
    const body = (await c.req.json().catch(() => null)) as { token?: unknown } | null;
    if (typeof body?.token === "string") return body.token;
  }
  throw invalidToken();
}

export const unsubscribeRoutes = createRouter()
  .openapi(
    createRoute({
      method: "get",
      path: "/unsubscribe",
      tags,
      summary: "Which kind of email an unsubscribe token stops (changes nothing)",
      request: { query: TokenQuery },
      responses: { 200: jsonResponse(z.object({ kind: UnsubscribeResponse.shape.kind }), "The kind"), ...errorResponses(400) },
    }),
    async (c) => {
      const parsed = await readUnsubscribeToken(c.env.NOTIFY_SIGNING_KEY, c.req.valid("query").token ?? "");
      if (!parsed) throw invalidToken();
      return c.json({ kind: parsed.kind }, 200);
    },
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/unsubscribe",
      tags,
      summary: "One-click unsubscribe (RFC 8058): stop one kind of email, without sign-in",
      description:
        "`?token=` from the List-Unsubscribe header, or `{token}` as JSON. Unsubscribing twice is fine. 400 `invalid_token` for a token that is not ours.",
      request: { query: TokenQuery },
      responses: { 200: jsonResponse(UnsubscribeResponse, "Unsubscribed from that kind"), ...errorResponses(400, 403, 429) },
    }),
    async (c) => {
      await spendLimit(
        c.env.DB,
        `unsubscribe:${c.req.header("CF-Connecting-IP") ?? "unknown"}`,
        UNSUBSCRIBES_PER_CLIENT,
        "Too many requests. Try again later.",
      );
      const parsed = await readUnsubscribeToken(c.env.NOTIFY_SIGNING_KEY, await tokenOf(c));
      if (!parsed || !(await unsubscribeEmail(c.env.DB, parsed.userId, parsed.kind))) throw invalidToken();
      return c.json({ kind: parsed.kind, unsubscribed: true as const }, 200);
    },
  );
