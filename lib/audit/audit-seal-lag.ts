import { count, min } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditLog } from "@/db/schema";
import { afterHead, chainHead } from "./chain-head";

export type AuditSealLag = { pending: number; oldestPendingAt: Date | null; oldestPendingSeconds: number };

/**
 * How far the sealer is behind: audit rows committed but not yet in the hash chain, and the age
 * of the oldest (0 when none). Cheap (an index range after the chain head), for metrics and the
 * audit page. A long-running transaction anywhere in the cluster holds sealing back.
 */
export async function auditSealLag(db: Executor, now = new Date()): Promise<AuditSealLag> {
  const head = await chainHead(db);
  const [row] = await db.select({ pending: count(), oldest: min(auditLog.occurredAt) }).from(auditLog).where(afterHead(head));
  const oldest = row?.oldest ? new Date(row.oldest) : null;
  return { pending: Number(row?.pending ?? 0), oldestPendingAt: oldest, oldestPendingSeconds: oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0 };
}
