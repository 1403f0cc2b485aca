import { describe, expect, it } from "vitest";
import {
  ACTIVITY,
  BOX,
  MEASURED,
  MEMBERS_AT_BASELINE,
  capacityFor,
  describeCapacity,
  membersServedAt,
  peakRequestsPerMember,
  requestsPerSecondAt,
} from "~/ops/capacity";

/**
 * Capacity (issue 11, item 6): the benchmark's figure for one box turned into
 * members served at the t3 baseline, under the activity assumptions.
 */
describe("capacity", () => {
  const measured = { sustainedRequestsPerSecond: 100, cpuMsPerRequest: 10 };
  const activity = { sundayActiveShare: 0.5, pagesPerVisit: 6, requestsPerPage: 2, peakHourShare: 0.5 };

  it("turns CPU into requests a second: 20 % of two vCPUs at 10 ms a request is 40 a second", () => {
    expect(requestsPerSecondAt(0.2, measured)).toBeCloseTo(40, 6);
    expect(requestsPerSecondAt(0.1, measured)).toBeCloseTo(20, 6);
  });

  it("never promises more than the rate the benchmark sustained at p95 ≤ 200 ms", () => {
    expect(requestsPerSecondAt(1, measured)).toBe(100);
    expect(membersServedAt(1, activity, measured)).toBe(membersServedAt(0.9, activity, measured));
  });

  it("rests on CPU alone while no sustained rate has been measured", () => {
    const cpuOnly = { ...measured, sustainedRequestsPerSecond: null };
    expect(requestsPerSecondAt(1, cpuOnly)).toBeCloseTo(200, 6);
    expect(membersServedAt(1, activity, cpuOnly)).toBeGreaterThan(membersServedAt(1, activity, measured));
  });

  it("spreads a member's Sunday over the busiest hour: half active, 6 pages, 2 requests each, half in one hour", () => {
    // 0.5 × 6 × 2 × 0.5 = 3 requests in the hour per member.
    expect(peakRequestsPerMember(activity)).toBeCloseTo(3 / 3600, 9);
    expect(membersServedAt(0.2, activity, measured)).toBe(48_000);
  });

  it("serves fewer members when they use the portal more", () => {
    const busier = { ...activity, pagesPerVisit: 12 };
    expect(membersServedAt(0.2, busier, measured)).toBe(24_000);
    expect(membersServedAt(0, activity, measured)).toBe(0);
  });

  it("uses the measured figure and the t3 baseline by default", () => {
    expect(BOX.baselineCpuShare).toBe(0.2);
    expect(MEMBERS_AT_BASELINE).toBe(membersServedAt(0.2, ACTIVITY, MEASURED));
    expect(MEMBERS_AT_BASELINE).toBeGreaterThan(1000);
    expect(MEASURED.on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("says whether a church fits one box, and what to do when it does not", () => {
    expect(capacityFor(5000, 12_345)).toEqual({ users: 5000, membersAtBaseline: 12_345, fits: true });
    const over = capacityFor(20_000, 12_345);
    expect(over.fits).toBe(false);
    expect(describeCapacity(capacityFor(5000, 12_345))).toContain("serves about 12,300 members at its 20 % CPU baseline");
    expect(describeCapacity(capacityFor(5000, 12_345))).toContain("5,000 people fit.");
    expect(describeCapacity(over)).toContain("20,000 people are beyond it: the plan says upgrade");
  });
});
