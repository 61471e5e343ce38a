import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { fulfilmentHttpCalls, fulfilmentRuns, fulfilmentRunSources } from "@/db/schema";
import { assertCan } from "@/lib/auth/assert-can";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { AppError } from "@/lib/errors/app-error";
import { recordRequestChange } from "@/lib/requests/record-request-change";
import { staffActor } from "@/lib/requests/staff/staff-context";
import { rearmFailedCall } from "./enqueue-http-call";
import { callEventData } from "./record-call-outcome";

/**
 * Staff try a call that failed for good once more: due now, tries counted from zero; its run's
 * source waits again and a run that failed on it goes back to collecting or executing. A call
 * still pending is the worker's (refused: call_state).
 */
export async function retryHttpCall(db: Db, input: { requestId: string; callId: string }, actor: CurrentStaff, now = new Date()): Promise<void> {
  assertCan(actor, "fulfilment.run");
  await db.transaction(async (tx) => {
    const [call] = await tx
      .select()
      .from(fulfilmentHttpCalls)
      .where(and(eq(fulfilmentHttpCalls.id, input.callId), eq(fulfilmentHttpCalls.requestId, input.requestId)))
      .for("update");
    if (!call) throw new AppError("not_found");
    if (!(await rearmFailedCall(tx, eq(fulfilmentHttpCalls.id, call.id), now))) throw new AppError("conflict", { reason: "call_state", details: { status: call.status } });
    if (call.runId) {
      await tx.update(fulfilmentRunSources).set({ state: "pending", error: null }).where(and(eq(fulfilmentRunSources.runId, call.runId), eq(fulfilmentRunSources.sourceId, call.sourceId)));
      const [run] = await tx.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.id, call.runId)).for("update");
      if (run?.status === "failed") {
        await tx
          .update(fulfilmentRuns)
          .set({ status: call.purpose === "access" ? "collecting" : "executing", error: null, updatedAt: now })
          .where(and(eq(fulfilmentRuns.id, run.id), inArray(fulfilmentRuns.status, ["failed"])));
      }
    }
    await recordRequestChange(tx, { requestId: call.requestId, kind: "http_call_retried", actor: staffActor(actor), data: callEventData(call), visibleToRequester: false });
  });
}
