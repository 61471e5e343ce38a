import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { requests, type Request } from "@/db/schema";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { assertCan } from "@/lib/auth/assert-can";
import { recordRequestChange } from "@/lib/requests/record-request-change";
import { AppError } from "@/lib/errors/app-error";
import { setLegalHoldSchema, type SetLegalHoldInput } from "./retention-schemas";

/**
 * Places or lifts a legal hold: while it is in place, retention leaves the request's personal
 * data alone, however long ago it closed. Compliance officers and admins only; the reason is
 * required to place one. Staff-only on the timeline, and audited with the reason.
 */
export async function setLegalHold(db: Db, input: SetLegalHoldInput, actor: Pick<CurrentStaff, "id" | "role">, now = new Date()): Promise<Request> {
  assertCan(actor, "legalHold.set");
  const data = setLegalHoldSchema.parse(input);
  return db.transaction(async (tx) => {
    // Locked, so a hold and an anonymisation of the same request cannot interleave.
    const [request] = await tx.select().from(requests).where(eq(requests.id, data.requestId)).for("update");
    if (!request || !request.verifiedAt) throw new AppError("not_found");
    if (request.anonymisedAt) throw new AppError("anonymised");
    if (data.hold && request.legalHold) throw new AppError("already_on_hold");
    if (!data.hold && !request.legalHold) throw new AppError("not_on_hold");

    const [updated] = await tx
      .update(requests)
      .set(
        data.hold
          ? { legalHold: true, legalHoldReason: data.reason, legalHoldSetAt: now, legalHoldSetBy: actor.id }
          : { legalHold: false, legalHoldReason: null, legalHoldSetAt: null, legalHoldSetBy: null },
      )
      .where(eq(requests.id, request.id))
      .returning();
    await recordRequestChange(tx, {
      requestId: request.id,
      ...(data.hold
        ? { kind: "legal_hold_placed" as const, data: { reason: data.reason } }
        : { kind: "legal_hold_lifted" as const, data: { reason: data.reason || null, placedAt: request.legalHoldSetAt?.toISOString() ?? null } }),
      actor: { type: "staff", id: actor.id },
      visibleToRequester: false,
    });
    return updated!;
  });
}
