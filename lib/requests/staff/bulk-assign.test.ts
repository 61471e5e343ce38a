import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, requests, staff } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { AppError } from "@/lib/errors/app-error";
import { verifiedRequestRow } from "../testing";
import { bulkAssign } from "./bulk-assign";

const now = new Date("2026-11-24T06:00:00Z");

describe.each(testEngines())("bulk assign on %s", (engine) => {
  let database: TestDatabase;
  let agent: CurrentStaff;
  let colleague: CurrentStaff;
  let compliance: CurrentStaff;
  const ids: Record<string, string> = {};
  const db = () => database.db;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const make = async (role: CurrentStaff["role"], name: string, disabled = false) => {
      const [row] = await db()
        .insert(staff)
        .values({ email: `${name.toLowerCase()}@privacy-desk.test`, name, role, disabledAt: disabled ? now : null })
        .returning();
      return { id: row!.id, email: row!.email, name: row!.name, role: row!.role, locale: row!.locale };
    };
    agent = await make("agent", "Arman");
    colleague = await make("agent", "Bota");
    compliance = await make("compliance", "Cora");
    await make("agent", "Gone", true);
    const rows = await db()
      .insert(requests)
      .values([
        verifiedRequestRow(1, now),
        verifiedRequestRow(2, now),
        verifiedRequestRow(3, now, { status: "completed", closedAt: now }),
        verifiedRequestRow(4, now, { status: "in_progress" }),
        verifiedRequestRow(5, now, { status: "unverified", reference: null, verifiedAt: null }),
      ])
      .returning({ id: requests.id, reference: requests.reference, requesterName: requests.requesterName });
    for (const row of rows) ids[row.requesterName] = row.id;
  });
  afterAll(async () => {
    await database?.drop();
  });

  const assigneeOf = async (id: string) => (await db().select({ assigneeId: requests.assigneeId }).from(requests).where(eq(requests.id, id)))[0]!.assigneeId;

  it("assigns each open request like the single assign, and reports the refused ones with their reason", async () => {
    const outcome = await bulkAssign(db(), { requestIds: [ids["Person 1"]!, ids["Person 3"]!, ids["Person 4"]!, ids["Person 5"]!], assigneeId: agent.id }, agent);
    expect(outcome.assigned.map((row) => row.reference)).toEqual(["DSR-2026-000001", "DSR-2026-000004"]);
    expect(outcome.refused).toEqual([
      { requestId: ids["Person 3"], reference: "DSR-2026-000003", error: "conflict", reason: "closed" },
      // An unconfirmed request is not found for staff, and its row is not named.
      { requestId: ids["Person 5"], reference: null, error: "not_found" },
    ]);
    expect(await assigneeOf(ids["Person 1"]!)).toBe(agent.id);
    expect(await assigneeOf(ids["Person 3"]!)).toBeNull();
    // Audited per row, as the single assign is.
    const audits = await db()
      .select({ requestId: auditLog.requestId })
      .from(auditLog)
      .where(and(eq(auditLog.action, "request.assigned"), inArray(auditLog.requestId, [ids["Person 1"]!, ids["Person 3"]!, ids["Person 4"]!])));
    expect(audits.map((a) => a.requestId).sort()).toEqual([ids["Person 1"], ids["Person 4"]].sort());
  });

  it("assigns to a colleague, refuses a disabled one on every row, and unassigns", async () => {
    const both = [ids["Person 1"]!, ids["Person 2"]!];
    expect((await bulkAssign(db(), { requestIds: both, assigneeId: colleague.id }, agent)).refused).toEqual([]);
    expect(await assigneeOf(ids["Person 2"]!)).toBe(colleague.id);

    const [gone] = await db().select().from(staff).where(eq(staff.name, "Gone"));
    const refused = await bulkAssign(db(), { requestIds: both, assigneeId: gone!.id }, agent);
    expect(refused.assigned).toEqual([]);
    expect(refused.refused.map((row) => row.reason)).toEqual(["bad_assignee", "bad_assignee"]);

    await bulkAssign(db(), { requestIds: both, assigneeId: null }, agent);
    expect(await assigneeOf(ids["Person 1"]!)).toBeNull();
    expect(await assigneeOf(ids["Person 2"]!)).toBeNull();
  });

  it("refuses a role that may not assign once, before touching any row, and refuses bad input", async () => {
    await expect(bulkAssign(db(), { requestIds: [ids["Person 1"]!], assigneeId: compliance.id }, compliance)).rejects.toMatchObject({ code: "forbidden" });
    expect(await assigneeOf(ids["Person 1"]!)).toBeNull();
    await expect(bulkAssign(db(), { requestIds: [], assigneeId: null }, agent)).rejects.toBeInstanceOf(AppError);
    await expect(bulkAssign(db(), { requestIds: ["not-an-id"], assigneeId: null }, agent)).rejects.toMatchObject({ code: "invalid" });
    await expect(bulkAssign(db(), { requestIds: Array.from({ length: 101 }, () => ids["Person 1"]!), assigneeId: null }, agent)).rejects.toMatchObject({ code: "invalid" });
  });
});
