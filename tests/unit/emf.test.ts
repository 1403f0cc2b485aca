import { describe, expect, it } from "vitest";
import { EMF_METRICS, emfLine } from "~/ops/emf.server";
import { quantile } from "~/ops/histogram";
import { emfProblems } from "../support/emf-schema";

const timestamp = new Date("2026-11-28T12:34:00Z");

describe("EMF lines", () => {
  it("follow the Embedded Metric Format specification", () => {
    const line = emfLine(
      {
        Requests: 120,
        Errors: 6,
        ErrorRate: 5,
        LatencyAverage: 42.5,
        LatencyP50: 20,
        LatencyP95: 180,
        CPUPercent: 12.3,
        MemoryPercent: 55,
        DiskPercent: 40.1,
        ActiveUsers: 7,
        SignInFailures: 1,
        RateLimitHits: 0,
        ActiveSessions: 9,
      },
      { timestamp, instance: "blue" },
    );
    expect(line).not.toContain("\n");
    expect(emfProblems(line)).toEqual([]);
    const event = JSON.parse(line);
    expect(event._aws.Timestamp).toBe(timestamp.getTime());
    const [directive] = event._aws.CloudWatchMetrics;
    expect(directive.Namespace).toBe("Kapatiran");
    expect(directive.Dimensions).toEqual([["Service"], ["Service", "Instance"]]);
    expect(directive.Metrics).toHaveLength(Object.keys(EMF_METRICS).length);
    expect(directive.Metrics).toContainEqual({ Name: "LatencyP95", Unit: "Milliseconds" });
    expect(event).toMatchObject({ Service: "kapatiran", Instance: "blue", Requests: 120, ErrorRate: 5 });
  });

  it("leave out what is unknown this minute instead of sending a false zero", () => {
    const line = emfLine(
      { Requests: 0, Errors: 0, ErrorRate: null, LatencyP50: null, CPUPercent: Number.NaN, ActiveSessions: undefined },
      { timestamp, instance: "green" },
    );
    expect(emfProblems(line)).toEqual([]);
    const event = JSON.parse(line);
    expect(event._aws.CloudWatchMetrics[0].Metrics.map((m: { Name: string }) => m.Name)).toEqual(["Requests", "Errors"]);
    expect(event).not.toHaveProperty("ErrorRate");
  });

  it("the checker itself refuses what the specification forbids", () => {
    const good = JSON.parse(emfLine({ Requests: 1 }, { timestamp, instance: "blue" }));
    const broken = (change: (event: any) => void) => {
      const event = structuredClone(good);
      change(event);
      return emfProblems(JSON.stringify(event));
    };
    expect(broken((e) => delete e._aws)).not.toEqual([]);
    expect(broken((e) => (e._aws.Timestamp = "now"))).not.toEqual([]);
    expect(broken((e) => (e._aws.CloudWatchMetrics[0].Namespace = ""))).not.toEqual([]);
    expect(broken((e) => (e._aws.CloudWatchMetrics[0].Namespace = "x".repeat(256)))).not.toEqual([]);
    expect(broken((e) => (e._aws.CloudWatchMetrics[0].Dimensions = [Array.from({ length: 31 }, (_, i) => `D${i}`)]))).not.toEqual([]);
    expect(broken((e) => delete e.Requests)).toEqual(["metric Requests has no number at the root"]);
    expect(broken((e) => delete e.Instance)).toEqual(["dimension Instance missing at the root"]);
    expect(broken((e) => (e._aws.CloudWatchMetrics[0].Metrics[0].Unit = "Furlongs"))).not.toEqual([]);
  });
});

describe("latency quantiles from bucket counts", () => {
  const bounds = [10, 100, 1000];
  it("interpolate inside the bucket, as histogram_quantile does", () => {
    const histogram = { count: 10, sum: 0, buckets: { "10": 5, "100": 5 } };
    expect(quantile(histogram, 0.5, bounds)).toBe(10);
    expect(quantile(histogram, 0.9, bounds)).toBe(82);
    expect(quantile({ count: 4, sum: 0, buckets: { "1000": 4 } }, 0.5, bounds)).toBe(550);
  });
  it("say the last bound for values past it, and nothing when empty", () => {
    expect(quantile({ count: 2, sum: 0, buckets: { "+Inf": 2 } }, 0.95, bounds)).toBe(1000);
    expect(quantile({ count: 0, sum: 0, buckets: {} }, 0.5, bounds)).toBeNull();
  });
});
