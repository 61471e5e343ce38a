import { sql, type SQL } from "drizzle-orm";
import { requests } from "@/db/schema";
import { OPEN_STATUSES } from "@/lib/requests/lifecycle";

/**
 * How the compliance record reads a request — one place for the exports and the reports.
 * "Responded" means completed or denied: both are the operator's answer. Days are calendar days
 * (fractional) from receipt (created_at) to the answer (closed_at).
 */

const openList = sql.raw(OPEN_STATUSES.map((status) => `'${status}'`).join(", "));

/** Completed or denied: the request got the operator's answer. */
export const responded: SQL<boolean> = sql<boolean>`(${requests.status} in ('completed', 'denied'))`;

/** Calendar days from receipt to the answer, one decimal; null until answered. */
export const daysToRespond: SQL<number | null> = sql<number | null>`(case when ${responded} and ${requests.closedAt} is not null
  then round((extract(epoch from ${requests.closedAt} - ${requests.createdAt}) / 86400.0)::numeric, 1)::float8 end)`;

/**
 * Answered by the due date (which already includes any extension and paused time): true or
 * false once answered; false for an open request already past due; null otherwise.
 */
export function onTimeAt(now: Date): SQL<boolean | null> {
  return sql<boolean | null>`(case
    when ${responded} then ${requests.closedAt} <= coalesce(${requests.dueAt}, ${requests.closedAt})
    when ${requests.status} in (${openList}) and ${requests.dueAt} < ${now.toISOString()}::timestamptz then false
    end)`;
}
