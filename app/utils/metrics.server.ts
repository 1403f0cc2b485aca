import { Counter, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { LATENCY_BUCKETS_MS } from "~/ops/thresholds";

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
}

const slot = Symbol.for("kapatiran.metrics");

function create(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "kapatiran_" });
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
  };
}

export function metrics(): Metrics {
  const holder = globalThis as { [slot]?: Metrics };
  return (holder[slot] ??= create());
}
