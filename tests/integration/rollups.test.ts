import { vi } from "vitest";

// Before any app module reads the environment: EMF lines go to a file of this test's own.
const emf = vi.hoisted(() => {
  const file = `${process.env.TMPDIR ?? "/tmp"}/kapatiran-emf-${process.pid}-${Date.now()}/emf.log`;
  const previous = process.env.EMF_FILE;
  process.env.EMF_FILE = file;
  return { file, previous };
});

import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useConnection } from "~/db/client.server";
import { activityDays, metricMinutes, users } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { acrossChurches } from "~/db/tenancy.server";
import { runRetention } from "~/models/retention.server";
import { emptyHistogram, observe, type MinuteFigures } from "~/ops/minute-recorder.server";
import { saveMinute } from "~/ops/rollups.server";
import { LATENCY_BUCKETS_MS } from "~/ops/thresholds";
import { emfProblems } from "../support/emf-schema";
import { freshDatabase, type TestDatabase } from "../support/database";

/**
 * The once-a-minute rollup writer against a real database: the row the alert
 * rules and dashboard read, the activity days behind daily and monthly active
 * users, the EMF line for CloudWatch, and retention dropping old rollups.
 */

let database: TestDatabase;
let userId: string;
beforeAll(async () => {
  database = await freshDatabase();
  useConnection(database);
  await seedDemo(database.db);
  const [someone] = await acrossChurches((tx) =>
    tx.select({ id: users.id }).from(users).where(eq(users.email, "member@grace.example")),
  );
  userId = someone!.id;
});
afterAll(async () => {
  useConnection(undefined);
  await database?.drop();
  fs.rmSync(path.dirname(emf.file), { recursive: true, force: true });
  if (emf.previous === undefined) delete process.env.EMF_FILE;
  else process.env.EMF_FILE = emf.previous;
});

function minuteOf(startedAt: Date, latencies: number[], extra: Partial<MinuteFigures> = {}): MinuteFigures {
  const latency = emptyHistogram();
  for (const ms of latencies) observe(latency, ms, LATENCY_BUCKETS_MS);
  return {
    startedAt,
    requests: latencies.length,
    errors: 0,
    latency,
    userIds: new Set<string>(),
    signInFailures: 0,
    rateLimitHits: 0,
    vitals: {},
    ...extra,
  };
}

const emfLines = () =>
  fs.existsSync(emf.file) ? fs.readFileSync(emf.file, "utf8").split("\n").filter((line) => line !== "") : [];

const rowsAt = (minute: Date) =>
  acrossChurches((tx) => tx.select().from(metricMinutes).where(eq(metricMinutes.minute, minute)));

// An hour ago, on a whole second, plus a fraction the row's minute drops.
const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000);
const startedAt = new Date(minute.getTime() + 750);

describe("saveMinute", () => {

  it("stores the minute with the box's figures, the day's active people, and one valid EMF line", async () => {
    const figures = minuteOf(startedAt, [12, 30, 30, 80, 2400], {
      errors: 1,
      userIds: new Set([userId, "not-a-user-id"]),
      signInFailures: 2,
      rateLimitHits: 3,
    });
    await saveMinute(figures, "blue");

    const [row] = await rowsAt(minute);
    expect(row).toMatchObject({
      instance: "blue",
      requests: 5,
      errors: 1,
      activeUsers: 2,
      signInFailures: 2,
      rateLimitHits: 3,
      latency: { count: 5, sum: 2552, buckets: { "25": 1, "50": 2, "100": 1, "5000": 1 } },
    });
    for (const percent of [row!.cpuPercent, row!.memoryPercent, row!.diskPercent]) {
      expect(percent).toBeGreaterThanOrEqual(0);
      expect(percent).toBeLessThanOrEqual(100);
    }
    expect(row!.memoryPercent).toBeGreaterThan(0);
    expect(row!.diskPercent).toBeGreaterThan(0);

    const days = await acrossChurches((tx) => tx.select().from(activityDays));
    expect(days).toEqual([{ day: minute.toISOString().slice(0, 10), userId }]);

    const lines = emfLines();
    expect(lines).toHaveLength(1);
    expect(emfProblems(lines[0]!)).toEqual([]);
    const event = JSON.parse(lines[0]!);
    expect(event._aws.Timestamp).toBe(minute.getTime());
    expect(event).toMatchObject({
      Service: "kapatiran",
      Instance: "blue",
      Requests: 5,
      Errors: 1,
      ErrorRate: 20,
      LatencyAverage: 2552 / 5,
      ActiveUsers: 2,
      SignInFailures: 2,
      RateLimitHits: 3,
    });
    expect(event.LatencyP50).toBeGreaterThan(25);
    expect(event.LatencyP50).toBeLessThanOrEqual(50);
    expect(event.LatencyP95).toBeGreaterThan(2000);
    expect(event.ActiveSessions).toBeGreaterThanOrEqual(0);
    expect(event.CPUPercent).toBe(row!.cpuPercent ?? undefined);
  });

  it("adds a second save of the same second to the first, and keeps each person once a day", async () => {
    await saveMinute(minuteOf(startedAt, [5], { userIds: new Set([userId]) }), "blue");
    await saveMinute(minuteOf(startedAt, [5, 5]), "green");
    const rows = await rowsAt(minute);
    const blue = rows.find((r) => r.instance === "blue")!;
    expect(blue.requests).toBe(6);
    expect(blue.latency.count).toBe(6);
    expect(blue.latency.buckets["5"]).toBe(1);
    expect(blue.errors).toBe(1);
    expect(rows.find((r) => r.instance === "green")!.requests).toBe(2);
    expect(await acrossChurches((tx) => tx.select().from(activityDays))).toHaveLength(1);
    expect(emfLines()).toHaveLength(3);
  });

  it("still writes the EMF line when the database is away, then reports the failure", async () => {
    useConnection(undefined);
    try {
      await expect(saveMinute(minuteOf(new Date(), [10]), "blue")).rejects.toThrow(/not connected/);
    } finally {
      useConnection(database);
    }
    const last = JSON.parse(emfLines().at(-1)!);
    expect(last.Requests).toBe(1);
    expect(emfProblems(emfLines().at(-1)!)).toEqual([]);
  });
});

describe("retention of rollups", () => {
  it("drops minutes older than 90 days and activity older than 60, keeps the rest", async () => {
    const day = 86_400_000;
    const old = new Date(Date.now() - 91 * day);
    await saveMinute(minuteOf(old, [10], { userIds: new Set([userId]) }), "blue");
    await acrossChurches((tx) =>
      tx.insert(activityDays).values({ day: new Date(Date.now() - 61 * day).toISOString().slice(0, 10), userId }),
    );
    const removed = await runRetention(database.db, { sessionLimits: { idleMinutes: 30, absoluteMinutes: 10_080 } });
    expect(removed.metricMinutes).toBe(1);
    expect(removed.activityDays).toBe(2); // the 61-day-old row and the old minute's day
    expect(await rowsAt(new Date(Math.floor(old.getTime() / 1000) * 1000))).toEqual([]);
    expect(await rowsAt(minute)).toHaveLength(2);
  });
});
