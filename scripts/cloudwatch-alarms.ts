/**
 * Prints the CloudWatch alarms that mirror the app's alert rules
 * (app/ops/cloudwatch-alarms.ts), one PutMetricAlarm input per line, for
 * the operators' SNS topic. Thresholds come from app/ops/thresholds.ts, with
 * ALERT_SIGN_IN_FAILURES_PER_MINUTE and ALERT_RATE_LIMIT_HITS_PER_MINUTE
 * taken from the environment like the app takes them.
 *
 *   npm run alarms -- --topic-arn arn:aws:sns:…:kapatiran-operators |
 *     while read -r alarm; do aws cloudwatch put-metric-alarm --cli-input-json "$alarm"; done
 */
import { cloudWatchAlarms } from "~/ops/cloudwatch-alarms";
import { thresholdsWith } from "~/ops/thresholds";

const args = process.argv.slice(2);
const at = args.indexOf("--topic-arn");
const topicArn = at === -1 ? undefined : args[at + 1];
if (args.includes("--help") || !topicArn) {
  console.log("Usage: npm run alarms -- --topic-arn <SNS topic ARN>\nPrints one PutMetricAlarm JSON input per line.");
  process.exit(topicArn || args.includes("--help") ? 0 : 1);
}
const perMinute = (name: string) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : undefined;
};
const thresholds = thresholdsWith({
  signInFailures: perMinute("ALERT_SIGN_IN_FAILURES_PER_MINUTE"),
  rateLimitHits: perMinute("ALERT_RATE_LIMIT_HITS_PER_MINUTE"),
});
for (const alarm of cloudWatchAlarms(topicArn, thresholds)) console.log(JSON.stringify(alarm));
