import { bigint, bigserial, pgTable, text } from "drizzle-orm/pg-core";

/**
 * How many requests are in each status, kept by triggers on `requests` (migration 0010) in the
 * same transaction as every insert, status change and delete, so the queue need not count a
 * million rows on every page.
 *
 * Append-only deltas, not one row per status: a single counter row per status would be a row
 * lock every submission takes and holds until commit (the global lock issue 10 removes). Inserts
 * never wait for each other; the count is sum(delta) per status, and
 * compactRequestStatusCounts (lib/requests/status-counts.ts) folds the rows back to one per status.
 */
export const requestStatusCounts = pgTable("request_status_counts", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  status: text("status").notNull(),
  delta: bigint("delta", { mode: "number" }).notNull(),
});
