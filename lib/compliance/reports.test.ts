import { verifiedRequestRow } from "@/lib/requests/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, requests, type NewRequest } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import type { RequestType } from "@/lib/requests/request-types";
import { ccpaCsvFilename, ccpaTableCsv } from "./ccpa-csv";
import { downloadCcpaTable, loadCcpaTable, loadComplianceReport, loadReportYears } from "./reports";

// Asia/Almaty is UTC+5 all year (since March 2024): local midnight is 19:00 UTC the day before.
const timeZone = "Asia/Almaty";
const now = new Date("2026-03-10T06:00:00Z");
const DAY = 86_400_000;
const at = (iso: string) => new Date(iso);
const plus = (from: string, days: number) => new Date(at(from).getTime() + days * DAY);

let counter = 0;
function row(overrides: Partial<NewRequest> & Pick<NewRequest, "type" | "status" | "createdAt">): NewRequest {
  counter += 1;
  return verifiedRequestRow(counter, overrides.createdAt!, { reference: `DSR-TEST-${String(counter).padStart(6, "0")}`, verifyBy: new Date(overrides.createdAt!.getTime() + DAY), ...overrides });
}

/** An answered request: closed `days` after receipt, due `dueDays` after receipt. */
function answered(type: RequestType, status: "completed" | "denied", created: string, days: number, dueDays: number, extra: Partial<NewRequest> = {}): NewRequest {
  return row({ type, status, createdAt: at(created), closedAt: plus(created, days), dueAt: plus(created, dueDays), ...extra });
}

/*
 * Received in the period December 2025 – February 2026 (Almaty), by local month:
 *   Dec: access A
 *   Jan: access B (20:00 UTC on 31 Dec = 01:00 local on 1 Jan), access C; deletion D
 *   Feb: deletion E, F, M; correction G; credential_misuse H
 * Outside it: K (23:30 local on 30 Nov), L (00:30 local on 1 Mar), and unconfirmed attempts.
 */
const seed: NewRequest[] = [
  answered("access", "completed", "2025-12-05T10:00:00Z", 10, 30), // A: 10.0 days, on time
  answered("access", "completed", "2025-12-31T20:00:00Z", 20, 15), // B: 20.0 days, late
  answered("access", "denied", "2026-01-10T00:00:00Z", 4.5, 30, { denialReason: "insufficient_verification", jurisdiction: "CCPA" }), // C: 4.5 days
  answered("deletion", "completed", "2026-01-15T00:00:00Z", 30, 30, { jurisdiction: "CCPA" }), // D: answered on the due moment: on time
  row({ type: "deletion", status: "new", createdAt: at("2026-02-01T00:00:00Z"), dueAt: at("2026-03-01T00:00:00Z") }), // E: open, overdue
  row({ type: "deletion", status: "in_progress", createdAt: at("2026-02-20T00:00:00Z"), dueAt: at("2026-03-20T00:00:00Z") }), // F: open, in time
  row({ type: "correction", status: "withdrawn", createdAt: at("2026-02-05T00:00:00Z"), closedAt: at("2026-02-06T00:00:00Z") }), // G
  answered("credential_misuse", "completed", "2026-02-10T00:00:00Z", 1, 3), // H: 1.0 day
  answered("deletion", "denied", "2026-02-12T00:00:00Z", 7, 30, { denialReason: "no_match" }), // M: 7.0 days
  answered("access", "completed", "2025-11-30T18:30:00Z", 2, 30), // K: November locally
  row({ type: "access", status: "awaiting_requester", createdAt: at("2026-02-28T19:30:00Z"), dueAt: at("2026-03-05T00:00:00Z"), pausedAt: at("2026-03-01T00:00:00Z") }), // L: March locally, overdue now
  row({ type: "access", status: "unverified", createdAt: at("2026-01-05T00:00:00Z"), reference: null, verifiedAt: null, dueAt: null }), // never confirmed
  row({ type: "access", status: "expired", createdAt: at("2023-05-01T00:00:00Z"), reference: null, verifiedAt: null, dueAt: null }), // never confirmed
];

describe.each(testEngines())("compliance reports on %s", (engine) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await database.db.insert(requests).values(seed);
  });
  afterAll(async () => {
    await database?.drop();
  });

  const report = () => loadComplianceReport(database.db, { from: "2025-12", to: "2026-02", now, timeZone });

  it("counts requests per local month and type, every month of the period listed", async () => {
    const { months } = await report();
    expect(months).toEqual([
      { month: "2025-12", counts: { access: 1, correction: 0, deletion: 0, credential_misuse: 0 } },
      { month: "2026-01", counts: { access: 2, correction: 0, deletion: 1, credential_misuse: 0 } },
      { month: "2026-02", counts: { access: 0, correction: 1, deletion: 3, credential_misuse: 1 } },
    ]);
  });

  it("counts months in the time zone it is given", async () => {
    const utc = await loadComplianceReport(database.db, { from: "2025-12", to: "2026-02", now, timeZone: "UTC" });
    // In UTC, B is a December request and L a February one.
    expect(utc.months.map((m) => m.counts.access)).toEqual([2, 1, 1]);
    expect(utc.total.received).toBe(10);
  });

  it("gives on-time rates, median and 90th-percentile days per type and overall", async () => {
    const { byType, total } = await report();
    expect(byType.access).toEqual({ received: 3, answered: 3, onTime: 2, timed: 3, onTimeRate: 2 / 3, medianDays: 10, p90Days: 18 });
    // E is open and past due (late); F is open and in time (not timed yet).
    expect(byType.deletion).toEqual({ received: 4, answered: 2, onTime: 2, timed: 3, onTimeRate: 2 / 3, medianDays: 18.5, p90Days: 27.7 });
    expect(byType.correction).toEqual({ received: 1, answered: 0, onTime: 0, timed: 0, onTimeRate: null, medianDays: null, p90Days: null });
    expect(byType.credential_misuse).toEqual({ received: 1, answered: 1, onTime: 1, timed: 1, onTimeRate: 1, medianDays: 1, p90Days: 1 });
    // Days answered: 1, 4.5, 7, 10, 20, 30.
    expect(total).toEqual({ received: 9, answered: 6, onTime: 5, timed: 7, onTimeRate: 5 / 7, medianDays: 8.5, p90Days: 25 });
  });

  it("counts outcomes per type and denials per reason", async () => {
    const { outcomes } = await report();
    expect(outcomes.byType).toEqual({
      access: { completed: 2, denied: 1, withdrawn: 0, open: 0 },
      correction: { completed: 0, denied: 0, withdrawn: 1, open: 0 },
      deletion: { completed: 1, denied: 1, withdrawn: 0, open: 2 },
      credential_misuse: { completed: 1, denied: 0, withdrawn: 0, open: 0 },
    });
    expect(outcomes.total).toEqual({ completed: 4, denied: 2, withdrawn: 1, open: 2 });
    expect(outcomes.denialReasons).toEqual({
      suspected_fraud: 0,
      insufficient_verification: 1,
      no_match: 1,
      not_covered: 0,
      outside_jurisdiction: 0,
      manifestly_unfounded: 0,
      other: 0,
    });
  });

  it("counts what is open and overdue now, whatever the period", async () => {
    expect((await report()).current).toEqual({ open: 3, overdue: 2 });
    const empty = await loadComplianceReport(database.db, { from: "2024-01", to: "2024-12", now, timeZone });
    expect(empty.current).toEqual({ open: 3, overdue: 2 });
    // Before the first due date (E, 1 March) nothing open is past due.
    expect((await loadComplianceReport(database.db, { from: "2024-01", to: "2024-12", now: at("2026-02-25T00:00:00Z"), timeZone })).current).toEqual({ open: 3, overdue: 0 });
  });

  it("reports an empty period as zeros, with no rates or days", async () => {
    const empty = await loadComplianceReport(database.db, { from: "2024-01", to: "2024-12", now, timeZone });
    expect(empty.months).toHaveLength(12);
    expect(empty.months.every((m) => Object.values(m.counts).every((count) => count === 0))).toBe(true);
    expect(empty.total).toEqual({ received: 0, answered: 0, onTime: 0, timed: 0, onTimeRate: null, medianDays: null, p90Days: null });
    expect(empty.outcomes.total).toEqual({ completed: 0, denied: 0, withdrawn: 0, open: 0 });
  });

  it("refuses a period that ends before it starts or a malformed month", async () => {
    await expect(loadComplianceReport(database.db, { from: "2026-02", to: "2025-12", now, timeZone })).rejects.toThrow(/ends before it starts/);
    await expect(loadComplianceReport(database.db, { from: "2026-13", to: "2026-12", now, timeZone })).rejects.toThrow(/YYYY-MM/);
  });

  it("builds the CCPA §7102 table for a calendar year by the local date received", async () => {
    expect(await loadCcpaTable(database.db, { year: 2026, timeZone })).toEqual({
      year: 2026,
      scope: "all",
      rows: [
        { ccpa: "delete", type: "deletion", received: 4, compliedInWholeOrPart: 1, denied: 1, medianDays: 18.5 },
        { ccpa: "correct", type: "correction", received: 1, compliedInWholeOrPart: 0, denied: 0, medianDays: null },
        // B (20.0) and C (4.5) answered, L open: median 12.25, one decimal.
        { ccpa: "know", type: "access", received: 3, compliedInWholeOrPart: 1, denied: 1, medianDays: 12.3 },
      ],
    });
    expect((await loadCcpaTable(database.db, { year: 2025, timeZone })).rows).toEqual([
      { ccpa: "delete", type: "deletion", received: 0, compliedInWholeOrPart: 0, denied: 0, medianDays: null },
      { ccpa: "correct", type: "correction", received: 0, compliedInWholeOrPart: 0, denied: 0, medianDays: null },
      { ccpa: "know", type: "access", received: 2, compliedInWholeOrPart: 2, denied: 0, medianDays: 6 },
    ]);
  });

  it("gives an empty year as zeros and restricts to CCPA requests when asked", async () => {
    const empty = await loadCcpaTable(database.db, { year: 2024, timeZone });
    expect(empty.rows.map((r) => [r.received, r.compliedInWholeOrPart, r.denied, r.medianDays])).toEqual([
      [0, 0, 0, null],
      [0, 0, 0, null],
      [0, 0, 0, null],
    ]);
    expect((await loadCcpaTable(database.db, { year: 2026, scope: "ccpa", timeZone })).rows).toEqual([
      { ccpa: "delete", type: "deletion", received: 1, compliedInWholeOrPart: 1, denied: 0, medianDays: 30 },
      { ccpa: "correct", type: "correction", received: 0, compliedInWholeOrPart: 0, denied: 0, medianDays: null },
      { ccpa: "know", type: "access", received: 1, compliedInWholeOrPart: 0, denied: 1, medianDays: 4.5 },
    ]);
  });

  it("lists the years from the first confirmed request to this year", async () => {
    expect(await loadReportYears(database.db, { now, timeZone })).toEqual([2026, 2025]);
    expect(await loadReportYears(database.db, { now: at("2028-06-01T00:00:00Z"), timeZone })).toEqual([2028, 2027, 2026, 2025]);
  });

  it("audits a CCPA download and refuses it to an agent", async () => {
    const compliance = { id: "11111111-1111-4111-8111-111111111111", role: "compliance" as const };
    const table = await downloadCcpaTable(database.db, { year: 2025, scope: "ccpa", timeZone }, compliance);
    expect(table.rows.map((r) => r.received)).toEqual([0, 0, 0]);
    const entries = await database.db.select().from(auditLog).where(eq(auditLog.action, "report.downloaded"));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorType: "staff", actorId: compliance.id, entityType: "report", entityId: "ccpa_7102:2025:ccpa", data: { report: "ccpa_7102", year: 2025, scope: "ccpa", format: "csv" } });

    await expect(downloadCcpaTable(database.db, { year: 2025, timeZone }, { id: "22222222-2222-4222-8222-222222222222", role: "agent" })).rejects.toMatchObject({ name: "AppError", code: "forbidden" });
    expect(await database.db.select().from(auditLog).where(eq(auditLog.action, "report.downloaded"))).toHaveLength(1);
  });
});

describe("CCPA table as CSV", () => {
  const labels = {
    requestType: "Тип запроса",
    received: "Получено",
    compliedInWholeOrPart: "Выполнено полностью или частично",
    denied: "Отказано",
    medianDays: "Медиана, дней",
    types: { delete: "Удаление", correct: "Исправление", know: "=Доступ" },
  };
  const table = {
    year: 2025,
    scope: "all" as const,
    rows: [
      { ccpa: "delete" as const, type: "deletion" as const, received: 4, compliedInWholeOrPart: 1, denied: 1, medianDays: 18.5 },
      { ccpa: "correct" as const, type: "correction" as const, received: 0, compliedInWholeOrPart: 0, denied: 0, medianDays: null },
      { ccpa: "know" as const, type: "access" as const, received: 3, compliedInWholeOrPart: 2, denied: 0, medianDays: 12 },
    ],
  };

  it("starts with a BOM, uses CRLF, one decimal for days, empty cells for none, and neutralises formulas", () => {
    expect(ccpaTableCsv(table, labels)).toBe(
      "\uFEFFТип запроса,Получено,Выполнено полностью или частично,Отказано,\"Медиана, дней\"\r\n" +
        "Удаление,4,1,1,18.5\r\n" +
        "Исправление,0,0,0,\r\n" +
        "'=Доступ,3,2,0,12.0\r\n",
    );
  });

  it("names the file after the year and the scope", () => {
    expect(ccpaCsvFilename({ year: 2025, scope: "ccpa" })).toBe("ccpa-7102-2025-ccpa-requests.csv");
  });
});
