import type { Histogram } from "~/db/schema-ops.server";
import { mergeHistograms, mergeNamedHistograms } from "./histogram";
import { LATENCY_BUCKETS_MS } from "./thresholds";

/**
 * The current minute's figures, kept in memory and handed to the rollup
 * writer once a minute (ticker.server.ts). On globalThis because the Express
 * entry and the Remix build are separate bundles that must count into one place.
 */
export interface MinuteFigures {
  startedAt: Date;
  requests: number;
  errors: number;
  latency: Histogram;
  userIds: Set<string>;
  signInFailures: number;
  rateLimitHits: number;
  vitals: Record<string, Histogram>;
}

/** Bucket bounds of the browser figures: milliseconds for lcp/inp, CLS × 1000, seconds for a session. */
export const VITAL_BUCKETS: Record<string, readonly number[]> = {
  lcp: [500, 1000, 1500, 2000, 2500, 3000, 4000, 6000, 10000],
  inp: [50, 100, 200, 300, 500, 1000],
  cls: [10, 50, 100, 250, 500],
  session: [10, 30, 60, 300, 900, 1800, 3600],
};

const slot = Symbol.for("kapatiran.minute-figures");
const holder = globalThis as { [slot]?: MinuteFigures };

function fresh(): MinuteFigures {
  return {
    startedAt: new Date(),
    requests: 0,
    errors: 0,
    latency: emptyHistogram(),
    userIds: new Set(),
    signInFailures: 0,
    rateLimitHits: 0,
    vitals: {},
  };
}

export const emptyHistogram = (): Histogram => ({ count: 0, sum: 0, buckets: {} });

/** Adds one observation: `buckets[le]` counts values up to `le` that no smaller bound took ("+Inf" for the rest). */
export function observe(histogram: Histogram, value: number, bounds: readonly number[]) {
  histogram.count += 1;
  histogram.sum += value;
  const le = bounds.find((bound) => value <= bound);
  const key = le === undefined ? "+Inf" : String(le);
  histogram.buckets[key] = (histogram.buckets[key] ?? 0) + 1;
}

const current = () => (holder[slot] ??= fresh());

export function recordRequest(failed: boolean, durationMs: number, userId: string | null) {
  const minute = current();
  minute.requests += 1;
  if (failed) minute.errors += 1;
  observe(minute.latency, durationMs, LATENCY_BUCKETS_MS);
  if (userId) minute.userIds.add(userId);
}

export function recordSignInFailure() {
  current().signInFailures += 1;
}

export function recordRateLimitHit() {
  current().rateLimitHits += 1;
}

export function recordVital(name: keyof typeof VITAL_BUCKETS, value: number) {
  const minute = current();
  observe((minute.vitals[name] ??= emptyHistogram()), value, VITAL_BUCKETS[name]!);
}

/** This minute's figures, and a fresh minute starts. */
export function takeMinute(): MinuteFigures {
  const taken = current();
  holder[slot] = fresh();
  return taken;
}

/** A minute's figures as plain JSON (the user ids as a list), to cross from a worker to the primary. */
export type SentMinute = Omit<MinuteFigures, "startedAt" | "userIds"> & { startedAt: string; userIds: string[] };

export function sendable(minute: MinuteFigures): SentMinute {
  return { ...minute, startedAt: minute.startedAt.toISOString(), userIds: [...minute.userIds] };
}

/**
 * One minute from every app process's figures (server/workers.ts): counts and
 * histograms added, a person counted once however many processes served them,
 * the minute starting at the earliest start.
 */
export function mergedMinute(minutes: SentMinute[]): MinuteFigures {
  const merged = fresh();
  if (minutes.length > 0) merged.startedAt = new Date(Math.min(...minutes.map((minute) => Date.parse(minute.startedAt))));
  for (const minute of minutes) {
    merged.requests += minute.requests;
    merged.errors += minute.errors;
    merged.signInFailures += minute.signInFailures;
    merged.rateLimitHits += minute.rateLimitHits;
    merged.latency = mergeHistograms(merged.latency, minute.latency);
    for (const id of minute.userIds) merged.userIds.add(id);
    merged.vitals = mergeNamedHistograms(merged.vitals, minute.vitals);
  }
  return merged;
}
