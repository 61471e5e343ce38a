import { and, eq } from "drizzle-orm";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, signInThrottle, staff, staffRecoveryCodes, staffSessions, type Staff } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { getEnv, parseEnv } from "@/lib/env";
import { authorizeStaff, type AuthorizeOutcome } from "./authorize-staff";
import { createStaff } from "./create-staff";
import { twoFactorThrottleKey } from "./sign-in-throttle";
import { resetStaffTwoFactor } from "./staff-sign-in-admin";
import { confirmTwoFactorEnrolment, RECOVERY_CODE_COUNT, startTwoFactorEnrolment, twoFactorRequired } from "./two-factor";

const PASSWORD = "correct horse battery staple";

describe("security: who must use two-factor sign-in", () => {
  it("admins and compliance always; agents only when STAFF_TWO_FACTOR_AGENTS is on", () => {
    const off = parseEnv({});
    const on = parseEnv({ STAFF_TWO_FACTOR_AGENTS: "true" });
    expect([twoFactorRequired("admin", off), twoFactorRequired("compliance", off), twoFactorRequired("agent", off)]).toEqual([true, true, false]);
    expect(twoFactorRequired("agent", on)).toBe(true);
  });
});

describe.each(testEngines())("security: two-factor sign-in for staff on %s", (engine) => {
  let database: TestDatabase;
  let admin: Staff;
  let secret = "";
  let recoveryCodes: string[] = [];
  let ip = 0;
  let clock = new Date();
  const step = (n: number) => new Date(clock.getTime() + n * 30_000);
  const code = (at: Date, key = secret) => generate({ secret: key, epoch: Math.floor(at.getTime() / 1000) });
  const signIn = (extra: { code?: string; password?: string } = {}, now = clock) =>
    authorizeStaff(database.db, { email: "admin@example.kz", password: extra.password ?? PASSWORD, code: extra.code, ip: `198.51.100.${++ip}`, userAgent: "test" }, now);
  const refusal = (outcome: AuthorizeOutcome) => (outcome.ok ? "ok" : outcome.refusal);
  const audits = async (action: string) => (await database.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.entityId, admin.id)))).length;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    admin = await createStaff(database.db, { email: "admin@example.kz", name: "Admin", role: "admin", password: PASSWORD }, SYSTEM_ACTOR);
    // TOTP codes are tied to wall-clock steps; start on a step boundary so ±1 step is unambiguous.
    clock = new Date(Math.floor(Date.now() / 30_000) * 30_000 + 1_000);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("an admin without 2FA gets a session that can only enrol, and enrolment needs a real code", async () => {
    const first = await signIn();
    expect(first.ok).toBe(true);
    const [session] = await database.db.select().from(staffSessions).where(eq(staffSessions.id, first.ok ? first.user.sessionId : ""));
    expect(session?.stage).toBe("two_factor_enrolment");

    const enrolment = await startTwoFactorEnrolment(database.db, admin);
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\/Privacy%20Desk:admin%40example\.kz\?secret=[A-Z2-7]+/);
    expect(enrolment.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(enrolment.qrDataUrl.split(",")[1]!, "base64").toString()).toContain("<svg");
    // Showing the page again keeps the same pending secret.
    expect((await startTwoFactorEnrolment(database.db, admin)).secret).toBe(enrolment.secret);
    secret = enrolment.secret;

    expect(await confirmTwoFactorEnrolment(database.db, admin.id, "000000", clock)).toEqual({ ok: false, error: "invalid" });
    const confirmed = await confirmTwoFactorEnrolment(database.db, admin.id, await code(clock), clock);
    expect(confirmed.ok).toBe(true);
    recoveryCodes = confirmed.ok ? confirmed.recoveryCodes : [];
    expect(recoveryCodes).toHaveLength(RECOVERY_CODE_COUNT);
    // Recovery codes are stored hashed only.
    const stored = await database.db.select().from(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffId, admin.id));
    expect(stored).toHaveLength(RECOVERY_CODE_COUNT);
    expect(JSON.stringify(stored)).not.toContain(recoveryCodes[0]!.replace("-", ""));
    expect(await audits("staff.two_factor_enrolled")).toBe(1);
  });

  it("asks for the code after the right password, refuses a wrong one, accepts the current one once", async () => {
    expect(refusal(await signIn())).toBe("two_factor_required");
    expect(refusal(await signIn({ password: "wrong password", code: await code(step(1)) }))).toBe("invalid");
    expect(refusal(await signIn({ code: "123456" }))).toBe("two_factor_invalid");
    const current = await code(step(1));
    const accepted = await signIn({ code: current }, step(1));
    expect(refusal(accepted)).toBe("ok");
    const [session] = await database.db.select().from(staffSessions).where(eq(staffSessions.id, accepted.ok ? accepted.user.sessionId : ""));
    expect(session?.stage).toBe("active");
    // The same code again (a replay within its 30 seconds) is refused, and so is an older one.
    expect(refusal(await signIn({ code: current }, step(1)))).toBe("two_factor_invalid");
    expect(refusal(await signIn({ code: await code(step(0)) }, step(1)))).toBe("two_factor_invalid");
    // The next step's code works.
    expect(refusal(await signIn({ code: await code(step(2)) }, step(2)))).toBe("ok");
  });

  it("accepts each recovery code once, whatever its case and dashes", async () => {
    const recovery = recoveryCodes[0]!;
    expect(refusal(await signIn({ code: ` ${recovery.toUpperCase().replace("-", " ")} ` }, step(2)))).toBe("ok");
    expect(refusal(await signIn({ code: recovery }, step(2)))).toBe("two_factor_invalid");
    expect(await audits("staff.two_factor_recovery_code_used")).toBe(1);
  });

  it("the code step carries the password step's ticket instead of the password; a forged, stale or outdated ticket starts over", async () => {
    const first = await signIn({}, step(3));
    expect(refusal(first)).toBe("two_factor_required");
    const ticket = first.ok ? "" : (first.ticket ?? "");
    expect(ticket).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(Buffer.from(ticket.split(".")[0]!, "base64url").toString()).not.toContain(PASSWORD);
    const withTicket = (given: string, codeText: string, now = step(3)) =>
      authorizeStaff(database.db, { email: "", password: "", ticket: given, code: codeText, ip: `198.51.100.${++ip}`, userAgent: "test" }, now);
    const forged = `${ticket.split(".")[0]}.${"A".repeat(43)}`;
    expect(refusal(await withTicket(forged, await code(step(3))))).toBe("ticket_expired");
    expect(refusal(await withTicket(ticket, await code(step(3)), new Date(step(3).getTime() + 6 * 60_000)))).toBe("ticket_expired");
    expect(await withTicket(ticket, "000000")).toMatchObject({ ok: false, refusal: "two_factor_invalid", ticket });
    expect(refusal(await withTicket(ticket, await code(step(3))))).toBe("ok");

    // A password change (or sign-out everywhere) makes an issued ticket worthless.
    const [before] = await database.db.select().from(staff).where(eq(staff.id, admin.id));
    await database.db.update(staff).set({ passwordHash: "$argon2id$changed" }).where(eq(staff.id, admin.id));
    expect(refusal(await withTicket(ticket, await code(step(4)), step(4)))).toBe("ticket_expired");
    await database.db.update(staff).set({ passwordHash: before!.passwordHash }).where(eq(staff.id, admin.id));
  });

  it("limits code guessing like passwords: after the free attempts even the right code waits", async () => {
    const free = getEnv().STAFF_LOCKOUT_ATTEMPTS;
    await database.db.delete(signInThrottle).where(eq(signInThrottle.key, twoFactorThrottleKey(admin.id)));
    for (let i = 0; i < free; i++) expect(refusal(await signIn({ code: String(100000 + i) }, step(3)))).toBe("two_factor_invalid");
    expect(refusal(await signIn({ code: await code(step(3)) }, step(3)))).toMatch(/^delayed:\d+$/);
    expect(await audits("staff.two_factor_failed")).toBeGreaterThanOrEqual(free);
  });

  it("an admin reset removes the secret and recovery codes, ends the sessions, and is audited", async () => {
    const other = await createStaff(database.db, { email: "admin2@example.kz", name: "Admin Two", role: "admin", password: PASSWORD }, SYSTEM_ACTOR);
    await expect(resetStaffTwoFactor(database.db, { staffId: admin.id }, { id: other.id, role: "agent" })).rejects.toThrow();
    await resetStaffTwoFactor(database.db, { staffId: admin.id }, { id: other.id, role: "admin" });
    const [row] = await database.db.select().from(staff).where(eq(staff.id, admin.id));
    expect(row).toMatchObject({ totpSecret: null, totpEnabledAt: null, sessionVersion: admin.sessionVersion + 1 });
    expect(await database.db.select().from(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffId, admin.id))).toEqual([]);
    expect(await audits("staff.two_factor_reset")).toBe(1);
  });
});
