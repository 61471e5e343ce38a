import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/lib/audit/record-audit-event";
import { migrateDatabase } from "./migrate";
import { createTestDatabase, testEngines, type TestDatabase } from "./testing";

type Column = { table_name: string; column_name: string; data_type: string; is_nullable: string };

async function describeSchema(database: TestDatabase): Promise<Column[]> {
  const result = await database.db.execute(sql`
    select table_name, column_name, data_type, is_nullable
    from information_schema.columns
    where table_schema = 'public'
    order by table_name, column_name`);
  return rowsOf<Column>(result);
}

const schemas = new Map<string, Column[]>();

describe.each(testEngines())("migrations on %s", (engine) => {
  let database: TestDatabase;
  // Starting an engine (PGlite's first start compiles its WASM) is setup, not the migration under test.
  beforeAll(async () => {
    database = await createTestDatabase(engine, { migrate: false });
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("apply to an empty database and create every table", async () => {
    expect(await describeSchema(database)).toEqual([]);
    await migrateDatabase(database);
    const columns = await describeSchema(database);
    const tables = new Set(columns.map((c) => c.table_name));
    expect(tables).toContain("audit_log");
    expect(tables).toContain("policy_versions");
    schemas.set(engine, columns);
  });

  it("are a no-op when applied again", async () => {
    const before = await describeSchema(database);
    await migrateDatabase(database);
    expect(await describeSchema(database)).toEqual(before);
  });

  it("give every engine the same schema", () => {
    const reference = schemas.get("pglite");
    expect(reference).toBeDefined();
    expect(schemas.get(engine)).toEqual(reference);
  });
});
