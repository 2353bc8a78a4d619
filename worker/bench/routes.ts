import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { noRoute } from "../http/errors.ts";
import { pairRoom } from "../pair-room/stub.ts";

/**
 * Routes for the benchmarks and the fault test only. Without BENCH=1 every path here is a plain 404,
 * exactly like an unknown API route.
 */
export const benchRoutes = new Hono<AppEnv>()
  .use(async (c, next) => {
    if (c.env.BENCH !== "1") return noRoute(c);
    await next();
  })
  .get("/echo/:room", (c) => c.env.BENCH_ECHO.get(c.env.BENCH_ECHO.idFromName(c.req.param("room"))).fetch(c.req.raw))
  .post("/pairs/:pairId/evict", async (c) => {
    // Aborting resets the object: in-memory state is dropped and its sockets break, as in an eviction.
    await pairRoom(c.env, c.req.param("pairId"))
      .abortForFaultTest()
      .catch(() => undefined);
    return c.body(null, 204);
  });
