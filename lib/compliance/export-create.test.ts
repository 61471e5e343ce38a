import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, requests, staff } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { createExport } from "./export-create";
import { EXPORT_TEST_NOW, readAllBytes, requestRow } from "./export-testing";

describe.each(testEngines())("starting an export on %s", (engine) => {
  let database: TestDatabase;
  type Role = "agent" | "compliance" | "admin";
  // Filled in by beforeAll, before any test reads it.
  const people = {} as Record<Role, { id: string; role: Role }>;
  const options = { now: EXPORT_TEST_NOW, timeZone: "Asia/Almaty" };
  const exportEvents = () => database.db.select().from(auditLog).where(eq(auditLog.action, "export.created")).orderBy(desc(auditLog.id));

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    for (const role of ["agent", "compliance", "admin"] as const) {
      const [row] = await database.db.insert(staff).values({ email: `${role}@example.kz`, name: role, role }).returning();
      people[role] = { id: row!.id, role };
    }
    await database.db.insert(requests).values([requestRow(1), requestRow(2, { jurisdiction: "GDPR" })]);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("refuses an agent, and records nothing", async () => {
    expect(await createExport(database.db, { log: "requests", query: {} }, people.agent, options)).toEqual({ ok: false, error: "forbidden" });
    expect(await exportEvents()).toEqual([]);
  });

  it("refuses malformed filters with the fields named, and an unknown log, recording nothing", async () => {
    const bad = await createExport(database.db, { log: "requests", query: { format: "xlsx", from: "2026-02-30", status: "lost", jurisdiction: "kz; drop", extra: "1" } }, people.compliance, options);
    expect(bad.ok).toBe(false);
    const fields = bad.ok === false && bad.error === "invalid" ? bad.issues.map((issue) => issue.field).sort() : [];
    // "query" is the unknown parameter.
    expect(fields).toEqual(["format", "from", "jurisdiction", "query", "status"]);
    const backwards = await createExport(database.db, { log: "audit", query: { from: "2026-05-02", to: "2026-05-01" } }, people.admin, options);
    expect(backwards).toMatchObject({ ok: false, error: "invalid", issues: [{ field: "to" }] });
    const ancient = await createExport(database.db, { log: "requests", query: { from: "0001-01-01", to: "9999-12-31" } }, people.compliance, options);
    expect(ancient).toMatchObject({ ok: false, error: "invalid", issues: [{ field: "from" }, { field: "to" }] });
    expect(await createExport(database.db, { log: "staff", query: {} }, people.admin, options)).toEqual({ ok: false, error: "unknown_log" });
    expect(await exportEvents()).toEqual([]);
  });

  it("audits the export (who, which log, format and filters) before streaming it", async () => {
    const created = await createExport(database.db, { log: "requests", query: { format: "jsonl", jurisdiction: "GDPR", from: "", type: "" } }, people.compliance, options);
    if (!created.ok) throw new Error(JSON.stringify(created));
    expect(created.filename).toBe("request-log-2026-06-15.jsonl");
    expect(created.contentType).toBe("application/x-ndjson; charset=utf-8");
    // Recorded before a single byte was read.
    const [event] = await exportEvents();
    expect(event).toMatchObject({ actorType: "staff", actorId: people.compliance.id, entityType: "export", data: { log: "requests", format: "jsonl", filters: { jurisdiction: "GDPR" } } });
    const lines = new TextDecoder().decode(await readAllBytes(created.body)).trim().split("\n");
    expect(lines.map((line) => JSON.parse(line).reference)).toEqual(["DSR-2026-000002"]);
  });

  it("names a CSV file by log and day, and an admin may export too", async () => {
    const created = await createExport(database.db, { log: "audit", query: {} }, people.admin, options);
    if (!created.ok) throw new Error(JSON.stringify(created));
    expect(created.filename).toBe("audit-log-2026-06-15.csv");
    expect(created.contentType).toBe("text/csv; charset=utf-8; header=present");
    await created.body.cancel();
    expect((await exportEvents())[0]).toMatchObject({ actorId: people.admin.id, data: { log: "audit", format: "csv", filters: {} } });
  });
});
