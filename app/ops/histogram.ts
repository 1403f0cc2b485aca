import type { Histogram } from "~/db/schema-ops.server";

/**
 * The q-quantile (0–1) of a bucketed histogram (`buckets[le]` counts values
 * up to `le` that no smaller bound took), interpolated linearly inside its
 * bucket as Prometheus's histogram_quantile does. Values past the last bound
 * are reported as that bound: the histogram cannot say more. `bounds` are the
 * bucket bounds it was observed with (ascending). Null when empty.
 */
export function quantile(histogram: Histogram, q: number, bounds: readonly number[]): number | null {
  if (histogram.count === 0) return null;
  const rank = q * histogram.count;
  let below = 0;
  let lower = 0;
  for (const bound of bounds) {
    const inBucket = histogram.buckets[String(bound)] ?? 0;
    if (below + inBucket >= rank && inBucket > 0) {
      return lower + ((bound - lower) * (rank - below)) / inBucket;
    }
    below += inBucket;
    lower = bound;
  }
  return lower;
}

/** Sum of histograms with the same bounds (minutes into an hour, instances into one). */
export function mergeHistograms(...histograms: Histogram[]): Histogram {
  const merged: Histogram = { count: 0, sum: 0, buckets: {} };
  for (const histogram of histograms) {
    merged.count += histogram.count;
    merged.sum += histogram.sum;
    for (const [le, n] of Object.entries(histogram.buckets)) merged.buckets[le] = (merged.buckets[le] ?? 0) + n;
  }
  return merged;
}

/** Named histograms (the browser figures: lcp, inp, …) merged name by name. */
export function mergeNamedHistograms(a: Record<string, Histogram>, b: Record<string, Histogram>): Record<string, Histogram> {
  const merged = { ...a };
  for (const [name, histogram] of Object.entries(b)) merged[name] = merged[name] ? mergeHistograms(merged[name]!, histogram) : histogram;
  return merged;
}
