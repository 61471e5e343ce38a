import { inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { requests } from "@/db/schema";
import { assertCan } from "@/lib/auth/assert-can";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { AppError, type AppErrorCode, type ConflictReason } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/errors/field-errors";
import { errorMessage, log } from "@/lib/log";
import { assignRequest } from "./assign-request";

/** At most a few pages of the queue at once: each row is its own transaction. */
export const BULK_ASSIGN_MAX = 100;

export const bulkAssignSchema = z.object({
  requestIds: z.array(z.uuid("invalid")).min(1, "chooseOne").max(BULK_ASSIGN_MAX, `tooMany:${BULK_ASSIGN_MAX}`),
  /** null takes the requests off anyone's desk. */
  assigneeId: z.uuid("chooseOne").nullable(),
});

export type BulkRow = { requestId: string; reference: string | null };
/** A row the single assign refused, with its code (and conflict reason) for the page to word. */
export type BulkRefusal = BulkRow & { error: AppErrorCode | "unexpected"; reason?: ConflictReason };
export type BulkAssignOutcome = { assigned: BulkRow[]; refused: BulkRefusal[] };

/**
 * Assigns (or unassigns) several requests, each exactly as the single assign does it — its own
 * transaction, lifecycle check, permission and audit (assignRequest) — so one refusal (a closed
 * request, a request gone) or failure never stops the others; reports which rows were refused and why.
 * The role is checked once first: a role that may not assign gets one refusal, not one per row.
 */
export async function bulkAssign(db: Db, input: z.input<typeof bulkAssignSchema>, actor: CurrentStaff): Promise<BulkAssignOutcome> {
  const data = parseInput(bulkAssignSchema, input);
  assertCan(actor, "requests.work");
  const ids = [...new Set(data.requestIds)];
  // References for the report; an unconfirmed request stays nameless, as it is not found for staff.
  const known = await db.select({ id: requests.id, reference: requests.reference, verifiedAt: requests.verifiedAt }).from(requests).where(inArray(requests.id, ids));
  const referenceOf = new Map(known.filter((row) => row.verifiedAt).map((row) => [row.id, row.reference]));

  const outcome: BulkAssignOutcome = { assigned: [], refused: [] };
  // One after another: each takes the row lock the single assign takes, in a stable order.
  for (const requestId of ids) {
    const row = { requestId, reference: referenceOf.get(requestId) ?? null };
    try {
      await assignRequest(db, { requestId, assigneeId: data.assigneeId }, actor);
      outcome.assigned.push(row);
    } catch (error) {
      if (error instanceof AppError) outcome.refused.push({ ...row, error: error.code, ...(error.reason ? { reason: error.reason } : {}) });
      else {
        // A failure of ours on one row (the database gone a moment) is reported with it; the others go on.
        log.error(`bulk assign failed on one request: ${errorMessage(error)}`, { requestId, staffId: actor.id });
        outcome.refused.push({ ...row, error: "unexpected" });
      }
    }
  }
  return outcome;
}
