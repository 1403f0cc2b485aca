import fs from "node:fs";
import path from "node:path";
import { env } from "~/utils/env.server";
import { EMF_METRICS, EMF_NAMESPACE, EMF_SERVICE } from "./emf-metrics";

/**
 * CloudWatch Embedded Metric Format: one JSON object per line whose `_aws`
 * member tells CloudWatch Logs which root members are metrics; the log group
 * the CloudWatch agent ships the file to turns them into CloudWatch metrics
 * with no AWS SDK call from the app (docs/decisions/008-metrics-emf.md).
 * Specification: root `_aws` { Timestamp (ms), CloudWatchMetrics: [{ Namespace,
 * Dimensions: [[name…]…], Metrics: [{ Name, Unit }] }] }, and every metric and
 * dimension named there present at the root.
 */

export { EMF_METRICS, EMF_NAMESPACE, EMF_SERVICE };

export type EmfMetricName = keyof typeof EMF_METRICS;
/** A figure that is not known this minute (no requests: no latency) is left out, never sent as 0. */
export type EmfValues = Partial<Record<EmfMetricName, number | null>>;

/**
 * One minute as an EMF line (no newline). Dimensions: the service alone (what
 * the alarms watch, blue and green together) and the service per instance.
 */
export function emfLine(values: EmfValues, options: { timestamp: Date; instance: string }): string {
  const known = (Object.keys(EMF_METRICS) as EmfMetricName[]).filter((name) => {
    const value = values[name];
    return typeof value === "number" && Number.isFinite(value);
  });
  const event: Record<string, unknown> = {
    _aws: {
      Timestamp: options.timestamp.getTime(),
      CloudWatchMetrics: [
        {
          Namespace: EMF_NAMESPACE,
          Dimensions: [["Service"], ["Service", "Instance"]],
          Metrics: known.map((name) => ({ Name: name, Unit: EMF_METRICS[name] })),
        },
      ],
    },
    Service: EMF_SERVICE,
    Instance: options.instance,
  };
  for (const name of known) event[name] = values[name];
  return JSON.stringify(event);
}

/** Where the lines go: EMF_FILE, "stdout", "off", or DATA_DIR/logs/emf.log by default. */
export function emfDestination(): string {
  return env.EMF_FILE ?? path.join(env.DATA_DIR, "logs", "emf.log");
}

/**
 * Appends one line. Synchronous on purpose: a line a minute is nothing, and
 * an append of one short write never interleaves with another process's
 * (blue and green may share the file).
 */
export function writeEmfLine(line: string, destination = emfDestination()) {
  if (destination === "off") return;
  if (destination === "stdout") {
    process.stdout.write(`${line}\n`);
    return;
  }
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  fs.appendFileSync(destination, `${line}\n`);
}
