import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { staff, type Staff } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getEnv } from "@/lib/env";
import { hitRateLimits, publicActionLimits } from "@/lib/security/rate-limit";
import { timingDummyHash, verifyPassword } from "./passwords";

export type SignInResult =
  | { ok: true; staff: Staff }
  | { ok: false; error: "invalid" }
  | { ok: false; error: "locked"; retryAfterMinutes: number };

/**
 * Checks a staff member's e-mail and password. Wrong, unknown and disabled accounts answer alike;
 * after STAFF_LOCKOUT_ATTEMPTS failures in a row the account is locked for STAFF_LOCKOUT_MINUTES,
 * and each address is also rate-limited, so guessing is slow either way.
 */
export async function authenticateStaff(db: Db, { email, password, ip }: { email: string; password: string; ip: string }, now = new Date()): Promise<SignInResult> {
  const env = getEnv();
  const address = email.trim().toLowerCase();
  const limited = await hitRateLimits(db, publicActionLimits("staff-sign-in", { ip, subject: address, perIpFactor: 2, perSubjectFactor: 4 }), now);
  if (!limited.allowed) return { ok: false, error: "locked", retryAfterMinutes: limited.retryAfterMinutes };

  const [account] = await db.select().from(staff).where(eq(staff.email, address)).limit(1);
  if (!account || !account.passwordHash || account.disabledAt) {
    await verifyPassword(await timingDummyHash(), password);
    return { ok: false, error: "invalid" };
  }
  if (account.lockedUntil && account.lockedUntil > now) {
    return { ok: false, error: "locked", retryAfterMinutes: Math.max(1, Math.ceil((account.lockedUntil.getTime() - now.getTime()) / 60_000)) };
  }
  const valid = await verifyPassword(account.passwordHash, password);
  return db.transaction(async (tx) => {
    if (!valid) {
      const [updated] = await tx
        .update(staff)
        .set({ failedSignIns: sql`${staff.failedSignIns} + 1` })
        .where(eq(staff.id, account.id))
        .returning({ failedSignIns: staff.failedSignIns });
      const locks = (updated?.failedSignIns ?? 0) >= env.STAFF_LOCKOUT_ATTEMPTS;
      if (locks) {
        await tx
          .update(staff)
          .set({ failedSignIns: 0, lockedUntil: new Date(now.getTime() + env.STAFF_LOCKOUT_MINUTES * 60_000) })
          .where(eq(staff.id, account.id));
      }
      await recordAuditEvent(tx, {
        actorType: "staff",
        actorId: account.id,
        action: locks ? "staff.locked_out" : "staff.sign_in_failed",
        entityType: "staff",
        entityId: account.id,
        data: { ip },
      });
      return locks ? { ok: false as const, error: "locked" as const, retryAfterMinutes: env.STAFF_LOCKOUT_MINUTES } : { ok: false as const, error: "invalid" as const };
    }
    const [signedIn] = await tx
      .update(staff)
      .set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: now })
      .where(eq(staff.id, account.id))
      .returning();
    await recordAuditEvent(tx, { actorType: "staff", actorId: account.id, action: "staff.signed_in", entityType: "staff", entityId: account.id, data: { ip } });
    return { ok: true as const, staff: signedIn! };
  });
}
