import { and, eq, gt, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { REQUEST_STATUSES, requests, type RequestStatus } from "@/db/schema";
import { rowsOf } from "@/lib/audit/record-audit-event";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { getEnv } from "@/lib/env";
import { localDateTimeOf, localWallTimeToInstant } from "../deadlines/compute-due-at";
import { OPEN_STATUSES } from "../lifecycle";
import { readStatusCounts } from "../status-counts";

/**
 * The queue's saved views, as tabs (the key may be in the URL: it says nothing about anyone).
 * "open" is the default: the work still to do. Every view but "awaiting" and "all" is open requests.
 */
export const QUEUE_VIEWS = ["open", "mine", "unassigned", "due_today", "overdue", "urgent", "awaiting", "all"] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];
export const DEFAULT_QUEUE_VIEW: QueueView = "open";

/** A view's count stops here ("1000+"): enough to see the size of the work, bounded at any size. */
export const VIEW_COUNT_CAP = 1000;

const DAY_MS = 86_400_000;
/** Requests staff work on: a request whose address was never confirmed (unverified, then expired) is not one yet. */
const VERIFIED_STATUSES = REQUEST_STATUSES.filter((status) => status !== "unverified" && status !== "expired");

/**
 * The statuses a view shows when the status filter is empty, and those its status filter offers
 * (the filter narrows the view, never widens it; in "all" it may pick the unconfirmed ones too).
 */
export function viewStatuses(view: QueueView): { shown: readonly RequestStatus[]; selectable: readonly RequestStatus[] } {
  if (view === "all") return { shown: VERIFIED_STATUSES, selectable: REQUEST_STATUSES };
  if (view === "awaiting") return { shown: ["awaiting_requester"], selectable: ["awaiting_requester"] };
  return { shown: OPEN_STATUSES, selectable: OPEN_STATUSES };
}

/**
 * "status in (…)" with the statuses written as literals (they come from the closed list above,
 * never from input): the planner can then match the partial indexes of open requests
 * (migration 0019), which a parameter would hide from a generic plan.
 */
export function statusIn(statuses: readonly RequestStatus[]): SQL {
  const known = statuses.filter((status) => (REQUEST_STATUSES as readonly string[]).includes(status));
  if (known.length === 0) return sql`false`;
  return sql`${requests.status} in (${sql.raw(known.map((status) => `'${status}'`).join(", "))})`;
}

/** The end of today in the operator's time zone (due dates end a day at 23:59:59.999). */
function endOfToday(now: Date): Date {
  const timeZone = getEnv().OPERATOR_TIME_ZONE;
  return localWallTimeToInstant(localDateTimeOf(now, timeZone).date, DAY_MS - 1, timeZone);
}

/**
 * What a view asks beyond its statuses. A paused clock (awaiting the requester) is frozen: such a
 * request is overdue only if it was already late when the clock stopped, and never "due today".
 */
export function viewCondition(view: QueueView, me: Pick<CurrentStaff, "id">, now: Date): SQL | undefined {
  switch (view) {
    case "mine":
      return eq(requests.assigneeId, me.id);
    case "unassigned":
      return isNull(requests.assigneeId);
    case "due_today":
      return and(gt(requests.dueAt, now), lte(requests.dueAt, endOfToday(now)), isNull(requests.pausedAt));
    case "overdue":
      return and(lte(requests.dueAt, now), or(isNull(requests.pausedAt), sql`${requests.pausedAt} >= ${requests.dueAt}`));
    case "urgent":
      // The bare column, not "= $1": a parameter would hide the partial index of urgent open requests (migration 0019).
      return sql`${requests.urgent}`;
    case "open":
    case "awaiting":
    case "all":
      return undefined;
  }
}

/** A view's whole condition: its statuses and what it asks beyond them. */
export function viewWhere(view: QueueView, me: Pick<CurrentStaff, "id">, now: Date): SQL {
  return and(statusIn(viewStatuses(view).shown), viewCondition(view, me, now))!;
}

export type ViewCounts = Record<QueueView, number>;

const add = (counts: Partial<Record<RequestStatus, number>>, statuses: readonly RequestStatus[]) => statuses.reduce((sum, status) => sum + (counts[status] ?? 0), 0);

/**
 * Requests per view, for the tabs. The views that are sets of statuses come from the counter the
 * triggers keep (a few rows to add up); the others are each counted up to VIEW_COUNT_CAP in one
 * statement, from the partial indexes of open requests — bounded however many requests there are.
 * Two statements, side by side with each other (and with the page's row query).
 */
export async function countQueueViews(db: Db, me: Pick<CurrentStaff, "id">, now: Date): Promise<ViewCounts> {
  const capped = (view: QueueView) => sql`(select count(*) from (select 1 from ${requests} where ${viewWhere(view, me, now)} limit ${VIEW_COUNT_CAP}) as capped)`;
  const [statusCounts, result] = await Promise.all([
    readStatusCounts(db),
    db.execute(
      sql`select ${capped("mine")} as mine, ${capped("unassigned")} as unassigned, ${capped("due_today")} as due_today, ${capped("overdue")} as overdue, ${capped("urgent")} as urgent`,
    ),
  ]);
  const [row] = rowsOf<Record<"mine" | "unassigned" | "due_today" | "overdue" | "urgent", number | string>>(result);
  return {
    open: add(statusCounts, OPEN_STATUSES),
    mine: Number(row!.mine),
    unassigned: Number(row!.unassigned),
    due_today: Number(row!.due_today),
    overdue: Number(row!.overdue),
    urgent: Number(row!.urgent),
    awaiting: statusCounts.awaiting_requester ?? 0,
    all: add(statusCounts, VERIFIED_STATUSES),
  };
}
