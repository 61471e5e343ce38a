import { and, count, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { inboundEmails, outboxEmails, REQUEST_STATUSES, requests } from "@/db/schema";
import { auditSealLag } from "@/lib/audit/audit-seal-lag";
import { OPEN_STATUSES } from "@/lib/requests/lifecycle";
import { readStatusCounts } from "@/lib/requests/status-counts";

export type OperationalGauges = {
  requestsByStatus: Record<string, number>;
  overdueRequests: number;
  outboxPending: number;
  outboxFailed: number;
  outboxBounced: number;
  inboundFailed: number;
  auditPendingRows: number;
  auditSealLagSeconds: number;
};

/** A scrape must not queue behind real work for long: each statement gets this much (PostgreSQL). */
export const GAUGE_STATEMENT_TIMEOUT_MS = 2_000;

/**
 * What the metrics endpoint reads from the database at scrape time, in one read-only transaction
 * (one pooled connection), every count served by an index: the status counter, the status/due,
 * outbox and inbound status indexes, and the audit chain head.
 */
export async function readOperationalGauges(db: Db, now = new Date()): Promise<OperationalGauges> {
  return db.transaction(
    async (tx) => {
      // PGlite ignores nothing here: statement_timeout exists there too, and a local setting ends with the transaction.
      await tx.execute(sql.raw(`set local statement_timeout = ${GAUGE_STATEMENT_TIMEOUT_MS}`));
      const counts = await readStatusCounts(tx);
      const [overdue] = await tx
        .select({ n: count() })
        .from(requests)
        .where(and(inArray(requests.status, [...OPEN_STATUSES]), lt(requests.dueAt, now)));
      const outbox = await tx
        .select({ status: outboxEmails.status, n: count() })
        .from(outboxEmails)
        .where(inArray(outboxEmails.status, ["pending", "failed", "bounced"]))
        .groupBy(outboxEmails.status);
      const [inbound] = await tx.select({ n: count() }).from(inboundEmails).where(eq(inboundEmails.status, "failed"));
      const lag = await auditSealLag(tx, now);
      const outboxCount = (status: string) => outbox.find((row) => row.status === status)?.n ?? 0;
      return {
        requestsByStatus: Object.fromEntries(REQUEST_STATUSES.map((status) => [status, counts[status] ?? 0])),
        overdueRequests: overdue?.n ?? 0,
        outboxPending: outboxCount("pending"),
        outboxFailed: outboxCount("failed"),
        outboxBounced: outboxCount("bounced"),
        inboundFailed: inbound?.n ?? 0,
        auditPendingRows: lag.pending,
        auditSealLagSeconds: lag.oldestPendingSeconds,
      };
    },
    { accessMode: "read only" },
  );
}
