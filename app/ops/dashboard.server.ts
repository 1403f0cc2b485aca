import { and, asc, desc, gt, isNull, lte, or, sql } from "drizzle-orm";
import type { Database } from "~/db/client.server";
import { alerts, clientErrors, metricMinutes, type MetricMinute } from "~/db/schema-ops.server";
import { acrossChurches } from "~/db/tenancy.server";
import { env } from "~/utils/env.server";
import { mergeHistograms, quantile } from "./histogram";
import { VITAL_BUCKETS } from "./minute-recorder.server";
import { ALERT_RULES, LATENCY_BUCKETS_MS, type AlertRuleName } from "./thresholds";

/**
 * The operations dashboard's figures (/platform/ops): the stored minute
 * rollups of the last hour, day or week, grouped into chart points, the
 * window's totals, the top client errors and the alerts. Percentiles come
 * from summed histogram buckets, never from averaging minutes' percentiles.
 */

export const DASHBOARD_WINDOWS = {
  hour: { spanMs: 60 * 60_000, bucketMs: 60_000 },
  day: { spanMs: 24 * 60 * 60_000, bucketMs: 15 * 60_000 },
  week: { spanMs: 7 * 24 * 60 * 60_000, bucketMs: 2 * 60 * 60_000 },
} as const;
export type DashboardWindow = keyof typeof DASHBOARD_WINDOWS;

export const isDashboardWindow = (value: unknown): value is DashboardWindow =>
  typeof value === "string" && Object.hasOwn(DASHBOARD_WINDOWS, value);

/** One chart point: a bucket's start and its figures (null: nothing recorded then). */
export interface DashboardPoint {
  at: string;
  requestsPerMinute: number | null;
  errorRate: number | null;
  p50: number | null;
  p95: number | null;
  cpu: number | null;
  memory: number | null;
  disk: number | null;
  activeUsers: number | null;
  lcpP75: number | null;
}

export interface Totals {
  requests: number;
  errors: number;
  /** Requests per second over the intervals that had traffic: what a load tool reports for its run. */
  requestsPerSecond: number | null;
  errorRate: number | null;
  averageMs: number | null;
  p95Ms: number | null;
}

export interface DashboardAlert {
  id: string;
  rule: AlertRuleName;
  summary: string;
  value: number;
  threshold: number;
  unit: string;
  startedAt: string;
  clearedAt: string | null;
  runbook: string;
}

export interface DashboardClientError {
  fingerprint: string;
  message: string;
  route: string | null;
  release: string | null;
  count: number;
  lastSeenAt: string;
}

export interface Dashboard {
  window: DashboardWindow;
  from: string;
  to: string;
  points: DashboardPoint[];
  totals: Totals;
  /** The last five minutes alone: a short load test's figures without an hour of quiet around them. */
  recent: Totals;
  alerts: DashboardAlert[];
  clientErrors: DashboardClientError[];
}

const mean = (values: (number | null)[]) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
};

export function totalsOf(rows: Pick<MetricMinute, "minute" | "requests" | "errors" | "latency">[], intervalMs: number): Totals {
  const latency = mergeHistograms(...rows.map((row) => row.latency));
  let requests = 0;
  let errors = 0;
  const busy = new Set<number>();
  for (const row of rows) {
    requests += row.requests;
    errors += row.errors;
    if (row.requests > 0) busy.add(Math.round(row.minute.getTime() / intervalMs));
  }
  return {
    requests,
    errors,
    requestsPerSecond: busy.size ? requests / ((busy.size * intervalMs) / 1000) : null,
    errorRate: requests ? (errors / requests) * 100 : null,
    averageMs: latency.count ? latency.sum / latency.count : null,
    p95Ms: quantile(latency, 0.95, LATENCY_BUCKETS_MS),
  };
}

/** Rows into chart points, one per bucket from `from` to `to`, empty buckets kept (a gap in the line). */
export function pointsOf(rows: MetricMinute[], from: Date, to: Date, bucketMs: number, intervalMs: number): DashboardPoint[] {
  const first = Math.floor(from.getTime() / bucketMs);
  const last = Math.floor(to.getTime() / bucketMs);
  const groups = new Map<number, MetricMinute[]>();
  for (const row of rows) {
    const key = Math.floor(row.minute.getTime() / bucketMs);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const points: DashboardPoint[] = [];
  for (let key = first; key <= last; key++) {
    const group = groups.get(key) ?? [];
    const at = new Date(key * bucketMs).toISOString();
    if (group.length === 0) {
      points.push({ at, requestsPerMinute: null, errorRate: null, p50: null, p95: null, cpu: null, memory: null, disk: null, activeUsers: null, lcpP75: null });
      continue;
    }
    const latency = mergeHistograms(...group.map((row) => row.latency));
    const lcp = mergeHistograms(...group.flatMap((row) => (row.vitals.lcp ? [row.vitals.lcp] : [])));
    const requests = group.reduce((sum, row) => sum + row.requests, 0);
    const errors = group.reduce((sum, row) => sum + row.errors, 0);
    // Active users: the busiest interval, instances added (a person is on one instance at a time).
    const perInterval = new Map<number, number>();
    for (const row of group) {
      const slot = Math.round(row.minute.getTime() / intervalMs);
      perInterval.set(slot, (perInterval.get(slot) ?? 0) + row.activeUsers);
    }
    // The first and last buckets are cut by the window's edges: a rate over the part inside it.
    const covered = Math.min(to.getTime(), (key + 1) * bucketMs) - Math.max(from.getTime(), key * bucketMs);
    const minutes = covered / 60_000;
    points.push({
      at,
      requestsPerMinute: requests / Math.max(minutes, intervalMs / 60_000),
      errorRate: requests ? (errors / requests) * 100 : null,
      p50: quantile(latency, 0.5, LATENCY_BUCKETS_MS),
      p95: quantile(latency, 0.95, LATENCY_BUCKETS_MS),
      cpu: mean(group.map((row) => row.cpuPercent)),
      memory: mean(group.map((row) => row.memoryPercent)),
      disk: mean(group.map((row) => row.diskPercent)),
      activeUsers: Math.max(...perInterval.values()),
      lcpP75: quantile(lcp, 0.75, VITAL_BUCKETS.lcp!),
    });
  }
  return points;
}

const RECENT_MS = 5 * 60_000;
const MESSAGE_LENGTH = 160;

export async function loadDashboard(
  window: DashboardWindow,
  now = new Date(),
  options: { database?: Database; intervalMs?: number } = {},
): Promise<Dashboard> {
  const { spanMs, bucketMs } = DASHBOARD_WINDOWS[window];
  const intervalMs = options.intervalMs ?? env.METRICS_INTERVAL_SECONDS * 1000;
  const from = new Date(now.getTime() - spanMs);
  const { rows, alertRows, errorRows } = await acrossChurches(async (tx) => {
    const rows = await tx
      .select()
      .from(metricMinutes)
      .where(and(gt(metricMinutes.minute, from), lte(metricMinutes.minute, now)))
      .orderBy(asc(metricMinutes.minute));
    // Open alerts whenever they started, then the ones started or cleared in the window.
    const alertRows = await tx
      .select()
      .from(alerts)
      .where(or(isNull(alerts.clearedAt), gt(alerts.clearedAt, from), gt(alerts.startedAt, from)))
      .orderBy(sql`${alerts.clearedAt} is not null`, desc(alerts.startedAt))
      .limit(50);
    const errorRows = await tx
      .select()
      .from(clientErrors)
      .where(gt(clientErrors.lastSeenAt, from))
      .orderBy(desc(clientErrors.count), desc(clientErrors.lastSeenAt))
      .limit(10);
    return { rows, alertRows, errorRows };
  }, options.database);

  const recentFrom = now.getTime() - RECENT_MS;
  return {
    window,
    from: from.toISOString(),
    to: now.toISOString(),
    points: pointsOf(rows, from, now, bucketMs, intervalMs),
    totals: totalsOf(rows, intervalMs),
    recent: totalsOf(
      rows.filter((row) => row.minute.getTime() > recentFrom),
      intervalMs,
    ),
    alerts: alertRows.map((alert) => {
      const rule = alert.rule as AlertRuleName;
      return {
        id: alert.id,
        rule,
        summary: ALERT_RULES[rule]?.summary ?? alert.rule,
        value: alert.value,
        threshold: alert.threshold,
        unit: ALERT_RULES[rule]?.unit ?? "",
        startedAt: alert.startedAt.toISOString(),
        clearedAt: alert.clearedAt?.toISOString() ?? null,
        runbook: `docs/runbooks/${rule.replaceAll("_", "-")}.md`,
      };
    }),
    clientErrors: errorRows.map((error) => ({
      fingerprint: error.fingerprint,
      message: error.message.length > MESSAGE_LENGTH ? `${error.message.slice(0, MESSAGE_LENGTH - 1)}…` : error.message,
      route: error.route,
      release: error.release,
      count: error.count,
      lastSeenAt: error.lastSeenAt.toISOString(),
    })),
  };
}
