import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { fulfilmentSources } from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { getEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { SAMPLE_MAP_FILE } from "../map/load-data-map";
import { embeddedSource } from "../sources/open-source";
import { saveSourceUrl } from "../sources/save-source-url";
import { sampleAppData, SAMPLE_APP_SCHEMA } from "./sample-app-schema";

/**
 * The zero-setup demo's sample mobile-app back end: a second embedded PGlite database in
 * DATA_DIR/sample-app, filled once, stored as the sample map's source `app`. Only with demo
 * data on, and no map of the operator's own: FULFILMENT_MAP unset, or naming a map that begins
 * with the sample map's own text (the e2e map adds an HTTP endpoint to it).
 */
export async function seedSampleApp(db: Db): Promise<void> {
  const env = getEnv();
  if (env.FULFILMENT_MAP && !(await extendsSampleMap(env.FULFILMENT_MAP))) return;
  const folder = path.join(env.DATA_DIR, "sample-app");
  const fresh = !existsSync(folder);
  if (fresh) {
    const pglite = embeddedSource(folder);
    await pglite.exec(SAMPLE_APP_SCHEMA + sampleAppData());
    log.info(`demo: sample app database created in ${path.resolve(folder)}`);
  }
  const [stored] = await db.select({ id: fulfilmentSources.id }).from(fulfilmentSources).where(eq(fulfilmentSources.id, "app"));
  if (!stored) await saveSourceUrl(db, { sourceId: "app", url: `pglite:${folder}` }, SYSTEM_ACTOR);
}

async function extendsSampleMap(file: string): Promise<boolean> {
  try {
    const [map, sample] = await Promise.all([readFile(file, "utf8"), readFile(SAMPLE_MAP_FILE, "utf8")]);
    return map.startsWith(sample);
  } catch {
    return false;
  }
}
