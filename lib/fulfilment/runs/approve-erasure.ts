import type { Db } from "@/db/client";
import { fulfilmentRuns, type FulfilmentRun } from "@/db/schema";
import { eq } from "drizzle-orm";
import { assertCan } from "@/lib/auth/assert-can";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { AppError } from "@/lib/errors/app-error";
import { executeErasure } from "./execute-erasure";
import { lockRun, recordRunEvent, type RunDeps } from "./run-support";

/**
 * The second pair of eyes: a compliance officer or admin who did not start the erasure approves
 * its dry run, and the erasure runs at once. The one who started it is refused (four_eyes),
 * whatever their role.
 */
export async function approveErasure(db: Db, input: { runId: string }, actor: CurrentStaff, deps: RunDeps): Promise<FulfilmentRun> {
  assertCan(actor, "fulfilment.approve");
  const now = deps.now ?? new Date();
  await db.transaction(async (tx) => {
    const run = await lockRun(tx, input.runId);
    if (run.step !== "erasure") throw new AppError("not_found");
    if (run.startedBy === actor.id) throw new AppError("conflict", { reason: "four_eyes" });
    if (run.status !== "awaiting_approval") throw new AppError("conflict", { reason: "run_state", details: { status: run.status } });
    if (run.mapVersion !== deps.map.version) throw new AppError("conflict", { reason: "map_changed", details: { mapVersion: run.mapVersion, now: deps.map.version } });
    const [approved] = await tx.update(fulfilmentRuns).set({ status: "approved", approvedBy: actor.id, approvedAt: now, updatedAt: now }).where(eq(fulfilmentRuns.id, run.id)).returning();
    await recordRunEvent(tx, approved!, "erasure_approved", actor, {});
  });
  return executeErasure(db, { runId: input.runId }, actor, deps);
}
