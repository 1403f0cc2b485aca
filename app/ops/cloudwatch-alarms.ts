import { EMF_NAMESPACE, EMF_SERVICE, type EMF_METRICS } from "./emf-metrics";
import {
  ALERT_RULES,
  BREACHING_MINUTES_TO_FIRE,
  MIN_REQUESTS_TO_JUDGE,
  thresholdsWith,
  WINDOW_MINUTES,
  type AlertRuleName,
} from "./thresholds";

/**
 * The CloudWatch alarms that mirror the app's own alert rules: same
 * thresholds (thresholds.ts), same "3 of the last 5 minutes", over the EMF
 * metrics the app writes (emf-metrics.ts), all instances together (the
 * `Service` dimension). The app's rules need the app; these fire even when
 * it is down, and go to the operators' SNS topic. Each entry is a
 * PutMetricAlarm input (AWS CLI `--cli-input-json`, SDK or CloudFormation
 * properties); infrastructure code builds its alarms from this list.
 */
export interface AlarmDefinition {
  AlarmName: string;
  AlarmDescription: string;
  ComparisonOperator: "GreaterThanThreshold";
  Threshold: number;
  EvaluationPeriods: number;
  DatapointsToAlarm: number;
  TreatMissingData: "notBreaching";
  AlarmActions: string[];
  OKActions: string[];
  Metrics: MetricQuery[];
}

type MetricName = keyof typeof EMF_METRICS;
interface MetricQuery {
  Id: string;
  ReturnData: boolean;
  Expression?: string;
  Label?: string;
  MetricStat?: {
    Metric: { Namespace: string; MetricName: MetricName; Dimensions: { Name: string; Value: string }[] };
    Period: number;
    Stat: "Sum" | "Average" | "Maximum";
  };
}

const stat = (id: string, metric: MetricName, statistic: "Sum" | "Average" | "Maximum", returnData: boolean): MetricQuery => ({
  Id: id,
  ReturnData: returnData,
  MetricStat: {
    Metric: { Namespace: EMF_NAMESPACE, MetricName: metric, Dimensions: [{ Name: "Service", Value: EMF_SERVICE }] },
    Period: 60,
    Stat: statistic,
  },
});

/** What each rule watches, all instances combined. */
const QUERIES: Record<AlertRuleName, MetricQuery[]> = {
  // Errors over requests, weighted (an average of per-instance rates would not be); quiet minutes judge nothing.
  error_rate: [
    stat("errors", "Errors", "Sum", false),
    stat("requests", "Requests", "Sum", false),
    {
      Id: "rate",
      ReturnData: true,
      Label: "Error rate (%)",
      Expression: `IF(requests >= ${MIN_REQUESTS_TO_JUDGE}, 100 * errors / requests, 0)`,
    },
  ],
  slow_responses: [stat("latency", "LatencyAverage", "Average", true)],
  cpu: [stat("cpu", "CPUPercent", "Maximum", true)],
  memory: [stat("memory", "MemoryPercent", "Maximum", true)],
  disk: [stat("disk", "DiskPercent", "Maximum", true)],
  sign_in_failures: [stat("failures", "SignInFailures", "Sum", true)],
  rate_limit_hits: [stat("hits", "RateLimitHits", "Sum", true)],
};

/** Every rule as an alarm telling `topicArn` when it fires and when it clears. */
export function cloudWatchAlarms(topicArn: string, thresholds: Record<AlertRuleName, number> = thresholdsWith({})): AlarmDefinition[] {
  return (Object.keys(ALERT_RULES) as AlertRuleName[]).map((rule) => ({
    AlarmName: `kapatiran-${rule.replace(/_/g, "-")}`,
    AlarmDescription: `${ALERT_RULES[rule].summary}. Runbook: docs/runbooks/${rule.replace(/_/g, "-")}.md`,
    ComparisonOperator: "GreaterThanThreshold",
    Threshold: thresholds[rule],
    EvaluationPeriods: WINDOW_MINUTES,
    DatapointsToAlarm: BREACHING_MINUTES_TO_FIRE,
    TreatMissingData: "notBreaching",
    AlarmActions: [topicArn],
    OKActions: [topicArn],
    Metrics: QUERIES[rule],
  }));
}
