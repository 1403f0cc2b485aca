/**
 * AWS list prices for Singapore (ap-southeast-1), in US dollars, as used by
 * the cost estimate (cost-estimate.ts). Plain data, no server imports.
 *
 * Taken from AWS's public price pages as the author knew them, without
 * looking them up on the day (no internet where this was written): each
 * price MUST be re-checked against its source on or after PRICES_CHECKED and
 * the date moved when it is. Prices change rarely, but they do change; the
 * AWS Pricing Calculator (https://calculator.aws/) gives the same figures.
 */
export const PRICES_CHECKED = "2026-11-28";
export const PRICE_REGION = "ap-southeast-1";
export const HOURS_PER_MONTH = 730;

export interface Price {
  usd: number;
  unit: string;
  source: string;
  /** What the free tier or a step in the price means, when one matters. */
  note?: string;
}

export const PRICES = {
  ec2T3Medium: { usd: 0.0528, unit: "hour", source: "https://aws.amazon.com/ec2/pricing/on-demand/", note: "Linux, on demand" },
  ebsGp3: { usd: 0.096, unit: "GB-month", source: "https://aws.amazon.com/ebs/pricing/", note: "3,000 IOPS and 125 MB/s included" },
  s3Standard: { usd: 0.025, unit: "GB-month", source: "https://aws.amazon.com/s3/pricing/", note: "first 50 TB" },
  s3Put: { usd: 0.005, unit: "1,000 PUT/LIST requests", source: "https://aws.amazon.com/s3/pricing/" },
  s3Get: { usd: 0.0004, unit: "1,000 GET requests", source: "https://aws.amazon.com/s3/pricing/" },
  logsIngest: { usd: 0.67, unit: "GB ingested", source: "https://aws.amazon.com/cloudwatch/pricing/", note: "standard log class; 5 GB a month free" },
  logsStorage: { usd: 0.033, unit: "GB-month stored", source: "https://aws.amazon.com/cloudwatch/pricing/", note: "compressed; 5 GB free" },
  customMetric: { usd: 0.3, unit: "metric-month", source: "https://aws.amazon.com/cloudwatch/pricing/", note: "first 10,000 metrics; 10 free; prorated by the hour" },
  alarmMetric: { usd: 0.1, unit: "metric per standard alarm-month", source: "https://aws.amazon.com/cloudwatch/pricing/", note: "10 alarm metrics free" },
  dashboard: { usd: 3, unit: "dashboard-month", source: "https://aws.amazon.com/cloudwatch/pricing/", note: "3 dashboards free" },
  hostedZone: { usd: 0.5, unit: "hosted zone-month", source: "https://aws.amazon.com/route53/pricing/" },
  dnsQueries: { usd: 0.4, unit: "million queries", source: "https://aws.amazon.com/route53/pricing/", note: "alias queries to CloudFront and the load balancer are free" },
  ec2TransferOut: { usd: 0.12, unit: "GB to the internet", source: "https://aws.amazon.com/ec2/pricing/on-demand/#Data_Transfer", note: "100 GB a month free; to CloudFront free" },
  cloudFrontTransfer: { usd: 0.12, unit: "GB to visitors in Asia Pacific", source: "https://aws.amazon.com/cloudfront/pricing/", note: "Philippines, Singapore…; 1 TB a month free" },
  cloudFrontRequests: { usd: 0.012, unit: "10,000 HTTPS requests", source: "https://aws.amazon.com/cloudfront/pricing/", note: "10 million a month free" },
  albHour: { usd: 0.0252, unit: "load balancer-hour", source: "https://aws.amazon.com/elasticloadbalancing/pricing/" },
  albLcu: { usd: 0.008, unit: "LCU-hour", source: "https://aws.amazon.com/elasticloadbalancing/pricing/" },
  publicIpv4: { usd: 0.005, unit: "public IPv4 address-hour", source: "https://aws.amazon.com/vpc/pricing/", note: "the box's and the load balancer's two" },
  wafWebAcl: { usd: 5, unit: "web ACL-month", source: "https://aws.amazon.com/waf/pricing/" },
  wafRule: { usd: 1, unit: "rule-month", source: "https://aws.amazon.com/waf/pricing/", note: "a managed rule group counts as one rule" },
  wafRequests: { usd: 0.6, unit: "million requests", source: "https://aws.amazon.com/waf/pricing/" },
  cognitoLiteMau: {
    usd: 0.0055,
    unit: "monthly active user above the free tier",
    source: "https://aws.amazon.com/cognito/pricing/",
    note: "Lite tier; 10,000 MAU a month free for user pools made since 22 Nov 2024 (older pools: 50,000); Google sign-in counts like any other",
  },
  ecrStorage: { usd: 0.1, unit: "GB-month", source: "https://aws.amazon.com/ecr/pricing/" },
  secret: { usd: 0.4, unit: "secret-month", source: "https://aws.amazon.com/secrets-manager/pricing/" },
} as const satisfies Record<string, Price>;

/** Free allowances each month, per account (the always-free tier). */
export const FREE_TIER = {
  logsIngestGB: 5,
  logsStorageGB: 5,
  customMetrics: 10,
  alarmMetrics: 10,
  dashboards: 3,
  ec2TransferOutGB: 100,
  cloudFrontTransferGB: 1024,
  cloudFrontRequests: 10_000_000,
  cognitoMau: 10_000,
} as const;
