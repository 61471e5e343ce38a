import { localDateOf } from "./compute-due-at";
import { addCalendarDays, type WorkingCalendar } from "./working-calendar";

const HOUR = 3_600_000;

/** How pressing a deadline is: the queue colours it, the request page makes overdue red. */
export type Urgency = "overdue" | "today" | "soon" | "later";

/**
 * Time left until a due date, in the words staff read it: hours under two days, whole days
 * beyond — working days under a working-day rule; an overdue request counts the hours begun
 * since (1 ms late is "1 hour overdue"), then calendar days.
 */
export type TimeLeft = { overdue: boolean; unit: "hours" | "days" | "working_days"; count: number; urgency: Urgency };

/** Under this many hours left a request is "due today"; under SOON_HOURS, "soon". */
const TODAY_HOURS = 24;
const SOON_HOURS = 72;

/**
 * The one reading of a request's time left (queue and request page). msLeft: milliseconds until
 * the due date, negative when overdue; for a paused clock, measured from the pause (frozen).
 * workingDays: the working days left when the request's rule counts working days
 * (workingDaysLeft), else null. Urgency is always by the hours left.
 */
export function timeLeft(msLeft: number, workingDays: number | null = null): TimeLeft {
  const overdue = msLeft < 0;
  const hours = overdue ? Math.ceil(-msLeft / HOUR) : Math.floor(msLeft / HOUR);
  const unit = hours < 48 ? "hours" : workingDays !== null && !overdue ? "working_days" : "days";
  const count = unit === "working_days" ? workingDays! : unit === "days" ? Math.floor(hours / 24) : hours;
  const urgency: Urgency = overdue ? "overdue" : hours < TODAY_HOURS ? "today" : hours < SOON_HOURS ? "soon" : "later";
  return { overdue, unit, count, urgency };
}

/** Milliseconds left on a request's clock: until the due date, frozen at the pause while paused. */
export function msLeftOf(request: { dueAt: Date | null; pausedAt: Date | null }, now: Date): number | null {
  if (!request.dueAt) return null;
  return request.dueAt.getTime() - (request.pausedAt ?? now).getTime();
}

/**
 * Working days left on a request under a working-day rule, by its jurisdiction's calendar: the
 * working days after the day its clock reads (today, or the day it was paused) up to and
 * including the due day, as dates in the operator's time zone. Null without a due date.
 */
export function workingDaysLeft(calendar: WorkingCalendar, request: { dueAt: Date | null; pausedAt: Date | null }, now: Date, timeZone: string): number | null {
  if (!request.dueAt) return null;
  const from = localDateOf(request.pausedAt ?? now, timeZone);
  const due = localDateOf(request.dueAt, timeZone);
  return due <= from ? 0 : calendar.countWorkingDays(addCalendarDays(from, 1), due);
}

/** The catalogue messages of time left (under dashboard.deadline); each takes `count`. */
export const TIME_LEFT_MESSAGES = ["hoursLeft", "daysLeft", "workingDaysLeft", "overdueHours", "overdueDays"] as const;
export type TimeLeftMessage = (typeof TIME_LEFT_MESSAGES)[number];

/**
 * The one wording of a time left: which message says it, with its count ("2 working days left",
 * "3 hours overdue"). Every language writes the count and its unit as one phrase, never a case
 * ending glued to a formatted number (catalogues dashboard.json → deadline).
 */
export function timeLeftMessage(left: TimeLeft): { key: TimeLeftMessage; count: number } {
  if (left.overdue) return { key: left.unit === "hours" ? "overdueHours" : "overdueDays", count: left.count };
  const key = left.unit === "hours" ? "hoursLeft" : left.unit === "working_days" ? "workingDaysLeft" : "daysLeft";
  return { key, count: left.count };
}
