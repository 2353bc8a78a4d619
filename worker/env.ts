declare global {
  namespace Cloudflare {
    interface GlobalProps {
      mainModule: typeof import("./index.ts");
    }
    interface Env {
      DB: D1Database;
      ASSETS: Fetcher;
      PAIR_ROOM: DurableObjectNamespace<import("./pair-room/PairRoom.ts").PairRoom>;
      /** Comma-separated extra origins allowed to make state-changing requests. */
      ALLOWED_ORIGINS?: string;
      /** New accounts per client address per hour (default 20). */
      SIGNUPS_PER_HOUR_PER_CLIENT?: string;
    }
  }
}

export type Env = Cloudflare.Env;

export type SessionUser = {
  id: string;
  email: string;
  displayName: string;
};

export type AppEnv = {
  Bindings: Env;
  Variables: {
    user: SessionUser | null;
    sessionTokenHash: string | null;
  };
};
