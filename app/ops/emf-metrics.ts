/**
 * The names CloudWatch knows Kapatiran's minute figures by: the EMF lines
 * (emf.server.ts) write them, the alarms (cloudwatch-alarms.ts) watch them.
 * Plain data, so infrastructure code can import it as it is.
 */
export const EMF_NAMESPACE = "Kapatiran";
export const EMF_SERVICE = "kapatiran";

type Unit = "Count" | "Percent" | "Milliseconds";

/** The metrics of one minute line, with their CloudWatch units. */
export const EMF_METRICS = {
  Requests: "Count",
  Errors: "Count",
  ErrorRate: "Percent",
  LatencyAverage: "Milliseconds",
  LatencyP50: "Milliseconds",
  LatencyP95: "Milliseconds",
  CPUPercent: "Percent",
  MemoryPercent: "Percent",
  DiskPercent: "Percent",
  ActiveUsers: "Count",
  SignInFailures: "Count",
  RateLimitHits: "Count",
  ActiveSessions: "Count",
} as const satisfies Record<string, Unit>;
