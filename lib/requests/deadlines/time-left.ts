import { localDateOf } from "./compute-due-at";
import { addCalendarDays, fromDayNumber, toDayNumber, type WorkingCalendar } from "./working-calendar";

const HOUR = 3_600_000;

/** How pressing a deadline is: the queue colours it, the request page makes overdue red. */
export type Urgency = "overdue" | "today" | "soon" | "later";

/**
 * Time left until a due date, in the words staff read it: hours under two days, whole days
 * beyond — working days under a working-day rule. An overdue request counts the hours begun
 * since (1 ms late is "1 hour overdue"); under a working-day rule, from the first whole working
 * day lost after the due day on, the working days lost ("2 working days overdue" — a weekend or a
 * holiday right after the due day stays in hours, since no working day was lost yet); under any
 * other rule, calendar days from two days on.
 */
export type TimeLeft = { overdue: boolean; unit: "hours" | "days" | "working_days"; count: number; urgency: Urgency };

/** Under this many hours left a request is "due today"; under SOON_HOURS, "soon". */
const TODAY_HOURS = 24;
const SOON_HOURS = 72;

/**
 * The one reading of a request's time left (queue and request page). msLeft: milliseconds until
 * the due date, negative when overdue; for a paused clock, measured from the pause (frozen).
 * workingDays: when the request's rule counts working days, its workingDaysOnClock (left, or lost
 * when overdue), else null. Urgency is always by the hours.
 */
export function timeLeft(msLeft: number, workingDays: number | null = null): TimeLeft {
  const overdue = msLeft < 0;
  const hours = overdue ? Math.ceil(-msLeft / HOUR) : Math.floor(msLeft / HOUR);
  const unit = overdue ? overdueUnit(hours, workingDays) : hours < 48 ? "hours" : workingDays !== null ? "working_days" : "days";
  const count = unit === "working_days" ? workingDays! : unit === "days" ? Math.floor(hours / 24) : hours;
  const urgency: Urgency = overdue ? "overdue" : hours < TODAY_HOURS ? "today" : hours < SOON_HOURS ? "soon" : "later";
  return { overdue, unit, count, urgency };
}

function overdueUnit(hours: number, workingDays: number | null): TimeLeft["unit"] {
  if (workingDays !== null) return workingDays > 0 ? "working_days" : "hours";
  return hours < 48 ? "hours" : "days";
}

/** Milliseconds left on a request's clock: until the due date, frozen at the pause while paused. */
export function msLeftOf(request: { dueAt: Date | null; pausedAt: Date | null }, now: Date): number | null {
  if (!request.dueAt) return null;
  return request.dueAt.getTime() - (request.pausedAt ?? now).getTime();
}

/**
 * The working days on a request's clock under a working-day rule, by its jurisdiction's calendar,
 * as dates in the operator's time zone, from the day its clock reads (today, or the day it was
 * paused). Before or on the due day: the working days left — after that day up to and including
 * the due day (0 on the due day). Past the due day: the whole working days lost — after the due
 * day and before that day (0 while only a weekend or holiday has passed). Null without a due date.
 */
export function workingDaysOnClock(calendar: WorkingCalendar, request: { dueAt: Date | null; pausedAt: Date | null }, now: Date, timeZone: string): number | null {
  if (!request.dueAt) return null;
  const today = localDateOf(request.pausedAt ?? now, timeZone);
  const due = localDateOf(request.dueAt, timeZone);
  if (due === today) return 0;
  if (due > today) return calendar.countWorkingDays(addCalendarDays(today, 1), due);
  const dayAfterDue = addCalendarDays(due, 1);
  return dayAfterDue < today ? calendar.countWorkingDays(dayAfterDue, fromDayNumber(toDayNumber(today) - 1)) : 0;
}

/** The catalogue messages of time left (under dashboard.deadline); each takes `count`. */
export const TIME_LEFT_MESSAGES = ["hoursLeft", "daysLeft", "workingDaysLeft", "overdueHours", "overdueDays", "overdueWorkingDays"] as const;
export type TimeLeftMessage = (typeof TIME_LEFT_MESSAGES)[number];

/**
 * The one wording of a time left: which message says it, with its count ("2 working days left",
 * "3 hours overdue"). Every language writes the count and its unit as one phrase, never a case
 * ending glued to a formatted number (catalogues dashboard.json → deadline).
 */
export function timeLeftMessage(left: TimeLeft): { key: TimeLeftMessage; count: number } {
  if (left.overdue) return { key: left.unit === "hours" ? "overdueHours" : left.unit === "working_days" ? "overdueWorkingDays" : "overdueDays", count: left.count };
  const key = left.unit === "hours" ? "hoursLeft" : left.unit === "working_days" ? "workingDaysLeft" : "daysLeft";
  return { key, count: left.count };
}
