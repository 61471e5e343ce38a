import { describe, expect, it } from "vitest";
import { calendarYearPeriod, lastTwelveMonths, localBounds, monthsOf, reportPeriodSchema, yearIn } from "./report-period";

describe("report periods", () => {
  it("takes the last twelve months up to the current local month", () => {
    // 20:00 UTC on 31 December is already 1 January in Almaty.
    expect(lastTwelveMonths(new Date("2025-12-31T20:00:00Z"), "Asia/Almaty")).toEqual({ from: "2025-02", to: "2026-01" });
    expect(lastTwelveMonths(new Date("2025-12-31T20:00:00Z"), "UTC")).toEqual({ from: "2025-01", to: "2025-12" });
    expect(yearIn(new Date("2025-12-31T20:00:00Z"), "Asia/Almaty")).toBe(2026);
  });

  it("lists every month and the local bounds of a period", () => {
    expect(monthsOf({ from: "2025-11", to: "2026-02" })).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(monthsOf(calendarYearPeriod(2025))).toHaveLength(12);
    expect(localBounds(calendarYearPeriod(2025))).toEqual({ start: "2025-01-01 00:00:00", end: "2026-01-01 00:00:00" });
  });

  it("refuses periods longer than five years", () => {
    expect(reportPeriodSchema.safeParse({ from: "2021-01", to: "2025-12" }).success).toBe(true);
    expect(reportPeriodSchema.safeParse({ from: "2020-12", to: "2025-12" }).success).toBe(false);
  });
});
