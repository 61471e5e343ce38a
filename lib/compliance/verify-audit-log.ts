import type { Db } from "@/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { verifyAuditChain, type AuditChainReport } from "@/lib/audit/verify-audit-chain";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { assertMayReadCompliance } from "./list-audit-log";

/**
 * The audit page's "verify integrity" button: walks the whole hash chain, then records that it
 * was checked and what was found. The record is written after the walk, in a transaction of its
 * own, so the walk reports on the log as it stood and never holds the chain's writer lock.
 */
export async function verifyAuditLog(db: Db, me: Pick<CurrentStaff, "id" | "role">): Promise<AuditChainReport> {
  assertMayReadCompliance(me, "verify_audit_log");
  const report = await verifyAuditChain(db);
  await db.transaction((tx) =>
    recordAuditEvent(tx, {
      actorType: "staff",
      actorId: me.id,
      action: "audit.verified",
      entityType: "audit_log",
      data: report.ok ? { ok: true, checked: report.checked, lastHash: report.lastHash } : { ok: false, checked: report.checked, brokenAtId: report.brokenAtId, reason: report.reason },
    }),
  );
  return report;
}
