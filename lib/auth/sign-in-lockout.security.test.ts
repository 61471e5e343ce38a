import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, outboxEmails, signInThrottle, type Staff } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { getEnv } from "@/lib/env";
import { authenticateStaff } from "./authenticate-staff";
import { createStaff } from "./create-staff";
import { FIRST_DELAY_SECONDS, passwordThrottleKey } from "./sign-in-throttle";
import { clearStaffSignInDelays } from "./staff-sign-in-admin";

const PASSWORD = "correct horse battery staple";
const FREE = getEnv().STAFF_LOCKOUT_ATTEMPTS;

describe.each(testEngines())("security: staff sign-in failures on %s", (engine) => {
  let database: TestDatabase;
  let owner: Staff;
  let admin: Staff;
  const t0 = new Date("2026-11-24T09:00:00Z");
  const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
  const sign = (email: string, password: string, ip: string, now = t0) => authenticateStaff(database.db, { email, password, ip }, now);
  const answer = (result: Awaited<ReturnType<typeof sign>>) => (result.ok ? "ok" : result.error);
  const failuresOf = async (key: string) => (await database.db.select().from(signInThrottle).where(eq(signInThrottle.key, key)))[0]?.failures ?? 0;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    owner = await createStaff(database.db, { email: "owner@example.kz", name: "Owner", role: "compliance", password: PASSWORD, locale: "kk" }, SYSTEM_ACTOR);
    admin = await createStaff(database.db, { email: "boss@example.kz", name: "Boss", role: "admin", password: PASSWORD }, SYSTEM_ACTOR);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("an unknown address behaves exactly like a known one: same answers, same counters, same delay", async () => {
    const known: string[] = [];
    const unknown: string[] = [];
    for (let i = 0; i <= FREE; i++) {
      known.push(answer(await sign("owner@example.kz", `wrong ${i}`, "198.51.100.1")));
      unknown.push(answer(await sign("nobody@example.kz", `wrong ${i}`, "198.51.100.1")));
    }
    expect(known).toEqual([...Array(FREE).fill("invalid"), "delayed"]);
    expect(unknown).toEqual(known);
    expect(await failuresOf(passwordThrottleKey("owner@example.kz", "198.51.100.1"))).toBe(FREE);
    expect(await failuresOf(passwordThrottleKey("nobody@example.kz", "198.51.100.1"))).toBe(FREE);
    // Both failures are audited alike (the unknown one without an account id).
    const failed = await database.db.select().from(auditLog).where(eq(auditLog.action, "staff.sign_in_failed"));
    expect(failed.filter((row) => row.entityId === owner.id)).toHaveLength(FREE);
    expect(failed.filter((row) => row.entityId === null)).toHaveLength(FREE);
  });

  it("nobody can lock the owner out: the delay is per address and client address, and the right password works from elsewhere", async () => {
    expect(answer(await sign("owner@example.kz", PASSWORD, "198.51.100.1"))).toBe("delayed");
    expect(answer(await sign("owner@example.kz", PASSWORD, "203.0.113.50"))).toBe("ok");
  });

  it("the delay grows with every failure and ends by itself", async () => {
    const ip = "198.51.100.1";
    // The first wait is FIRST_DELAY_SECONDS; after it one more attempt is allowed, then twice as long.
    expect(await sign("owner@example.kz", PASSWORD, ip, at(FIRST_DELAY_SECONDS - 1))).toMatchObject({ ok: false, error: "delayed", retryAfterSeconds: 1 });
    expect(answer(await sign("owner@example.kz", "wrong again", ip, at(FIRST_DELAY_SECONDS)))).toBe("invalid");
    expect(await sign("owner@example.kz", PASSWORD, ip, at(FIRST_DELAY_SECONDS + 1))).toMatchObject({ ok: false, error: "delayed", retryAfterSeconds: 2 * FIRST_DELAY_SECONDS - 1 });
    expect(answer(await sign("owner@example.kz", PASSWORD, ip, at(3 * FIRST_DELAY_SECONDS)))).toBe("ok");
    // Success forgets the failures.
    expect(await failuresOf(passwordThrottleKey("owner@example.kz", ip))).toBe(0);
  });

  it("tells the owner once, in their language, through the outbox; nobody is mailed for an unknown address", async () => {
    const mails = await database.db.select().from(outboxEmails).where(eq(outboxEmails.template, "staff_sign_in_failures"));
    expect(mails.map((mail) => mail.toAddress)).toEqual(["owner@example.kz"]);
    expect(mails[0]!.subject).toMatch(/есептік жазбаңызға/);
    expect(mails[0]!.textBody).toContain("198.51.100.1");
  });

  it("counts concurrent attempts exactly: 13 wrong passwords and then the right one, which waits like the rest", async () => {
    const ip = "192.0.2.77";
    const results = await Promise.all(Array.from({ length: 13 }, (_, i) => sign("owner@example.kz", `guess ${i}`, ip)));
    const answers = results.map(answer);
    // Exactly FREE attempts reached the password check; every other one was refused unchecked.
    expect(answers.filter((a) => a === "invalid")).toHaveLength(FREE);
    expect(answers.filter((a) => a === "delayed")).toHaveLength(13 - FREE);
    expect(await failuresOf(passwordThrottleKey("owner@example.kz", ip))).toBe(FREE);
    expect(answer(await sign("owner@example.kz", PASSWORD, ip))).toBe("delayed");
  });

  it("an admin can lift the delays of an account, audited", async () => {
    const ip = "192.0.2.77";
    await clearStaffSignInDelays(database.db, { staffId: owner.id }, { id: admin.id, role: "admin" });
    const left = await database.db.select().from(signInThrottle).where(like(signInThrottle.key, "password:owner@example.kz:%"));
    expect(left).toEqual([]);
    expect(answer(await sign("owner@example.kz", PASSWORD, ip))).toBe("ok");
    const audited = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "staff.sign_in_delays_cleared"), eq(auditLog.entityId, owner.id)));
    expect(audited).toHaveLength(1);
    await expect(clearStaffSignInDelays(database.db, { staffId: admin.id }, { id: owner.id, role: "compliance" })).rejects.toThrow();
  });
});
