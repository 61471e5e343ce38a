import { readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { createTestDatabase, type Engine } from "@/db/testing";
import { pgliteSource } from "./connectors/pglite-source";
import { openPostgresSource } from "./connectors/postgres-source";
import type { SourceClient } from "./connectors/source-client";
import { sampleAppData, SAMPLE_APP_SCHEMA } from "./demo/sample-app-schema";
import type { DataMap } from "./map/map-schema";
import { parseDataMap } from "./map/parse-data-map";

export const SAMPLE_MAP_PATH = path.join(process.cwd(), "db/seed/fulfilment/sample-app-map.yaml");

export function sampleMap(): DataMap {
  const parsed = parseDataMap(readFileSync(SAMPLE_MAP_PATH, "utf8"));
  if (!parsed.ok) throw new Error(`the sample map is invalid: ${JSON.stringify(parsed.problems)}`);
  return parsed.map;
}

export type SampleApp = { client: SourceClient; url: string | null; exec: (sql: string) => Promise<void>; reset: () => Promise<void>; drop: () => Promise<void> };

const RESET = "drop schema public cascade; create schema public;";

/**
 * Test support: the sample app's database, new and filled, as a source — in-memory PGlite, or a
 * throw-away database on the PostgreSQL server DATABASE_URL names (reached by URL, like a real source).
 */
export async function openSampleApp(engine: Engine, { schema = SAMPLE_APP_SCHEMA, data = sampleAppData() } = {}): Promise<SampleApp> {
  if (engine === "pglite") {
    const pglite = new PGlite();
    await pglite.exec(schema + data);
    return { client: pgliteSource(pglite), url: null, exec: async (sql) => void (await pglite.exec(sql)), reset: async () => void (await pglite.exec(RESET + schema + data)), drop: () => pglite.close() };
  }
  const database = await createTestDatabase("postgres", { migrate: false });
  if (database.engine !== "postgres") throw new Error("expected PostgreSQL");
  await database.sql.unsafe(schema + data);
  const client = openPostgresSource(database.url, { statementTimeoutSeconds: 5 });
  return {
    client,
    url: database.url,
    exec: async (sql) => void (await database.sql.unsafe(sql)),
    reset: async () => void (await database.sql.unsafe(RESET + schema + data)),
    drop: async () => {
      await client.close();
      await database.drop();
    },
  };
}
