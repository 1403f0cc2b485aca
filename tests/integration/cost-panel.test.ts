import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activityDays, metricMinutes, users } from "~/db/schema.server";
import { seedDemo } from "~/db/seed/demo.server";
import { acrossChurches } from "~/db/tenancy.server";
import { estimateForUsage } from "~/ops/cost-estimate";
import { measuredUsage } from "~/ops/cost-usage.server";
import { browse, type CookieJar as Jar } from "../support/browser";
import { startTestServer, type TestServer } from "../support/server";
import { signedInJar } from "../support/sign-in";

/**
 * The "Cost estimate this month" panel on /platform/ops: the usage the app
 * measured (accounts, active people, requests from the rollups, scaled to a
 * month) priced by the same pure function as `scripts/cost-estimate`.
 */
let server: TestServer;
let ops: Jar;
const DAY = 86_400_000;

beforeAll(async () => {
  server = await startTestServer({ seed: async (database) => void (await seedDemo(database.db)) });
  await acrossChurches(async (tx) => {
    // 3,000 requests over the two days recorded: 45,000 in a 30-day month.
    await tx.insert(metricMinutes).values([
      { minute: new Date(Date.now() - 2 * DAY), instance: "blue", requests: 1000, latency: { count: 0, sum: 0, buckets: {} } },
      { minute: new Date(Date.now() - DAY), instance: "green", requests: 2000, latency: { count: 0, sum: 0, buckets: {} } },
    ]);
    const people = await tx.select({ id: users.id }).from(users);
    const today = new Date().toISOString().slice(0, 10);
    const lastWeek = new Date(Date.now() - 7 * DAY).toISOString().slice(0, 10);
    const longAgo = new Date(Date.now() - 45 * DAY).toISOString().slice(0, 10);
    await tx.insert(activityDays).values([
      { day: today, userId: people[0]!.id },
      { day: lastWeek, userId: people[1]!.id },
      { day: today, userId: people[1]!.id },
      // Outside the month: not counted.
      { day: longAgo, userId: people[2]!.id },
    ]);
  }, server.database.db);
  ops = await signedInJar(server.url, "ops@kapatiran.example");
});
afterAll(async () => {
  await server.close();
});

describe("cost estimate panel", () => {
  it("measures the month's use: accounts, active people, requests scaled to 30 days", async () => {
    const usage = await measuredUsage(new Date(), server.database.db);
    const accounts = await acrossChurches((tx) => tx.select({ id: users.id }).from(users), server.database.db);
    expect(usage.users).toBe(accounts.length);
    // The two seeded above, and the ops account that just signed in (the rollups record today's activity).
    expect(usage.monthlyActiveUsers).toBeGreaterThanOrEqual(2);
    expect(usage.daysMeasured).toBeCloseTo(2, 0);
    expect(usage.requestsPerMonth).toBeGreaterThan(44_000);
    expect(usage.requestsPerMonth).toBeLessThanOrEqual(45_000);
    expect(usage.databaseGB).toBeGreaterThan(0);
  });

  it("shows the low and high estimate, the plan's items, per active user and the budget's warnings", async () => {
    const response = await browse(ops, `${server.url}/platform/ops`);
    expect(response.status).toBe(200);
    const html = await response.text();
    const panel = html.slice(html.indexOf("data-cost-estimate"));
    expect(panel).toContain("Cost estimate this month");
    expect(panel).toContain("ap-southeast-1");
    expect(panel).toMatch(/45,000 requests a month|44,9\d\d requests a month/);
    for (const service of ["EC2", "EBS", "S3", "CloudWatch", "Route 53", "Data transfer", "CloudFront", "Load balancer", "WAF", "Cognito"]) {
      expect(panel).toContain(`data-cost="${service}"`);
    }
    const expected = estimateForUsage(await measuredUsage(new Date(), server.database.db));
    const low = Number(panel.match(/data-cost="total" data-low="([\d.]+)"/)?.[1]);
    const high = Number(panel.match(/data-high="([\d.]+)"/)?.[1]);
    // The database grows a little between two readings (sessions): within a cent or two.
    expect(Math.abs(low - expected.low.total)).toBeLessThan(0.05);
    expect(Math.abs(high - expected.high.total)).toBeLessThan(0.05);
    expect(panel).toContain("$38.54");
    expect(panel).toContain("Budget $100 a month: warnings by e-mail at 50 % ($50), 75 % ($75), 90 % ($90).");
  });

  it("speaks Filipino too", async () => {
    const response = await browse(ops, `${server.url}/platform/ops?lng=fil`);
    const html = await response.text();
    expect(html).toContain("Tantiyang gastos ngayong buwan");
    expect(html).toContain("Bawat aktibong user");
  });
});
