import cluster from "node:cluster";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { DatabaseUnreachableError } from "../app/db/client.server";
import { connectDatabase, disconnectDatabase } from "../app/db/connect.server";
import { seedDemoIfEmpty } from "../app/db/seed/demo.server";
import { buildInfo } from "../app/utils/build-info.server";
import { env } from "../app/utils/env.server";
import { logger } from "../app/utils/logger.server";
import { closeRedis } from "../app/utils/redis.server";
import { sessionStore } from "../app/auth/session.server";
import type { MinuteFigures } from "../app/ops/minute-recorder.server";
import { startOperationsTicker } from "../app/ops/ticker.server";
import { createApp } from "./app";
import { localIdentityProviderFromEnv } from "./local-idp/from-env";
import { closeGracefully } from "./shutdown";
import { answerPrimary, everyWorkersMinute, startWorkers } from "./workers";

/**
 * Process entry: configuration (already checked by importing env), database,
 * demo data on the embedded default, then HTTP. Any start-up failure is one
 * readable line on stderr and exit code 1. With WEB_CONCURRENCY above 1 this
 * process becomes the primary of that many app processes (server/workers.ts).
 */
async function main() {
  await database();
  // Workers start once the primary has migrated and seeded.
  if (!cluster.isWorker && (env.embeddedDatabase || env.SEED_DEMO)) await seedDemoIfEmpty();
  if (cluster.isPrimary && env.WEB_CONCURRENCY > 1) return primary();

  const buildPath = path.resolve("build/remix/index.js");
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;

  let shuttingDown = false;
  const app = createApp({
    build,
    isShuttingDown: () => shuttingDown,
    localIdentityProvider: await localIdentityProviderFromEnv(),
  });
  const server = app.listen(env.PORT, () => {
    logger.info(
      { port: env.PORT, url: env.appUrl, database: env.embeddedDatabase ? "embedded" : "postgres", ...buildInfo },
      "Kapatiran is listening",
    );
  });

  // One process per slot runs the slot's routines: this one, or the primary, which asks this one for its figures.
  if (cluster.isWorker) answerPrimary();
  const stopRoutines = cluster.isWorker ? async () => {} : startRoutines();

  const stop = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, "shutting down: finishing requests in flight");
    void closeGracefully(server, async () => {
      await stopRoutines();
      await closeRedis();
      await disconnectDatabase();
    }).then((clean) => process.exit(clean ? 0 : 1));
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

/** The primary of WEB_CONCURRENCY app processes: starts them, runs the routines, stops them all. */
function primary() {
  const workers = startWorkers(env.WEB_CONCURRENCY);
  const stopRoutines = startRoutines(everyWorkersMinute);
  logger.info({ processes: env.WEB_CONCURRENCY, port: env.PORT, ...buildInfo }, "Kapatiran is starting its app processes");
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: stopping the app processes");
    void workers
      .stop()
      .then(async (clean) => {
        await stopRoutines();
        await closeRedis();
        await disconnectDatabase();
        process.exit(clean ? 0 : 1);
      })
      .catch(() => process.exit(1));
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

/** The session purge and the operations ticker; returns the function that stops them. */
function startRoutines(minute?: () => Promise<MinuteFigures>) {
  // Ended sessions are refused anyway; this only keeps the table small.
  const purge = setInterval(() => {
    sessionStore()
      .purgeExpired()
      .catch((error: unknown) => logger.error({ err: error }, "session purge failed"));
  }, 60 * 60_000);
  purge.unref();
  // Minute rollups, EMF lines and alert rules (app/ops).
  const stopTicker = startOperationsTicker({ minute });
  return async () => {
    clearInterval(purge);
    await stopTicker();
  };
}

async function database() {
  try {
    await connectDatabase();
  } catch (error) {
    if (error instanceof DatabaseUnreachableError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Kapatiran could not start: ${message}\n`);
  logger.fatal({ err: error }, "start-up failed");
  process.exit(1);
});
