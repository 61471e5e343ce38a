import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { staff } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { authenticateStaff } from "./authenticate-staff";
import { createStaff } from "./create-staff";

describe.each(testEngines())("staff sign-in on %s", (engine) => {
  let database: TestDatabase;
  const password = "correct horse battery staple";
  const t0 = new Date("2026-11-24T09:00:00Z");
  let n = 0;
  const sign = (email: string, pw: string, now = t0) => authenticateStaff(database.db, { email, password: pw, ip: `192.0.2.${++n % 250}` }, now);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("stores an argon2id hash and signs in with the right password, whatever the e-mail's case", async () => {
    const created = await createStaff(database.db, { email: "Agent@Example.kz", name: "Agent", role: "agent", password }, SYSTEM_ACTOR);
    expect(created.passwordHash).toMatch(/^\$argon2id\$/);
    const result = await sign(" agent@EXAMPLE.kz ", password);
    expect(result.ok && result.staff.email).toBe("agent@example.kz");
  });

  it("refuses a second account with the same e-mail", async () => {
    await expect(createStaff(database.db, { email: "agent@example.kz", name: "Again", role: "admin", password }, SYSTEM_ACTOR)).rejects.toMatchObject({ name: "AppError", code: "exists" });
  });

  it("answers a wrong password, an unknown address and a disabled account alike", async () => {
    await createStaff(database.db, { email: "gone@example.kz", name: "Gone", role: "agent", password }, SYSTEM_ACTOR);
    await database.db.update(staff).set({ disabledAt: t0 }).where(eq(staff.email, "gone@example.kz"));
    expect(await sign("agent@example.kz", "wrong password!")).toEqual({ ok: false, error: "invalid" });
    expect(await sign("nobody@example.kz", password)).toEqual({ ok: false, error: "invalid" });
    expect(await sign("gone@example.kz", password)).toEqual({ ok: false, error: "invalid" });
  });

  it("audits sign-ins, failures and lock-outs on the chain", async () => {
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
  });
});
