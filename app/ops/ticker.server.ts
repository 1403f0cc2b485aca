import os from "node:os";
import { env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { evaluateAlerts } from "./alerts.server";
import { takeMinute, type MinuteFigures } from "./minute-recorder.server";
import { saveMinute } from "./rollups.server";

/** This process's name in rollups and metrics: INSTANCE_NAME (blue, green) or hostname:port. */
export const instanceName = () => env.INSTANCE_NAME ?? `${os.hostname()}:${env.PORT}`;

/**
 * Once a minute (METRICS_INTERVAL_SECONDS): the minute's figures are stored
 * as a rollup and written as an EMF line, then the alert rules look at the
 * last minutes. One tick at a time; a failing tick is logged and the next
 * one tries again. Returns the function that stops it (shutdown).
 */
export function startOperationsTicker({
  intervalMs = env.METRICS_INTERVAL_SECONDS * 1000,
  // With several app processes the primary gathers every worker's minute (server/workers.ts).
  minute = async (): Promise<MinuteFigures> => takeMinute(),
}: { intervalMs?: number; minute?: () => Promise<MinuteFigures> } = {}): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = running.then(async () => {
      try {
        await saveMinute(await minute(), instanceName());
        await evaluateAlerts(new Date());
      } catch (error) {
        logger.error({ err: error, event: "operations_tick_failed" }, "operations tick failed");
      }
    });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
