import { describe, expect, it } from "vitest";
import { defaultPeriod, parsePeriod } from "~/models/compliance-report/period.server";

/** The compliance report's period: the last 12 months in the church's days, or what the GET form asks. */
describe("the compliance report's period", () => {
  const now = new Date("2026-11-27T20:00:00Z"); // already 28 November in Manila

  it("defaults to the last twelve months, by the church's calendar", () => {
    expect(defaultPeriod("Asia/Manila", now)).toEqual({ from: "2025-11-29", to: "2026-11-28" });
    expect(defaultPeriod("UTC", now)).toEqual({ from: "2025-11-28", to: "2026-11-27" });
  });

  it("takes the dates asked for, and fills in a missing one", () => {
    const asked = parsePeriod(new URLSearchParams("from=2026-01-01&to=2026-03-31"), "Asia/Manila", now);
    expect(asked).toMatchObject({ period: { from: "2026-01-01", to: "2026-03-31" }, errors: null });
    expect(parsePeriod(new URLSearchParams("from=2026-06-01"), "Asia/Manila", now).period).toEqual({
      from: "2026-06-01",
      to: "2026-11-28",
    });
  });

  it("reports impossible dates and a reversed period as field errors, keeping what was typed", () => {
    for (const from of ["2026-02-30", "yesterday", "0099-01-01", "2026-1-1"]) {
      const result = parsePeriod(new URLSearchParams({ from }), "Asia/Manila", now);
      expect(result.errors).toEqual({ from: ["forms:date"] });
      expect(result.values.from).toBe(from);
      expect(result.period).toEqual(defaultPeriod("Asia/Manila", now));
    }
    expect(parsePeriod(new URLSearchParams("from=2026-05-01&to=2026-04-01"), "UTC", now).errors).toEqual({
      from: ["compliance:errors.fromAfterTo"],
    });
    // Only a start, after the default end.
    expect(parsePeriod(new URLSearchParams("from=2027-01-01"), "UTC", now).errors).toEqual({
      from: ["compliance:errors.fromAfterTo"],
    });
  });
});
