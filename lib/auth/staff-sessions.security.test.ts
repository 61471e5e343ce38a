import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, staff, type Staff } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { getEnv } from "@/lib/env";
import { createStaff } from "./create-staff";
import { createStaffSession, listStaffSessions, revokeAllStaffSessions, revokeStaffSession, validateStaffSession } from "./staff-sessions";

const MINUTE = 60_000;

describe.each(testEngines())("security: staff sessions that end, on %s", (engine) => {
  let database: TestDatabase;
  let member: Staff;
  const t0 = new Date("2026-11-24T09:00:00Z");
  const later = (minutes: number) => new Date(t0.getTime() + minutes * MINUTE);
  const open = (now = t0) => createStaffSession(database.db, { staffId: member.id, ip: "192.0.2.1", userAgent: "Mozilla/5.0 (X11; Linux) Chromium\u0000\n" }, now);
  const check = (sessionId: string, now: Date, sessionVersion = member.sessionVersion) => validateStaffSession(database.db, { sessionId, sessionVersion }, now);

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    member = await createStaff(database.db, { email: "agent@example.kz", name: "Agent", role: "agent", password: "correct horse battery staple" }, SYSTEM_ACTOR);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("a signed-out session is dead, whoever still holds its cookie", async () => {
    const session = await open();
    expect((await check(session.id, later(1)))?.staff.id).toBe(member.id);
    await revokeStaffSession(database.db, session.id, later(2));
    expect(await check(session.id, later(3))).toBeNull();
    const audited = await database.db.select().from(auditLog).where(eq(auditLog.action, "staff.signed_out"));
    expect(audited.map((row) => row.entityId)).toEqual([member.id]);
  });

  it(`ends after ${getEnv().STAFF_SESSION_IDLE_MINUTES} idle minutes, and use keeps it alive`, async () => {
    const idle = getEnv().STAFF_SESSION_IDLE_MINUTES;
    const unused = await open();
    expect(await check(unused.id, later(idle))).toBeNull();
    const used = await open();
    for (let minute = idle - 5; minute < 3 * idle; minute += idle - 5) expect(await check(used.id, later(minute)), `minute ${minute}`).not.toBeNull();
  });

  it(`ends ${getEnv().STAFF_SESSION_MAX_HOURS} hours after sign-in however busy it is`, async () => {
    const hours = getEnv().STAFF_SESSION_MAX_HOURS;
    const session = await open();
    for (let minute = 10; minute < hours * 60; minute += 10) expect(await check(session.id, later(minute))).not.toBeNull();
    expect(await check(session.id, later(hours * 60))).toBeNull();
  });

  it("ends with a password or role change (session version) and with a disabled account", async () => {
    const session = await open();
    expect(await check(session.id, later(1), member.sessionVersion + 1)).toBeNull();
    await database.db.update(staff).set({ disabledAt: t0 }).where(eq(staff.id, member.id));
    expect(await check(session.id, later(1))).toBeNull();
    await database.db.update(staff).set({ disabledAt: null }).where(eq(staff.id, member.id));
    expect(await check(session.id, later(1))).not.toBeNull();
    // Garbage ids are refused before any query.
    expect(await check("not-a-uuid", later(1))).toBeNull();
  });

  it("lists the signed-in devices and signs out everywhere", async () => {
    const now = new Date();
    const mine = await open(now);
    const other = await open(now);
    const list = await listStaffSessions(database.db, { staffId: member.id, currentSessionId: mine.id }, now);
    expect(list.map((item) => item.id)).toEqual(expect.arrayContaining([mine.id, other.id]));
    expect(list.find((item) => item.id === mine.id)).toMatchObject({ current: true, ip: "192.0.2.1", userAgent: "Mozilla/5.0 (X11; Linux) Chromium" });
    expect(await revokeAllStaffSessions(database.db, member.id, { except: mine.id }, now)).toBeGreaterThanOrEqual(1);
    expect(await check(other.id, now)).toBeNull();
    expect(await check(mine.id, now)).not.toBeNull();
    await revokeAllStaffSessions(database.db, member.id, {}, now);
    expect(await check(mine.id, now)).toBeNull();
    expect(await listStaffSessions(database.db, { staffId: member.id, currentSessionId: mine.id }, now)).toEqual([]);
  });
});
