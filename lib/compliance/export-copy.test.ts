import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requests } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AUDIT_LOG_COLUMNS, auditLogQuery, streamAuditLog } from "./export-audit-log";
import { csvCellSql, CrlfRecordEnds, openCopyCsvStream, postgresClientOf } from "./export-copy";
import { csvEncoder } from "./export-encoders";
import { REQUEST_LOG_COLUMNS, requestLogQuery, streamRequestLog } from "./export-request-log";
import { openExportStream } from "./export-stream";
import { EXPORT_TEST_NOW, readAllBytes, requestRow, seedTrickyRequests, TRICKY_VALUES } from "./export-testing";

const ZONE = "Asia/Almaty";
const utf8 = new TextEncoder();
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("CrlfRecordEnds", () => {
  const copyOutput = 'a,"x\ny",1\n"say ""hi""\n",,b\nlast,"\r\n",\n';
  const expected = 'a,"x\ny",1\r\n"say ""hi""\n",,b\r\nlast,"\r\n",\r\n';

  it("turns record ends into CRLF and leaves line breaks inside quoted cells alone, at every chunk boundary", () => {
    const bytes = utf8.encode(copyOutput);
    for (let split = 0; split <= bytes.length; split++) {
      for (const second of [split, Math.min(bytes.length, split + 3)]) {
        const ends = new CrlfRecordEnds();
        const out = [bytes.subarray(0, split), bytes.subarray(split, second), bytes.subarray(second)].map((chunk) => text(ends.transform(chunk))).join("");
        expect(out, `split at ${split}/${second}`).toBe(expected);
        expect(ends.records).toBe(3);
      }
    }
  });
});

describe.each(testEngines())("COPY export on %s", (engine) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedTrickyRequests(database.db);
    // Empty text and NULLs must come out the same way from both paths.
    await database.db.insert(requests).values([requestRow(50, { channel: "", extensionReason: "", outcomeNote: null }), requestRow(51, { status: "in_progress", closedAt: null })]);
    for (const value of [...TRICKY_VALUES, ""]) {
      await database.db.transaction((tx) => recordAuditEvent(tx, { actorType: "staff", actorId: value, action: "test.tricky_recorded", entityType: "test", entityId: value, data: { note: value } }));
    }
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("is used on PostgreSQL only", () => {
    expect(postgresClientOf(database.db) !== null).toBe(engine === "postgres");
  });

  // COPY exists on PostgreSQL only (the test above shows PGlite never takes that path), so these
  // are defined for PostgreSQL alone rather than reported as skipped on PGlite.
  if (engine === "postgres") {
    it("writes byte for byte the CSV the cursor path writes, for both logs", async () => {
      const client = postgresClientOf(database.db)!;
      const viaCursor = await readAllBytes(await openExportStream(streamRequestLog(database.db, {}, ZONE, EXPORT_TEST_NOW), csvEncoder(REQUEST_LOG_COLUMNS)));
      let ended: { rows: number; outcome: string } | undefined;
      const viaCopy = await readAllBytes(await openCopyCsvStream(client, requestLogQuery({}, ZONE, EXPORT_TEST_NOW, csvCellSql), REQUEST_LOG_COLUMNS, (end) => (ended = end)));
      expect(text(viaCopy)).toBe(text(viaCursor));
      expect(Buffer.from(viaCopy).equals(Buffer.from(viaCursor))).toBe(true);
      expect(ended).toMatchObject({ rows: TRICKY_VALUES.length + 2, outcome: "complete" });

      const auditCursor = await readAllBytes(await openExportStream(streamAuditLog(database.db, {}, ZONE), csvEncoder(AUDIT_LOG_COLUMNS)));
      const auditCopy = await readAllBytes(await openCopyCsvStream(client, auditLogQuery({}, ZONE, csvCellSql), AUDIT_LOG_COLUMNS));
      expect(text(auditCopy)).toBe(text(auditCursor));
    });

    it("fails before the first byte when the query cannot run", async () => {
      const client = postgresClientOf(database.db)!;
      await expect(openCopyCsvStream(client, sql`select no_such_column from requests`, REQUEST_LOG_COLUMNS)).rejects.toThrow(/no_such_column/);
    });

    it("cancelled halfway, gives its connection back to the pool", { timeout: 60_000 }, async () => {
      const client = postgresClientOf(database.db)!;
      // Enough rows that COPY is still sending when the reader gives up.
      const big = sql`select repeat('x', 200) || g as filler from generate_series(1, 200000) as g`;
      const columns = [{ key: "filler", kind: "text" as const }];
      let outcome: string | undefined;
      for (let i = 0; i < 12; i++) {
        const body = await openCopyCsvStream(client, big, columns, (end) => (outcome = end.outcome));
        const reader = body.getReader();
        await reader.read();
        await reader.read();
        await reader.cancel();
      }
      expect(outcome).toBe("cancelled");
      // Twelve cancelled COPYs and a pool of ten: were any connection still stuck, this would hang.
      const [row] = await Promise.race([
        database.db.execute(sql`select 1 as one`).then((result) => (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows)),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no connection came back")), 20_000)),
      ]);
      expect(row).toEqual({ one: 1 });
    });
  }
});
