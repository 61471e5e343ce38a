import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { requests } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { newAuditSigningKey } from "@/lib/audit/audit-signing-key";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { sealAuditLog } from "@/lib/audit/seal-audit-log";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { AUDIT_LOG_COLUMNS, streamAuditLog } from "./export-audit-log";
import { jsonlEncoder } from "./export-encoders";
import type { ExportFilters } from "./export-filters";
import { openExportStream } from "./export-stream";
import { readAllBytes, requestRow } from "./export-testing";

describe.each(testEngines())("audit log export on %s", (engine) => {
  let database: TestDatabase;
  let kz: string;
  let gdpr: string;
  const key = newAuditSigningKey();

  async function recordAt(iso: string, requestId: string | null, action: string) {
    vi.setSystemTime(new Date(iso));
    await database.db.transaction((tx) => recordAuditEvent(tx, { actorType: "system", actorId: "privacy-desk", action, entityType: "request", entityId: requestId, requestId, data: { at: iso, text: "қ\n\"" } }));
  }

  async function exportRows(filters: ExportFilters) {
    const body = await openExportStream(streamAuditLog(database.db, filters, "Asia/Almaty"), jsonlEncoder(AUDIT_LOG_COLUMNS));
    return new TextDecoder().decode(await readAllBytes(body)).split("\n").filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const inserted = await database.db
      .insert(requests)
      .values([requestRow(1, { type: "deletion" }), requestRow(2, { jurisdiction: "GDPR", status: "completed" })])
      .returning({ id: requests.id });
    [kz, gdpr] = inserted.map((row) => row.id) as [string, string];
    // Only Date is faked: the database drivers keep their real timers.
    vi.useFakeTimers({ toFake: ["Date"] });
    await recordAt("2026-04-30T18:59:59.999Z", kz, "test.before_may"); // 23:59:59.999 on 30 April in Almaty
    await recordAt("2026-04-30T19:00:00.000Z", kz, "test.first_of_may");
    await recordAt("2026-05-10T12:00:00.000Z", gdpr, "test.gdpr");
    await recordAt("2026-05-31T18:59:59.999Z", null, "test.no_request");
    await recordAt("2026-05-31T19:00:00.000Z", kz, "test.first_of_june");
    vi.useRealTimers();
    await sealAuditLog(database.db, { checkpoint: "head", key, now: new Date("2026-06-01T00:00:00.000Z") });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("copies every row as stored, seals included, with the request's reference and the checkpoint on the row it signs", async () => {
    const rows = await exportRows({});
    expect(rows.map((row) => row.action)).toEqual(["test.before_may", "test.first_of_may", "test.gdpr", "test.no_request", "test.first_of_june"]);
    expect(Object.keys(rows[0]!)).toEqual(AUDIT_LOG_COLUMNS.map((column) => column.key));
    expect(rows[0]).toMatchObject({ occurred_at: "2026-04-30T18:59:59.999Z", actor_type: "system", request_id: kz, request_reference: "DSR-2026-000001", data: { at: "2026-04-30T18:59:59.999Z", text: "қ\n\"" } });
    expect(rows[3]).toMatchObject({ request_id: null, request_reference: null });
    expect(typeof rows[0]!.id).toBe("number");
    // The copy carries the chain: each row's prev_hash is the hash before it, ending at the live chain's last hash.
    expect(rows.map((row) => row.seq)).toEqual([1, 2, 3, 4, 5]);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    const chain = await verifyAuditChain(database.db, { trustedKeys: [key] });
    expect(chain).toMatchObject({ ok: true, lastHash: rows.at(-1)!.hash, checkpoints: 1 });
    expect(rows.slice(0, 4).every((row) => row.checkpoint_signature === null)).toBe(true);
    expect(rows[4]).toMatchObject({ checkpoint_signed_at: "2026-06-01T00:00:00.000Z", checkpoint_key_id: key.keyId });
    expect(typeof rows[4]!.checkpoint_signature).toBe("string");
  });

  it("filters by the days of the event in the operator's zone, and by the request's type, status and jurisdiction", async () => {
    const actions = async (filters: ExportFilters) => (await exportRows(filters)).map((row) => row.action);
    expect(await actions({ from: "2026-05-01", to: "2026-05-31" })).toEqual(["test.first_of_may", "test.gdpr", "test.no_request"]);
    expect(await actions({ to: "2026-04-30" })).toEqual(["test.before_may"]);
    expect(await actions({ jurisdiction: "GDPR" })).toEqual(["test.gdpr"]);
    expect(await actions({ type: "deletion", from: "2026-05-01" })).toEqual(["test.first_of_may", "test.first_of_june"]);
    expect(await actions({ status: "completed" })).toEqual(["test.gdpr"]);
  });
});
