import { FREE_TIER, HOURS_PER_MONTH, PRICES } from "./aws-prices";
import { capacityFor, describeCapacity, type CapacityCheck } from "./capacity";
import { EMF_METRICS } from "./emf-metrics";
import { ALERT_RULES } from "./thresholds";

/**
 * What Kapatiran costs on AWS a month (issue 10): the price table
 * (aws-prices.ts) times the usage, assumed for a number of people
 * (`--users 1000`) or measured by the app (cost-usage.server.ts). Pure: no
 * database, no clock, so the script, the operations dashboard and the tests
 * all get the same figures.
 *
 * Two sets of assumptions give a range. "low": light use, the account's free
 * tier still there, a 30 GB disk. "high": heavy use, the free tier used up
 * elsewhere (staging, say), a 60 GB disk. The operations plan's items
 * (EC2, EBS, S3, CloudWatch, Route 53, data transfer, CloudFront) come to
 * about $42–82 a month at 1,000 people; the stack as built (infra/aws) also
 * runs a load balancer, WAF, public IPv4 addresses, ECR and a secret, shown
 * apart as "beyond the plan" so both figures can be read.
 */

/** A month of use. */
export interface Usage {
  /** People with an account. */
  users: number;
  /** People who signed in during the month (what Cognito bills, what "per user" divides by). */
  monthlyActiveUsers: number;
  /** Requests as CloudFront sees them: pages, forms, files. */
  requestsPerMonth: number;
  /** Sent to browsers, through CloudFront. */
  transferGB: number;
  /** Sent to CloudWatch Logs: request lines, nginx lines, EMF lines. */
  logGB: number;
  /** Photos and screenshots in the uploads bucket. */
  uploadsGB: number;
  /** The PostgreSQL database on the box. */
  databaseGB: number;
}

export type Level = "low" | "high";

export interface Assumptions {
  level: Level;
  /** The account's always-free allowances apply (not used up by something else). */
  freeTier: boolean;
  ebsGiB: number;
  /** Per active person a month, for assumed usage. */
  requestsPerActiveUser: number;
  /** Per account, for assumed usage. */
  photoKBPerUser: number;
  databaseMBPerUser: number;
  /** Load balancer capacity units used on average. */
  loadBalancerLcu: number;
}

/** Share of the people with an account who sign in in a month (the plan's 1,000 people, 750 active). */
export const ACTIVE_SHARE = 0.75;
/** A request's average bytes to the browser: a compressed page, or its share of the fingerprinted files. */
export const KB_PER_REQUEST = 120;
/** Log bytes per request: the app's JSON line and nginx's access line. */
export const LOG_KB_PER_REQUEST = 1;
/** The EMF file: about 1 KB a minute (ADR 008). */
export const EMF_GB_PER_MONTH = (HOURS_PER_MONTH * 60 * 1) / 1024 / 1024;
/** Daily backups kept 30 days; a compressed dump is about this share of the database; photos copied alongside. */
export const BACKUPS_KEPT = 30;
export const DUMP_SHARE = 0.3;
/** Images kept in ECR (infra/aws) and their usual size. */
export const IMAGES_KEPT = 20;
export const IMAGE_GB = 0.25;
/** The default monthly budget when BUDGET_MONTHLY_USD is not set; warnings at these shares of it. */
export const DEFAULT_BUDGET_USD = 100;
export const BUDGET_WARNINGS = [50, 75, 90] as const;

export const ASSUMPTIONS: Record<Level, Assumptions> = {
  low: { level: "low", freeTier: true, ebsGiB: 30, requestsPerActiveUser: 250, photoKBPerUser: 60, databaseMBPerUser: 0.5, loadBalancerLcu: 0.1 },
  high: { level: "high", freeTier: false, ebsGiB: 60, requestsPerActiveUser: 1000, photoKBPerUser: 200, databaseMBPerUser: 1, loadBalancerLcu: 0.3 },
};

/** What the stack runs whatever the use (infra/aws). */
const BOX = {
  instances: 1,
  // Every EMF metric with the Service dimension, and again with the live Instance (blue or green; hours prorated).
  customMetrics: Object.keys(EMF_METRICS).length * 2,
  // One metric per alert rule, two for the error rate (errors over requests), and the box's auto-recovery.
  alarmMetrics: Object.keys(ALERT_RULES).length + 1 + 1,
  dashboards: 1,
  hostedZones: 1,
  publicIpv4: 3,
  wafRules: 5,
  secrets: 1,
  // E-mail, Google's token endpoint, webhooks: little leaves the box except through CloudFront.
  ec2TransferOutGB: 1,
};

/** Usage for `users` people under one set of assumptions. */
export function assumedUsage(users: number, assumptions: Assumptions): Usage {
  const monthlyActiveUsers = Math.round(users * ACTIVE_SHARE);
  const requestsPerMonth = monthlyActiveUsers * assumptions.requestsPerActiveUser;
  return {
    users,
    monthlyActiveUsers,
    requestsPerMonth,
    transferGB: (requestsPerMonth * KB_PER_REQUEST) / 1024 / 1024,
    logGB: (requestsPerMonth * LOG_KB_PER_REQUEST) / 1024 / 1024 + EMF_GB_PER_MONTH,
    uploadsGB: (users * assumptions.photoKBPerUser) / 1024 / 1024,
    databaseGB: (users * assumptions.databaseMBPerUser) / 1024,
  };
}

export type Service =
  | "EC2"
  | "EBS"
  | "S3"
  | "CloudWatch"
  | "Route 53"
  | "Data transfer"
  | "CloudFront"
  | "Load balancer"
  | "WAF"
  | "Public IPv4"
  | "Cognito"
  | "ECR"
  | "Secrets Manager";

export interface CostLine {
  service: Service;
  /** In the operations plan's breakdown, or run by the stack beyond it. */
  inPlan: boolean;
  usd: number;
  /** How it was reckoned, in plain words. */
  detail: string;
}

export interface Estimate {
  level: Level;
  usage: Usage;
  lines: CostLine[];
  planTotal: number;
  total: number;
  planPerActiveUser: number | null;
  perActiveUser: number | null;
  /** Whether the people fit the one box at its CPU baseline (capacity.ts, from the benchmark). */
  capacity: CapacityCheck;
}

const PLAN_SERVICES: Service[] = ["EC2", "EBS", "S3", "CloudWatch", "Route 53", "Data transfer", "CloudFront"];
const above = (amount: number, free: number, freeTier: boolean) => Math.max(0, amount - (freeTier ? free : 0));
const round = (usd: number) => Math.round(usd * 100) / 100;
const gb = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(0));

/** The month's cost of `usage` under `assumptions`, line by line. */
export function estimateCost(usage: Usage, assumptions: Assumptions): Estimate {
  const { freeTier } = assumptions;
  const p = PRICES;
  const lines: CostLine[] = [];
  const add = (service: Service, usd: number, detail: string) =>
    lines.push({ service, inPlan: PLAN_SERVICES.includes(service), usd: round(usd), detail });

  const hours = HOURS_PER_MONTH * BOX.instances;
  add("EC2", hours * p.ec2T3Medium.usd, `${BOX.instances} × t3.medium, ${hours} h on demand`);
  add("EBS", assumptions.ebsGiB * BOX.instances * p.ebsGp3.usd, `${assumptions.ebsGiB} GB gp3, encrypted`);

  const backupsGB = BACKUPS_KEPT * (usage.databaseGB * DUMP_SHARE + usage.uploadsGB);
  const storedGB = usage.uploadsGB + backupsGB;
  const puts = BACKUPS_KEPT * 4 + usage.users * 0.1 * 3;
  add("S3", storedGB * p.s3Standard.usd + (puts / 1000) * p.s3Put.usd, `${gb(usage.uploadsGB)} GB photos + ${gb(backupsGB)} GB backups (${BACKUPS_KEPT} days)`);

  const metrics = above(BOX.customMetrics, FREE_TIER.customMetrics, freeTier);
  const alarms = above(BOX.alarmMetrics, FREE_TIER.alarmMetrics, freeTier);
  const dashboards = above(BOX.dashboards, FREE_TIER.dashboards, freeTier);
  const ingest = above(usage.logGB, FREE_TIER.logsIngestGB, freeTier);
  // 90 days kept, stored compressed (about a sixth).
  const stored = above((usage.logGB * 3) / 6, FREE_TIER.logsStorageGB, freeTier);
  add(
    "CloudWatch",
    metrics * p.customMetric.usd + alarms * p.alarmMetric.usd + dashboards * p.dashboard.usd + ingest * p.logsIngest.usd + stored * p.logsStorage.usd,
    `${BOX.customMetrics} metrics, ${BOX.alarmMetrics} alarm metrics, ${BOX.dashboards} dashboard, ${gb(usage.logGB)} GB logs${freeTier ? " (free tier taken off)" : ""}`,
  );

  // Browsers ask the resolver now and then; the answer is cached (TTL), alias answers are free.
  const queries = usage.monthlyActiveUsers * 100;
  add("Route 53", BOX.hostedZones * p.hostedZone.usd + (queries / 1e6) * p.dnsQueries.usd, `${BOX.hostedZones} hosted zone, ${(queries / 1e6).toFixed(2)} M queries`);

  const outGB = above(BOX.ec2TransferOutGB, FREE_TIER.ec2TransferOutGB, freeTier);
  add("Data transfer", outGB * p.ec2TransferOut.usd, `${BOX.ec2TransferOutGB} GB from the box to the internet; to CloudFront and S3 free`);

  const cdnGB = above(usage.transferGB, FREE_TIER.cloudFrontTransferGB, freeTier);
  const cdnRequests = above(usage.requestsPerMonth, FREE_TIER.cloudFrontRequests, freeTier);
  add(
    "CloudFront",
    cdnGB * p.cloudFrontTransfer.usd + (cdnRequests / 10_000) * p.cloudFrontRequests.usd,
    `${gb(usage.transferGB)} GB, ${(usage.requestsPerMonth / 1e6).toFixed(2)} M requests${freeTier ? " (1 TB and 10 M free)" : ""}`,
  );

  add("Load balancer", HOURS_PER_MONTH * (p.albHour.usd + assumptions.loadBalancerLcu * p.albLcu.usd), `1 ALB, ${assumptions.loadBalancerLcu} LCU on average`);
  add(
    "WAF",
    p.wafWebAcl.usd + BOX.wafRules * p.wafRule.usd + (usage.requestsPerMonth / 1e6) * p.wafRequests.usd,
    `1 web ACL, ${BOX.wafRules} rules (4 managed groups + the rate rule)`,
  );
  add("Public IPv4", BOX.publicIpv4 * HOURS_PER_MONTH * p.publicIpv4.usd, `${BOX.publicIpv4} addresses: the box and the load balancer's two`);
  const mau = usage.monthlyActiveUsers - FREE_TIER.cognitoMau;
  add("Cognito", Math.max(0, mau) * p.cognitoLiteMau.usd, `${usage.monthlyActiveUsers} monthly active (Lite tier; ${FREE_TIER.cognitoMau.toLocaleString("en")} free)`);
  add("ECR", IMAGES_KEPT * IMAGE_GB * p.ecrStorage.usd, `${IMAGES_KEPT} images of about ${IMAGE_GB * 1000} MB`);
  add("Secrets Manager", BOX.secrets * p.secret.usd, "the Google client secret");

  const planTotal = round(lines.filter((line) => line.inPlan).reduce((sum, line) => sum + line.usd, 0));
  const total = round(lines.reduce((sum, line) => sum + line.usd, 0));
  // To a tenth of a cent: per-user figures are small.
  const per = (usd: number) => (usage.monthlyActiveUsers > 0 ? Math.round((usd / usage.monthlyActiveUsers) * 1000) / 1000 : null);
  return {
    level: assumptions.level,
    usage,
    lines,
    planTotal,
    total,
    planPerActiveUser: per(planTotal),
    perActiveUser: per(total),
    capacity: capacityFor(usage.users),
  };
}

/** Low and high estimates for the same people. */
export function estimateForUsers(users: number) {
  return {
    low: estimateCost(assumedUsage(users, ASSUMPTIONS.low), ASSUMPTIONS.low),
    high: estimateCost(assumedUsage(users, ASSUMPTIONS.high), ASSUMPTIONS.high),
  };
}

/** Low and high estimates for the usage the app measured (the assumptions then only decide free tier, disk, LCU). */
export function estimateForUsage(usage: Usage) {
  return { low: estimateCost(usage, ASSUMPTIONS.low), high: estimateCost(usage, ASSUMPTIONS.high) };
}

/** The budget's warning amounts (AWS Budgets in infra/aws e-mails at each). */
export function budgetThresholds(budgetUsd: number) {
  return BUDGET_WARNINGS.map((percent) => ({ percent, usd: round((budgetUsd * percent) / 100) }));
}

/** The estimate as a plain-text table, for the command line. */
export function formatEstimate(range: { low: Estimate; high: Estimate }, budgetUsd: number): string {
  const money = (usd: number) => `$${usd.toFixed(2)}`.padStart(9);
  const row = (name: string, low: string, high: string, detail = "") => `${name.padEnd(18)}${low.padStart(10)}${high.padStart(10)}  ${detail}`;
  const out: string[] = [row("", "low", "high", "how (the high case)")];
  const section = (inPlan: boolean) => {
    for (const [i, line] of range.low.lines.entries()) {
      if (line.inPlan !== inPlan) continue;
      out.push(row(line.service, money(line.usd), money(range.high.lines[i]!.usd), range.high.lines[i]!.detail));
    }
  };
  const perUser = (value: number | null) => (value === null ? "–" : `$${value.toFixed(3)}`);
  section(true);
  out.push(row("Plan's items", money(range.low.planTotal), money(range.high.planTotal), "EC2, EBS, S3, CloudWatch, Route 53, data transfer, CloudFront"));
  out.push(row("  per active user", perUser(range.low.planPerActiveUser), perUser(range.high.planPerActiveUser)));
  section(false);
  out.push(row("Total (as built)", money(range.low.total), money(range.high.total), "what AWS will bill for this environment"));
  out.push(row("  per active user", perUser(range.low.perActiveUser), perUser(range.high.perActiveUser), `${range.high.usage.monthlyActiveUsers} monthly active of ${range.high.usage.users}`));
  out.push("");
  out.push(
    `Budget $${budgetUsd.toFixed(2)} a month: warnings at ${budgetThresholds(budgetUsd)
      .map((t) => `${t.percent} % ($${t.usd.toFixed(2)})`)
      .join(", ")}.`,
  );
  const over = budgetThresholds(budgetUsd).filter((t) => range.high.total > t.usd);
  if (over.length) out.push(`The high estimate passes the ${over.at(-1)!.percent} % warning: raise the budget or expect the e-mails.`);
  // Every price above is for one box: say when the people no longer fit it.
  out.push(describeCapacity(range.high.capacity));
  return out.join("\n");
}
