import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { staff } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors/app-error";
import { assertCan } from "../assert-can";
import { setStaffDisabledSchema } from "../staff-admin-schemas";
import { type StaffActor, type StaffSummary, summary, actingAdmin, takeStaffAdminLock } from "./common";

/**
 * Admin only. Disables (or enables again) a colleague's account; either way their sessions end,
 * and a disabled account cannot sign in. Nobody can disable themself.
 */
export async function setStaffDisabled(db: Db, input: z.input<typeof setStaffDisabledSchema>, actor: StaffActor, now = new Date()): Promise<StaffSummary> {
  assertCan(actor, "staff.manage");
  const data = setStaffDisabledSchema.parse(input);
  if (data.disabled && data.staffId === actor.id) throw new AppError("cannot_disable_self");
  return db.transaction(async (tx) => {
    await takeStaffAdminLock(tx);
    await actingAdmin(tx, actor);
    const [target] = await tx.select().from(staff).where(eq(staff.id, data.staffId)).for("update");
    if (!target) throw new AppError("not_found");
    if (Boolean(target.disabledAt) === data.disabled) return summary(target);
    const [updated] = await tx
      .update(staff)
      .set({ disabledAt: data.disabled ? now : null, sessionVersion: sql`${staff.sessionVersion} + 1` })
      .where(eq(staff.id, target.id))
      .returning();
    await recordAuditEvent(tx, {
      actorType: "staff",
      actorId: actor.id,
      action: data.disabled ? "staff.disabled" : "staff.enabled",
      entityType: "staff",
      entityId: target.id,
      data: {},
    });
    return summary(updated!);
  });
}
