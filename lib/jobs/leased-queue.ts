import { and, eq, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgTable, PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { Db, Executor } from "@/db/client";

/**
 * A table used as a job queue (the e-mail outbox, the fulfilment HTTP calls): rows in `pending`
 * are due once next_attempt_at has passed; attempts counts the tries.
 *
 * Claim with a lease, do the work outside any transaction, then record the outcome only if the row
 * still carries our claim. Holding `FOR UPDATE` across an SMTP conversation or an HTTP call would
 * keep a transaction (and, on PGlite, the only connection) open as long as the far side likes.
 * Instead a short transaction picks due rows with `FOR UPDATE SKIP LOCKED` and pushes their
 * next_attempt_at to now + lease while counting the attempt: other workers skip them while locked
 * and no longer see them as due once committed. Counting at claim time means a job that crashes the
 * worker every time still stops after its maximum of attempts. The outcome is written only where
 * the row is still pending with the same attempt count, so a worker whose lease ran out cannot
 * overwrite a newer claim (at-least-once: a worker that dies after the work but before recording
 * it does the work again once the lease expires; the job says how it stays idempotent).
 */
export type QueueTable = PgTable & { id: AnyPgColumn; status: AnyPgColumn; attempts: AnyPgColumn; nextAttemptAt: AnyPgColumn };

export type LeasedQueue<T extends QueueTable> = {
  table: T;
  /** Claim order among due rows (e.g. priority, then next_attempt_at). */
  order: (AnyPgColumn | SQL)[];
  leaseMs: number;
};

type Claimable = { id: string; attempts: number };

/** Wait before the next try after `attempts` tries: base, 2 × base, 4 × base … capped at max. */
export function backoffMs(attempts: number, { baseMs, maxMs }: { baseMs: number; maxMs: number }): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), maxMs);
}

/** Claims up to `batchSize` due rows (optionally only those matching `where`), counting the attempt. */
export async function claimDue<T extends QueueTable>(db: Db, queue: LeasedQueue<T>, now: Date, batchSize: number, where?: SQL): Promise<T["$inferSelect"][]> {
  const { id, status, attempts, nextAttemptAt } = queue.table;
  return db.transaction(async (tx) => {
    const due = (await tx
      .select({ id })
      .from(queue.table as PgTable)
      .where(and(eq(status, "pending"), lte(nextAttemptAt, now), where))
      .orderBy(...queue.order)
      .limit(batchSize)
      .for("update", { skipLocked: true })) as { id: string }[];
    if (due.length === 0) return [];
    // Every queue table has these two columns (QueueTable), so the names hold for any of them.
    const lease: PgUpdateSetSource<PgTable> = { nextAttemptAt: new Date(now.getTime() + queue.leaseMs), attempts: sql`${attempts} + 1` };
    const claimed = await tx
      .update(queue.table as PgTable)
      .set(lease)
      .where(inArray(id, due.map((row) => row.id)))
      .returning();
    return claimed as T["$inferSelect"][];
  });
}

/**
 * Writes a claimed row's outcome if the row still carries this claim (pending, same attempt
 * count). False when the claim was lost (the lease ran out and another worker took the row).
 */
export async function settleClaim<T extends QueueTable>(db: Executor, queue: LeasedQueue<T>, row: Claimable, changes: PgUpdateSetSource<T>): Promise<boolean> {
  const { id, status, attempts } = queue.table;
  const updated = await db
    .update(queue.table)
    .set(changes)
    .where(and(eq(id, row.id), eq(status, "pending"), eq(attempts, row.attempts)))
    .returning({ id });
  return updated.length > 0;
}
