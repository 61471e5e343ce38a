import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { calculateDueAt, seedDeadlineData } from "@/lib/requests/deadlines/deadline-repository";
import { getCalendarAdminView, removeCalendarDay, saveCalendarDay } from "./calendar-days";

const admin = { id: "00000000-0000-4000-8000-000000000001", role: "admin" as const };
const agent = { id: "00000000-0000-4000-8000-000000000002", role: "agent" as const };

describe.each(testEngines())("working-day calendar administration on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedDeadlineData(database.db);
  });
  afterAll(async () => {
    await database?.drop();
  });

  const dueFromMonday = () =>
    calculateDueAt(database.db, { jurisdiction: "KZ", requestType: "access", startedAt: new Date("2027-06-07T05:00:00Z"), timeZone: "Asia/Almaty" });

  it("shows the seeded holidays and rules to admins only", async () => {
    const view = await getCalendarAdminView(database.db, { jurisdiction: "KZ", year: 2026 }, admin);
    expect(view.days).toHaveLength(15);
    expect(view.rules.some((r) => r.jurisdiction === "GDPR")).toBe(true);
    await expect(getCalendarAdminView(database.db, { jurisdiction: "KZ", year: 2026 }, agent)).rejects.toMatchObject({ name: "AppError", code: "forbidden" });
  });

  it("adds a decree holiday that moves new deadlines, and removes it again", async () => {
    const before = await dueFromMonday();
    // Monday 7 June 2027 + 3 working days → Thursday 10 June, unless Tuesday 8 June is off.
    expect(before?.dueAt.toISOString()).toBe("2027-06-10T18:59:59.999Z");
    await saveCalendarDay(database.db, { jurisdiction: "KZ", day: "2027-06-08", kind: "holiday", name: "Decree day off" }, admin);
    expect((await dueFromMonday())?.dueAt.toISOString()).toBe("2027-06-11T18:59:59.999Z");
    expect(await removeCalendarDay(database.db, { jurisdiction: "KZ", day: "2027-06-08" }, admin)).toBe(true);
    expect((await dueFromMonday())?.dueAt.toISOString()).toBe("2027-06-10T18:59:59.999Z");
    expect(await removeCalendarDay(database.db, { jurisdiction: "KZ", day: "2027-06-08" }, admin)).toBe(false);
  });

  it("refuses agents and bad input, and audits every change", async () => {
    await expect(saveCalendarDay(database.db, { jurisdiction: "KZ", day: "2027-06-08", kind: "holiday", name: "x" }, agent)).rejects.toMatchObject({ name: "AppError", code: "forbidden" });
    await expect(saveCalendarDay(database.db, { jurisdiction: "KZ", day: "2027-02-30", kind: "holiday", name: "x" }, admin)).rejects.toThrow();
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });
});
