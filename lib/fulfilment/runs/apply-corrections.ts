import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { fulfilmentRuns, requests, type FulfilmentRun } from "@/db/schema";
import { assertCan } from "@/lib/auth/assert-can";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { AppError } from "@/lib/errors/app-error";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { parseRequestDetails } from "@/lib/requests/types";
import { applyCorrection } from "../correct/apply-correction";
import type { CorrectionMatch } from "../correct/match-corrections";
import { keyedHash } from "../secrets/sealed-box";
import { lockRun, recordRunEvent, requestIdentities, safeErrorText, type RunDeps } from "./run-support";

type Applied = { index: number; target: string; rows: number; before: string[]; after: string };

/**
 * Staff approve each mapped change (`approved`: the indexes of the request's corrections); those
 * are written, one transaction per source. The audit and the run keep keyed hashes of the values
 * before and after, never the values themselves.
 */
export async function applyCorrections(db: Db, input: { runId: string; approved: number[] }, actor: CurrentStaff, deps: RunDeps): Promise<FulfilmentRun> {
  assertCan(actor, "fulfilment.run");
  const now = deps.now ?? new Date();
  const { run, request } = await db.transaction(async (tx) => {
    const run = await lockRun(tx, input.runId);
    if (run.step !== "correction") throw new AppError("not_found");
    if (run.status !== "awaiting_approval" && run.status !== "failed") throw new AppError("conflict", { reason: "run_state", details: { status: run.status } });
    const [taken] = await tx.update(fulfilmentRuns).set({ status: "executing", approvedBy: actor.id, approvedAt: now, updatedAt: now }).where(eq(fulfilmentRuns.id, run.id)).returning();
    const [request] = await tx.select().from(requests).where(eq(requests.id, run.requestId));
    return { run: taken!, request: request! };
  });
  const corrections = parseRequestDetails("correction", request.details).corrections;
  const matches = ((run.summary as { matches?: CorrectionMatch[] }).matches ?? []).filter((match) => match.target && input.approved.includes(match.index));
  const identities = requestIdentities(request);
  const hash = (value: string) => keyedHash(deps.key, value);
  const applied: Applied[] = [];
  for (const sourceId of [...new Set(matches.map((match) => match.target!.sourceId))]) {
    const source = deps.map.sources.find((candidate) => candidate.id === sourceId);
    if (!source) continue;
    try {
      const client = await deps.openSource(sourceId);
      try {
        await client.write(async (query) => {
          for (const match of matches.filter((candidate) => candidate.target!.sourceId === sourceId)) {
            const value = corrections[match.index]!.correctedValue;
            const result = await applyCorrection(query, source, identities, { table: match.target!.table, column: match.target!.column, value });
            applied.push({ index: match.index, target: `${sourceId}.${match.target!.table}.${match.target!.column}`, rows: result.rows, before: result.previous.map(hash), after: hash(value) });
          }
        });
      } finally {
        await client.close();
      }
    } catch (error) {
      const text = safeErrorText(error);
      return db.transaction(async (tx) => {
        const [failed] = await tx.update(fulfilmentRuns).set({ status: "failed", error: `${sourceId}: ${text}`, updatedAt: new Date() }).where(eq(fulfilmentRuns.id, run.id)).returning();
        await recordRunEvent(tx, failed!, "failed", actor, { source: sourceId, phase: "correction" });
        return failed!;
      });
    }
  }
  return db.transaction(async (tx) => {
    const [done] = await tx.update(fulfilmentRuns).set({ status: "done", updatedAt: new Date(), summary: { ...run.summary, applied } }).where(eq(fulfilmentRuns.id, run.id)).returning();
    await recordRunEvent(tx, done!, "corrected", actor, { changes: applied.length, rows: applied.reduce((sum, change) => sum + change.rows, 0) });
    // The audit's own record of each change: keyed hashes of the values, never the values.
    await recordAuditEvent(tx, { actorType: "staff", actorId: actor.id, action: "fulfilment.correction_applied", entityType: "fulfilment_run", entityId: run.id, requestId: run.requestId, data: { changes: applied } });
    return done!;
  });
}
