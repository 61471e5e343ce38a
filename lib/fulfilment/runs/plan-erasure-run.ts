import { and, eq, notInArray } from "drizzle-orm";
import { parseRequestDetails } from "@/lib/requests/types";
import type { Db } from "@/db/client";
import { fulfilmentRuns, fulfilmentRunSources, type FulfilmentRun, type Request } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/auth/assert-can";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import type { DataCategory } from "@/lib/requests/request-types";
import { lockRequest } from "@/lib/requests/staff/staff-context";
import { changedRows, planErasure, type SourceErasure } from "../erase/erasure-plan";
import { findSubjectRows } from "../traverse/find-subject-rows";
import { httpSourcesFor } from "../map/map-schema";
import { assertFulfillable, claimRun, ensureRunSources, lockRun, recordRunEvent, requestIdentities, requireMapSources, safeErrorText, type RunDeps } from "./run-support";

export type PlanErasureInput = { requestId: string; usePhone?: boolean; useAccountId?: boolean };

/** The categories a deletion request covers: all (whole account) or the ones the requester chose. */
export function erasureCategories(request: Pick<Request, "type" | "details">): DataCategory[] | null {
  const answers = parseRequestDetails(request.type, request.details);
  return answers.type === "deletion" && answers.scope === "categories" ? answers.categories : null;
}

/**
 * The dry run of a deletion: per source, what erasure would delete, null, mask, hash or keep
 * (counts and the map's reasons), from read-only transactions. The run then waits for a second
 * staff member's approval (approve-erasure.ts). A failed dry run resumes when started again.
 */
export async function planErasureRun(db: Db, input: PlanErasureInput, actor: CurrentStaff, deps: RunDeps): Promise<FulfilmentRun> {
  assertCan(actor, "fulfilment.run");
  const now = deps.now ?? new Date();
  const sourceIds = requireMapSources(deps.map);
  const { run, request } = await db.transaction(async (tx) => {
    const request = await lockRequest(tx, input.requestId);
    assertFulfillable(request, "deletion");
    const { run, resumed } = await claimRun(tx, {
      request,
      step: "erasure",
      status: "planning",
      working: "planning",
      // Failed before approval: plan again (a failure after approval resumes through executeErasure).
      resumable: [],
      mapVersion: deps.map.version,
      actor,
      now,
      summary: { usePhone: Boolean(input.usePhone), useAccountId: Boolean(input.useAccountId) },
    }).catch(async (error: unknown) => {
      const [existing] = await tx.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.requestId, request.id));
      if (existing?.step === "erasure" && existing.status === "failed" && !existing.approvedBy) {
        const [taken] = await tx.update(fulfilmentRuns).set({ status: "planning", updatedAt: now, error: null, startedBy: actor.id }).where(eq(fulfilmentRuns.id, existing.id)).returning();
        return { run: taken!, resumed: true };
      }
      throw error;
    });
    await ensureRunSources(tx, run.id, sourceIds);
    await recordRunEvent(tx, run, resumed ? "resumed" : "started", actor, { sources: sourceIds.length });
    return { run, request };
  });

  return writePlan(db, run, request, actor, deps);
}

/**
 * "Plan again" after the data map changed under a dry run that waits for approval (approval is
 * refused then: map_changed): the same run, planned again from scratch against the map in force,
 * with whoever plans it as its starter (so the four-eyes rule applies to them).
 */
export async function planErasureAgain(db: Db, input: { runId: string }, actor: CurrentStaff, deps: RunDeps): Promise<FulfilmentRun> {
  assertCan(actor, "fulfilment.run");
  const now = deps.now ?? new Date();
  const sourceIds = requireMapSources(deps.map);
  const { run, request } = await db.transaction(async (tx) => {
    const locked = await lockRun(tx, input.runId);
    if (locked.step !== "erasure") throw new AppError("not_found");
    if (locked.status !== "awaiting_approval" && !(locked.status === "failed" && !locked.approvedBy)) throw new AppError("conflict", { reason: "run_state", details: { status: locked.status } });
    const request = await lockRequest(tx, locked.requestId);
    assertFulfillable(request, "deletion");
    const [run] = await tx
      .update(fulfilmentRuns)
      .set({ status: "planning", mapVersion: deps.map.version, startedBy: actor.id, error: null, updatedAt: now })
      .where(eq(fulfilmentRuns.id, locked.id))
      .returning();
    // Sources the new map no longer has would keep the erasure waiting for ever.
    const keep = [...sourceIds, ...httpSourcesFor(deps.map, "erasure").map((source) => source.id)];
    await tx.delete(fulfilmentRunSources).where(and(eq(fulfilmentRunSources.runId, run!.id), notInArray(fulfilmentRunSources.sourceId, keep)));
    await ensureRunSources(tx, run!.id, sourceIds);
    await recordRunEvent(tx, run!, "resumed", actor, { replanned: true, previousMapVersion: locked.mapVersion });
    return { run: run!, request };
  });
  return writePlan(db, run, request, actor, deps);
}

/** The dry run itself: every database source searched read-only, the plan kept on the run, which then waits for approval. */
async function writePlan(db: Db, run: FulfilmentRun, request: Request, actor: CurrentStaff, deps: RunDeps): Promise<FulfilmentRun> {
  const options = run.summary as { usePhone?: boolean; useAccountId?: boolean };
  const identities = requestIdentities(request, { phone: options.usePhone, accountId: options.useAccountId });
  const categories = erasureCategories(request);
  const plan: SourceErasure[] = [];
  for (const source of deps.map.sources) {
    try {
      const client = await deps.openSource(source.id);
      try {
        plan.push(planErasure(source, await client.read((query) => findSubjectRows(query, source, identities, null)), categories));
      } finally {
        await client.close();
      }
    } catch (error) {
      const text = safeErrorText(error);
      return db.transaction(async (tx) => {
        const [failed] = await tx.update(fulfilmentRuns).set({ status: "failed", error: `${source.id}: ${text}`, updatedAt: new Date() }).where(eq(fulfilmentRuns.id, run.id)).returning();
        await recordRunEvent(tx, failed!, "failed", actor, { source: source.id, phase: "dry_run" });
        return failed!;
      });
    }
  }
  return db.transaction(async (tx) => {
    const [planned] = await tx
      .update(fulfilmentRuns)
      .set({ status: "awaiting_approval", updatedAt: new Date(), summary: { ...options, categories, plan } })
      .where(eq(fulfilmentRuns.id, run.id))
      .returning();
    await recordRunEvent(tx, planned!, "erasure_planned", actor, { rowsToChange: plan.reduce((sum, source) => sum + changedRows(source), 0) });
    return planned!;
  });
}
