import { count, desc, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog, requests, staff, type NewRequest } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { recordAuditEvent, type AuditEvent } from "@/lib/audit/record-audit-event";
import { auditValueText, describeAuditData } from "./describe-audit-data";
import { listAuditFilterOptions } from "./list-audit-filter-options";
import { AUDIT_PAGE_SIZE, idsInAuditData, listAuditLog, type AuditLogPage } from "./list-audit-log";
import { verifyAuditLog } from "./verify-audit-log";

// UTC+5 all year (no daylight saving), so local-day boundaries are easy to state.
const ZONE = "Asia/Tashkent";
const BULK = 120;

function request(reference: string): NewRequest {
  const at = new Date("2026-03-01T00:00:00Z");
  return { reference, type: "access", status: "new", locale: "ru", jurisdiction: "KZ", requesterName: "Person", requesterEmail: `${reference.toLowerCase()}@example.kz`, details: {}, consentAt: at, verifyBy: at, verifiedAt: at };
}

describe.each(testEngines())("audit log page on %s", (engine) => {
  let database: TestDatabase;
  let agent: { id: string; role: "agent" };
  let compliance: { id: string; role: "compliance" };
  let admin: { id: string; role: "admin" };
  let requestA: string;
  let requestB: string;
  /** Ids of the six hand-made events, in the order they happened. */
  const ev: number[] = [];

  const list = (input: Record<string, unknown>, me: { role: "agent" | "compliance" | "admin" } = compliance) => listAuditLog(database.db, input, me, ZONE);
  const idsOf = (page: AuditLogPage) => page.items.map((item) => item.id);

  /** Appends an event as if it happened at `at` (the recorder stamps rows with the clock). */
  async function recordAt(at: string, event: AuditEvent): Promise<number> {
    vi.setSystemTime(new Date(at));
    try {
      return (await database.db.transaction((tx) => recordAuditEvent(tx, event))).id;
    } finally {
      vi.setSystemTime(vi.getRealSystemTime());
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const [a, c, d] = await database.db
      .insert(staff)
      .values([
        { email: "agent@example.kz", name: "Aigerim Agent", role: "agent" },
        { email: "compliance@example.kz", name: "Bolat Compliance", role: "compliance" },
        { email: "admin@example.kz", name: "Saule Admin", role: "admin" },
      ])
      .returning();
    agent = { id: a!.id, role: "agent" };
    compliance = { id: c!.id, role: "compliance" };
    admin = { id: d!.id, role: "admin" };
    const [ra, rb] = await database.db.insert(requests).values([request("DSR-2026-000001"), request("DSR-2026-000002")]).returning();
    requestA = ra!.id;
    requestB = rb!.id;

    vi.useFakeTimers({ toFake: ["Date"] });
    // Local time is UTC+5: 18:30Z on 1 March is 23:30 local, still 1 March.
    ev.push(await recordAt("2026-03-01T18:30:00Z", { actorType: "requester", actorId: requestA, action: "request.submitted", entityType: "request", entityId: requestA, requestId: requestA }));
    ev.push(await recordAt("2026-03-01T19:10:00Z", { actorType: "email", actorId: "3f1c9b52-8d0e-4b8a-9a57-1f6c2b7e0d11", action: "inbound_email.processed", entityType: "inbound_email", requestId: requestA, data: { kind: "reply" } }));
    ev.push(await recordAt("2026-03-02T05:00:00Z", { actorType: "staff", actorId: agent.id, action: "request.status_changed", entityType: "request", entityId: requestA, requestId: requestA, data: { from: "new", to: "in_progress" } }));
    ev.push(await recordAt("2026-03-02T18:59:59Z", { actorType: "staff", actorId: admin.id, action: "staff.role_changed", entityType: "staff", entityId: agent.id, data: { before: "agent", after: "compliance" } }));
    ev.push(await recordAt("2026-03-02T19:00:00Z", { actorType: "system", actorId: "privacy-desk", action: "request.expired", entityType: "request", entityId: requestB, requestId: requestB }));
    ev.push(await recordAt("2026-03-03T07:00:00Z", { actorType: "staff", actorId: compliance.id, action: "staff.signed_in", entityType: "staff", entityId: compliance.id, data: { ip: "10.0.0.1" } }));
    for (let i = 0; i < BULK; i++) await recordAt("2026-03-10T06:00:00Z", { actorType: "system", action: "test.bulk_step", entityType: "test", data: { i } });
    vi.useRealTimers();
  });
  afterAll(async () => {
    vi.useRealTimers();
    await database?.drop();
  });

  it("shows who acted, on which request, newest first", async () => {
    const page = await list({ before: ev[5]! + 1 });
    expect(idsOf(page)).toEqual([...ev].reverse());
    const byId = new Map(page.items.map((item) => [item.id, item]));
    expect(byId.get(ev[0]!)).toMatchObject({ actor: { type: "requester", requestReference: "DSR-2026-000001", staffName: null }, request: { id: requestA, reference: "DSR-2026-000001" } });
    expect(byId.get(ev[2]!)).toMatchObject({ actor: { type: "staff", id: agent.id, staffName: "Aigerim Agent" }, action: "request.status_changed", data: { from: "new", to: "in_progress" } });
    expect(byId.get(ev[3]!)).toMatchObject({ actor: { staffName: "Saule Admin" }, request: null });
    expect(byId.get(ev[4]!)).toMatchObject({ actor: { type: "system", id: "privacy-desk" }, request: { reference: "DSR-2026-000002" } });
    // The staff member whose role changed is named too (the row's entity).
    expect(page.names.staff).toMatchObject({ [agent.id]: "Aigerim Agent", [admin.id]: "Saule Admin" });
  });

  it("filters by actor type and by staff member", async () => {
    expect(idsOf(await list({ actorType: "requester" }))).toEqual([ev[0]]);
    expect(idsOf(await list({ actorType: "email" }))).toEqual([ev[1]]);
    expect(idsOf(await list({ actorType: "staff" }))).toEqual([ev[5], ev[3], ev[2]]);
    expect(idsOf(await list({ actor: agent.id }))).toEqual([ev[2]]);
    expect(idsOf(await list({ actor: admin.id, actorType: "staff" }))).toEqual([ev[3]]);
    expect(idsOf(await list({ actor: admin.id, actorType: "system" }))).toEqual([]);
  });

  it("filters by request, typed as a reference in any case or as an id", async () => {
    const onA = [ev[2], ev[1], ev[0]];
    expect(idsOf(await list({ request: "dsr-2026-000001" }))).toEqual(onA);
    expect(idsOf(await list({ request: "2026-1" }))).toEqual(onA);
    expect(idsOf(await list({ request: requestB.toUpperCase() }))).toEqual([ev[4]]);
    expect(idsOf(await list({ request: "DSR-2026-000999" }))).toEqual([]);
    expect(idsOf(await list({ request: "not a reference" }))).toEqual([]);
  });

  it("filters by action: exact code, domain prefix, or a prefix with *", async () => {
    expect(idsOf(await list({ action: "staff.role_changed" }))).toEqual([ev[3]]);
    expect(idsOf(await list({ action: "request." }))).toEqual([ev[4], ev[2], ev[0]]);
    expect(idsOf(await list({ action: "Request" }))).toEqual([ev[4], ev[2], ev[0]]);
    expect(idsOf(await list({ action: "request.status*" }))).toEqual([ev[2]]);
    // Not a code on its own, and "_" is not a wildcard.
    expect(idsOf(await list({ action: "request.status" }))).toEqual([]);
    expect(idsOf(await list({ action: "request_*" }))).toEqual([]);
  });

  it("filters by local dates in the operator's time zone, both ends inclusive", async () => {
    expect(idsOf(await list({ to: "2026-03-01" }))).toEqual([ev[0]]);
    expect(idsOf(await list({ from: "2026-03-02", to: "2026-03-02" }))).toEqual([ev[3], ev[2], ev[1]]);
    expect(idsOf(await list({ from: "2026-03-03", to: "2026-03-09" }))).toEqual([ev[5], ev[4]]);
    // A malformed date is ignored, like every malformed filter.
    expect((await list({ from: "yesterday", actorType: "nobody", action: "'; drop table audit_log" })).filters).toMatchObject({ from: undefined, actorType: undefined, action: undefined });
  });

  it("pages newest first through every row exactly once", async () => {
    const seen: number[] = [];
    let before: number | undefined;
    for (let pageNo = 0; pageNo < 10; pageNo++) {
      const page = await list({ before });
      expect(page.items.length).toBeLessThanOrEqual(AUDIT_PAGE_SIZE);
      seen.push(...idsOf(page));
      if (!page.nextBefore) break;
      before = page.nextBefore;
    }
    const [{ total }] = (await database.db.select({ total: count() }).from(auditLog)) as [{ total: number }];
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toEqual([...seen].sort((x, y) => y - x));
    // Paging keeps the filters.
    const first = await list({ action: "test." });
    const second = await list({ action: "test.", before: first.nextBefore });
    expect(first.items).toHaveLength(AUDIT_PAGE_SIZE);
    expect(second.items.every((item) => item.action === "test.bulk_step" && item.id < first.nextBefore!)).toBe(true);
    expect(second.items[0]!.id).toBe(first.items.at(-1)!.id - 1);
    // A cursor beyond any bigint is ignored (the first page), not sent to the database to fail.
    expect((await list({ action: "test.", before: "1e30" })).items.map((item) => item.id)).toEqual(first.items.map((item) => item.id));
  });

  it("offers every staff member and every recorded action as filters", async () => {
    const options = await listAuditFilterOptions(database.db, admin);
    expect(options.staff.map((member) => member.name)).toEqual(["Aigerim Agent", "Bolat Compliance", "Saule Admin"]);
    expect(options.actions).toEqual(["inbound_email.processed", "request.expired", "request.status_changed", "request.submitted", "staff.role_changed", "staff.signed_in", "test.bulk_step"]);
  });

  it("refuses agents: the audit log is for compliance officers and admins", async () => {
    const before = await database.db.select({ total: count() }).from(auditLog);
    await expect(list({}, agent)).rejects.toMatchObject({ name: "AppError", code: "forbidden" });
    await expect(listAuditFilterOptions(database.db, agent)).rejects.toMatchObject({ name: "AppError", code: "forbidden" });
    await expect(verifyAuditLog(database.db, agent)).rejects.toMatchObject({ name: "AppError", code: "forbidden" });
    expect(await database.db.select({ total: count() }).from(auditLog)).toEqual(before);
    expect((await list({}, admin)).items.length).toBeGreaterThan(0);
  });

  it("verifies the chain and records that it did, after the walk", async () => {
    const rowsBefore = 6 + BULK;
    const report = await verifyAuditLog(database.db, compliance);
    expect(report).toMatchObject({ ok: true, checked: rowsBefore });
    const [latest] = await database.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(latest).toMatchObject({ actorType: "staff", actorId: compliance.id, action: "audit.verified", data: { ok: true, checked: rowsBefore, lastHash: report.ok ? report.lastHash : "" } });
    // The record of the check is itself part of the intact chain.
    expect(await verifyAuditLog(database.db, admin)).toMatchObject({ ok: true, checked: rowsBefore + 1 });
  });

  // Last: it breaks this database's chain for good.
  it("names the first broken row and records the failed check", async () => {
    await database.db.transaction(async (tx) => {
      // Around the append-only trigger, as a superuser tampering with the table would.
      await tx.execute(sql.raw("set local session_replication_role = replica"));
      await tx.execute(sql.raw(`update audit_log set data = '{"from": "new", "to": "completed"}' where id = ${ev[2]}`));
    });
    const report = await verifyAuditLog(database.db, compliance);
    expect(report).toEqual({ ok: false, checked: 2, brokenAtId: ev[2], reason: "content_changed" });
    const [latest] = await database.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(latest).toMatchObject({ action: "audit.verified", data: { ok: false, checked: 2, brokenAtId: ev[2], reason: "content_changed" } });
  });

  it("names the staff and requests an event's data mentions (an assignee, a duplicate), in two queries", async () => {
    await database.db.transaction((tx) =>
      recordAuditEvent(tx, { actorType: "staff", actorId: admin.id, action: "request.assigned", entityType: "request", entityId: requestA, requestId: requestA, data: { from: null, to: compliance.id, duplicateOf: requestB } }),
    );
    const page = await list({ action: "request.assigned" });
    expect(page.items).toHaveLength(1);
    expect(page.names.staff[compliance.id]).toBe("Bolat Compliance");
    expect(page.names.requests[requestB]).toBe("DSR-2026-000002");
  });
});

describe("describeAuditData", () => {
  it("shows a from/to pair as the change of the field the action is about, and the rest as fields", () => {
    expect(describeAuditData("request.status_changed", { from: "new", to: "in_progress", ruleId: "kz" })).toEqual({
      changes: [{ field: "status", before: "new", after: "in_progress" }],
      fields: [{ key: "ruleId", value: "kz" }],
    });
    expect(describeAuditData("something.else", { from: 1, to: 2 }).changes).toEqual([{ field: "value", before: 1, after: 2 }]);
  });

  it("compares two records field by field, showing only what differs", () => {
    const view = describeAuditData("retention.policy_updated", { before: { amount: 3, unit: "years", isDefault: true }, after: { amount: 5, unit: "years" } });
    expect(view.changes).toEqual([
      { field: "amount", before: 3, after: 5 },
      { field: "isDefault", before: true, after: undefined },
    ]);
  });

  it("shows a removed record's fields going away, and a new one's arriving", () => {
    expect(describeAuditData("calendar.day_removed", { before: { day: "2026-03-09", kind: "holiday" } }).changes).toEqual([
      { field: "day", before: "2026-03-09", after: undefined },
      { field: "kind", before: "holiday", after: undefined },
    ]);
    expect(describeAuditData("calendar.day_saved", { before: null, after: { day: "2026-03-09" } }).changes).toEqual([{ field: "day", before: undefined, after: "2026-03-09" }]);
  });

  it("lists data without a pair as key: value; a lone 'to' is a value, not a change", () => {
    const view = describeAuditData("email.bounced", { to: "someone@example.kz", detail: "x".repeat(500), nested: { b: 1, a: [true] } });
    expect(view.changes).toEqual([]);
    expect(view.fields.map((field) => field.key)).toEqual(["to", "detail", "nested"]);
    expect(auditValueText(view.fields[1]!.value)).toHaveLength(300);
    expect(auditValueText(view.fields[1]!.value).endsWith("…")).toBe(true);
    expect(auditValueText(view.fields[2]!.value)).toBe('{"a":[true],"b":1}');
    expect(auditValueText(null)).toBe("—");
  });
});

describe("idsInAuditData", () => {
  it("finds ids at the top level and inside a before/after record, lower-cased, and nothing else", () => {
    const id = "3F1C9B52-8D0E-4B8A-9A57-1F6C2B7E0D11";
    expect(idsInAuditData({ to: id, before: { assigneeId: id.toLowerCase(), note: "x" }, count: 3, text: "not an id" })).toEqual([id.toLowerCase(), id.toLowerCase()]);
    expect(idsInAuditData({ deep: { deeper: { id } } })).toEqual([]);
  });
});
