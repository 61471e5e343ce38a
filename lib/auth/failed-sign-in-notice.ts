import type { Tx } from "@/db/client";
import type { Staff } from "@/db/schema";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { getEnv } from "@/lib/env";
import { hitRateLimits } from "@/lib/security/rate-limit";

/**
 * Tells the account's owner (in their language, through the outbox) that someone keeps failing to
 * sign in as them: at most one such e-mail per account per hour, however many addresses try.
 */
export async function notifyOwnerOfFailedSignIns(tx: Tx, account: Staff, { attempts, ip }: { attempts: number; ip: string }, now = new Date()): Promise<void> {
  const once = await hitRateLimits(tx, [{ key: `staff-failure-notice:${account.id}`, limit: 1, windowMinutes: 60 }], now);
  if (!once.allowed) return;
  const locale = account.locale;
  await enqueueEmail(tx, {
    template: "staff_sign_in_failures",
    locale,
    to: account.email,
    variables: { name: account.name, attempts, ip, accountUrl: new URL(`/${locale}/dashboard/account`, getEnv().APP_URL).toString() },
  });
}
