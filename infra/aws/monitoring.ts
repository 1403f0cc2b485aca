import { Duration, RemovalPolicy } from "aws-cdk-lib";
import * as budgets from "aws-cdk-lib/aws-budgets";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as logs from "aws-cdk-lib/aws-logs";
import * as sns from "aws-cdk-lib/aws-sns";
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions";
import { Construct } from "constructs";
import { cloudWatchAlarms } from "../../app/ops/cloudwatch-alarms";
import { EMF_METRICS, EMF_NAMESPACE, EMF_SERVICE } from "../../app/ops/emf-metrics";
import { thresholdsWith } from "../../app/ops/thresholds";
import type { LogGroupNames } from "./agent-config";
import type { EnvironmentSettings } from "./settings";

/** Budget warnings, in percent of the monthly budget (issue 10). */
export const BUDGET_WARNINGS = [50, 75, 90] as const;
export const LOG_RETENTION = logs.RetentionDays.THREE_MONTHS;

/** The alarm names of an environment: production keeps cloudWatchAlarms()'s names, others add their own. */
export const alarmName = (name: string, environment: string) => (environment === "production" ? name : `${name}-${environment}`);

/**
 * What operators are told and shown: the log groups (90 days), the SNS topic
 * with its e-mail subscriptions, the app's alert rules as CloudWatch alarms
 * (the very definitions of app/ops/cloudwatch-alarms.ts), the monthly budget
 * and a dashboard of the EMF figures.
 */
export class Monitoring extends Construct {
  readonly topic: sns.Topic;
  readonly logGroups: LogGroupNames;

  constructor(scope: Construct, id: string, settings: EnvironmentSettings) {
    super(scope, id);
    const env = settings.name;

    // Plain names (not references), so the agent's configuration in the user data reads as it will on the box;
    // the instances depend on this construct, so the groups exist, with their retention, before the agent starts.
    const group = (name: keyof LogGroupNames) =>
      new logs.LogGroup(this, `Logs-${name}`, {
        logGroupName: `/kapatiran/${env}/${name}`,
        retention: LOG_RETENTION,
        removalPolicy: RemovalPolicy.RETAIN,
      }) && `/kapatiran/${env}/${name}`;
    this.logGroups = { app: group("app"), emf: group("emf"), nginx: group("nginx"), system: group("system") };

    this.topic = new sns.Topic(this, "Operators", { topicName: `kapatiran-${env}-operators`, displayName: "Kapatiran operators" });
    for (const email of settings.alertEmails) this.topic.addSubscription(new subscriptions.EmailSubscription(email));

    const thresholds = thresholdsWith({ signInFailures: settings.signInFailuresPerMinute, rateLimitHits: settings.rateLimitHitsPerMinute });
    for (const alarm of cloudWatchAlarms(this.topic.topicArn, thresholds)) {
      new cloudwatch.CfnAlarm(this, `Alarm-${alarm.AlarmName}`, {
        alarmName: alarmName(alarm.AlarmName, env),
        alarmDescription: alarm.AlarmDescription,
        comparisonOperator: alarm.ComparisonOperator,
        threshold: alarm.Threshold,
        evaluationPeriods: alarm.EvaluationPeriods,
        datapointsToAlarm: alarm.DatapointsToAlarm,
        treatMissingData: alarm.TreatMissingData,
        alarmActions: alarm.AlarmActions,
        okActions: alarm.OKActions,
        metrics: alarm.Metrics.map((query) => ({
          id: query.Id,
          returnData: query.ReturnData,
          expression: query.Expression,
          label: query.Label,
          metricStat: query.MetricStat && {
            metric: {
              namespace: query.MetricStat.Metric.Namespace,
              metricName: query.MetricStat.Metric.MetricName,
              dimensions: query.MetricStat.Metric.Dimensions.map((d) => ({ name: d.Name, value: d.Value })),
            },
            period: query.MetricStat.Period,
            stat: query.MetricStat.Stat,
          },
        })),
      });
    }

    new budgets.CfnBudget(this, "Budget", {
      budget: {
        budgetName: `kapatiran-${env}-monthly`,
        budgetType: "COST",
        timeUnit: "MONTHLY",
        budgetLimit: { amount: settings.budgetMonthlyUsd, unit: "USD" },
        // Only this environment's resources: every one carries the Environment cost-allocation tag.
        costFilters: { TagKeyValue: [`user:Environment$${env}`] },
      },
      notificationsWithSubscribers: BUDGET_WARNINGS.map((percent) => ({
        notification: { notificationType: "ACTUAL", comparisonOperator: "GREATER_THAN", threshold: percent, thresholdType: "PERCENTAGE" },
        subscribers: settings.alertEmails.map((address) => ({ subscriptionType: "EMAIL", address })),
      })),
    });

    this.dashboard(env);
  }

  /** The operations dashboard's figures, from the EMF lines (all instances together). */
  private dashboard(env: string) {
    const metric = (name: keyof typeof EMF_METRICS, statistic: string, label: string = name) =>
      new cloudwatch.Metric({
        namespace: EMF_NAMESPACE,
        metricName: name,
        dimensionsMap: { Service: EMF_SERVICE },
        statistic,
        period: Duration.minutes(1),
        label,
      });
    const graph = (title: string, metrics: cloudwatch.IMetric[]) => new cloudwatch.GraphWidget({ title, left: metrics, width: 12, height: 6 });
    new cloudwatch.Dashboard(this, "Dashboard", {
      dashboardName: `kapatiran-${env}`,
      widgets: [
        [
          graph("Requests and server errors a minute", [metric("Requests", "Sum"), metric("Errors", "Sum")]),
          graph("Error rate (%)", [metric("ErrorRate", "Average")]),
        ],
        [
          graph("Server time (ms)", [metric("LatencyAverage", "Average", "average"), metric("LatencyP50", "Maximum", "p50"), metric("LatencyP95", "Maximum", "p95")]),
          graph("The box (%)", [metric("CPUPercent", "Maximum"), metric("MemoryPercent", "Maximum"), metric("DiskPercent", "Maximum")]),
        ],
        [
          graph("People", [metric("ActiveUsers", "Maximum"), metric("ActiveSessions", "Maximum")]),
          graph("Refused sign-ins and rate limits a minute", [metric("SignInFailures", "Sum"), metric("RateLimitHits", "Sum")]),
        ],
      ],
    });
  }
}
