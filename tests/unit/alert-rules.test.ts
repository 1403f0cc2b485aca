import { describe, expect, it } from "vitest";
import {
  decide,
  figureOf,
  groupIntervals,
  minRequestsFor,
  type JudgeOptions,
  type RollupFigures,
} from "~/ops/alert-rules.server";
import { ALERT_RULES, thresholdsWith } from "~/ops/thresholds";

const B = 10; // a breaching figure for a threshold of 5
const F = 1; // a fine one

/** Walks a pattern minute by minute, as the ticker would, and lists what happened when. */
function walk(pattern: (number | null)[], threshold = 5) {
  let open = false;
  const events: string[] = [];
  for (let i = 1; i <= pattern.length; i++) {
    const decision = decide(pattern.slice(0, i), threshold, open);
    if (decision.action === "fire") {
      open = true;
      events.push(`fire@${i}`);
    } else if (decision.action === "clear") {
      open = false;
      events.push(`clear@${i}`);
    }
  }
  return events;
}

describe("alert state machine", () => {
  it("fires on the third breaching minute of five, not on the second", () => {
    expect(decide([F, F, F, B, B], 5, false)).toEqual({ action: "hold" });
    expect(decide([F, F, B, B, B], 5, false)).toEqual({ action: "fire", value: B });
    expect(decide([B, F, B, F, B], 5, false).action).toBe("fire");
    expect(walk([F, B, F, B, F, F, B])).toEqual([]); // never 3 in any 5
    expect(walk([B, B, B])).toEqual(["fire@3"]);
  });

  it("reports the newest breaching figure", () => {
    expect(decide([7, 12, 9, F, F], 5, false)).toEqual({ action: "fire", value: 9 });
  });

  it("fires once while it keeps breaching, and clears after three fine minutes", () => {
    expect(walk([B, B, B, B, B, B, B, F, F])).toEqual(["fire@3"]);
    expect(walk([B, B, B, B, B, F, F, F, F, F])).toEqual(["fire@3", "clear@8"]);
    expect(decide([B, B, F, F, B], 5, true)).toEqual({ action: "hold" });
    expect(decide([B, B, F, F, F], 5, true)).toEqual({ action: "clear", value: F });
  });

  it("does not flap on an alternating pattern", () => {
    const alternating = Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? B : F));
    expect(walk(alternating)).toEqual(["fire@5"]);
    // Two breaches, two fine, over and over: 3 of 5 at the fifth minute, then never 3 fine in a row.
    const pairs = Array.from({ length: 30 }, (_, i) => (i % 4 < 2 ? B : F));
    expect(walk(pairs)).toEqual(["fire@5"]);
    // Breaching one minute in three: never 3 of 5, never fires.
    const sparse = Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? B : F));
    expect(walk(sparse)).toEqual([]);
  });

  it("cannot fire again right after clearing without new breaches", () => {
    expect(walk([B, B, B, F, F, F, B, F, B])).toEqual(["fire@3", "clear@6"]);
    expect(walk([B, B, B, F, F, F, B, B, B])).toEqual(["fire@3", "clear@6", "fire@9"]);
  });

  it("counts minutes that cannot be judged as fine", () => {
    expect(walk([null, null, null, null, null])).toEqual([]);
    expect(walk([B, B, B, null, null, null])).toEqual(["fire@3", "clear@6"]);
  });

  it("needs a value above the threshold, not equal to it", () => {
    expect(decide([5, 5, 5, 5, 5], 5, false)).toEqual({ action: "hold" });
  });
});

const minute = (seconds: number, figures: Partial<RollupFigures> = {}): RollupFigures => ({
  minute: new Date(Date.UTC(2026, 10, 28, 12, 0, seconds)),
  requests: 100,
  errors: 0,
  latency: { count: 100, sum: 5_000, buckets: { "50": 100 } },
  cpuPercent: 10,
  memoryPercent: 20,
  diskPercent: 30,
  signInFailures: 0,
  rateLimitHits: 0,
  ...figures,
});

const judge = (intervalMs: number, minRequests = 20): JudgeOptions => ({
  intervalMs,
  minRequests,
  thresholds: thresholdsWith({}),
});

describe("rule figures", () => {
  it("never judges the error rate of an interval with too few requests", () => {
    const quiet = groupIntervals([minute(0, { requests: 3, errors: 3 })], new Date(Date.UTC(2026, 10, 28, 12, 1)), 60_000);
    expect(figureOf("error_rate", quiet.at(-1)!, judge(60_000))).toBeNull();
    const pattern = Array.from({ length: 10 }, () => figureOf("error_rate", quiet.at(-1)!, judge(60_000)));
    expect(walk(pattern)).toEqual([]);
  });

  it("combines instances: counts summed, the box's gauges at their worst", () => {
    const now = new Date(Date.UTC(2026, 10, 28, 12, 2));
    const rows = [
      minute(0, { errors: 10, cpuPercent: 50 }),
      // green ticks 2 seconds after blue: same interval
      minute(2, { errors: 0, cpuPercent: 90, latency: { count: 100, sum: 300_000, buckets: { "5000": 100 } } }),
      minute(60, { requests: 10 }),
    ];
    const intervals = groupIntervals(rows, now, 60_000);
    expect(intervals).toHaveLength(5);
    const combined = intervals[3]!;
    expect(combined.requests).toBe(200);
    expect(figureOf("error_rate", combined, judge(60_000))).toBe(5);
    expect(figureOf("cpu", combined, judge(60_000))).toBe(90);
    expect(figureOf("slow_responses", combined, judge(60_000))).toBe(1525);
    expect(figureOf("error_rate", intervals[4]!, judge(60_000))).toBeNull();
    expect(intervals.slice(0, 3).every((interval) => interval.requests === 0)).toBe(true);
  });

  it("sees nothing when the newest row is old (the app stopped writing)", () => {
    const intervals = groupIntervals([minute(0, { errors: 50 })], new Date(Date.UTC(2026, 10, 28, 13)), 60_000);
    expect(intervals.every((interval) => interval.requests === 0)).toBe(true);
  });

  it("scales per-minute counts and the minimum requests to short intervals", () => {
    const [interval] = groupIntervals([minute(0, { signInFailures: 1 })], new Date(Date.UTC(2026, 10, 28, 12, 0, 1)), 1000, 1);
    expect(figureOf("sign_in_failures", interval!, judge(1000))).toBe(60);
    expect(figureOf("sign_in_failures", interval!, judge(60_000))).toBe(1);
    expect(minRequestsFor(60_000)).toBe(20);
    expect(minRequestsFor(1000)).toBe(5);
  });

  it("takes the env overrides for sign-in failures and rate-limit hits", () => {
    expect(thresholdsWith({}).sign_in_failures).toBe(ALERT_RULES.sign_in_failures.threshold);
    const overridden = thresholdsWith({ signInFailures: 3, rateLimitHits: 7 });
    expect(overridden.sign_in_failures).toBe(3);
    expect(overridden.rate_limit_hits).toBe(7);
    expect(overridden.error_rate).toBe(5);
  });
});
