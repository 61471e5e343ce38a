import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { fulfilmentRuns, fulfilmentRunSources, requests, type FulfilmentRun, type Request } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/auth/assert-can";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { DATA_CATEGORIES, type DataCategory } from "@/lib/requests/request-types";
import { lockRequest } from "@/lib/requests/staff/staff-context";
import type { CollectedSource } from "../package/collected-data";
import { buildAccessPackage } from "../package/build-access-package";
import { packageLabels } from "../package/package-labels";
import { open, seal } from "../secrets/sealed-box";
import { findSubjectRows } from "../traverse/find-subject-rows";
import { parseRequestDetails } from "@/lib/requests/types";
import { enqueueHttpCall } from "../http/enqueue-http-call";
import { identityBody } from "../http/call-bodies";
import { httpSourcesFor } from "../map/map-schema";
import { assertFulfillable, claimRun, DEFAULT_PACKAGE_MAX_BYTES, ensureRunSources, lockRun, PACKAGE_TOO_LARGE, recordRunEvent, requestIdentities, requireMapSources, runSources, safeErrorText, type RunDeps } from "./run-support";

export type CollectAccessInput = { requestId: string; usePhone?: boolean; useAccountId?: boolean };

/**
 * "Collect data" for an access request: searches every source of the map from the requester's
 * verified identity (read-only transactions, rows capped per collection), keeps each source's
 * rows sealed as it finishes, then builds the package and leaves the run in "preview" for staff
 * to check and approve. A run cut short (error or crash) resumes with the sources not done; a
 * second start of a finished collection is refused (one run per request and step).
 */
export async function collectAccessData(db: Db, input: CollectAccessInput, actor: CurrentStaff, deps: RunDeps): Promise<FulfilmentRun> {
  assertCan(actor, "fulfilment.run");
  const now = deps.now ?? new Date();
  const endpoints = httpSourcesFor(deps.map, "access");
  const sourceIds = [...requireMapSources(deps.map), ...endpoints.map((source) => source.id)];
  const { run, request } = await db.transaction(async (tx) => {
    const request = await lockRequest(tx, input.requestId);
    assertFulfillable(request, "access");
    const { run, resumed } = await claimRun(tx, { request, step: "access", status: "collecting", working: "collecting", resumable: ["failed"], mapVersion: deps.map.version, actor, now, summary: { usePhone: Boolean(input.usePhone), useAccountId: Boolean(input.useAccountId) } });
    await ensureRunSources(tx, run.id, sourceIds);
    await recordRunEvent(tx, run, resumed ? "resumed" : "started", actor, { sources: sourceIds.length });
    // The HTTP endpoints answer through the worker (lib/fulfilment/http); the run waits in
    // "collecting" for them and the last answer builds the package.
    const options = run.summary as { usePhone?: boolean; useAccountId?: boolean };
    const subject = identityBody(requestIdentities(request, { phone: options.usePhone, accountId: options.useAccountId }));
    const waiting = new Set((await runSources(tx, run.id)).filter((state) => state.state !== "done").map((state) => state.sourceId));
    for (const source of endpoints.filter((endpoint) => waiting.has(endpoint.id))) {
      await tx.update(fulfilmentRunSources).set({ state: "pending", error: null }).where(and(eq(fulfilmentRunSources.runId, run.id), eq(fulfilmentRunSources.sourceId, source.id)));
      await enqueueHttpCall(tx, { requestId: request.id, runId: run.id, sourceId: source.id, purpose: "access", body: { reference: request.reference, subject, categories: accessCategories(request) }, key: deps.key, now });
    }
    return { run, request };
  });

  const options = run.summary as { usePhone?: boolean; useAccountId?: boolean };
  const identities = requestIdentities(request, { phone: options.usePhone, accountId: options.useAccountId });
  for (const state of await runSources(db, run.id)) {
    if (state.state === "done") continue;
    const source = deps.map.sources.find((candidate) => candidate.id === state.sourceId);
    if (!source) continue;
    // A database source: searched here, in a read-only transaction.
    try {
      const client = await deps.openSource(source.id);
      let collections;
      try {
        collections = await client.read((query) => findSubjectRows(query, source, identities, deps.rowCap));
      } finally {
        await client.close();
      }
      const payload: CollectedSource = { sourceId: source.id, collections };
      await db
        .update(fulfilmentRunSources)
        .set({
          state: "done",
          finishedAt: new Date(),
          error: null,
          result: { collections: collections.map((collection) => ({ table: collection.table, rows: collection.rows.length, capped: collection.capped })) },
          payloadSealed: seal(deps.key, Buffer.from(JSON.stringify(payload, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value)), "utf8"), `run:${run.id}:${source.id}`),
        })
        .where(and(eq(fulfilmentRunSources.runId, run.id), eq(fulfilmentRunSources.sourceId, source.id)));
    } catch (error) {
      const text = safeErrorText(error);
      return db.transaction(async (tx) => {
        await tx.update(fulfilmentRunSources).set({ state: "failed", error: text }).where(and(eq(fulfilmentRunSources.runId, run.id), eq(fulfilmentRunSources.sourceId, source.id)));
        const [failed] = await tx.update(fulfilmentRuns).set({ status: "failed", error: `${source.id}: ${text}`, updatedAt: new Date() }).where(eq(fulfilmentRuns.id, run.id)).returning();
        await recordRunEvent(tx, failed!, "failed", actor, { source: source.id });
        return failed!;
      });
    }
  }

  return finishAccessRun(db, run.id, actor, deps);
}

/** What they asked for, read by the type's parser; no categories named means all of them. */
function accessCategories(request: Request): DataCategory[] {
  const answers = parseRequestDetails(request.type, request.details);
  return answers.type === "access" && answers.categories.length > 0 ? answers.categories : [...DATA_CATEGORIES];
}

/**
 * Once every source has answered (the last one may be an HTTP endpoint answering through the
 * worker, with no staff member at hand: actor null), builds the package from the sealed rows and
 * leaves the run in "preview". A run still waiting, or already past collecting, is returned as it is.
 */
export async function finishAccessRun(db: Db, runId: string, actor: CurrentStaff | null, deps: RunDeps): Promise<FulfilmentRun> {
  const now = deps.now ?? new Date();
  const [run] = await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.id, runId));
  if (!run) throw new AppError("not_found");
  const states = await runSources(db, run.id);
  if (run.status !== "collecting" || states.some((state) => state.state !== "done")) return run;
  const [request] = await db.select().from(requests).where(eq(requests.id, run.requestId));
  const options = run.summary as { usePhone?: boolean; useAccountId?: boolean };
  const collected: CollectedSource[] = [];
  for (const state of states) {
    if (state.payloadSealed) collected.push(JSON.parse(open(deps.key, state.payloadSealed, `run:${run.id}:${state.sourceId}`).toString("utf8")) as CollectedSource);
  }
  const categories = accessCategories(request!);
  const built = buildAccessPackage({ map: deps.map, collected, categories, reference: request!.reference ?? "", labels: await packageLabels(request!, now) });
  const limit = deps.packageMaxBytes ?? DEFAULT_PACKAGE_MAX_BYTES;
  return db.transaction(async (tx) => {
    // Two finishers at once (staff and the worker): only the one that still finds it collecting writes.
    const locked = await lockRun(tx, run.id);
    if (locked.status !== "collecting") return locked;
    if (built.zip.length > limit) {
      // Refused, not delivered: the counts stay for the preview, the package is not kept.
      const [refused] = await tx
        .update(fulfilmentRuns)
        .set({ status: "failed", updatedAt: new Date(), error: PACKAGE_TOO_LARGE, packageSealed: null, summary: { ...options, categories, counts: built.counts, packageBytes: built.zip.length, packageMaxBytes: limit } })
        .where(eq(fulfilmentRuns.id, run.id))
        .returning();
      await recordRunEvent(tx, refused!, "failed", actor, { reason: PACKAGE_TOO_LARGE, packageBytes: built.zip.length, packageMaxBytes: limit });
      return refused!;
    }
    const [ready] = await tx
      .update(fulfilmentRuns)
      .set({ status: "preview", updatedAt: new Date(), error: null, packageSealed: seal(deps.key, built.zip, `package:${run.id}`), summary: { ...options, categories, counts: built.counts, packageBytes: built.zip.length } })
      .where(eq(fulfilmentRuns.id, run.id))
      .returning();
    const rows = built.counts.reduce((sum, count) => sum + count.rows, 0);
    await recordRunEvent(tx, ready!, "collected", actor, { collections: built.counts.length, rows, capped: built.counts.filter((count) => count.capped).length });
    return ready!;
  });
}
