import { and, eq, inArray, sql } from "drizzle-orm";
import { activityDays, metricMinutes, users } from "~/db/schema.server";
import { acrossChurches } from "~/db/tenancy.server";
import { env } from "~/utils/env.server";
import { metrics } from "~/utils/metrics.server";
import { businessFigures } from "./business-figures.server";
import { emfLine, writeEmfLine, type EmfValues } from "./emf.server";
import { mergeHistograms, mergeNamedHistograms, quantile } from "./histogram";
import type { MinuteFigures } from "./minute-recorder.server";
import { cpuBusyPercent, diskUse, memoryUsedPercent } from "./system-stats.server";
import { LATENCY_BUCKETS_MS } from "./thresholds";

/**
 * Once a minute (ticker.server.ts): the minute's figures with the box's CPU,
 * memory and disk become a `metric_minutes` row (what the alert rules and the
 * dashboard read, surviving restarts), the people seen that minute become
 * `activity_days` rows (daily and monthly active users), and the minute is
 * written as one CloudWatch EMF line. The EMF line is written even when the
 * database write fails, so CloudWatch still sees an outage the database causes.
 */
export async function saveMinute(figures: MinuteFigures, instance: string): Promise<void> {
  const minute = new Date(Math.floor(figures.startedAt.getTime() / 1000) * 1000);
  const box = await boxFigures();
  metrics().systemCpuPercent.set(box.cpuPercent ?? 0);
  let stored: unknown;
  try {
    await store(minute, instance, figures, box);
  } catch (error) {
    stored = error;
  }
  const activeSessions = await businessFigures()
    .then((business) => business.activeSessions)
    .catch(() => null);
  writeEmfLine(emfLine(emfValues(figures, box, activeSessions), { timestamp: minute, instance }));
  if (stored) throw stored;
}

interface BoxFigures {
  cpuPercent: number | null;
  memoryPercent: number | null;
  diskPercent: number | null;
}

async function boxFigures(): Promise<BoxFigures> {
  return {
    cpuPercent: cpuBusyPercent(),
    memoryPercent: memoryUsedPercent(),
    diskPercent: await diskUse(env.DATA_DIR)
      .then((disk) => disk.usedPercent)
      .catch(() => null),
  };
}

// Anything else in the set (a test's placeholder) would make the insert fail as a whole.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function store(minute: Date, instance: string, figures: MinuteFigures, box: BoxFigures) {
  const userIds = [...figures.userIds].filter((id) => UUID.test(id));
  await acrossChurches(async (tx) => {
    // Normally one row per (minute, instance); a second save of the same second
    // (a restart, two ticks in a test) adds its counts to the first.
    const [existing] = await tx
      .select()
      .from(metricMinutes)
      .where(and(eq(metricMinutes.minute, minute), eq(metricMinutes.instance, instance)))
      .for("update");
    const row = {
      minute,
      instance,
      requests: figures.requests + (existing?.requests ?? 0),
      errors: figures.errors + (existing?.errors ?? 0),
      latency: existing ? mergeHistograms(existing.latency, figures.latency) : figures.latency,
      cpuPercent: box.cpuPercent,
      memoryPercent: box.memoryPercent,
      diskPercent: box.diskPercent,
      // People cannot be added across two saves (the same person may be in both): the larger is the better guess.
      activeUsers: Math.max(figures.userIds.size, existing?.activeUsers ?? 0),
      signInFailures: figures.signInFailures + (existing?.signInFailures ?? 0),
      rateLimitHits: figures.rateLimitHits + (existing?.rateLimitHits ?? 0),
      vitals: existing ? mergeNamedHistograms(existing.vitals, figures.vitals) : figures.vitals,
    };
    await tx
      .insert(metricMinutes)
      .values(row)
      .onConflictDoUpdate({ target: [metricMinutes.minute, metricMinutes.instance], set: row });
    if (userIds.length > 0) {
      // Through users: someone erased since their request is simply not counted.
      await tx
        .insert(activityDays)
        .select(
          tx
            .select({ day: sql<string>`${minute.toISOString().slice(0, 10)}::date`.as("day"), userId: users.id })
            .from(users)
            .where(inArray(users.id, userIds)),
        )
        .onConflictDoNothing();
    }
  });
}

function emfValues(figures: MinuteFigures, box: BoxFigures, activeSessions: number | null): EmfValues {
  const { requests, errors, latency } = figures;
  return {
    Requests: requests,
    Errors: errors,
    ErrorRate: requests > 0 ? (errors / requests) * 100 : null,
    LatencyAverage: latency.count > 0 ? latency.sum / latency.count : null,
    LatencyP50: quantile(latency, 0.5, LATENCY_BUCKETS_MS),
    LatencyP95: quantile(latency, 0.95, LATENCY_BUCKETS_MS),
    CPUPercent: box.cpuPercent,
    MemoryPercent: box.memoryPercent,
    DiskPercent: box.diskPercent,
    ActiveUsers: figures.userIds.size,
    SignInFailures: figures.signInFailures,
    RateLimitHits: figures.rateLimitHits,
    ActiveSessions: activeSessions,
  };
}
