import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { currentConnection } from "~/db/client.server";
import { transactionsInFlight } from "~/db/tenancy.server";
import { businessFigures } from "~/ops/business-figures.server";
import { diskUse, memoryUsedPercent, watchedDirectories } from "~/ops/system-stats.server";
import { LATENCY_BUCKETS_MS } from "~/ops/thresholds";
import { env } from "./env.server";
import { logger } from "./logger.server";

/**
 * Process-wide Prometheus registry, on globalThis because the Express entry
 * and the Remix build are separate bundles that must count into one place.
 */
interface Metrics {
  registry: Registry;
  signInFailures: Counter<"reason">;
  signIns: Counter;
  rateLimited: Counter<"scope">;
  httpRequests: Counter<"method" | "route" | "status">;
  httpErrors: Counter<"method" | "route">;
  httpDuration: Histogram<"method" | "route">;
  featureUse: Counter<"area">;
  /** Pages that opt in to the render memo (app/utils/rendered-pages.server.ts): rendered, or the memo's copy. */
  pageRenders: Counter<"outcome">;
  /** Set by the rollup writer once a minute: CPU busy is a difference between two readings. */
  systemCpuPercent: Gauge;
}


const slot = Symbol.for("kapatiran.metrics");

function create(): Metrics {
  const registry = new Registry();
  // Process CPU seconds, resident memory, heap, event-loop delay (…_eventloop_lag_p99_seconds), GC.
  collectDefaultMetrics({ register: registry, prefix: "kapatiran_" });
  registerCollected(registry);
  return {
    registry,
    signInFailures: new Counter({
      name: "kapatiran_sign_in_failures_total",
      help: "Refused sign-ins, by reason (bad state, bad token, uninvited, deactivated, …)",
      labelNames: ["reason"],
      registers: [registry],
    }),
    signIns: new Counter({ name: "kapatiran_sign_ins_total", help: "Successful sign-ins", registers: [registry] }),
    rateLimited: new Counter({
      name: "kapatiran_rate_limited_total",
      help: "Requests refused by a rate limit",
      labelNames: ["scope"],
      registers: [registry],
    }),
    httpRequests: new Counter({
      name: "kapatiran_http_requests_total",
      help: "Finished HTTP requests, by method, route pattern and status",
      labelNames: ["method", "route", "status"],
      registers: [registry],
    }),
    httpErrors: new Counter({
      name: "kapatiran_http_errors_total",
      help: "HTTP responses with status 500 or above, by method and route pattern",
      labelNames: ["method", "route"],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: "kapatiran_http_request_duration_seconds",
      help: "Server time of HTTP requests, by method and route pattern",
      labelNames: ["method", "route"],
      buckets: LATENCY_BUCKETS_MS.map((ms) => ms / 1000),
      registers: [registry],
    }),
    featureUse: new Counter({
      name: "kapatiran_feature_use_total",
      help: "Requests by area of the app (directory, admin, help, support, me, privacy, platform, forum, auth, other)",
      labelNames: ["area"],
      registers: [registry],
    }),
    pageRenders: new Counter({
      name: "kapatiran_page_renders_total",
      help: "Pages whose HTML follows from their loader data: outcome rendered, or memo (the same page rendered before)",
      labelNames: ["outcome"],
      registers: [registry],
    }),
    systemCpuPercent: new Gauge({
      // Set by the one process that writes the rollups; the others have no value to add.
      aggregator: "first",
      name: "kapatiran_system_cpu_percent",
      help: "CPU busy on the box over the last rollup minute, all cores, 0-100",
      registers: [registry],
    }),
  };
}

/**
 * Gauges read when scraped. Each catches its own failure: a database hiccup
 * must leave the gauge unset, not turn the whole scrape into a 500.
 */
function registerCollected(registry: Registry) {
  const safely = (name: string, read: () => Promise<void> | void) => async () => {
    try {
      await read();
    } catch (error) {
      logger.warn({ err: error, metric: name }, "metric not collected");
    }
  };
  // Among several app processes (server/workers.ts) the primary adds up every process's figures:
  // "sum" for what each process has of its own (its pool), "first" for what they all read alike.
  const gauge = <L extends string>(
    name: string,
    help: string,
    labelNames: L[],
    collect: (g: Gauge<L>) => Promise<void> | void,
    aggregator: "sum" | "first" = "first",
  ) =>
    new Gauge<L>({
      name,
      help,
      labelNames,
      aggregator,
      registers: [registry],
      collect() {
        return safely(name, () => collect(this))();
      },
    });

  gauge(
    "kapatiran_db_transactions_in_flight",
    "Database transactions open or waiting for a connection",
    [],
    (g) => g.set(transactionsInFlight()),
    "sum",
  );
  gauge(
    "kapatiran_db_pool_max",
    "Connections the database pools may open",
    [],
    // PGlite is one connection; PostgreSQL's pool is DATABASE_POOL_SIZE per process (app/db/connect.server.ts).
    (g) => g.set(currentConnection().engine === "pglite" ? 1 : env.DATABASE_POOL_SIZE),
    "sum",
  );
  gauge("kapatiran_system_memory_used_percent", "Memory in use on the box (MemAvailable counted as free), 0-100", [], (g) =>
    g.set(memoryUsedPercent()),
  );
  gauge("kapatiran_disk_free_bytes", "Bytes free to the app on the file system of a directory", ["directory"], async (g) => {
    for (const directory of watchedDirectories()) g.set({ directory: directory.name }, (await diskUse(directory.path)).freeBytes);
  });
  gauge("kapatiran_disk_used_percent", "Used share of the file system of a directory, as df counts it, 0-100", ["directory"], async (g) => {
    for (const directory of watchedDirectories()) g.set({ directory: directory.name }, (await diskUse(directory.path)).usedPercent);
  });
  gauge("kapatiran_active_sessions", "Live sessions (not ended, not idle past the limit)", [], async (g) =>
    g.set((await businessFigures()).activeSessions),
  );
  gauge("kapatiran_active_users", "Distinct people active today (day) and in the last 30 days (month), UTC days", ["period"], async (g) => {
    const figures = await businessFigures();
    g.set({ period: "day" }, figures.dailyActiveUsers);
    g.set({ period: "month" }, figures.monthlyActiveUsers);
  });
  gauge("kapatiran_invitations_last_30_days", "Invitations sent and accepted in the last 30 days", ["state"], async (g) => {
    const figures = await businessFigures();
    g.set({ state: "sent" }, figures.invitationsSent30Days);
    g.set({ state: "accepted" }, figures.invitationsAccepted30Days);
  });
}

export function metrics(): Metrics {
  const holder = globalThis as { [slot]?: Metrics };
  return (holder[slot] ??= create());
}
