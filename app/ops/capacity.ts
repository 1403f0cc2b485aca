/**
 * How many members one box serves (issue 11, item 6): the benchmark's
 * measured figure (`npm run bench`, the capacity step) turned into people,
 * with every assumption about how a church uses the portal in this one
 * place. The cost estimate (cost-estimate.ts) says when a church outgrows
 * the box. Pure: no database, no clock.
 */

export interface Measured {
  /** The highest offered rate that kept p95 at or under 200 ms with no errors; null until measured on a quiet machine. */
  sustainedRequestsPerSecond: number | null;
  /** CPU milliseconds per request, the app process and its PostgreSQL backends together. */
  cpuMsPerRequest: number;
}

/**
 * What `npm run bench` measured: the page mix (directory 40 %, search 20 %,
 * member card 20 %, help 10 %, landing 10 %) on a 10,000-member church, the
 * app and PostgreSQL on the same machine. Re-measure on a quiet machine and
 * replace these figures with the date and machine when the app changes.
 */
export const MEASURED: Measured & { on: string; machine: string } = {
  on: "2026-11-29",
  machine:
    "2 vCPU AMD EPYC VM, node 20, two app processes (WEB_CONCURRENCY=2, as on the box), PostgreSQL 15 on the same box, shared only with the load generator (a quiet machine)",
  // Steady load (scripts/bench/steady-load.ts) with nothing kept — render memo and kept pages off,
  // every page read and rendered, as for a Sunday's many members each seeing their own pages: 132 a
  // second kept p95 at 76 ms; 172 a second did not (p95 1.2 s, both cores full). Other VMs the same
  // day held 172 a second at 9.9 ms and 380 a second at 5.9 ms (a machine twice as fast throughout;
  // 494 at 4.5 ms there with ADR 016): the lowest figure is the one a church plans on. README, Benchmarks.
  sustainedRequestsPerSecond: 132,
  // Median of the passing steps: the app about three quarters, PostgreSQL the rest.
  cpuMsPerRequest: 11.9,
};

/** The box of the operations plan: a t3 earns CPU credits up to this share of its vCPUs and no more. */
export const BOX = { instanceType: "t3.medium", vcpus: 2, baselineCpuShare: 0.2 } as const;

/**
 * How members use the portal on its busiest day — Sunday, around the
 * service — the hour that sizes the box.
 */
export const ACTIVITY = {
  /** Share of the members with an account who open the portal on a Sunday. */
  sundayActiveShare: 0.4,
  /** Pages a visit opens: the directory, a search or two, a few members' cards, now and then help. */
  pagesPerVisit: 6,
  /**
   * Requests the app answers per page: the page itself and the page's
   * beacon (public/ops.js); the beacon is counted as a whole page to stay on
   * the safe side. Scripts, styles and pictures come from CloudFront.
   */
  requestsPerPage: 2,
  /** Share of Sunday's visits that fall in its busiest hour (right after the service). */
  peakHourShare: 0.35,
} as const;

export type Activity = { [K in keyof typeof ACTIVITY]: number };


/** Requests a second the box answers while using `cpuShare` of its CPU (never more than the measured sustained rate). */
export function requestsPerSecondAt(cpuShare: number, measured: Measured = MEASURED): number {
  const byCpu = (cpuShare * BOX.vcpus * 1000) / measured.cpuMsPerRequest;
  return measured.sustainedRequestsPerSecond === null ? byCpu : Math.min(byCpu, measured.sustainedRequestsPerSecond);
}

/** Requests a second one member with an account adds in the busiest hour. */
export function peakRequestsPerMember(activity: Activity = ACTIVITY): number {
  return (activity.sundayActiveShare * activity.pagesPerVisit * activity.requestsPerPage * activity.peakHourShare) / 3600;
}

/** Members with an account one box serves in the busiest hour at `cpuShare` of its CPU (0.2: the t3 baseline). */
export function membersServedAt(cpuShare: number, activity: Activity = ACTIVITY, measured: Measured = MEASURED): number {
  if (cpuShare <= 0) return 0;
  return Math.floor(requestsPerSecondAt(cpuShare, measured) / peakRequestsPerMember(activity));
}

/** Members one box serves at its baseline: beyond this the box spends CPU credits every Sunday. */
export const MEMBERS_AT_BASELINE = membersServedAt(BOX.baselineCpuShare);

export interface CapacityCheck {
  users: number;
  membersAtBaseline: number;
  /** Within the baseline: one box of the plan is enough. */
  fits: boolean;
}

/** Whether `users` people with an account fit one box at its baseline. */
export function capacityFor(users: number, membersAtBaseline = MEMBERS_AT_BASELINE): CapacityCheck {
  return { users, membersAtBaseline, fits: users <= membersAtBaseline };
}

/** The capacity in one or two sentences, for the cost estimate's text. */
export function describeCapacity(check: CapacityCheck): string {
  const round = (n: number) => (n >= 1000 ? Math.floor(n / 100) * 100 : n).toLocaleString("en");
  const lead =
    `One ${BOX.instanceType} serves about ${round(check.membersAtBaseline)} members at its ${BOX.baselineCpuShare * 100} % CPU baseline ` +
    `(measured ${MEASURED.on}, app/ops/capacity.ts).`;
  return check.fits
    ? `${lead} ${check.users.toLocaleString("en")} people fit.`
    : `${lead} ${check.users.toLocaleString("en")} people are beyond it: the plan says upgrade (a larger box, or the stack's scaling option).`;
}
