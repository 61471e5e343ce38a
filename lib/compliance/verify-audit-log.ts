import type { Db } from "@/db/client";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { sealAuditLog } from "@/lib/audit/seal-audit-log";
import { verifyAuditChain, type AuditChainReport } from "@/lib/audit/verify-audit-chain";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { assertCan } from "@/lib/auth/assert-can";

/**
 * The audit page's "verify integrity" button: seals what can be sealed (so recent rows are not
 * reported as pending needlessly), walks the whole hash chain and its signed checkpoints, then
 * records that it was checked and what was found, in a transaction of its own.
 */
export async function verifyAuditLog(db: Db, me: Pick<CurrentStaff, "id" | "role">): Promise<AuditChainReport> {
  assertCan(me, "compliance.read");
  await sealAuditLog(db, { wait: true });
  const report = await verifyAuditChain(db);
  await db.transaction((tx) =>
    recordAuditEvent(tx, {
      actorType: "staff",
      actorId: me.id,
      action: "audit.verified",
      entityType: "audit_log",
      data: report.ok ? { ok: true, checked: report.checked, lastHash: report.lastHash, pending: report.pending, checkpoints: report.checkpoints } : { ok: false, checked: report.checked, brokenAtId: report.brokenAtId, reason: report.reason },
    }),
  );
  return report;
}
