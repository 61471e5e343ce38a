import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staff } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { createExport } from "./export-create";
import { AUDIT_LOG_COLUMNS } from "./export-audit-log";
import { REQUEST_LOG_COLUMNS } from "./export-request-log";
import { decodeKeepingBom, EXPORT_TEST_NOW, readAllBytes, seedTrickyRequests, TRICKY_VALUES } from "./export-testing";

// What each tricky value must read back as from the CSV: itself, or with the leading ' of a
// neutralised formula. Written out, not computed, so a wrong rule cannot agree with itself.
const AS_READ_BACK: Record<(typeof TRICKY_VALUES)[number], string> = {
  "Иван Петров, «Ромашка»": "Иван Петров, «Ромашка»",
  "Әсем Ғалымжанқызы: ә ғ қ ң ө ұ ү һ і — Ә Ғ Қ Ң Ө Ұ Ү Һ І": "Әсем Ғалымжанқызы: ә ғ қ ң ө ұ ү һ і — Ә Ғ Қ Ң Ө Ұ Ү Һ І",
  'He said "no", then ""yes""': 'He said "no", then ""yes""',
  "line one\nline two\r\nline three\r": "line one\nline two\r\nline three\r",
  "a,b,,c,": "a,b,,c,",
  "=cmd|' /C calc'!A0": "'=cmd|' /C calc'!A0",
  "+1+1": "'+1+1",
  "-2+3": "'-2+3",
  "@SUM(A1:A2)": "'@SUM(A1:A2)",
  "\tstarts with a tab": "'\tstarts with a tab",
  "\rstarts with a carriage return": "'\rstarts with a carriage return",
  "  spaces kept  ": "  spaces kept  ",
  "'already quoted": "'already quoted",
};

/** A real CSV parser (csv-parse), strict about quotes, keeping every space. */
function parseCsv(text: string): string[][] {
  return parse(text, { bom: true, relax_quotes: false, relax_column_count: false, trim: false, skip_empty_lines: false }) as string[][];
}

describe.each(testEngines())("CSV export round trip on %s", (engine) => {
  let database: TestDatabase;
  let compliance: { id: string; role: "compliance" };
  let references: string[];

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const [officer] = await database.db.insert(staff).values({ email: "officer@example.kz", name: "Officer", role: "compliance" }).returning();
    compliance = { id: officer!.id, role: "compliance" };
    references = await seedTrickyRequests(database.db);
    for (const value of TRICKY_VALUES) {
      await database.db.transaction((tx) => recordAuditEvent(tx, { actorType: "staff", actorId: value, action: "test.tricky_recorded", entityType: "test", entityId: value, data: { note: value, nested: [value] } }));
    }
  });
  afterAll(async () => {
    await database?.drop();
  });

  async function exportCsv(log: "requests" | "audit"): Promise<string> {
    const created = await createExport(database.db, { log, query: { format: "csv" } }, compliance, { now: EXPORT_TEST_NOW, timeZone: "Asia/Almaty" });
    if (!created.ok) throw new Error(`export refused: ${JSON.stringify(created)}`);
    const bytes = await readAllBytes(created.body);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return decodeKeepingBom(bytes);
  }

  it("reads the request log back to exactly the seeded values, formulas neutralised", async () => {
    const text = await exportCsv("requests");
    const [header, ...records] = parseCsv(text);
    expect(header).toEqual(REQUEST_LOG_COLUMNS.map((column) => column.key));
    expect(records).toHaveLength(TRICKY_VALUES.length);
    const at = (record: string[], key: string) => record[header!.indexOf(key)];
    for (const [i, value] of TRICKY_VALUES.entries()) {
      const record = records[i]!;
      expect(at(record, "reference")).toBe(references[i]);
      for (const key of ["channel", "extension_reason", "outcome", "assignee"]) expect(at(record, key), `${key} of ${JSON.stringify(value)}`).toBe(AS_READ_BACK[value]);
      expect(at(record, "status")).toBe("completed");
      expect(at(record, "extended")).toBe("yes");
      expect(at(record, "on_time")).toBe("yes");
      expect(at(record, "days_to_respond")).toBe(String(Math.round(((Date.UTC(2026, 2, 25) - Date.UTC(2026, 2, 1, 6) - (i + 1) * 60_000) / 86_400_000) * 10) / 10));
    }
    // CRLF ends each record; the line breaks inside values are the values' own.
    expect(text.endsWith("\r\n")).toBe(true);
  });

  it("reads the audit log back to exactly the stored events, JSON data intact", async () => {
    const text = await exportCsv("audit");
    const [header, ...records] = parseCsv(text);
    expect(header).toEqual(AUDIT_LOG_COLUMNS.map((column) => column.key));
    const at = (record: string[], key: string) => record[header!.indexOf(key)]!;
    const tricky = records.filter((record) => at(record, "action") === "test.tricky_recorded");
    expect(tricky.map((record) => at(record, "actor_id"))).toEqual(TRICKY_VALUES.map((value) => AS_READ_BACK[value]));
    expect(tricky.map((record) => at(record, "entity_id"))).toEqual(TRICKY_VALUES.map((value) => AS_READ_BACK[value]));
    // JSON starts with "{", so it is never touched: it parses back to what was recorded.
    expect(tricky.map((record) => JSON.parse(at(record, "data")))).toEqual(TRICKY_VALUES.map((value) => ({ note: value, nested: [value] })));
    // An export is audited before its first row is read, so this one is in its own file.
    expect(records.filter((record) => at(record, "action") === "export.created").length).toBeGreaterThanOrEqual(1);
  });
});
