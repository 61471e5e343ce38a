import { asc } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { auditLog, staff } from "@/db/schema";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { assertCan } from "@/lib/auth/assert-can";

export type AuditFilterOptions = {
  /** Everyone who has a staff account (disabled ones too: their past actions stay in the log). */
  staff: { id: string; name: string; email: string }[];
  /** Every action code recorded so far, alphabetically. */
  actions: string[];
};

/** What the audit page's actor and action filters offer. */
export async function listAuditFilterOptions(db: Executor, me: Pick<CurrentStaff, "role">): Promise<AuditFilterOptions> {
  assertCan(me, "compliance.read");
  const members = await db.select({ id: staff.id, name: staff.name, email: staff.email }).from(staff).orderBy(asc(staff.name), asc(staff.email));
  const actions = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action));
  return { staff: members, actions: actions.map((row) => row.action) };
}
