import type { DeadlineUnit } from "@/db/schema/deadlines";
import { addCalendarDays, addMonths, fromDayNumber, toDayNumber, type IsoDate, type WorkingCalendar } from "./working-calendar";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** 23:59:59.999: a deadline in days or months ends with its last day, local time. */
const END_OF_DAY_MS = DAY_MS - 1;

export type DueAtInput = {
  startedAt: Date;
  amount: number;
  unit: DeadlineUnit;
  calendar: WorkingCalendar;
  /** IANA zone whose calendar days count, e.g. Asia/Almaty. */
  timeZone: string;
};

/**
 * When a deadline falls due. Hours are exact elapsed time; days and months count calendar dates
 * in `timeZone` from the day after the event and end at 23:59:59.999 local time on the last day.
 */
export function computeDueAt({ startedAt, amount, unit, calendar, timeZone }: DueAtInput): Date {
  assertAmount(amount);
  if (unit === "hours") return new Date(startedAt.getTime() + amount * HOUR_MS);
  return localWallTimeToInstant(addPeriod(localDateOf(startedAt, timeZone), amount, unit, calendar), END_OF_DAY_MS, timeZone);
}

export type PauseInput = Omit<DueAtInput, "startedAt" | "amount"> & {
  /** The due moment while the clock was stopped. */
  dueAt: Date;
  pausedAt: Date;
  resumedAt: Date;
};

export type PauseResult = {
  dueAt: Date;
  /** Days the pause counts, in the rule's unit (working days, or calendar days for calendar-day and month rules); 0 for hours. */
  pausedDays: number;
  /** Wall-clock time the clock was stopped (what an hours rule adds). */
  pausedMs: number;
};

/**
 * The due moment after the clock was stopped from `pausedAt` to `resumedAt` (awaiting the
 * requester, where the rule pauses). A pause counts in the same unit as the deadline itself:
 *
 * - hours: the exact time stopped;
 * - working days: the working days the clock was stopped when they began — each working day after
 *   the day it stopped, up to and including the day it started again (like a period, which counts
 *   from the day after its event). Thursday noon → Monday noon is 2 (Friday, Monday); a pause that
 *   starts and ends on the same day is 0. The due date moves by that many working days and ends
 *   at the end of a working day;
 * - calendar days and months: the same count over calendar days (a month rule is a calendar
 *   period; a month-long pause moves it by the days stopped, not by "one month"), ending at the
 *   end of that day.
 *
 * A day-counted due date never moves by wall-clock time, so it never lands at 00:00:59 of the
 * next day or on a weekend.
 */
export function resumeDueAt({ dueAt, pausedAt, resumedAt, unit, calendar, timeZone }: PauseInput): PauseResult {
  const pausedMs = Math.max(0, resumedAt.getTime() - pausedAt.getTime());
  if (unit === "hours") return { dueAt: new Date(dueAt.getTime() + pausedMs), pausedDays: 0, pausedMs };
  const stoppedOn = localDateOf(pausedAt, timeZone);
  const restartedOn = localDateOf(new Date(pausedAt.getTime() + pausedMs), timeZone);
  const pausedDays = daysStopped(stoppedOn, restartedOn, unit, calendar);
  if (pausedDays === 0) return { dueAt, pausedDays, pausedMs };
  const dueDate = localDateOf(dueAt, timeZone);
  const movedTo = unit === "working_days" ? calendar.addWorkingDays(dueDate, pausedDays) : addCalendarDays(dueDate, pausedDays);
  return { dueAt: localWallTimeToInstant(movedTo, END_OF_DAY_MS, timeZone), pausedDays, pausedMs };
}

/** Days after `stoppedOn` up to and including `restartedOn`: working days for working-day rules, every day otherwise. */
function daysStopped(stoppedOn: IsoDate, restartedOn: IsoDate, unit: Exclude<DeadlineUnit, "hours">, calendar: WorkingCalendar): number {
  const first = toDayNumber(stoppedOn) + 1;
  const last = toDayNumber(restartedOn);
  if (last < first) return 0;
  return unit === "working_days" ? calendar.countWorkingDays(fromDayNumber(first), restartedOn) : last - first + 1;
}

export type ExtendDueAtInput = Omit<DueAtInput, "startedAt"> & { dueAt: Date };

/**
 * The due moment after an extension counted from the current due date. Day and month units move
 * the local date and keep the local time of day, so an end-of-day deadline stays end-of-day.
 */
export function extendDueAt({ dueAt, amount, unit, calendar, timeZone }: ExtendDueAtInput): Date {
  assertAmount(amount);
  if (unit === "hours") return new Date(dueAt.getTime() + amount * HOUR_MS);
  const { date, msOfDay } = localDateTimeOf(dueAt, timeZone);
  return localWallTimeToInstant(addPeriod(date, amount, unit, calendar), msOfDay, timeZone);
}

function addPeriod(date: IsoDate, amount: number, unit: Exclude<DeadlineUnit, "hours">, calendar: WorkingCalendar): IsoDate {
  switch (unit) {
    case "calendar_days":
      return addCalendarDays(date, amount);
    case "working_days":
      return calendar.addWorkingDays(date, amount);
    case "months":
      return addMonths(date, amount);
  }
}

function assertAmount(amount: number): void {
  if (!Number.isInteger(amount) || amount < 0) throw new RangeError(`deadline amount must be a whole number ≥ 0, got ${amount}`);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The local wall-clock reading of `instant`, as milliseconds since 1970 as if that zone were UTC. */
function wallClockMs(instant: number, timeZone: string): number {
  const part: Record<string, number> = {};
  for (const { type, value } of formatterFor(timeZone).formatToParts(new Date(instant))) part[type] = Number(value);
  const millis = ((instant % 1000) + 1000) % 1000;
  return Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!) + millis;
}

/** The calendar date and time of day of `instant` in `timeZone`. */
export function localDateTimeOf(instant: Date, timeZone: string): { date: IsoDate; msOfDay: number } {
  const wall = wallClockMs(instant.getTime(), timeZone);
  const dayNumber = Math.floor(wall / DAY_MS);
  return { date: fromDayNumber(dayNumber), msOfDay: wall - dayNumber * DAY_MS };
}

/** The calendar date of `instant` in `timeZone` (what "the day of the event" means). */
export function localDateOf(instant: Date, timeZone: string): IsoDate {
  return localDateTimeOf(instant, timeZone).date;
}

/**
 * The instant at which clocks in `timeZone` read `date` + `msOfDay`. Offsets come from Intl, so
 * daylight saving works: a time read twice (clocks went back) gives the earlier instant; a time
 * skipped (clocks went forward) gives the instant the same length after the jump.
 */
export function localWallTimeToInstant(date: IsoDate, msOfDay: number, timeZone: string): Date {
  const wall = toDayNumber(date) * DAY_MS + msOfDay;
  const offsetAt = (instant: number) => wallClockMs(instant, timeZone) - instant;
  // The offsets a day either side cover any single transition near this wall time.
  const offsets = [offsetAt(wall - DAY_MS), offsetAt(wall + DAY_MS)];
  const readings = offsets.map((offset) => wall - offset).filter((instant) => offsetAt(instant) === wall - instant);
  return new Date(readings.length > 0 ? Math.min(...readings) : wall - Math.min(...offsets));
}
