import type { Server } from "node:http";
import { logger } from "../app/utils/logger.server";

const GRACE_MS = 10_000;

/**
 * Stop accepting connections, let requests in flight finish (up to 10 s, then
 * cut them), and close the database last. Resolves true when everything ended
 * within the grace period.
 */
export function closeGracefully(server: Server, closeDatabase: () => Promise<void>): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      logger.warn("grace period over: closing remaining connections");
      server.closeAllConnections();
    }, GRACE_MS);
    timer.unref();
    // Keep-alive connections with no request in flight would hold close() open;
    // connections become idle as their last request ends, so sweep repeatedly.
    const sweeper = setInterval(() => server.closeIdleConnections(), 250);
    server.close(async (error) => {
      clearTimeout(timer);
      clearInterval(sweeper);
      try {
        await closeDatabase();
      } catch (closeError) {
        logger.error({ err: closeError }, "closing the database failed");
        return resolve(false);
      }
      logger.info("stopped");
      resolve(!error);
    });
    server.closeIdleConnections();
  });
}
