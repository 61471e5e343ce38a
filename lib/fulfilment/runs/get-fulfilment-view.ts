import type { Db } from "@/db/client";
import { asc, eq } from "drizzle-orm";
import { fulfilmentHttpCalls, fulfilmentRuns, fulfilmentRunSources, type FulfilmentHttpCall, type FulfilmentRun } from "@/db/schema";
import { DataMapError, loadDataMap } from "../map/load-data-map";

export type FulfilmentView = {
  /** null: fulfilment is off (no map). */
  map: { version: number; problems: number } | null;
  run: (Omit<FulfilmentRun, "packageSealed"> & { sources: { sourceId: string; state: string; error: string | null }[] }) | null;
  /** The request's calls to the operator's HTTP endpoints, oldest first, with the endpoint's title from the map. */
  calls: (Omit<FulfilmentHttpCall, "bodySealed"> & { title: string })[];
  /** The map in force changed since the run's dry run or collection. */
  mapChanged: boolean;
  /** The HTTP endpoints an erasure also asks, by title. */
  erasureEndpoints: string[];
};

/** What the request page's fulfilment panel shows: the map in force and the request's run (counts only). */
export async function getFulfilmentView(db: Db, requestId: string): Promise<FulfilmentView> {
  let map: FulfilmentView["map"] = null;
  const titles = new Map<string, string>();
  const erasureEndpoints: string[] = [];
  try {
    const loaded = await loadDataMap();
    map = loaded ? { version: loaded.map.version, problems: 0 } : null;
    for (const source of loaded?.map.http_sources ?? []) {
      titles.set(source.id, source.title);
      if (source.calls.erasure) erasureEndpoints.push(source.title);
    }
  } catch (error) {
    if (!(error instanceof DataMapError)) throw error;
    map = { version: 0, problems: error.problems.length };
  }
  const callRows = await db.select().from(fulfilmentHttpCalls).where(eq(fulfilmentHttpCalls.requestId, requestId)).orderBy(asc(fulfilmentHttpCalls.createdAt));
  // The sealed body (the requester's identities) never leaves the server.
  const calls = callRows.map((row) => {
    const { bodySealed, ...call } = row;
    void bodySealed;
    return { ...call, title: titles.get(call.sourceId) ?? call.sourceId };
  });
  const [row] = await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.requestId, requestId));
  if (!row) return { map, run: null, calls, mapChanged: false, erasureEndpoints };
  const { packageSealed: _package, ...run } = row;
  void _package;
  const sources = await db
    .select({ sourceId: fulfilmentRunSources.sourceId, state: fulfilmentRunSources.state, error: fulfilmentRunSources.error })
    .from(fulfilmentRunSources)
    .where(eq(fulfilmentRunSources.runId, row.id));
  return { map, run: { ...run, sources }, calls, mapChanged: map !== null && map.problems === 0 && map.version !== run.mapVersion, erasureEndpoints };
}
