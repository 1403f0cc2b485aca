import { and, count, countDistinct, gt, gte, isNotNull, lte, min, sql, sum } from "drizzle-orm";
import type { Database } from "~/db/client.server";
import { activityDays, members, metricMinutes, users } from "~/db/schema.server";
import { acrossChurches } from "~/db/tenancy.server";
import { PRICE_REGION, PRICES_CHECKED } from "./aws-prices";
import {
  ASSUMPTIONS,
  budgetThresholds,
  DEFAULT_BUDGET_USD,
  EMF_GB_PER_MONTH,
  estimateForUsage,
  KB_PER_REQUEST,
  LOG_KB_PER_REQUEST,
  type Usage,
} from "./cost-estimate";

/**
 * The month's usage as the app measured it, for the cost estimate
 * (`scripts/cost-estimate --measured` and the panel on /platform/ops):
 * people with an account, people active in the last 30 days, requests from
 * the minute rollups (scaled up to 30 days when fewer are recorded), photos
 * stored and the database's size. Bytes sent and logged are not measured:
 * they are estimated from the requests (KB_PER_REQUEST, LOG_KB_PER_REQUEST).
 */
const DAY_MS = 86_400_000;
const MONTH_DAYS = 30;
/** The three WebP sizes of a photo, together; between the low and high assumptions. */
const PHOTO_KB = (ASSUMPTIONS.low.photoKBPerUser + ASSUMPTIONS.high.photoKBPerUser) / 2;

export interface MeasuredUsage extends Usage {
  /** Days of request figures the month's requests were scaled up from (0: none recorded yet). */
  daysMeasured: number;
}

export async function measuredUsage(now = new Date(), database?: Database): Promise<MeasuredUsage> {
  const since = new Date(now.getTime() - MONTH_DAYS * DAY_MS);
  const monthStart = since.toISOString().slice(0, 10);
  const figures = await acrossChurches(async (tx) => {
    const [people] = await tx.select({ n: count() }).from(users);
    const [active] = await tx.select({ n: countDistinct(activityDays.userId) }).from(activityDays).where(gte(activityDays.day, monthStart));
    const [requests] = await tx
      .select({ n: sum(metricMinutes.requests).mapWith(Number), first: min(metricMinutes.minute) })
      .from(metricMinutes)
      .where(and(gt(metricMinutes.minute, since), lte(metricMinutes.minute, now)));
    const [photos] = await tx.select({ n: count() }).from(members).where(isNotNull(members.photoKey));
    // postgres.js answers execute() with an array of rows, PGlite with { rows }.
    const result = (await tx.execute(sql`select pg_database_size(current_database()) as bytes`)) as unknown;
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { bytes: string | number }[];
    return { people, active, requests, photos, bytes: Number(rows[0]?.bytes ?? 0) };
  }, database);

  const first = figures.requests?.first ? new Date(figures.requests.first) : null;
  const daysMeasured = first ? Math.max(1 / 24, (now.getTime() - first.getTime()) / DAY_MS) : 0;
  const recorded = figures.requests?.n ?? 0;
  const requestsPerMonth = daysMeasured > 0 ? Math.round((recorded * MONTH_DAYS) / Math.min(MONTH_DAYS, daysMeasured)) : 0;
  return {
    users: figures.people?.n ?? 0,
    monthlyActiveUsers: figures.active?.n ?? 0,
    requestsPerMonth,
    transferGB: (requestsPerMonth * KB_PER_REQUEST) / 1024 / 1024,
    logGB: (requestsPerMonth * LOG_KB_PER_REQUEST) / 1024 / 1024 + EMF_GB_PER_MONTH,
    uploadsGB: ((figures.photos?.n ?? 0) * PHOTO_KB) / 1024 / 1024,
    databaseGB: figures.bytes / 1024 ** 3,
    daysMeasured: Math.round(daysMeasured * 10) / 10,
  };
}

/** The panel on /platform/ops: this month's estimate from what was measured, and the budget's warnings. */
export async function costThisMonth(budgetUsd = DEFAULT_BUDGET_USD, now = new Date(), database?: Database) {
  const usage = await measuredUsage(now, database);
  return {
    region: PRICE_REGION,
    pricesChecked: PRICES_CHECKED,
    usage,
    ...estimateForUsage(usage),
    budgetUsd,
    thresholds: budgetThresholds(budgetUsd),
  };
}
export type CostThisMonth = Awaited<ReturnType<typeof costThisMonth>>;
