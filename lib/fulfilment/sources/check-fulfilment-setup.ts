import { count } from "drizzle-orm";
import type { Db } from "@/db/client";
import { fulfilmentSources } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { fulfilmentKey, MissingFulfilmentKeyError } from "../secrets/fulfilment-key";

/**
 * At start-up: sources are stored sealed, so without the key they are unusable and a new key
 * would silently store new ones under another. Refused (the caller stops the process).
 */
export async function checkFulfilmentSetup(db: Db): Promise<void> {
  if (fulfilmentKey(getEnv())) return;
  const [row] = await db.select({ sources: count() }).from(fulfilmentSources);
  if ((row?.sources ?? 0) > 0) throw new MissingFulfilmentKeyError();
}
