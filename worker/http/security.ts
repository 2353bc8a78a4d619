import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env.ts";
import { errorBody } from "./errors.ts";

/**
 * Strict CSP: scripts and styles only from our own origin, no inline script, never framed.
 * WebSocket connections go to the same origin, which 'self' covers in current browsers.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};

export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  // A 101 upgrade response carries no document, and its headers cannot change.
  if (c.res.status === 101) return;
  // Responses passed through from ASSETS have immutable headers: copy them once.
  c.res = new Response(c.res.body, c.res);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
};

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function allowedOrigins(requestUrl: string, extra: string | undefined): Set<string> {
  const origins = new Set([new URL(requestUrl).origin]);
  for (const origin of (extra ?? "").split(",")) if (origin.trim()) origins.add(origin.trim());
  return origins;
}

/**
 * CSRF defence in depth beside SameSite=Lax cookies: a browser always sends Origin on a cross-site
 * state-changing request, so a foreign Origin is refused. Requests without Origin come from
 * non-browser clients (curl, integrations); those are allowed unless the browser's own
 * Sec-Fetch-Site says the request is cross-site.
 */
export const originCheck: MiddlewareHandler<AppEnv> = async (c, next) => {
  const isUpgrade = c.req.header("Upgrade")?.toLowerCase() === "websocket";
  if (SAFE_METHODS.has(c.req.method) && !isUpgrade) return next();
  const origin = c.req.header("Origin");
  const fetchSite = c.req.header("Sec-Fetch-Site");
  const allowed = origin ? allowedOrigins(c.req.url, c.env.ALLOWED_ORIGINS).has(origin) : fetchSite !== "cross-site" && fetchSite !== "same-site";
  if (!allowed) {
    return c.json(errorBody("forbidden_origin", "Requests from this origin are not allowed."), 403);
  }
  return next();
};
