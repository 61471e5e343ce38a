import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { staff, staffRecoveryCodes, type Staff } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { clearAccountThrottles } from "./sign-in-throttle";
import { AppError } from "@/lib/errors/app-error";
import { assertCan } from "./assert-can";
import { can } from "./permissions";
import type { StaffActor } from "@/lib/auth/staff-admin/common";

const targetSchema = z.object({ staffId: z.uuid("invalid") });

/** The acting admin, re-read in the transaction, and the target row (locked). */
async function adminAndTarget(tx: Tx, actor: StaffActor, staffId: string): Promise<Staff> {
  const [admin] = await tx.select().from(staff).where(eq(staff.id, actor.id)).limit(1);
  if (!admin || admin.disabledAt || !can(admin.role, "staff.manage")) throw new AppError("forbidden");
  const [target] = await tx.select().from(staff).where(eq(staff.id, staffId)).for("update");
  if (!target) throw new AppError("not_found");
  return target;
}

/**
 * Admin only: a colleague lost their authenticator. Their TOTP secret and recovery codes are
 * removed and their sessions end; at the next sign-in they set up two-factor again (required
 * roles) — audited.
 */
export async function resetStaffTwoFactor(db: Db, input: { staffId: string }, actor: StaffActor): Promise<void> {
  assertCan(actor, "staff.manage");
  const { staffId } = targetSchema.parse(input);
  await db.transaction(async (tx) => {
    const target = await adminAndTarget(tx, actor, staffId);
    await tx
      .update(staff)
      .set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null, sessionVersion: sql`${staff.sessionVersion} + 1` })
      .where(eq(staff.id, target.id));
    await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffId, target.id));
    await recordAuditEvent(tx, { actorType: "staff", actorId: actor.id, action: "staff.two_factor_reset", entityType: "staff", entityId: target.id, data: {} });
  });
}

/** Admin only: lifts every sign-in delay of a colleague's account (all client addresses, and the second factor) — audited. */
export async function clearStaffSignInDelays(db: Db, input: { staffId: string }, actor: StaffActor): Promise<void> {
  assertCan(actor, "staff.manage");
  const { staffId } = targetSchema.parse(input);
  await db.transaction(async (tx) => {
    const target = await adminAndTarget(tx, actor, staffId);
    const cleared = await clearAccountThrottles(tx, { email: target.email, staffId: target.id });
    await recordAuditEvent(tx, { actorType: "staff", actorId: actor.id, action: "staff.sign_in_delays_cleared", entityType: "staff", entityId: target.id, data: { counters: cleared } });
  });
}
