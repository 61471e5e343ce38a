import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { staff, type Staff } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getEnv } from "@/lib/env";
import { hitRateLimits, publicActionLimits } from "@/lib/security/rate-limit";
import { notifyOwnerOfFailedSignIns } from "./failed-sign-in-notice";
import { timingDummyHash, verifyPassword } from "./passwords";
import { clearThrottle, passwordThrottleKey, takeAttempt } from "./sign-in-throttle";

export type SignInResult = { ok: true; staff: Staff } | { ok: false; error: "invalid" } | { ok: false; error: "delayed"; retryAfterSeconds: number };

/**
 * Checks a staff member's e-mail and password — the first step of sign-in (two-factor and the
 * session record follow in authorize-staff.ts).
 *
 * Known and unknown addresses go through exactly the same steps, so neither the answers nor the
 * timing tell them apart: the same per-IP rate limit, the same progressive delay per address and
 * client address (never a hard lock someone else could impose), one argon2 verify (of a dummy
 * hash when there is no account), one audit row. When the delay starts for a real account, its
 * owner gets an e-mail.
 */
export async function authenticateStaff(db: Db, { email, password, ip }: { email: string; password: string; ip: string }, now = new Date()): Promise<SignInResult> {
  const address = email.trim().toLowerCase().slice(0, 320);
  const perIp = await hitRateLimits(db, publicActionLimits("staff-sign-in", { ip, perIpFactor: 2 }), now);
  if (!perIp.allowed) return { ok: false, error: "delayed", retryAfterSeconds: perIp.retryAfterMinutes * 60 };
  const key = passwordThrottleKey(address, ip);
  const attempt = await takeAttempt(db, key, now);
  if (!attempt.allowed) return { ok: false, error: "delayed", retryAfterSeconds: attempt.retryAfterSeconds };

  const [account] = await db.select().from(staff).where(eq(staff.email, address)).limit(1);
  const usable = account && account.passwordHash && !account.disabledAt ? account : null;
  const valid = await verifyPassword(usable?.passwordHash ?? (await timingDummyHash()), password);

  if (!usable || !valid) {
    await db.transaction(async (tx) => {
      await recordAuditEvent(tx, {
        actorType: "staff",
        actorId: account?.id ?? null,
        action: "staff.sign_in_failed",
        entityType: "staff",
        entityId: account?.id ?? null,
        data: { ip },
      });
      if (account && attempt.failures === getEnv().STAFF_LOCKOUT_ATTEMPTS) await notifyOwnerOfFailedSignIns(tx, account, { attempts: attempt.failures, ip }, now);
    });
    return { ok: false, error: "invalid" };
  }
  await clearThrottle(db, key);
  return { ok: true, staff: usable };
}
