import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { auditLog, policyVersions } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { SYSTEM_ACTOR } from "@/lib/audit/actor";
import { createStaff } from "@/lib/auth/create-staff";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { getCurrentPolicy, todayIn } from "./get-policy";
import { listPolicyVersionsForAdmin } from "./list-policy-versions-for-admin";
import { AppError, type AppErrorCode } from "@/lib/errors/app-error";
import { publishPolicyVersion } from "./publish-policy-version";
import { publishPolicyVersionAsAdmin } from "./publish-policy-version-as-admin";

async function expectRefusal(promise: Promise<unknown>, code: AppErrorCode) {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error, `expected AppError ${code}`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe.each(testEngines())("policy versions from the dashboard on %s", (engine) => {
  let database: TestDatabase;
  let admin: CurrentStaff;
  let agent: CurrentStaff;
  let compliance: CurrentStaff;
  // Noon in Almaty on 10 March 2027.
  const now = new Date("2027-03-10T07:00:00Z");
  const today = "2027-03-10";
  const db = () => database.db;
  const draft = { locale: "ru" as const, version: "2.0", title: "Политика конфиденциальности", body: "## Что мы собираем\n\nТолько нужное.", effectiveOn: today };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const make = async (role: CurrentStaff["role"], name: string) => {
      const row = await createStaff(db(), { email: `${role}@privacy-desk.test`, name, role }, SYSTEM_ACTOR);
      return { id: row.id, email: row.email, name: row.name, role: row.role, locale: row.locale };
    };
    admin = await make("admin", "Ada Admin");
    agent = await make("agent", "Arman Agent");
    compliance = await make("compliance", "Cora Compliance");
    // What start-up seeds: version 1.0 in every language, published by the system.
    for (const locale of ["ru", "kk", "en"] as const) {
      await publishPolicyVersion(db(), { locale, version: "1.0", title: `Policy ${locale}`, body: `Text ${locale}`, effectiveOn: "2026-11-24" }, SYSTEM_ACTOR);
    }
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("counts today in the operator's time zone", () => {
    expect(todayIn("Asia/Almaty", now)).toBe(today);
  });

  it("only admins publish or list", async () => {
    await expectRefusal(publishPolicyVersionAsAdmin(db(), draft, agent, now), "forbidden");
    await expectRefusal(publishPolicyVersionAsAdmin(db(), draft, compliance, now), "forbidden");
    await expectRefusal(listPolicyVersionsForAdmin(db(), compliance, now), "forbidden");
    expect(await db().select().from(policyVersions).where(eq(policyVersions.version, "2.0"))).toEqual([]);
  });

  it("refuses bad input with codes the form translates", async () => {
    const error = await publishPolicyVersionAsAdmin(db(), { ...draft, version: "2 0", title: " ", effectiveOn: "30.02.2027" }, admin, now).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ZodError);
    const codes = Object.fromEntries((error as ZodError).issues.map((issue) => [String(issue.path[0]), issue.message]));
    expect(codes).toEqual({ version: "invalidVersion", title: "required", effectiveOn: "invalidDate" });
  });

  it("refuses a new version that would have taken effect in the past", async () => {
    await expectRefusal(publishPolicyVersionAsAdmin(db(), { ...draft, effectiveOn: "2027-03-09" }, admin, now), "in_past");
  });

  it("publishes a version in one language, audited, in force from its date", async () => {
    const row = await publishPolicyVersionAsAdmin(db(), draft, admin, now);
    expect(row).toMatchObject({ locale: "ru", version: "2.0", effectiveOn: today, publishedBy: admin.id });
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.action, "policy.version_published"), eq(auditLog.entityId, row.id)));
    expect(audit).toMatchObject({ actorType: "staff", actorId: admin.id, data: { locale: "ru", version: "2.0", effectiveOn: today } });
    expect((await getCurrentPolicy(db(), { locale: "ru", fallbackLocale: "ru", today }))?.policy.version).toBe("2.0");
    expect((await getCurrentPolicy(db(), { locale: "en", fallbackLocale: "ru", today }))?.policy.version).toBe("1.0");
  });

  it("never edits a version: the same language and version twice is refused", async () => {
    await expectRefusal(publishPolicyVersionAsAdmin(db(), { ...draft, title: "Другой заголовок" }, admin, now), "exists");
  });

  it("a translation of an existing version takes effect on that version's day", async () => {
    const mismatch = await expectRefusal(publishPolicyVersionAsAdmin(db(), { ...draft, locale: "en", title: "Privacy policy", effectiveOn: "2027-04-01" }, admin, now), "date_mismatch");
    expect(mismatch.effectiveOn).toBe(today);
    await publishPolicyVersionAsAdmin(db(), { locale: "en", version: "2.0", title: "Privacy policy", body: "Only what is needed.", effectiveOn: today }, admin, now);
    // A late translation of a version already in force elsewhere keeps that version's day, even a past one.
    await publishPolicyVersion(db(), { locale: "ru", version: "0.9", title: "Черновая политика", body: "Текст", effectiveOn: "2026-01-01" }, SYSTEM_ACTOR);
    await publishPolicyVersionAsAdmin(db(), { locale: "kk", version: "0.9", title: "Саясат", body: "Мәтін", effectiveOn: "2026-01-01" }, admin, now);
  });

  it("lists each language's versions: scheduled, current and past", async () => {
    await publishPolicyVersionAsAdmin(db(), { ...draft, version: "3.0", effectiveOn: "2027-06-01" }, admin, now);
    const view = await listPolicyVersionsForAdmin(db(), admin, now);
    expect(view.today).toBe(today);
    expect(view.versions.ru.map((v) => [v.version, v.state, v.publishedByName])).toEqual([
      ["3.0", "scheduled", admin.name],
      ["2.0", "current", admin.name],
      ["1.0", "past", null],
      ["0.9", "past", null],
    ]);
    expect(view.versions.en.map((v) => [v.version, v.state])).toEqual([
      ["2.0", "current"],
      ["1.0", "past"],
    ]);
    expect(view.versions.kk.map((v) => [v.version, v.state])).toEqual([
      ["1.0", "current"],
      ["0.9", "past"],
    ]);
    expect(view.current.ru).toEqual({ version: "2.0", title: draft.title, body: draft.body });
    expect(view.current.kk?.body).toBe("Text kk");
  });
});
