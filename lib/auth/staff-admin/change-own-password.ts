import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { staff } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getEnv } from "@/lib/env";
import { hitRateLimits } from "@/lib/security/rate-limit";
import { MIN_PASSWORD_LENGTH } from "../create-staff";
import { AppError } from "@/lib/errors/app-error";
import { hashPassword, verifyPassword } from "../passwords";
import { MAX_PASSWORD_LENGTH, newPasswordSchema } from "../staff-admin-schemas";
import { type StaffActor } from "./common";

const changeOwnPasswordSchema = z.object({
  currentPassword: z.string().min(1, "required").max(MAX_PASSWORD_LENGTH, `tooLong:${MAX_PASSWORD_LENGTH}`),
  newPassword: newPasswordSchema(MIN_PASSWORD_LENGTH),
});

/**
 * Any staff member changes their own password after giving the current one. Every session,
 * the caller's included, ends (sessionVersion), so the caller signs in again with the new one.
 * Attempts are limited like sign-ins (STAFF_LOCKOUT_ATTEMPTS per STAFF_LOCKOUT_MINUTES).
 */
export async function changeOwnPassword(db: Db, input: z.input<typeof changeOwnPasswordSchema>, actor: StaffActor, now = new Date()): Promise<void> {
  const data = changeOwnPasswordSchema.parse(input);
  const env = getEnv();
  const limited = await hitRateLimits(db, [{ key: `staff-password-change:${actor.id}`, limit: env.STAFF_LOCKOUT_ATTEMPTS, windowMinutes: env.STAFF_LOCKOUT_MINUTES }], now);
  if (!limited.allowed) throw new AppError("rate_limited", { retryAfterMinutes: limited.retryAfterMinutes });
  const [me] = await db.select().from(staff).where(eq(staff.id, actor.id)).limit(1);
  if (!me || me.disabledAt) throw new AppError("forbidden");
  const valid = me.passwordHash ? await verifyPassword(me.passwordHash, data.currentPassword) : false;
  const passwordHash = valid ? await hashPassword(data.newPassword) : null;
  await db.transaction(async (tx) => {
    if (!passwordHash) {
      await recordAuditEvent(tx, { actorType: "staff", actorId: me.id, action: "staff.password_change_failed", entityType: "staff", entityId: me.id, data: {} });
      return;
    }
    // Only if the password is still the one just checked: a concurrent change wins, this one fails.
    const [updated] = await tx
      .update(staff)
      .set({ passwordHash, failedSignIns: 0, lockedUntil: null, sessionVersion: sql`${staff.sessionVersion} + 1` })
      .where(and(eq(staff.id, me.id), eq(staff.passwordHash, me.passwordHash!)))
      .returning({ id: staff.id });
    if (!updated) throw new AppError("wrong_password");
    await recordAuditEvent(tx, { actorType: "staff", actorId: me.id, action: "staff.password_changed", entityType: "staff", entityId: me.id, data: {} });
  });
  if (!passwordHash) throw new AppError("wrong_password");
}
