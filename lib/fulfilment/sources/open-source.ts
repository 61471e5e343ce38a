import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { fulfilmentSources } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { pgliteSource } from "../connectors/pglite-source";
import { openPostgresSource } from "../connectors/postgres-source";
import type { SourceClient } from "../connectors/source-client";
import { requireFulfilmentKey } from "../secrets/fulfilment-key";
import { open } from "../secrets/sealed-box";

// An embedded database folder can be open only once per process: kept here, never closed.
const holder = globalThis as unknown as { __privacyDeskSourcePglite?: Map<string, PGlite> };

export function embeddedSource(folder: string): PGlite {
  holder.__privacyDeskSourcePglite ??= new Map();
  const dir = path.resolve(folder);
  let pglite = holder.__privacyDeskSourcePglite.get(dir);
  if (!pglite) {
    pglite = new PGlite(dir);
    holder.__privacyDeskSourcePglite.set(dir, pglite);
  }
  return pglite;
}

export class SourceNotConfiguredError extends Error {
  constructor(readonly sourceId: string) {
    super(`source \`${sourceId}\` has no connection URL yet (an admin sets it on the data map page, or \`npm run fulfilment:source\`)`);
    this.name = "SourceNotConfiguredError";
  }
}

/** Opens a source by its map id, with its sealed URL opened under the fulfilment key. */
export async function openSource(db: Executor, sourceId: string): Promise<SourceClient> {
  const [row] = await db.select().from(fulfilmentSources).where(eq(fulfilmentSources.id, sourceId));
  if (!row) throw new SourceNotConfiguredError(sourceId);
  const url = open(requireFulfilmentKey(), row.urlSealed, `source:${sourceId}`).toString("utf8");
  if (url.startsWith("pglite:")) return pgliteSource(embeddedSource(url.slice("pglite:".length)));
  return openPostgresSource(url, { statementTimeoutSeconds: getEnv().FULFILMENT_STATEMENT_TIMEOUT_SECONDS });
}

/** How runs reach sources; tests hand in their own. */
export type SourceOpener = (sourceId: string) => Promise<SourceClient>;
