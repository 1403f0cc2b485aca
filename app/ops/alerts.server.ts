import { and, desc, eq, gt, isNull, lte, sql } from "drizzle-orm";
import type { Database } from "~/db/client.server";
import { alerts, metricMinutes } from "~/db/schema-ops.server";
import { acrossChurches } from "~/db/tenancy.server";
import { env } from "~/utils/env.server";
import { logger } from "~/utils/logger.server";
import { notifyOperators, type AlertChange } from "./alert-notify.server";
import { decide, figureOf, groupIntervals, minRequestsFor, type JudgeOptions } from "./alert-rules.server";
import { ALERT_RULES, thresholdsWith, WINDOW_MINUTES, type AlertRuleName } from "./thresholds";

/**
 * Evaluates the alert rules (thresholds.ts) over the last intervals' rollups,
 * once per tick (ticker.server.ts): opens an `alerts` row when a rule fires,
 * closes it when it clears, logs both and tells operators. The decision is
 * alert-rules.server.ts; this module is its I/O.
 */

export interface EvaluateOptions extends Partial<JudgeOptions> {
  /** The database (tests pass theirs); the app's by default. */
  database?: Database;
}

// One evaluator at a time across blue and green: both tick, only one may open the row.
const EVALUATOR_LOCK = 8_000_001;

export async function evaluateAlerts(now: Date, options: EvaluateOptions = {}): Promise<AlertChange[]> {
  const intervalMs = options.intervalMs ?? env.METRICS_INTERVAL_SECONDS * 1000;
  const judge: JudgeOptions = {
    intervalMs,
    minRequests: options.minRequests ?? minRequestsFor(intervalMs),
    thresholds:
      options.thresholds ??
      thresholdsWith({
        signInFailures: env.ALERT_SIGN_IN_FAILURES_PER_MINUTE,
        rateLimitHits: env.ALERT_RATE_LIMIT_HITS_PER_MINUTE,
      }),
  };
  const changes = await acrossChurches(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${EVALUATOR_LOCK})`);
    // Generous: rows are stamped with their interval's start, perhaps truncated to the minute;
    // groupIntervals keeps only the window counted back from the newest row.
    const since = new Date(now.getTime() - (WINDOW_MINUTES + 3) * intervalMs);
    const rows = await tx
      .select()
      .from(metricMinutes)
      .where(and(gt(metricMinutes.minute, since), lte(metricMinutes.minute, now)));
    const intervals = groupIntervals(rows, now, intervalMs);
    const open = await tx.select().from(alerts).where(isNull(alerts.clearedAt)).orderBy(desc(alerts.startedAt));
    const found: AlertChange[] = [];
    for (const rule of Object.keys(ALERT_RULES) as AlertRuleName[]) {
      const threshold = judge.thresholds[rule];
      const figures = intervals.map((interval) => figureOf(rule, interval, judge));
      const current = open.find((alert) => alert.rule === rule);
      const decision = decide(figures, threshold, current !== undefined);
      if (decision.action === "fire") {
        const [row] = await tx
          .insert(alerts)
          .values({ rule, value: decision.value, threshold, startedAt: now })
          .returning();
        found.push({ id: row!.id, rule, state: "fired", value: decision.value, threshold, startedAt: now, clearedAt: null });
      } else if (decision.action === "clear" && current) {
        await tx.update(alerts).set({ clearedAt: now }).where(eq(alerts.id, current.id));
        found.push({
          id: current.id,
          rule,
          state: "cleared",
          value: decision.value,
          threshold: current.threshold,
          startedAt: current.startedAt,
          clearedAt: now,
        });
      }
    }
    return found;
  }, options.database);

  // After the commit: a slow mail server must not hold the evaluator's lock.
  for (const change of changes) {
    logger.warn(
      {
        event: change.state === "fired" ? "alert_fired" : "alert_cleared",
        security: false,
        alertId: change.id,
        rule: change.rule,
        value: change.value,
        threshold: change.threshold,
        startedAt: change.startedAt.toISOString(),
      },
      change.state === "fired" ? `alert fired: ${change.rule}` : `alert cleared: ${change.rule}`,
    );
    const channels = await notifyOperators(change);
    const key = change.state === "fired" ? "started" : "cleared";
    await acrossChurches(
      (tx) =>
        tx
          .update(alerts)
          .set({ notified: sql`${alerts.notified} || ${JSON.stringify({ [key]: channels })}::jsonb` })
          .where(eq(alerts.id, change.id)),
      options.database,
    );
  }
  return changes;
}
