import { z } from "zod";

/**
 * A report's period: whole calendar months in the operator's time zone, first and last month
 * included ("2025-12" … "2026-11"). Months, not instants, so the database does the time-zone
 * arithmetic (`created_at at time zone …`) and a request filed at 00:30 local time on the 1st
 * counts in the month it was filed in locally.
 */
const monthKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "expected a month as YYYY-MM");

/** The longest period a report covers; keeps the chart and the query bounded. */
export const MAX_REPORT_MONTHS = 60;

export const reportPeriodSchema = z
  .object({ from: monthKey, to: monthKey })
  .refine((period) => period.from <= period.to, { message: "the period ends before it starts", path: ["to"] })
  .refine((period) => monthIndex(period.to) - monthIndex(period.from) < MAX_REPORT_MONTHS, { message: `at most ${MAX_REPORT_MONTHS} months`, path: ["to"] });

export type ReportPeriod = z.infer<typeof reportPeriodSchema>;

function monthIndex(key: string): number {
  const [year, month] = key.split("-").map(Number) as [number, number];
  return year * 12 + (month - 1);
}

function keyOfIndex(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

/** The year and month a moment falls in, in the given time zone. */
export function monthIn(moment: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" }).formatToParts(moment);
  const part = (type: "year" | "month") => parts.find((p) => p.type === type)!.value;
  return `${part("year")}-${part("month")}`;
}

/** The calendar year a moment falls in, in the given time zone. */
export function yearIn(moment: Date, timeZone: string): number {
  return Number(monthIn(moment, timeZone).slice(0, 4));
}

/** The current month and the eleven before it. */
export function lastTwelveMonths(now: Date, timeZone: string): ReportPeriod {
  const to = monthIn(now, timeZone);
  return { from: keyOfIndex(monthIndex(to) - 11), to };
}

export function calendarYearPeriod(year: number): ReportPeriod {
  return { from: `${year}-01`, to: `${year}-12` };
}

/** Every month of the period, in order. */
export function monthsOf(period: ReportPeriod): string[] {
  const first = monthIndex(period.from);
  return Array.from({ length: monthIndex(period.to) - first + 1 }, (_, i) => keyOfIndex(first + i));
}

/** Local midnight starting the period and the one ending it (exclusive), as `timestamp` literals. */
export function localBounds(period: ReportPeriod): { start: string; end: string } {
  return { start: `${period.from}-01 00:00:00`, end: `${keyOfIndex(monthIndex(period.to) + 1)}-01 00:00:00` };
}
