import { describe, expect, it } from "vitest";
import { nextDateAt, windowHours, zonedDate, zonedInstant, zoneOffsetMs } from "~/maintenance/zoned-time";

/** Maintenance windows are planned in wall-clock time; these turn it into instants and back. */
describe("zoned time", () => {
  it("reads a Manila wall clock as UTC+8", () => {
    expect(zonedInstant("2026-11-29", "02:00", "Asia/Manila").toISOString()).toBe("2026-11-28T18:00:00.000Z");
    expect(zoneOffsetMs("Asia/Manila", new Date("2026-06-01T00:00:00Z"))).toBe(8 * 60 * 60_000);
  });

  it("follows summer time in zones that have it", () => {
    // London: GMT in winter, BST (UTC+1) in summer.
    expect(zonedInstant("2026-01-15", "02:00", "Europe/London").toISOString()).toBe("2026-01-15T02:00:00.000Z");
    expect(zonedInstant("2026-07-15", "02:00", "Europe/London").toISOString()).toBe("2026-07-15T01:00:00.000Z");
  });

  it("names the calendar date in the zone, which may differ from UTC's", () => {
    expect(zonedDate(new Date("2026-11-28T18:00:00Z"), "Asia/Manila")).toBe("2026-11-29");
    expect(zonedDate(new Date("2026-11-28T18:00:00Z"), "UTC")).toBe("2026-11-28");
  });

  it("offers tonight's window until it has begun, then tomorrow's", () => {
    // 23:12 in Manila: 02:00 is still ahead, on the next date.
    expect(nextDateAt("02:00", "Asia/Manila", new Date("2026-11-28T15:12:00Z"))).toBe("2026-11-29");
    // 01:00 in Manila: 02:00 is still ahead today.
    expect(nextDateAt("02:00", "Asia/Manila", new Date("2026-11-28T17:00:00Z"))).toBe("2026-11-29");
    // 02:30 in Manila: today's has begun; tomorrow's.
    expect(nextDateAt("02:00", "Asia/Manila", new Date("2026-11-28T18:30:00Z"))).toBe("2026-11-30");
  });

  it("splits the MAINTENANCE_WINDOW setting", () => {
    expect(windowHours("02:00-04:00")).toEqual({ start: "02:00", end: "04:00" });
  });
});
