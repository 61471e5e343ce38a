"use server";

import { revalidatePath } from "next/cache";
import type { AuditChainReport } from "@/lib/audit/verify-audit-chain";
import { runStaffAction, type StaffActionFailure } from "@/lib/auth/run-staff-action";
import { COMPLIANCE_ROLES } from "@/lib/compliance/roles";
import { verifyAuditLog } from "@/lib/compliance/verify-audit-log";

export type VerifyAuditLogResult = { ok: true; report: AuditChainReport } | StaffActionFailure;

/**
 * The "verify integrity" button (a form's action, so it works before the page's script loads).
 * The check records itself in the log, so the page is rendered again to show that row too.
 */
export async function verifyAuditLogAction(): Promise<VerifyAuditLogResult> {
  const result = await runStaffAction("verifyAuditLog", COMPLIANCE_ROLES, async ({ db, staff }) => ({ ok: true as const, report: await verifyAuditLog(db, staff) }));
  if (result.ok) revalidatePath("/[locale]/dashboard/audit", "page");
  return result;
}
