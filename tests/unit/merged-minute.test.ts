import { describe, expect, it } from "vitest";
import { LATENCY_BUCKETS_MS } from "~/ops/thresholds";
import { emptyHistogram, mergedMinute, observe, sendable, type MinuteFigures } from "~/ops/minute-recorder.server";

/** One app process's minute: `latencies` requests by `people`. */
function minute(startedAt: string, latencies: number[], people: string[], lcp: number[] = []): MinuteFigures {
  const figures: MinuteFigures = {
    startedAt: new Date(startedAt),
    requests: latencies.length,
    errors: 1,
    latency: emptyHistogram(),
    userIds: new Set(people),
    signInFailures: 2,
    rateLimitHits: 3,
    vitals: {},
  };
  for (const ms of latencies) observe(figures.latency, ms, LATENCY_BUCKETS_MS);
  if (lcp.length > 0) {
    figures.vitals.lcp = emptyHistogram();
    for (const ms of lcp) observe(figures.vitals.lcp, ms, [500, 1000, 1500]);
  }
  return figures;
}

describe("one minute from every app process's figures", () => {
  it("adds counts and histograms, counts a person once, and starts at the earliest start", () => {
    const first = minute("2026-11-29T01:00:00.400Z", [10, 20, 3000], ["ana", "ben"], [800]);
    const second = minute("2026-11-29T01:00:00.100Z", [15], ["ben", "cora"], [1200, 400]);
    const merged = mergedMinute([sendable(first), sendable(second)]);

    expect(merged.startedAt.toISOString()).toBe("2026-11-29T01:00:00.100Z");
    expect(merged.requests).toBe(4);
    expect(merged.errors).toBe(2);
    expect(merged.signInFailures).toBe(4);
    expect(merged.rateLimitHits).toBe(6);
    expect([...merged.userIds].sort()).toEqual(["ana", "ben", "cora"]);
    expect(merged.latency.count).toBe(4);
    expect(merged.latency.sum).toBe(3045);
    expect(Object.values(merged.latency.buckets).reduce((sum, count) => sum + count, 0)).toBe(4);
    expect(merged.vitals.lcp).toEqual({ count: 3, sum: 2400, buckets: { "500": 1, "1000": 1, "1500": 1 } });
  });

  it("is an empty minute when no process answered", () => {
    const merged = mergedMinute([]);
    expect(merged.requests).toBe(0);
    expect(merged.userIds.size).toBe(0);
  });

  it("crosses the process boundary as plain JSON", () => {
    const sent = JSON.parse(JSON.stringify(sendable(minute("2026-11-29T01:00:00Z", [5], ["ana"]))));
    expect(mergedMinute([sent]).userIds).toEqual(new Set(["ana"]));
  });
});
