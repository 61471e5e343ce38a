import { describe, expect, it } from "vitest";
import { msLeftOf, timeLeft } from "./time-left";

const HOUR = 3_600_000;

describe("timeLeft", () => {
  it("counts hours under two days and whole days beyond", () => {
    expect(timeLeft(47.9 * HOUR)).toEqual({ overdue: false, unit: "hours", count: 47, urgency: "soon" });
    expect(timeLeft(48 * HOUR)).toEqual({ overdue: false, unit: "days", count: 2, urgency: "soon" });
    expect(timeLeft(100 * HOUR)).toEqual({ overdue: false, unit: "days", count: 4, urgency: "later" });
  });

  it("says 'due today' under 24 hours and counts an overdue request's begun hours", () => {
    expect(timeLeft(5 * HOUR).urgency).toBe("today");
    expect(timeLeft(-1)).toEqual({ overdue: true, unit: "hours", count: 1, urgency: "overdue" });
    expect(timeLeft(-3 * HOUR)).toEqual({ overdue: true, unit: "hours", count: 3, urgency: "overdue" });
    expect(timeLeft(-50 * HOUR)).toEqual({ overdue: true, unit: "days", count: 2, urgency: "overdue" });
  });
});

describe("msLeftOf", () => {
  const now = new Date("2026-11-30T12:00:00Z");
  it("measures to the due date, frozen at the pause while paused, and is null without a due date", () => {
    const dueAt = new Date("2026-11-30T15:00:00Z");
    expect(msLeftOf({ dueAt, pausedAt: null }, now)).toBe(3 * HOUR);
    expect(msLeftOf({ dueAt, pausedAt: new Date("2026-11-30T10:00:00Z") }, now)).toBe(5 * HOUR);
    expect(msLeftOf({ dueAt: null, pausedAt: null }, now)).toBeNull();
  });
});
