"use server";

import { revalidatePath } from "next/cache";
import type { AuditChainReport } from "@/lib/audit/verify-audit-chain";
import { staffAction, type StaffActionFailure } from "@/lib/auth/staff-action";
import { verifyAuditLog } from "@/lib/compliance/verify-audit-log";

export type VerifyAuditLogResult = { ok: true; report: AuditChainReport } | StaffActionFailure;

/**
 * The "verify integrity" button (a form's action, so it works before the page's script loads).
 * The check records itself in the log, so the page is rendered again to show that row too.
 */
export async function verifyAuditLogAction(): Promise<VerifyAuditLogResult> {
  const result = await staffAction({
    name: "verifyAuditLog",
    permission: "compliance.read",
    run: async ({ db, staff }) => ({ ok: true as const, report: await verifyAuditLog(db, staff) }),
  });
  if (result.ok) revalidatePath("/[locale]/dashboard/audit", "page");
  return result;
}
