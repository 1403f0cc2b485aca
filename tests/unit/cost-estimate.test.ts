import { describe, expect, it } from "vitest";
import { PRICES, PRICES_CHECKED } from "~/ops/aws-prices";
import { MEMBERS_AT_BASELINE } from "~/ops/capacity";
import {
  ASSUMPTIONS,
  assumedUsage,
  budgetThresholds,
  estimateCost,
  estimateForUsage,
  estimateForUsers,
  formatEstimate,
} from "~/ops/cost-estimate";

/**
 * The cost estimate (issue 10, point 5): at 1,000 people the operations
 * plan's items come to about $42–82 a month, $0.06–0.11 per active user;
 * the stack as built costs more, and says so.
 */
describe("cost estimate", () => {
  it("reproduces the plan's breakdown at 1,000 people: $42–82 a month, $0.06–0.11 per active user", () => {
    const { low, high } = estimateForUsers(1000);
    expect(low.planTotal).toBeGreaterThanOrEqual(42);
    expect(high.planTotal).toBeLessThanOrEqual(82);
    expect(low.planTotal).toBeLessThan(high.planTotal);
    expect(low.planPerActiveUser).toBeGreaterThanOrEqual(0.055);
    expect(high.planPerActiveUser).toBeLessThanOrEqual(0.11);
    expect(low.usage.monthlyActiveUsers).toBe(750);
    // The plan's items are exactly these services, and they add up to the plan's total.
    const plan = low.lines.filter((line) => line.inPlan);
    expect(plan.map((line) => line.service)).toEqual(["EC2", "EBS", "S3", "CloudWatch", "Route 53", "Data transfer", "CloudFront"]);
    for (const estimate of [low, high]) {
      const sum = estimate.lines.filter((line) => line.inPlan).reduce((total, line) => total + line.usd, 0);
      expect(estimate.planTotal).toBeCloseTo(sum, 2);
      expect(estimate.total).toBeCloseTo(estimate.lines.reduce((total, line) => total + line.usd, 0), 2);
    }
  });

  it("shows where the real figure lands: the stack also pays for the load balancer, WAF and public addresses", () => {
    const { low, high } = estimateForUsers(1000);
    expect(low.total).toBeGreaterThan(low.planTotal + 35);
    const beyond = low.lines.filter((line) => !line.inPlan).map((line) => line.service);
    expect(beyond).toEqual(expect.arrayContaining(["Load balancer", "WAF", "Public IPv4", "Cognito"]));
    // The figures printed in the report and README (keep them in step with this test).
    expect([low.total, high.total]).toEqual([87.85, 111.19]);
    expect([low.perActiveUser, high.perActiveUser]).toEqual([0.117, 0.148]);
  });

  it("prices one t3.medium all month on demand, whatever the use", () => {
    const { low } = estimateForUsers(1000);
    expect(low.lines.find((line) => line.service === "EC2")!.usd).toBe(Math.round(730 * PRICES.ec2T3Medium.usd * 100) / 100);
  });

  it("grows with use at 10,000 people, while the cost per active user falls", () => {
    const small = estimateForUsers(1000);
    const large = estimateForUsers(10_000);
    expect(large.high.total).toBeGreaterThan(small.high.total);
    expect(large.high.perActiveUser!).toBeLessThan(small.high.perActiveUser!);
    expect(large.low.usage.monthlyActiveUsers).toBe(7500);
    // Under Cognito's 10,000 free monthly active users.
    expect(large.high.lines.find((line) => line.service === "Cognito")!.usd).toBe(0);
    const text = formatEstimate(large, 100);
    expect(text).toContain("7500 monthly active of 10000");
    console.log(`10,000 people: plan's items $${large.low.planTotal}–${large.high.planTotal}, total $${large.low.total}–${large.high.total} a month`);
  });

  it("says whether the people fit the one box it prices, from the benchmark's capacity figure", () => {
    const fits = estimateForUsers(1000);
    expect(fits.high.capacity).toEqual({ users: 1000, membersAtBaseline: MEMBERS_AT_BASELINE, fits: true });
    expect(formatEstimate(fits, 100)).toContain("1,000 people fit.");
    const beyond = estimateForUsers(MEMBERS_AT_BASELINE + 1);
    expect(beyond.low.capacity.fits).toBe(false);
    expect(formatEstimate(beyond, 100)).toContain("are beyond it: the plan says upgrade");
  });

  it("charges Cognito only above the free tier", () => {
    const usage = { ...assumedUsage(20_000, ASSUMPTIONS.high), monthlyActiveUsers: 15_000 };
    const cognito = estimateCost(usage, ASSUMPTIONS.high).lines.find((line) => line.service === "Cognito")!;
    expect(cognito.usd).toBeCloseTo(5000 * PRICES.cognitoLiteMau.usd, 2);
  });

  it("takes the free tier off only under the low assumptions", () => {
    const usage = assumedUsage(1000, ASSUMPTIONS.low);
    const free = estimateCost(usage, ASSUMPTIONS.low).lines.find((line) => line.service === "CloudFront")!;
    const paid = estimateCost(usage, { ...ASSUMPTIONS.low, freeTier: false }).lines.find((line) => line.service === "CloudFront")!;
    expect(free.usd).toBe(0);
    expect(paid.usd).toBeGreaterThan(0);
  });

  it("estimates measured usage and has no per-user figure when no one was active", () => {
    const { low } = estimateForUsage({ users: 5, monthlyActiveUsers: 0, requestsPerMonth: 0, transferGB: 0, logGB: 0.04, uploadsGB: 0, databaseGB: 0.01 });
    expect(low.perActiveUser).toBeNull();
    expect(low.total).toBeGreaterThan(80);
  });

  it("prints the budget's warnings at 50, 75 and 90 %", () => {
    expect(budgetThresholds(100)).toEqual([
      { percent: 50, usd: 50 },
      { percent: 75, usd: 75 },
      { percent: 90, usd: 90 },
    ]);
    const text = formatEstimate(estimateForUsers(1000), 300);
    expect(text).toContain("Budget $300.00 a month: warnings at 50 % ($150.00), 75 % ($225.00), 90 % ($270.00).");
    expect(formatEstimate(estimateForUsers(1000), 100)).toContain("passes the 90 % warning");
    expect(text).not.toContain("passes the");
  });

  it("names a source and a date for every price", () => {
    expect(PRICES_CHECKED).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const [name, price] of Object.entries(PRICES)) {
      expect(price.source, name).toMatch(/^https:\/\/(aws\.amazon\.com|calculator\.aws)\//);
      expect(price.usd, name).toBeGreaterThan(0);
    }
  });
});
