import type { Db } from "@/db/client";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { loadDataMap } from "../map/load-data-map";
import { requireFulfilmentKey } from "../secrets/fulfilment-key";
import { openSource } from "../sources/open-source";
import type { RunDeps } from "./run-support";

/** The app's own wiring of a run: the map in force, sources from the sealed URLs, the key, the cap. */
export async function appRunDeps(db: Db): Promise<RunDeps> {
  const loaded = await loadDataMap();
  if (!loaded) throw new AppError("conflict", { reason: "fulfilment_off" });
  return { map: loaded.map, openSource: (sourceId) => openSource(db, sourceId), key: requireFulfilmentKey(), rowCap: getEnv().FULFILMENT_ROW_CAP, packageMaxBytes: getEnv().FULFILMENT_PACKAGE_MAX_MB * 1024 * 1024 };
}
