import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { fulfilmentRuns, fulfilmentRunSources, requests, type FulfilmentRun } from "@/db/schema";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { AppError } from "@/lib/errors/app-error";
import { issueStatusLink } from "@/lib/requests/complete-verification";
import type { DataCategory } from "@/lib/requests/request-types";
import { applyErasure } from "../erase/apply-erasure";
import { changedRows, type SourceErasure } from "../erase/erasure-plan";
import { keyedHash } from "../secrets/sealed-box";
import { erasureEmailLines } from "./erasure-email-lines";
import { enqueueHttpCall } from "../http/enqueue-http-call";
import { identityBody } from "../http/call-bodies";
import { httpSourcesFor } from "../map/map-schema";
import { ensureRunSources, lockRun, recordRunEvent, requestIdentities, runSources, RUN_LEASE_MS, safeErrorText, type RunDeps } from "./run-support";

/** Lets tests stop a run between two sources, as a crash would. */
export type ExecuteHooks = { afterSource?: (sourceId: string) => Promise<void> | void };

/**
 * Runs an approved erasure: each source in one transaction of its own (all of its changes or
 * none), its result recorded as it commits, so a run cut short resumes with the sources not done
 * (a source whose commit was not recorded is erased again: idempotent, it then counts zero).
 * When every source is done, the requester is e-mailed what was erased and what was kept, why.
 */
export async function executeErasure(db: Db, input: { runId: string }, actor: CurrentStaff, deps: RunDeps, hooks: ExecuteHooks = {}): Promise<FulfilmentRun> {
  const now = deps.now ?? new Date();
  const { run, request } = await db.transaction(async (tx) => {
    const run = await lockRun(tx, input.runId);
    if (run.step !== "erasure") throw new AppError("not_found");
    const stale = run.status === "executing" && run.updatedAt.getTime() < now.getTime() - RUN_LEASE_MS;
    const resumable = run.status === "approved" || (run.status === "failed" && run.approvedBy !== null) || stale;
    if (!resumable) throw new AppError("conflict", { reason: "run_state", details: { status: run.status } });
    const [taken] = await tx.update(fulfilmentRuns).set({ status: "executing", updatedAt: now, error: null }).where(eq(fulfilmentRuns.id, run.id)).returning();
    if (run.status !== "approved") await recordRunEvent(tx, taken!, "resumed", actor, {});
    const [request] = await tx.select().from(requests).where(eq(requests.id, run.requestId));
    // The HTTP endpoints erase through the worker (lib/fulfilment/http): the run waits in
    // "executing" for their counts and the last answer finishes it.
    const options = run.summary as { usePhone?: boolean; useAccountId?: boolean; categories?: DataCategory[] | null };
    const subject = identityBody(requestIdentities(request!, { phone: options.usePhone, accountId: options.useAccountId }));
    await ensureRunSources(tx, run.id, httpSourcesFor(deps.map, "erasure").map((source) => source.id));
    const waiting = new Set((await runSources(tx, run.id)).filter((state) => state.state !== "done").map((state) => state.sourceId));
    for (const source of httpSourcesFor(deps.map, "erasure").filter((endpoint) => waiting.has(endpoint.id))) {
      await tx.update(fulfilmentRunSources).set({ state: "pending", error: null }).where(and(eq(fulfilmentRunSources.runId, run.id), eq(fulfilmentRunSources.sourceId, source.id)));
      await enqueueHttpCall(tx, { requestId: request!.id, runId: run.id, sourceId: source.id, purpose: "erasure", body: { reference: request!.reference, subject, categories: options.categories ?? null }, key: deps.key, now });
    }
    return { run: taken!, request: request! };
  });

  const options = run.summary as { usePhone?: boolean; useAccountId?: boolean; categories?: DataCategory[] | null };
  const identities = requestIdentities(request, { phone: options.usePhone, accountId: options.useAccountId });
  const hash = (value: string) => keyedHash(deps.key, value);
  for (const state of await runSources(db, run.id)) {
    if (state.state === "done") continue;
    const source = deps.map.sources.find((candidate) => candidate.id === state.sourceId);
    if (!source) continue;
    try {
      const client = await deps.openSource(source.id);
      let result: SourceErasure;
      try {
        result = await client.write((query) => applyErasure(query, source, identities, options.categories ?? null, hash));
      } finally {
        await client.close();
      }
      await db
        .update(fulfilmentRunSources)
        .set({ state: "done", result: result as unknown as Record<string, unknown>, error: null, finishedAt: new Date() })
        .where(and(eq(fulfilmentRunSources.runId, run.id), eq(fulfilmentRunSources.sourceId, source.id)));
      await db.update(fulfilmentRuns).set({ updatedAt: sql`now()` }).where(eq(fulfilmentRuns.id, run.id));
    } catch (error) {
      const text = safeErrorText(error);
      return db.transaction(async (tx) => {
        await tx.update(fulfilmentRunSources).set({ state: "failed", error: text }).where(and(eq(fulfilmentRunSources.runId, run.id), eq(fulfilmentRunSources.sourceId, source.id)));
        const [failed] = await tx.update(fulfilmentRuns).set({ status: "failed", error: `${source.id}: ${text}`, updatedAt: new Date() }).where(eq(fulfilmentRuns.id, run.id)).returning();
        await recordRunEvent(tx, failed!, "failed", actor, { source: source.id, phase: "execute" });
        return failed!;
      });
    }
    await hooks.afterSource?.(source.id);
  }

  return finishErasureRun(db, run.id, actor, deps);
}

/**
 * Once every source is done (the last may be an HTTP endpoint answering through the worker: actor
 * null), the run is done and the requester is e-mailed what was erased and what was kept, why.
 * A run still waiting, or not executing, is returned as it is.
 */
export async function finishErasureRun(db: Db, runId: string, actor: CurrentStaff | null, deps: RunDeps): Promise<FulfilmentRun> {
  const now = deps.now ?? new Date();
  const [run] = await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.id, runId));
  if (!run) throw new AppError("not_found");
  const states = await runSources(db, run.id);
  if (run.status !== "executing" || states.some((state) => state.state !== "done")) return run;
  const [request] = await db.select().from(requests).where(eq(requests.id, run.requestId));
  const results = states.map((state) => state.result as unknown as SourceErasure).filter(Boolean);
  const lines = await erasureEmailLines(deps.map, results, request!.locale);
  return db.transaction(async (tx) => {
    // Two finishers at once (staff and the worker): only the one that still finds it executing writes.
    const locked = await lockRun(tx, run.id);
    if (locked.status !== "executing") return locked;
    const [done] = await tx.update(fulfilmentRuns).set({ status: "done", updatedAt: new Date(), summary: { ...run.summary, results } }).where(eq(fulfilmentRuns.id, run.id)).returning();
    const statusUrl = await issueStatusLink(tx, request!, now);
    await enqueueEmail(tx, {
      requestId: request!.id,
      template: "erasure_completed",
      locale: request!.locale,
      to: request!.requesterEmail,
      replyToRequest: true,
      variables: { name: request!.requesterName, reference: request!.reference ?? "", erased: lines.erased, kept: lines.kept, statusUrl },
    });
    await recordRunEvent(tx, done!, "erasure_done", actor, { rowsChanged: results.reduce((sum, result) => sum + changedRows(result), 0), sources: results.length });
    return done!;
  });
}
