import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { requests } from "@/db/schema";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { nextStatus } from "./lifecycle";
import { recordRequestChange } from "./record-request-change";
import { resolveStatusToken } from "./requester-access";
import { resumeClock } from "./staff/resume-clock";

export type WithdrawResult = { ok: true } | { ok: false; error: "not_found" | "expired" | "closed" };

/** The requester withdraws an open request; they get a confirmation by email. */
export async function withdrawRequest(db: Db, { token }: { token: string }, now = new Date()): Promise<WithdrawResult> {
  const access = await resolveStatusToken(db, token, now);
  if (!access.ok) return access;
  return db.transaction(async (tx) => {
    const [request] = await tx.select().from(requests).where(eq(requests.id, access.request.id)).for("update");
    const to = request ? nextStatus(request.status, "withdraw", "requester") : null;
    if (!request || !to) return { ok: false as const, error: "closed" as const };
    const actor = { type: "requester" as const, id: request.id };
    // A clock paused while waiting for the requester stops for good: count the pause first.
    await resumeClock(tx, request, now, actor);
    await tx.update(requests).set({ status: to, statusChangedAt: now, closedAt: now }).where(eq(requests.id, request.id));
    await recordRequestChange(tx, { requestId: request.id, kind: "withdrawn", actor, data: { from: request.status } });
    await enqueueEmail(tx, {
      requestId: request.id,
      template: "withdrawal_confirmation",
      locale: request.locale,
      to: request.requesterEmail,
      replyToRequest: true,
      // Only verified requests have a status page, and verification gives the reference.
      variables: { name: request.requesterName, reference: request.reference! },
    });
    return { ok: true as const };
  });
}
