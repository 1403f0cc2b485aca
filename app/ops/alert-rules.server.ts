import type { Histogram } from "~/db/schema-ops.server";
import {
  BREACHING_MINUTES_TO_FIRE,
  CLEAR_MINUTES_TO_CLEAR,
  MIN_REQUESTS_TO_JUDGE,
  WINDOW_MINUTES,
  type AlertRuleName,
} from "./thresholds";

/**
 * The alert rules' decisions, as pure functions over plain figures: which
 * intervals breach, and whether a rule fires, clears or holds. No clock, no
 * database, so tests/unit/alert-rules.test.ts can walk every pattern.
 * alerts.server.ts feeds it the stored rollups and acts on its answers.
 */

/** One stored rollup row, as far as the rules care. */
export interface RollupFigures {
  minute: Date;
  requests: number;
  errors: number;
  latency: Histogram;
  cpuPercent: number | null;
  memoryPercent: number | null;
  diskPercent: number | null;
  signInFailures: number;
  rateLimitHits: number;
}

/** One interval with every instance's rows combined: counts summed, the box's gauges at their worst. */
export interface IntervalFigures {
  requests: number;
  errors: number;
  latencySum: number;
  latencyCount: number;
  cpuPercent: number | null;
  memoryPercent: number | null;
  diskPercent: number | null;
  signInFailures: number;
  rateLimitHits: number;
}

export const emptyInterval = (): IntervalFigures => ({
  requests: 0,
  errors: 0,
  latencySum: 0,
  latencyCount: 0,
  cpuPercent: null,
  memoryPercent: null,
  diskPercent: null,
  signInFailures: 0,
  rateLimitHits: 0,
});

const worst = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

/**
 * The last `count` intervals, oldest first, ending with the newest row's.
 * Rows are placed by rounding their distance from the newest row, so blue
 * and green (whose ticks are seconds apart) land in the same interval, and an
 * interval nobody wrote stays empty. A newest row older than three intervals
 * means nothing recent was written: every interval is empty.
 */
export function groupIntervals(
  rows: RollupFigures[],
  now: Date,
  intervalMs: number,
  count = WINDOW_MINUTES,
): IntervalFigures[] {
  const intervals = Array.from({ length: count }, emptyInterval);
  const newest = Math.max(...rows.map((row) => row.minute.getTime()).filter((t) => t <= now.getTime()), -Infinity);
  if (newest < now.getTime() - 3 * intervalMs) return intervals;
  for (const row of rows) {
    const back = Math.round((newest - row.minute.getTime()) / intervalMs);
    if (back < 0 || back >= count) continue;
    const interval = intervals[count - 1 - back]!;
    interval.requests += row.requests;
    interval.errors += row.errors;
    interval.latencySum += row.latency.sum;
    interval.latencyCount += row.latency.count;
    interval.cpuPercent = worst(interval.cpuPercent, row.cpuPercent);
    interval.memoryPercent = worst(interval.memoryPercent, row.memoryPercent);
    interval.diskPercent = worst(interval.diskPercent, row.diskPercent);
    interval.signInFailures += row.signInFailures;
    interval.rateLimitHits += row.rateLimitHits;
  }
  return intervals;
}

export interface JudgeOptions {
  /** Length of one interval: 60 s in production, 1 s in tests. Counts "per minute" are scaled by it. */
  intervalMs: number;
  /** Fewer requests than this in an interval: error rate and latency are not judged. */
  minRequests: number;
  /** Thresholds, with the env overrides already applied. */
  thresholds: Record<AlertRuleName, number>;
}

/** MIN_REQUESTS_TO_JUDGE is per minute: a 1-second test interval judges from 5 requests, not 20. */
export function minRequestsFor(intervalMs: number): number {
  return Math.max(5, Math.ceil((MIN_REQUESTS_TO_JUDGE * intervalMs) / 60_000));
}

/** A rule's figure for one interval, in the rule's unit; null when the interval cannot be judged. */
export function figureOf(rule: AlertRuleName, interval: IntervalFigures, options: JudgeOptions): number | null {
  const perMinute = (count: number) => (count * 60_000) / options.intervalMs;
  switch (rule) {
    case "error_rate":
      return interval.requests >= options.minRequests ? (interval.errors / interval.requests) * 100 : null;
    case "slow_responses":
      return interval.latencyCount >= options.minRequests ? interval.latencySum / interval.latencyCount : null;
    case "cpu":
      return interval.cpuPercent;
    case "memory":
      return interval.memoryPercent;
    case "disk":
      return interval.diskPercent;
    case "sign_in_failures":
      return perMinute(interval.signInFailures);
    case "rate_limit_hits":
      return perMinute(interval.rateLimitHits);
  }
}

export type Decision =
  | { action: "fire"; value: number }
  | { action: "clear"; value: number | null }
  | { action: "hold" };

/**
 * Fire when BREACHING_MINUTES_TO_FIRE of the last WINDOW_MINUTES intervals
 * breach and the rule is not already open; clear when it is open and the last
 * CLEAR_MINUTES_TO_CLEAR intervals are all under the threshold. An interval
 * that cannot be judged (too few requests, no figure) counts as fine: an
 * outage that ends with the night's traffic still clears. Because firing
 * needs 3 of 5 and clearing needs the last 3 fine, a rule that just cleared
 * cannot fire again until new breaches arrive: it never flaps.
 */
export function decide(figures: (number | null)[], threshold: number, open: boolean): Decision {
  const window = figures.slice(-WINDOW_MINUTES);
  const breaches = window.map((value) => value !== null && value > threshold);
  if (!open) {
    if (breaches.filter(Boolean).length < BREACHING_MINUTES_TO_FIRE) return { action: "hold" };
    const latest = window.findLast((value, i) => breaches[i] && value !== null) as number;
    return { action: "fire", value: latest };
  }
  const recent = breaches.slice(-CLEAR_MINUTES_TO_CLEAR);
  if (recent.length < CLEAR_MINUTES_TO_CLEAR || recent.some(Boolean)) return { action: "hold" };
  return { action: "clear", value: window.at(-1) ?? null };
}
