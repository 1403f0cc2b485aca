/**
 * What differs between staging and production, in one place. Everything the
 * stacks need is here or in CDK context (`-c key=value`), so `cdk synth` runs
 * offline and gives the same template every time: no lookups, the account
 * and region written down, the hosted zone by id. CloudFront's certificate
 * is made by the us-east-1 edge stack (edge-stack.ts), DNS-validated.
 *
 * The values below are examples: put your own account, domain, zone and
 * certificate in cdk.json's "context" (or pass them with -c) before deploying.
 */
export type EnvironmentName = "staging" | "production";

export interface EnvironmentSettings {
  name: EnvironmentName;
  account: string;
  region: string;
  /** The site's address, e.g. kapatiran.example or staging.kapatiran.example. */
  domainName: string;
  /** The Route 53 hosted zone that holds domainName (id and its name). */
  hostedZoneId: string;
  hostedZoneName: string;
  /** ACM certificate in the stack's region for the load balancer's origin name; absent: the stack makes one, DNS-validated in the zone. */
  loadBalancerCertificateArn?: string;
  /** Who gets the alarms and the budget warnings. */
  alertEmails: string[];
  /** Monthly budget in US dollars; warnings at 50, 75 and 90 %. */
  budgetMonthlyUsd: number;
  /** Google's OAuth client id (not a secret) and the Secrets Manager secret holding its client secret. */
  googleClientId: string;
  googleClientSecretName: string;
  /** The Cognito hosted sign-in domain prefix: <prefix>.auth.<region>.amazoncognito.com. */
  cognitoDomainPrefix: string;
  instanceType: string;
  /** Root volume (system, Docker images, PostgreSQL data), GiB. */
  volumeGiB: number;
  /** Requests per 5 minutes from one address before the WAF blocks it. */
  wafRateLimit: number;
  /**
   * Off by default. On: app instances in an Auto Scaling group, PostgreSQL in
   * RDS with a read replica, Redis in ElastiCache; the single box (and the
   * database on it) goes away. See README "Infrastructure (AWS CDK)".
   */
  scaling: boolean;
  /** With scaling on: how many app instances at least and at most. */
  minInstances: number;
  maxInstances: number;
  /** Alert thresholds the app also reads (ALERT_SIGN_IN_FAILURES_PER_MINUTE, ALERT_RATE_LIMIT_HITS_PER_MINUTE). */
  signInFailuresPerMinute?: number;
  rateLimitHitsPerMinute?: number;
}

const shared = {
  account: "123456789012",
  region: "ap-southeast-1",
  hostedZoneId: "Z0000000000EXAMPLE",
  hostedZoneName: "kapatiran.example",
  alertEmails: ["ops@kapatiran.example"],
  googleClientId: "example.apps.googleusercontent.com",
  instanceType: "t3.medium",
  volumeGiB: 30,
  wafRateLimit: 1000,
  scaling: false,
  minInstances: 2,
  maxInstances: 4,
} as const;

export const DEFAULT_SETTINGS: Record<EnvironmentName, EnvironmentSettings> = {
  staging: {
    ...shared,
    alertEmails: [...shared.alertEmails],
    name: "staging",
    domainName: "staging.kapatiran.example",
    budgetMonthlyUsd: 60,
    googleClientSecretName: "kapatiran/staging/google-oauth",
    cognitoDomainPrefix: "kapatiran-staging",
  },
  production: {
    ...shared,
    alertEmails: [...shared.alertEmails],
    name: "production",
    domainName: "kapatiran.example",
    budgetMonthlyUsd: 100,
    googleClientSecretName: "kapatiran/production/google-oauth",
    cognitoDomainPrefix: "kapatiran",
  },
};

/**
 * Settings for one environment: the defaults above, then CDK context. Context
 * keys are the setting names, either plain (applies to both environments) or
 * prefixed with the environment ("production.domainName").
 */
export function settingsFor(name: EnvironmentName, context: (key: string) => unknown): EnvironmentSettings {
  const settings: EnvironmentSettings = { ...DEFAULT_SETTINGS[name] };
  const optional: (keyof EnvironmentSettings)[] = ["loadBalancerCertificateArn", "signInFailuresPerMinute", "rateLimitHitsPerMinute"];
  for (const key of [...(Object.keys(settings) as (keyof EnvironmentSettings)[]), ...optional]) {
    const value = context(`${name}.${key}`) ?? context(key);
    if (value === undefined || key === "name") continue;
    (settings as unknown as Record<string, unknown>)[key] = coerce(key, settings[key], value);
  }
  return settings;
}

/** -c values arrive as strings: make them the setting's type. */
function coerce(key: string, current: unknown, value: unknown): unknown {
  if (typeof value !== "string") return value;
  if (typeof current === "boolean") return value === "true";
  if (typeof current === "number" || key.endsWith("PerMinute")) return Number(value);
  if (Array.isArray(current)) return value.split(",").map((item) => item.trim()).filter(Boolean);
  return value;
}
