import { Counter, Registry, collectDefaultMetrics } from "prom-client";

/**
 * Process-wide Prometheus registry, on globalThis because the Express entry
 * and the Remix build are separate bundles that must count into one place.
 */
interface Metrics {
  registry: Registry;
  signInFailures: Counter<"reason">;
  signIns: Counter;
  rateLimited: Counter<"scope">;
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
  };
}

export function metrics(): Metrics {
  const holder = globalThis as { [slot]?: Metrics };
  return (holder[slot] ??= create());
}
