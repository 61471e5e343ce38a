const HOUR = 3_600_000;

/** How pressing a deadline is: the queue colours it, the request page makes overdue red. */
export type Urgency = "overdue" | "today" | "soon" | "later";

/**
 * Time left until a due date, in the words staff read it: hours under two days, whole days
 * beyond; an overdue request counts the hours begun since (1 ms late is "1 hour overdue").
 */
export type TimeLeft = { overdue: boolean; unit: "hours" | "days"; count: number; urgency: Urgency };

/** Under this many hours left a request is "due today"; under SOON_HOURS, "soon". */
const TODAY_HOURS = 24;
const SOON_HOURS = 72;

/**
 * The one reading of a request's time left (queue and request page). msLeft: milliseconds until
 * the due date, negative when overdue; for a paused clock, measured from the pause (frozen).
 */
export function timeLeft(msLeft: number): TimeLeft {
  const overdue = msLeft < 0;
  const hours = overdue ? Math.ceil(-msLeft / HOUR) : Math.floor(msLeft / HOUR);
  const unit = hours >= 48 ? "days" : "hours";
  const count = unit === "days" ? Math.floor(hours / 24) : hours;
  const urgency: Urgency = overdue ? "overdue" : hours < TODAY_HOURS ? "today" : hours < SOON_HOURS ? "soon" : "later";
  return { overdue, unit, count, urgency };
}

/** Milliseconds left on a request's clock: until the due date, frozen at the pause while paused. */
export function msLeftOf(request: { dueAt: Date | null; pausedAt: Date | null }, now: Date): number | null {
  if (!request.dueAt) return null;
  return request.dueAt.getTime() - (request.pausedAt ?? now).getTime();
}
