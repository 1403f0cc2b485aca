import { Router } from "express";
import { sql } from "drizzle-orm";
import { currentConnection } from "../app/db/client.server";
import { loadMigrations, pendingMigrations } from "../app/db/migrations.server";
import { buildInfo } from "../app/utils/build-info.server";
import { logger } from "../app/utils/logger.server";

/**
 * Liveness and readiness for the load balancer and the deploy script.
 * /healthz: the process answers (no I/O, so a slow database never gets a
 * healthy box killed). /readyz: the database answers and has every migration
 * of this build, so blue-green only switches traffic to a ready colour.
 */
export function healthRoutes(isShuttingDown: () => boolean) {
  const router = Router();
  const noStore = { "Cache-Control": "no-store" };
  const migrations = loadMigrations(); // this build's list, read once

  // Which release, commit and build answer: the deploy and the smoke tests check it.
  const live = { status: "ok", release: buildInfo.release, commit: buildInfo.commit, builtAt: buildInfo.builtAt };
  router.get("/healthz", (_req, res) => {
    res.set(noStore).json(live);
  });

  router.get("/readyz", async (_req, res) => {
    res.set(noStore);
    if (isShuttingDown()) return void res.status(503).json({ status: "shutting-down" });
    try {
      const { db } = currentConnection();
      await db.execute(sql`select 1`);
      const pending = await pendingMigrations(db, migrations);
      if (pending.length > 0) return void res.status(503).json({ status: "migrations-pending", pending });
      res.json({ status: "ready" });
    } catch (error) {
      logger.warn({ err: error }, "readiness check failed");
      res.status(503).json({ status: "database-unreachable" });
    }
  });

  return router;
}
