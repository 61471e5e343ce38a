import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { fulfilmentRuns, fulfilmentRunSources, type FulfilmentRun } from "@/db/schema";
import { DataMapError, loadDataMap } from "../map/load-data-map";

export type FulfilmentView = {
  /** null: fulfilment is off (no map). */
  map: { version: number; problems: number } | null;
  run: (Omit<FulfilmentRun, "packageSealed"> & { sources: { sourceId: string; state: string; error: string | null }[] }) | null;
};

/** What the request page's fulfilment panel shows: the map in force and the request's run (counts only). */
export async function getFulfilmentView(db: Db, requestId: string): Promise<FulfilmentView> {
  let map: FulfilmentView["map"] = null;
  try {
    const loaded = await loadDataMap();
    map = loaded ? { version: loaded.map.version, problems: 0 } : null;
  } catch (error) {
    if (!(error instanceof DataMapError)) throw error;
    map = { version: 0, problems: error.problems.length };
  }
  const [row] = await db.select().from(fulfilmentRuns).where(eq(fulfilmentRuns.requestId, requestId));
  if (!row) return { map, run: null };
  const { packageSealed: _package, ...run } = row;
  void _package;
  const sources = await db
    .select({ sourceId: fulfilmentRunSources.sourceId, state: fulfilmentRunSources.state, error: fulfilmentRunSources.error })
    .from(fulfilmentRunSources)
    .where(eq(fulfilmentRunSources.runId, row.id));
  return { map, run: { ...run, sources } };
}
