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
