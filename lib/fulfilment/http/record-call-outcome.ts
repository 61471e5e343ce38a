import { and, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { fulfilmentRuns, fulfilmentRunSources, type FulfilmentHttpCall } from "@/db/schema";
import { settleClaim } from "@/lib/jobs/leased-queue";
import { errorMessage, log } from "@/lib/log";
import { recordRequestChange } from "@/lib/requests/record-request-change";
import type { SourceErasure } from "../erase/erasure-plan";
import type { CollectedSource } from "../package/collected-data";
import { finishAccessRun } from "../runs/collect-access-data";
import { finishErasureRun } from "../runs/execute-erasure";
import type { RunDeps } from "../runs/run-support";
import { seal } from "../secrets/sealed-box";
import type { AccessAnswer, ParsedAnswer } from "./call-answers";
import { HTTP_CALL_QUEUE } from "./http-call-queue";

const SYSTEM = { type: "system" as const, id: "fulfilment" };

/** The event's common part: which call, to whom, for what, after how many tries. */
export const callEventData = (call: FulfilmentHttpCall) => ({ callId: call.id, source: call.sourceId, purpose: call.purpose, attempts: call.attempts });

/** Only the collections and fields the map declares for this endpoint, rows capped: nothing else is kept. */
function collectedFromAnswer(call: FulfilmentHttpCall, answer: AccessAnswer, deps: RunDeps): CollectedSource {
  const source = deps.map.http_sources.find((candidate) => candidate.id === call.sourceId);
  const collections = (source?.collections ?? []).map((collection) => {
    const rows = answer.collections.filter((found) => found.table === collection.table).flatMap((found) => found.rows);
    const columns = collection.fields.map((field) => field.column);
    return { table: collection.table, capped: rows.length > deps.rowCap, rows: rows.slice(0, deps.rowCap).map((row) => Object.fromEntries(columns.map((column) => [column, row[column] ?? null]))) };
  });
  return { sourceId: call.sourceId, collections };
}

/**
 * A call answered: the call done with its counts, the run's source done (an access answer's rows
 * sealed like a database's, an erasure's counts as its result), an event on the timeline — one
 * transaction, written only while the claim is still ours. Then the run is finished if this was
 * the last source it waited for.
 */
export async function recordCallAnswer(db: Db, call: FulfilmentHttpCall, parsed: ParsedAnswer, deps: RunDeps): Promise<void> {
  const now = new Date();
  const recorded = await db.transaction(async (tx) => {
    let counts: { rows?: number; erased?: number; actions?: string };
    let runSource: Partial<typeof fulfilmentRunSources.$inferInsert> = {};
    if (parsed.purpose === "access") {
      const collected = collectedFromAnswer(call, parsed.answer, deps);
      counts = { rows: collected.collections.reduce((sum, collection) => sum + collection.rows.length, 0) };
      runSource = {
        result: { collections: collected.collections.map((collection) => ({ table: collection.table, rows: collection.rows.length, capped: collection.capped })) },
        payloadSealed: seal(deps.key, Buffer.from(JSON.stringify(collected), "utf8"), `run:${call.runId}:${call.sourceId}`),
      };
    } else if (parsed.purpose === "erasure") {
      const result: SourceErasure = { sourceId: call.sourceId, collections: Object.entries(parsed.answer.counts).map(([table, rows]) => ({ table, action: "delete_row" as const, rows })) };
      counts = { erased: result.collections.reduce((sum, step) => sum + step.rows, 0) };
      runSource = { result: result as unknown as Record<string, unknown> };
    } else {
      counts = { actions: parsed.answer.actions.join(", ") };
    }
    if (!(await settleClaim(tx, HTTP_CALL_QUEUE, call, { status: "done", answer: counts, lastError: null, finishedAt: now }))) return false;
    if (call.runId) {
      await tx
        .update(fulfilmentRunSources)
        .set({ state: "done", error: null, finishedAt: now, ...runSource })
        .where(and(eq(fulfilmentRunSources.runId, call.runId), eq(fulfilmentRunSources.sourceId, call.sourceId)));
      await tx.update(fulfilmentRuns).set({ updatedAt: now }).where(eq(fulfilmentRuns.id, call.runId));
    }
    await recordRequestChange(tx, { requestId: call.requestId, kind: "http_call_answered", actor: SYSTEM, data: { ...callEventData(call), ...counts }, visibleToRequester: false });
    return true;
  });
  if (!recorded) {
    log.warn("fulfilment HTTP call claim was lost before its answer was recorded", { callId: call.id });
    return;
  }
  if (!call.runId) return;
  try {
    if (call.purpose === "access") await finishAccessRun(db, call.runId, null, deps);
    else if (call.purpose === "erasure") await finishErasureRun(db, call.runId, null, deps);
  } catch (error) {
    log.error("finishing a fulfilment run after an HTTP answer failed", { runId: call.runId, error: errorMessage(error).slice(0, 300) });
  }
}

/** Given up: the call failed, its run's source and the run failed (shown on the request page, retried by staff), an event on the timeline. */
export async function recordCallFailure(db: Db, call: FulfilmentHttpCall, error: string, now = new Date()): Promise<void> {
  await db.transaction(async (tx: Tx) => {
    if (!(await settleClaim(tx, HTTP_CALL_QUEUE, call, { status: "failed", lastError: error.slice(0, 500), finishedAt: now }))) return;
    if (call.runId) {
      await tx.update(fulfilmentRunSources).set({ state: "failed", error }).where(and(eq(fulfilmentRunSources.runId, call.runId), eq(fulfilmentRunSources.sourceId, call.sourceId)));
      await tx
        .update(fulfilmentRuns)
        .set({ status: "failed", error: `${call.sourceId}: ${error}`.slice(0, 500), updatedAt: now })
        .where(and(eq(fulfilmentRuns.id, call.runId), inArray(fulfilmentRuns.status, ["collecting", "executing"])));
    }
    await recordRequestChange(tx, { requestId: call.requestId, kind: "http_call_failed", actor: SYSTEM, data: { ...callEventData(call), error: error.slice(0, 300) }, visibleToRequester: false });
  });
}

/** Not answered this time: the next try scheduled, what went wrong kept for the request page. */
export async function recordCallRetry(db: Db, call: FulfilmentHttpCall, error: string, nextAttemptAt: Date): Promise<void> {
  await settleClaim(db, HTTP_CALL_QUEUE, call, { nextAttemptAt, lastError: error.slice(0, 500) });
}
