import { sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { requestStatusCounts, REQUEST_STATUSES, type RequestStatus } from "@/db/schema";
import { isOneOf } from "@/lib/text/is-one-of";

export type StatusCounts = Partial<Record<RequestStatus, number>>;


/**
 * Requests per status, from the counter the triggers keep (migration 0010): exact, and a few
 * dozen rows to add up whatever the number of requests. Statuses with none are left out.
 */
export async function readStatusCounts(db: Executor): Promise<StatusCounts> {
  const rows = await db
    .select({ status: requestStatusCounts.status, n: sql<string>`sum(${requestStatusCounts.delta})` })
    .from(requestStatusCounts)
    .groupBy(requestStatusCounts.status);
  const counts: StatusCounts = {};
  for (const row of rows) {
    const n = Number(row.n);
    if (n !== 0 && isOneOf(REQUEST_STATUSES, row.status)) counts[row.status] = n;
  }
  return counts;
}

/**
 * Folds the counter's delta rows into one row per status (the worker runs it every minute), so
 * reading stays a sum over a handful of rows. One statement: deltas committed meanwhile are not
 * in its snapshot and stay for the next run; a concurrent run skips rows the other already took.
 */
export async function compactStatusCounts(db: Db): Promise<void> {
  await db.execute(sql`
    with taken as (delete from ${requestStatusCounts} returning status, delta)
    insert into ${requestStatusCounts} (status, delta)
    select status, sum(delta) from taken group by status having sum(delta) <> 0`);
}
