declare global {
  namespace Cloudflare {
    interface GlobalProps {
      mainModule: typeof import("./index.ts");
    }
    interface Env {
      DB: D1Database;
      ASSETS: Fetcher;
      PAIR_ROOM: DurableObjectNamespace<import("./pair-room/PairRoom.ts").PairRoom>;
      /** Chat messages per member per 10 seconds (default 30). Raised only by the benchmarks. */
      CHAT_RATE_LIMIT_PER_10S?: string;
      /** Comma-separated extra origins allowed to make state-changing requests. */
      ALLOWED_ORIGINS?: string;
      /** The per-client burst guard in front of every state-changing route (see worker/db/write-limits.ts). */
      WRITE_LIMITER?: RateLimit;
      /** Comma-separated emails of the deployment's operators (see README, "The operator"). */
      OPERATOR_EMAILS?: string;
      /** New accounts per client address per hour (default 20). */
      SIGNUPS_PER_HOUR_PER_CLIENT?: string;
      /** Cloudflare Email Service (`[[send_email]]`); absent means no email channel. */
      EMAIL?: SendEmail;
      /** The notification queue and its dead-letter queue; absent means in-app only. */
      NOTIFY_QUEUE?: Queue<import("./notifications/messages.ts").NotifyMessage>;
      NOTIFY_DLQ?: Queue<unknown>;
      /** The sender of every email, e.g. `Mentorship <notifications@example.org>`. */
      MAIL_FROM?: string;
      /** The app's public URL, used in every link of an email or push notification. */
      APP_URL?: string;
      /** VAPID keys for Web Push: the public key (base64url, uncompressed P-256) and the private key (JWK JSON or base64url `d`). */
      VAPID_PUBLIC_KEY?: string;
      VAPID_PRIVATE_KEY?: string;
      /** The `sub` of VAPID JWTs (mailto: or https:), default mailto: the MAIL_FROM address. */
      VAPID_SUBJECT?: string;
      /** HMAC key for unsubscribe tokens (any long random string). */
      NOTIFY_SIGNING_KEY?: string;
      /** "1" accepts http push endpoints on 127.0.0.1 (the local test push service). Never in production. */
      PUSH_ALLOW_LOOPBACK?: string;
    }
  }
}

export type Env = Cloudflare.Env;

export type SessionUser = {
  id: string;
};

export type AppEnv = {
  Bindings: Env;
  Variables: {
    user: SessionUser | null;
    sessionTokenHash: string | null;
  };
};
