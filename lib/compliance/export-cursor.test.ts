import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { rowsOf } from "@/lib/audit/record-audit-event";
import { ExportIdleError, streamCursor } from "./export-cursor";

const numbers = (to: number, from = 1) => sql`select n::text as n from generate_series(${from}::int, ${to}::int) as n order by n`;

describe.each(testEngines())("export cursor on %s", (engine) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.drop();
  });

  /** Nothing left holding a transaction: on PGlite a leftover one would block this query for good. */
  async function expectNoOpenTransaction() {
    const result = await database.db.execute(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`);
    expect(rowsOf<{ n: number }>(result)[0]!.n).toBe(0);
  }

  it("yields every row once, a batch at a time, with bind parameters in the cursor's query", async () => {
    const batches: number[][] = [];
    for await (const batch of streamCursor<{ n: string }>(database.db, numbers(7), { batchRows: 3 })) batches.push(batch.map((row) => Number(row.n)));
    expect(batches).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    await expectNoOpenTransaction();
  });

  it("yields nothing for an empty result, and ends cleanly on an exact multiple of the batch", async () => {
    const empty: unknown[] = [];
    for await (const batch of streamCursor(database.db, numbers(0), { batchRows: 3 })) empty.push(batch);
    expect(empty).toEqual([]);
    let count = 0;
    for await (const batch of streamCursor(database.db, numbers(6), { batchRows: 3 })) count += batch.length;
    expect(count).toBe(6);
  });

  it("closes the cursor's transaction when the reader stops early", async () => {
    for await (const batch of streamCursor<{ n: string }>(database.db, numbers(10_000), { batchRows: 10 })) {
      expect(batch[0]!.n).toBe("1");
      break;
    }
    await expectNoOpenTransaction();
  });

  it("reports a query that fails to the reader", async () => {
    const reading = (async () => {
      for await (const batch of streamCursor(database.db, sql`select 1 / (n - 3) from generate_series(1, 5) as n`, { batchRows: 1 })) void batch;
    })();
    const error = await reading.then(() => null, (caught: unknown) => caught as Error & { cause?: Error });
    // drizzle wraps the driver's error: the database's own message is the cause.
    expect(error?.cause?.message).toMatch(/division by zero/);
    await expectNoOpenTransaction();
  });

  it("gives up on a reader that stops asking, freeing the connection", async () => {
    const cursor = streamCursor<{ n: string }>(database.db, numbers(100), { batchRows: 10, idleTimeoutMs: 50 });
    expect((await cursor.next()).value).toHaveLength(10);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expectNoOpenTransaction();
    await expect(cursor.next()).rejects.toBeInstanceOf(ExportIdleError);
  });
});
