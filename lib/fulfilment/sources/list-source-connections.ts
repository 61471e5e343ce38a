import type { Db } from "@/db/client";
import { fulfilmentSources } from "@/db/schema";
import { fulfilmentKey } from "../secrets/fulfilment-key";
import { open } from "../secrets/sealed-box";
import { describeSourceUrl } from "./source-url";

/** Where each stored source points, for the data map page: host and database, never the password. */
export async function listSourceConnections(db: Db): Promise<Map<string, { where: string; updatedAt: Date }>> {
  const key = fulfilmentKey();
  const rows = await db.select().from(fulfilmentSources);
  return new Map(
    rows.map((row) => {
      let where = "?";
      try {
        if (key) where = describeSourceUrl(open(key, row.urlSealed, `source:${row.id}`).toString("utf8"));
      } catch {
        where = "?";
      }
      return [row.id, { where, updatedAt: row.updatedAt }];
    }),
  );
}
