/**
 * The operations plan's alert thresholds, in one place: the app's own alert
 * rules (alerts.server.ts) and the CloudWatch alarms in the infrastructure
 * code both read this module, so the two can never disagree. Plain data, no
 * server imports, so infrastructure code can import it as it is.
 */

/** Minutes looked at for each rule, and how many of them must breach before it fires (no flapping). */
export const WINDOW_MINUTES = 5;
export const BREACHING_MINUTES_TO_FIRE = 3;
/** A firing alert clears once this many minutes in a row are back under the threshold. */
export const CLEAR_MINUTES_TO_CLEAR = 3;

export type AlertRuleName =
  | "error_rate"
  | "slow_responses"
  | "cpu"
  | "memory"
  | "disk"
  | "sign_in_failures"
  | "rate_limit_hits";

export interface AlertRule {
  /** Above this, the minute breaches. */
  threshold: number;
  unit: "percent" | "milliseconds" | "per minute";
  /** What an operator reads first: the runbook page for it is docs/runbooks/<name>.md. */
  summary: string;
}

export const ALERT_RULES: Record<AlertRuleName, AlertRule> = {
  error_rate: { threshold: 5, unit: "percent", summary: "More than 5 % of requests failed with a server error" },
  slow_responses: { threshold: 2000, unit: "milliseconds", summary: "Average response time above 2 seconds" },
  cpu: { threshold: 80, unit: "percent", summary: "CPU busy above 80 %" },
  memory: { threshold: 85, unit: "percent", summary: "Memory used above 85 %" },
  disk: { threshold: 90, unit: "percent", summary: "Data disk used above 90 %" },
  // Defaults: ALERT_SIGN_IN_FAILURES_PER_MINUTE and ALERT_RATE_LIMIT_HITS_PER_MINUTE override them.
  sign_in_failures: { threshold: 20, unit: "per minute", summary: "Many refused sign-ins (a password-guessing or token attack?)" },
  rate_limit_hits: { threshold: 60, unit: "per minute", summary: "Many requests refused by rate limits (a script hammering the site?)" },
};

/** The rules' thresholds, with ALERT_SIGN_IN_FAILURES_PER_MINUTE / ALERT_RATE_LIMIT_HITS_PER_MINUTE taken when set. */
export function thresholdsWith(overrides: { signInFailures?: number; rateLimitHits?: number }) {
  const thresholds = Object.fromEntries(
    Object.entries(ALERT_RULES).map(([name, rule]) => [name, rule.threshold]),
  ) as Record<AlertRuleName, number>;
  if (overrides.signInFailures !== undefined) thresholds.sign_in_failures = overrides.signInFailures;
  if (overrides.rateLimitHits !== undefined) thresholds.rate_limit_hits = overrides.rateLimitHits;
  return thresholds;
}

/** Fewer requests than this in a minute: the error-rate and latency rules do not judge it (one failure in two requests is not an outage). */
export const MIN_REQUESTS_TO_JUDGE = 20;

/** Latency histogram bucket bounds, in milliseconds (Prometheus and the stored rollups use the same). */
export const LATENCY_BUCKETS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2000, 5000, 10000] as const;
