import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { staff, staffInvites, type Staff } from "@/db/schema";
import type { CurrentStaff } from "../current-staff";
import { AppError } from "@/lib/errors/app-error";
import { can } from "../permissions";

/** How long an invitation link works. */
export const STAFF_INVITE_TTL_HOURS = 72;

// Role changes and disabling take turns, so two admins cannot demote each other at once and
// leave nobody in charge.
const STAFF_ADMIN_LOCK_KEY = 7_240_115;

/** The signed-in staff member doing something (from requireStaff or checkStaff). */
export type StaffActor = Pick<CurrentStaff, "id" | "role">;

/** A staff row without its secrets. */
export type StaffSummary = Pick<Staff, "id" | "email" | "name" | "role" | "locale" | "createdAt" | "lastSignInAt" | "disabledAt">;

export function summary(row: Staff): StaffSummary {
  return { id: row.id, email: row.email, name: row.name, role: row.role, locale: row.locale, createdAt: row.createdAt, lastSignInAt: row.lastSignInAt, disabledAt: row.disabledAt };
}

/** Re-reads the acting admin inside the transaction: a demoted or disabled admin acts no more. */
export async function actingAdmin(tx: Tx, actor: StaffActor): Promise<Staff> {
  const [row] = await tx.select().from(staff).where(eq(staff.id, actor.id)).limit(1);
  if (!row || row.disabledAt || !can(row.role, "staff.manage")) throw new AppError("forbidden");
  return row;
}

export async function takeStaffAdminLock(tx: Tx) {
  await tx.execute(sql`select pg_advisory_xact_lock(${STAFF_ADMIN_LOCK_KEY})`);
}

/** Ends every invitation of this person that could still be used. */
export async function retirePendingInvites(tx: Tx, staffId: string, now: Date) {
  await tx
    .update(staffInvites)
    .set({ expiresAt: now })
    .where(and(eq(staffInvites.staffId, staffId), isNull(staffInvites.usedAt), gt(staffInvites.expiresAt, now)));
}
