import { describe, expect, it } from "vitest";
import { cloudWatchAlarms } from "~/ops/cloudwatch-alarms";
import { EMF_METRICS, EMF_NAMESPACE } from "~/ops/emf-metrics";
import { ALERT_RULES, BREACHING_MINUTES_TO_FIRE, thresholdsWith, WINDOW_MINUTES } from "~/ops/thresholds";

/** The CloudWatch alarms and the app's own alert rules must never disagree: both come from thresholds.ts. */
describe("CloudWatch alarms", () => {
  const topic = "arn:aws:sns:ap-southeast-1:123456789012:kapatiran-operators";
  const alarms = cloudWatchAlarms(topic);

  it("mirror every alert rule with its threshold and its 3-of-5-minutes window", () => {
    expect(alarms.map((alarm) => alarm.AlarmName).sort()).toEqual(
      Object.keys(ALERT_RULES).map((rule) => `kapatiran-${rule.replace(/_/g, "-")}`).sort(),
    );
    for (const alarm of alarms) {
      const rule = alarm.AlarmName.replace(/^kapatiran-/, "").replace(/-/g, "_") as keyof typeof ALERT_RULES;
      expect(alarm.Threshold, rule).toBe(ALERT_RULES[rule].threshold);
      expect(alarm).toMatchObject({ EvaluationPeriods: WINDOW_MINUTES, DatapointsToAlarm: BREACHING_MINUTES_TO_FIRE });
      expect(alarm.AlarmActions).toEqual([topic]);
      expect(alarm.OKActions).toEqual([topic]);
      expect(alarm.AlarmDescription).toContain(`docs/runbooks/${rule.replace(/_/g, "-")}.md`);
    }
  });

  it("watch metrics the EMF lines write, all instances together", () => {
    for (const alarm of alarms) {
      expect(alarm.Metrics.filter((query) => query.ReturnData)).toHaveLength(1);
      for (const query of alarm.Metrics.filter((q) => q.MetricStat)) {
        const metric = query.MetricStat!.Metric;
        expect(Object.keys(EMF_METRICS)).toContain(metric.MetricName);
        expect(metric.Namespace).toBe(EMF_NAMESPACE);
        expect(metric.Dimensions.map((d) => d.Name)).toEqual(["Service"]);
      }
    }
    const errorRate = alarms.find((alarm) => alarm.AlarmName === "kapatiran-error-rate")!;
    expect(errorRate.Metrics.find((query) => query.ReturnData)!.Expression).toMatch(/100 \* errors \/ requests/);
  });

  it("take the configured sign-in and rate-limit thresholds", () => {
    const custom = cloudWatchAlarms(topic, thresholdsWith({ signInFailures: 7, rateLimitHits: 99 }));
    expect(custom.find((alarm) => alarm.AlarmName === "kapatiran-sign-in-failures")!.Threshold).toBe(7);
    expect(custom.find((alarm) => alarm.AlarmName === "kapatiran-rate-limit-hits")!.Threshold).toBe(99);
  });
});
