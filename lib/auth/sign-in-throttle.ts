import { eq, like, or, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { signInThrottle } from "@/db/schema";
import { getEnv } from "@/lib/env";

/** The first forced wait; each further failure doubles it, up to STAFF_LOCKOUT_MINUTES. */
export const FIRST_DELAY_SECONDS = 15;

export type ThrottleAnswer = { allowed: true; failures: number } | { allowed: false; retryAfterSeconds: number };

/** The key of password attempts: per address and client address, so nobody can delay the owner's own sign-ins from elsewhere. */
export function passwordThrottleKey(address: string, ip: string): string {
  return `password:${address}:${ip}`;
}

/** The key of second-factor attempts: per account (whoever tries already has the password). */
export function twoFactorThrottleKey(staffId: string): string {
  return `two-factor:${staffId}`;
}

/**
 * Takes one attempt under `key`, counted as a failure until clearThrottle says it succeeded.
 * After STAFF_LOCKOUT_ATTEMPTS attempts each further one must wait FIRST_DELAY_SECONDS × 2^n
 * (at most STAFF_LOCKOUT_MINUTES) after the previous one; an attempt during the wait is refused
 * and not counted. One conditional upsert decides and counts, so concurrent attempts queue on
 * the row and every one of them is counted exactly once.
 */
export async function takeAttempt(db: Executor, key: string, now = new Date()): Promise<ThrottleAnswer> {
  const env = getEnv();
  const free = env.STAFF_LOCKOUT_ATTEMPTS;
  const maxSeconds = env.STAFF_LOCKOUT_MINUTES * 60;
  const at = now.toISOString();
  const failures = sql`${signInThrottle.failures} + 1`;
  const [row] = await db
    .insert(signInThrottle)
    .values({ key, failures: 1, nextAllowedAt: free <= 1 ? new Date(now.getTime() + FIRST_DELAY_SECONDS * 1000) : null, updatedAt: now })
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: {
        failures,
        nextAllowedAt: sql`case when ${failures} >= ${free}
          then ${at}::timestamptz + least(${maxSeconds}, ${FIRST_DELAY_SECONDS} * power(2, least(${failures} - ${free}, 20))) * interval '1 second'
          else null end`,
        updatedAt: now,
      },
      setWhere: sql`${signInThrottle.nextAllowedAt} is null or ${signInThrottle.nextAllowedAt} <= ${at}::timestamptz`,
    })
    .returning({ failures: signInThrottle.failures });
  if (row) return { allowed: true, failures: row.failures };
  const [waiting] = await db.select({ nextAllowedAt: signInThrottle.nextAllowedAt }).from(signInThrottle).where(eq(signInThrottle.key, key));
  const waitMs = (waiting?.nextAllowedAt?.getTime() ?? now.getTime()) - now.getTime();
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

/** A successful attempt forgets the failures under `key`. */
export async function clearThrottle(db: Executor, key: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.key, key));
}

/** An admin's "clear sign-in delays": every address-and-IP counter of the account, and its second-factor counter. */
export async function clearAccountThrottles(db: Executor, { email, staffId }: { email: string; staffId: string }): Promise<number> {
  const escaped = email.replace(/[\\%_]/g, "\\$&");
  const deleted = await db
    .delete(signInThrottle)
    .where(or(like(signInThrottle.key, `password:${escaped}:%`), eq(signInThrottle.key, twoFactorThrottleKey(staffId))))
    .returning({ key: signInThrottle.key });
  return deleted.length;
}

/** Minutes to tell a person, never less than one. */
export function retryAfterMinutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}
