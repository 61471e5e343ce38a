import { and, eq, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { requests } from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { applyTransition } from "./lifecycle";
import { recordRequestChange } from "./record-request-change";

/**
 * Unverified requests never reach staff; after their verification window (14 days) they are
 * marked expired, one transaction each so a failure leaves the rest for the next run.
 */
export async function expireUnverifiedRequests(db: Db, now = new Date(), batchSize = 100): Promise<number> {
  const due = await db
    .select({ id: requests.id })
    .from(requests)
    .where(and(eq(requests.status, "unverified"), lte(requests.verifyBy, now)))
    .limit(batchSize);
  let expired = 0;
  for (const { id } of due) {
    await db.transaction(async (tx) => {
      const [request] = await tx.select().from(requests).where(eq(requests.id, id)).for("update", { skipLocked: true });
      if (!request || request.status !== "unverified") return;
      const status = applyTransition(request.status, "expire", "system");
      await tx.update(requests).set({ status, statusChangedAt: now, closedAt: now }).where(eq(requests.id, id));
      await recordRequestChange(tx, { requestId: id, kind: "expired", actor: SYSTEM_ACTOR, data: {}, visibleToRequester: false });
      expired++;
    });
  }
  return expired;
}
