import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, calendarDays, deadlineRules } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { sealAuditLog } from "@/lib/audit/seal-audit-log";
import type { RequestType } from "@/lib/requests/request-types";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import {
  calculateDueAt,
  findDeadlineRule,
  getDeadlineRule,
  loadWorkingCalendar,
  readDeadlineSeed,
  seedDeadlineData,
} from "./deadline-repository";

const ALMATY = "Asia/Almaty";

describe.each(testEngines())("deadline rules and calendar on %s", (engine) => {
  let database: TestDatabase;
  const seed = readDeadlineSeed();

  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.drop();
  });

  async function countRows(table: typeof deadlineRules | typeof calendarDays | typeof auditLog) {
    const [row] = await database.db.select({ value: count() }).from(table);
    return row?.value ?? 0;
  }

  it("seeds every rule and calendar day once, with one audit row", async () => {
    expect(await seedDeadlineData(database.db)).toEqual({ rulesAdded: seed.rules.length, calendarDaysAdded: 29 });
    expect(await seedDeadlineData(database.db)).toEqual({ rulesAdded: 0, calendarDaysAdded: 0 });
    expect(await countRows(deadlineRules)).toBe(seed.rules.length);
    expect(await countRows(calendarDays)).toBe(29);
    await sealAuditLog(database.db, { wait: true });
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 1, pending: 0 });
  });

  it("does not bring back a holiday an admin removed", async () => {
    await database.db.delete(calendarDays).where(and(eq(calendarDays.jurisdiction, "KZ"), eq(calendarDays.day, "2027-05-10")));
    expect(await seedDeadlineData(database.db)).toEqual({ rulesAdded: 0, calendarDaysAdded: 0 });
    expect(await countRows(calendarDays)).toBe(28);
  });

  it("loads a jurisdiction's working calendar: 246 working days in Kazakhstan's 2026", async () => {
    const kz = await loadWorkingCalendar(database.db, "KZ");
    expect(kz.countWorkingDays("2026-01-01", "2026-12-31")).toBe(246);
    expect(kz.isWorkingDay("2026-03-24")).toBe(false);
    const gdpr = await loadWorkingCalendar(database.db, "GDPR");
    expect(gdpr.isWorkingDay("2026-03-24")).toBe(true);
  });

  it("finds the rule in force on a date and falls back to the default jurisdiction", async () => {
    await database.db.insert(deadlineRules).values({
      ...seed.rules.find((rule) => rule.id === "kz-access-2026")!,
      id: "kz-access-2027",
      amount: 5,
      validFrom: "2027-01-01",
    });
    const find = (jurisdiction: string, requestType: RequestType, on: string, fallbackJurisdiction?: string) =>
      findDeadlineRule(database.db, { jurisdiction, requestType, on, fallbackJurisdiction }).then((rule) => rule?.id ?? null);

    expect(await find("KZ", "access", "2026-12-31")).toBe("kz-access-2026");
    expect(await find("KZ", "access", "2027-01-01")).toBe("kz-access-2027");
    expect(await find("KZ", "access", "2025-12-31")).toBeNull();
    expect(await find("CCPA", "credential_misuse", "2026-06-01")).toBeNull();
    expect(await find("CCPA", "credential_misuse", "2026-06-01", "KZ")).toBe("kz-credential-misuse-2026");
    expect(await find("CCPA", "access", "2026-06-01", "KZ")).toBe("ccpa-access-2026");
    expect((await getDeadlineRule(database.db, "gdpr-access-2026"))?.extensionUnit).toBe("months");
  });

  it("calculates a KZ due date on the Kazakh calendar, inside a transaction", async () => {
    const result = await database.db.transaction((tx) =>
      calculateDueAt(tx, { jurisdiction: "KZ", requestType: "access", startedAt: new Date("2026-03-20T10:00:00+05:00"), timeZone: ALMATY }),
    );
    expect(result).toEqual({ dueAt: new Date("2026-03-30T23:59:59.999+05:00"), ruleId: "kz-access-2026", acknowledgeBy: null });
  });

  it("uses each rule's own unit: a month, or exact hours", async () => {
    const startedAt = new Date("2026-01-31T10:00:00+05:00");
    const gdpr = await calculateDueAt(database.db, { jurisdiction: "GDPR", requestType: "access", startedAt, timeZone: ALMATY });
    expect(gdpr?.dueAt).toEqual(new Date("2026-02-28T23:59:59.999+05:00"));
    const misuse = await calculateDueAt(database.db, { jurisdiction: "GDPR", requestType: "credential_misuse", startedAt, timeZone: ALMATY });
    expect(misuse).toMatchObject({ dueAt: new Date("2026-02-03T10:00:00+05:00"), ruleId: "gdpr-credential-misuse-2026" });
  });

  it("counts CCPA from receipt, not verification, and sets the acknowledgement date", async () => {
    const result = await calculateDueAt(database.db, {
      jurisdiction: "CCPA",
      requestType: "deletion",
      startedAt: new Date("2026-01-20T09:00:00+05:00"),
      eventTimes: { received: new Date("2026-01-15T10:00:00+05:00") },
      timeZone: ALMATY,
    });
    expect(result).toEqual({
      dueAt: new Date("2026-03-01T23:59:59.999+05:00"),
      ruleId: "ccpa-deletion-2026",
      acknowledgeBy: new Date("2026-01-29T23:59:59.999+05:00"),
    });
  });

  it("returns null when no rule applies, and uses the fallback's rule otherwise", async () => {
    const startedAt = new Date("2026-12-15T09:00:00+05:00");
    expect(await calculateDueAt(database.db, { jurisdiction: "CCPA", requestType: "credential_misuse", startedAt, timeZone: ALMATY })).toBeNull();
    const fallback = await calculateDueAt(database.db, {
      jurisdiction: "CCPA",
      requestType: "credential_misuse",
      startedAt,
      timeZone: ALMATY,
      fallbackJurisdiction: "KZ",
    });
    // The KZ rule counts on the KZ calendar: Dec 16 is Independence Day.
    expect(fallback).toEqual({ dueAt: new Date("2026-12-17T23:59:59.999+05:00"), ruleId: "kz-credential-misuse-2026", acknowledgeBy: null });
  });
});
