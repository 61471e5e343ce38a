import { and, count, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { staff } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors/app-error";
import { assertCan } from "../assert-can";
import { changeStaffRoleSchema } from "../staff-admin-schemas";
import { type StaffActor, type StaffSummary, summary, actingAdmin, takeStaffAdminLock } from "./common";

/**
 * Admin only. Changes a colleague's role and ends their sessions (sessionVersion). The last
 * active admin cannot be demoted, so an admin alone cannot lock everyone out of administration.
 * `input` is checked by changeStaffRoleSchema (the role comes from a form).
 */
export async function changeStaffRole(db: Db, input: { staffId: string; role: string }, actor: StaffActor): Promise<StaffSummary> {
  assertCan(actor, "staff.manage");
  const data = changeStaffRoleSchema.parse(input);
  return db.transaction(async (tx) => {
    await takeStaffAdminLock(tx);
    await actingAdmin(tx, actor);
    const [target] = await tx.select().from(staff).where(eq(staff.id, data.staffId)).for("update");
    if (!target) throw new AppError("not_found");
    if (target.role === data.role) return summary(target);
    if (target.role === "admin" && !target.disabledAt) {
      const [admins] = await tx
        .select({ n: count() })
        .from(staff)
        .where(and(eq(staff.role, "admin"), isNull(staff.disabledAt)));
      if ((admins?.n ?? 0) <= 1) throw new AppError("last_admin");
    }
    const [updated] = await tx
      .update(staff)
      .set({ role: data.role, sessionVersion: sql`${staff.sessionVersion} + 1` })
      .where(eq(staff.id, target.id))
      .returning();
    await recordAuditEvent(tx, {
      actorType: "staff",
      actorId: actor.id,
      action: "staff.role_changed",
      entityType: "staff",
      entityId: target.id,
      data: { from: target.role, to: data.role },
    });
    return summary(updated!);
  });
}
