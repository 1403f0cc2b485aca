import cluster, { type Worker } from "node:cluster";
import { AggregatorRegistry, type Registry } from "prom-client";
import { mergedMinute, sendable, takeMinute, type SentMinute } from "../app/ops/minute-recorder.server";
import { logger } from "../app/utils/logger.server";
import { metrics } from "../app/utils/metrics.server";
import { answer, askWorker } from "./process-channel";
import { memoryCounter, RATE_LIMIT_HIT, type Counter, type RateLimitHit } from "./rate-limit";

/**
 * WEB_CONCURRENCY app processes on one port (node:cluster). One JavaScript
 * thread uses one core; on the 2-vCPU box a second process serves pages on the
 * core PostgreSQL leaves idle (README, "Benchmarks"). The primary serves no
 * HTTP. It migrates and seeds before any worker starts, starts the workers and
 * replaces one that dies, and does what must happen once per slot: the
 * operations ticker (one minute rollup from every worker's figures, a person
 * counted once; alerts; EMF), the session purge, the Prometheus figures of all
 * processes for /metrics, and the rate-limit counts when there is no Redis.
 */

const MINUTE = "take-minute";
const METRICS_JSON = "metrics-json";
export const ALL_PROCESSES_METRICS = "all-processes-metrics";

type ProcessMetrics = Awaited<ReturnType<Registry["getMetricsAsJSON"]>>;

const RESTART_DELAY_MS = 1_000;
const SHUTDOWN_LIMIT_MS = 20_000;

/** In the primary: starts `count` workers and keeps that many running until `stop`. */
export function startWorkers(count: number): { stop: () => Promise<boolean> } {
  let stopping = false;
  // An "error" event nobody listens to would end the primary, and the slot with it.
  cluster.on("fork", (worker) => worker.on("error", (error: Error) => logger.warn({ err: error, pid: worker.process.pid }, "an app process's channel failed")));
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on("listening", (worker) => serving.add(worker.id));
  cluster.on("exit", (worker, code, signal) => {
    serving.delete(worker.id);
    if (stopping) return;
    logger.error({ pid: worker.process.pid, code, signal }, "an app process ended: starting another");
    setTimeout(() => {
      if (!stopping) cluster.fork();
    }, RESTART_DELAY_MS);
  });
  answerWorkers();
  return {
    /** SIGTERM to every worker (each finishes its requests); true when all ended cleanly in time. */
    stop: () => {
      stopping = true;
      return Promise.all(running().map((worker) => ended(worker))).then((clean) => clean.every(Boolean));
    },
  };
}

/** Workers that have started serving: the others have no figures yet and no requests to finish. */
const serving = new Set<number>();
const running = (): Worker[] => Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
const servingNow = (): Worker[] => running().filter((worker) => serving.has(worker.id) && worker.isConnected());

function ended(worker: Worker): Promise<boolean> {
  return new Promise((resolve) => {
    const limit = setTimeout(() => {
      worker.process.kill("SIGKILL");
      resolve(false);
    }, SHUTDOWN_LIMIT_MS);
    const wasServing = serving.has(worker.id);
    worker.once("exit", (code, signal) => {
      clearTimeout(limit);
      // Clean: it finished its requests and closed; or it was still starting, with nothing to finish.
      resolve(code === 0 || (!wasServing && signal === "SIGTERM"));
    });
    worker.process.kill("SIGTERM");
  });
}

/** What the primary answers its workers. */
function answerWorkers() {
  const counters = new Map<string, Counter>();
  answer(RATE_LIMIT_HIT, (payload) => {
    const { scope, windowMs, key } = payload as RateLimitHit;
    let counter = counters.get(scope);
    if (!counter) counters.set(scope, (counter = memoryCounter(windowMs)));
    return counter.hit(key);
  });
  answer(ALL_PROCESSES_METRICS, async () => {
    const workers = await Promise.all(
      servingNow().map((worker) => askWorker<ProcessMetrics>(worker, METRICS_JSON, undefined, 4_000).catch(() => null)),
    );
    // The primary's own figures too: its process, and the box's CPU the ticker sets here.
    const every = [...workers.filter((figures): figures is ProcessMetrics => figures !== null), await metrics().registry.getMetricsAsJSON()];
    return AggregatorRegistry.aggregate(every).metrics();
  });
}

/** In the primary, for the ticker: this minute's figures of every worker, as one minute. */
export async function everyWorkersMinute() {
  const minutes = await Promise.all(
    servingNow().map((worker) =>
      askWorker<SentMinute>(worker, MINUTE).catch((error: unknown) => {
        logger.warn({ err: error, pid: worker.process.pid }, "an app process's minute is missing from the rollup");
        return null;
      }),
    ),
  );
  return mergedMinute(minutes.filter((minute): minute is SentMinute => minute !== null));
}

/** In a worker: what it answers the primary. */
export function answerPrimary() {
  answer(MINUTE, () => sendable(takeMinute()));
  answer(METRICS_JSON, () => metrics().registry.getMetricsAsJSON());
}
