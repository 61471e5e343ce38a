import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requests, staff } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { jsonlEncoder } from "./export-encoders";
import type { ExportFilters } from "./export-filters";
import { REQUEST_LOG_COLUMNS, streamRequestLog } from "./export-request-log";
import { openExportStream } from "./export-stream";
import { EXPORT_TEST_NOW, readAllBytes, requestRow, seedTrickyRequests, TRICKY_VALUES } from "./export-testing";

const ZONE = "Asia/Almaty"; // UTC+5

async function exportRows(db: TestDatabase["db"], filters: ExportFilters): Promise<Record<string, unknown>[]> {
  const body = await openExportStream(streamRequestLog(db, filters, ZONE, EXPORT_TEST_NOW), jsonlEncoder(REQUEST_LOG_COLUMNS));
  const text = new TextDecoder().decode(await readAllBytes(body));
  expect(text.endsWith("\n") || text === "").toBe(true);
  return text.split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe.each(testEngines())("request log export on %s", (engine) => {
  let tricky: TestDatabase;
  let filtered: TestDatabase;

  beforeAll(async () => {
    tricky = await createTestDatabase(engine);
    await seedTrickyRequests(tricky.db);

    filtered = await createTestDatabase(engine);
    const [agent] = await filtered.db.insert(staff).values({ email: "agent@example.kz", name: "Агент", role: "agent" }).returning();
    const day = (iso: string) => new Date(iso);
    await filtered.db.insert(requests).values([
      // 2026-03-31 20:00 UTC is already 1 April in Almaty.
      requestRow(1, { createdAt: day("2026-03-31T20:00:00Z"), status: "completed", closedAt: day("2026-04-11T08:00:00Z"), dueAt: day("2026-04-30T18:59:59Z"), assigneeId: agent!.id }),
      requestRow(2, { createdAt: day("2026-03-31T18:00:00Z"), type: "deletion", status: "denied", denialReason: "no_match", closedAt: day("2026-05-10T00:00:00Z"), dueAt: day("2026-04-30T18:59:59Z") }),
      requestRow(3, { createdAt: day("2026-04-15T10:00:00Z"), jurisdiction: "GDPR", status: "in_progress", dueAt: day("2026-05-15T10:00:00Z") }),
      requestRow(4, { createdAt: day("2026-04-30T18:30:00Z"), status: "new", dueAt: day("2026-07-01T00:00:00Z"), extendedAt: day("2026-05-20T00:00:00Z"), extensionReason: "complex" }),
      requestRow(5, { createdAt: day("2026-04-30T19:30:00Z"), status: "withdrawn", closedAt: day("2026-05-01T00:00:00Z") }),
      requestRow(6, { createdAt: day("2026-04-02T00:00:00Z"), status: "unverified", reference: null, verifiedAt: null, dueAt: null, originalDueAt: null }),
    ]);
  });
  afterAll(async () => {
    await tricky?.drop();
    await filtered?.drop();
  });

  it("writes JSON Lines that parse back to exactly the seeded values, typed and not neutralised", async () => {
    const rows = await exportRows(tricky.db, {});
    expect(rows).toHaveLength(TRICKY_VALUES.length);
    for (const [i, value] of TRICKY_VALUES.entries()) {
      expect(Object.keys(rows[i]!)).toEqual(REQUEST_LOG_COLUMNS.map((column) => column.key));
      expect(rows[i]).toMatchObject({ channel: value, extension_reason: value, outcome: value, assignee: value, assignee_email: `tricky${i}@example.kz` });
      expect(rows[i]).toMatchObject({ extended: true, on_time: true, status: "completed", responded_at: "2026-03-25T00:00:00.000Z", extended_at: "2026-03-20T00:00:00.000Z" });
      expect(typeof rows[i]!.days_to_respond).toBe("number");
    }
  });

  it("reads each request the compliance way: answer date, days to respond, on time", async () => {
    const byReference = Object.fromEntries((await exportRows(filtered.db, {})).map((row) => [row.reference, row]));
    expect(byReference["DSR-2026-000001"]).toMatchObject({ received_at: "2026-03-31T20:00:00.000Z", responded_at: "2026-04-11T08:00:00.000Z", days_to_respond: 10.5, on_time: true, assignee: "Агент", extended: false, extended_at: null });
    expect(byReference["DSR-2026-000002"]).toMatchObject({ status: "denied", denial_reason: "no_match", on_time: false, assignee: null });
    // Open and past due at EXPORT_TEST_NOW: late already; open and not yet due: no verdict.
    expect(byReference["DSR-2026-000003"]).toMatchObject({ responded_at: null, days_to_respond: null, on_time: false });
    expect(byReference["DSR-2026-000004"]).toMatchObject({ on_time: null, extended: true, extension_reason: "complex" });
    // Withdrawn is closed but not answered.
    expect(byReference["DSR-2026-000005"]).toMatchObject({ responded_at: null, days_to_respond: null, on_time: null });
  });

  it("filters by days in the operator's time zone, type, status and jurisdiction", async () => {
    const refs = async (filters: ExportFilters) => (await exportRows(filtered.db, filters)).map((row) => row.reference);
    // Received requests only, in order of receipt; the unconfirmed attempt is left out.
    expect(await refs({})).toEqual(["DSR-2026-000002", "DSR-2026-000001", "DSR-2026-000003", "DSR-2026-000004", "DSR-2026-000005"]);
    expect(await refs({ from: "2026-04-01", to: "2026-04-30" })).toEqual(["DSR-2026-000001", "DSR-2026-000003", "DSR-2026-000004"]);
    expect(await refs({ to: "2026-03-31" })).toEqual(["DSR-2026-000002"]);
    expect(await refs({ from: "2026-05-01" })).toEqual(["DSR-2026-000005"]);
    expect(await refs({ type: "deletion" })).toEqual(["DSR-2026-000002"]);
    expect(await refs({ status: "in_progress" })).toEqual(["DSR-2026-000003"]);
    expect(await refs({ jurisdiction: "GDPR" })).toEqual(["DSR-2026-000003"]);
    expect(await refs({ status: "unverified" })).toEqual([null]);
    expect(await refs({ jurisdiction: "KZ", type: "access", status: "completed", from: "2026-04-01", to: "2026-04-01" })).toEqual(["DSR-2026-000001"]);
    expect(await refs({ jurisdiction: "CCPA" })).toEqual([]);
  });
});
