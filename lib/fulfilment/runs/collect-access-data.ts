import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { fulfilmentRuns, fulfilmentRunSources, type FulfilmentRun } from "@/db/schema";
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
import { assertFulfillable, claimRun, ensureRunSources, recordRunEvent, requestIdentities, requireMapSources, runSources, safeErrorText, type RunDeps } from "./run-support";

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
  const sourceIds = requireMapSources(deps.map);
  const { run, request } = await db.transaction(async (tx) => {
    const request = await lockRequest(tx, input.requestId);
    assertFulfillable(request, "access");
    const { run, resumed } = await claimRun(tx, { request, step: "access", status: "collecting", working: "collecting", resumable: ["failed"], mapVersion: deps.map.version, actor, now, summary: { usePhone: Boolean(input.usePhone), useAccountId: Boolean(input.useAccountId) } });
    await ensureRunSources(tx, run.id, sourceIds);
    await recordRunEvent(tx, run, resumed ? "resumed" : "started", actor, { sources: sourceIds.length });
    return { run, request };
  });

  const options = run.summary as { usePhone?: boolean; useAccountId?: boolean };
  const identities = requestIdentities(request, { phone: options.usePhone, accountId: options.useAccountId });
  for (const state of await runSources(db, run.id)) {
    if (state.state === "done") continue;
    const source = deps.map.sources.find((candidate) => candidate.id === state.sourceId);
    if (!source) continue;
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

  const collected: CollectedSource[] = [];
  for (const state of await runSources(db, run.id)) {
    if (state.payloadSealed) collected.push(JSON.parse(open(deps.key, state.payloadSealed, `run:${run.id}:${state.sourceId}`).toString("utf8")) as CollectedSource);
  }
  // What they asked for, read by the type's parser; no categories named means all of them.
  const answers = parseRequestDetails(request.type, request.details);
  const categories: DataCategory[] = answers.type === "access" && answers.categories.length > 0 ? answers.categories : [...DATA_CATEGORIES];
  const built = buildAccessPackage({ map: deps.map, collected, categories, reference: request.reference ?? "", labels: await packageLabels(request, now) });
  return db.transaction(async (tx) => {
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
