import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { requests, staff } from "@/db/schema";

export type LegalHoldState = {
  legalHold: boolean;
  reason: string | null;
  setAt: Date | null;
  setByName: string | null;
  anonymisedAt: Date | null;
};

/** A request's legal hold and anonymisation, for the request page (every staff role sees them); null when there is no such request. */
export async function getLegalHold(db: Db, requestId: string): Promise<LegalHoldState | null> {
  const [row] = await db
    .select({
      legalHold: requests.legalHold,
      reason: requests.legalHoldReason,
      setAt: requests.legalHoldSetAt,
      setByName: staff.name,
      anonymisedAt: requests.anonymisedAt,
    })
    .from(requests)
    .leftJoin(staff, eq(staff.id, requests.legalHoldSetBy))
    .where(eq(requests.id, requestId));
  return row ?? null;
}
