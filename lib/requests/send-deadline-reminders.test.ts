import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxEmails, requests, staff, type NewRequest } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { seedDeadlineData } from "./deadlines/deadline-repository";
import { sendDeadlineReminders } from "./send-deadline-reminders";

// Monday 23 November 2026, 10:00 in Almaty (UTC+5); Tuesday is a working day, so "within one
// working day" reaches the end of Tuesday 24 November.
const monday10 = new Date("2026-11-23T05:00:00Z");

function request(ref: string, assigneeId: string, dueAt: Date, status: NewRequest["status"] = "in_progress"): NewRequest {
  return {
    reference: ref,
    type: "access",
    status,
    locale: "ru",
    jurisdiction: "KZ",
    requesterName: "R",
    requesterEmail: `${ref}@example.kz`,
    details: {},
    consentAt: monday10,
    verifyBy: monday10,
    verifiedAt: monday10,
    dueAt,
    assigneeId,
  };
}

describe.each(testEngines())("deadline reminders on %s", (engine) => {
  let database: TestDatabase;
  const remindersTo = async (email: string) =>
    database.db.select().from(outboxEmails).where(and(eq(outboxEmails.template, "deadline_reminder"), eq(outboxEmails.toAddress, email)));

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedDeadlineData(database.db);
    const [agent, other, idle] = await database.db
      .insert(staff)
      .values([
        { email: "agent@example.kz", name: "Агент", role: "agent", locale: "ru" },
        { email: "other@example.kz", name: "Other", role: "agent", locale: "en" },
        { email: "idle@example.kz", name: "Idle", role: "agent" },
      ])
      .returning();
    await database.db.insert(requests).values([
      request("DSR-2026-000001", agent!.id, new Date("2026-11-20T18:59:59Z")), // overdue
      request("DSR-2026-000002", agent!.id, new Date("2026-11-24T18:00:00Z")), // due Tuesday evening
      request("DSR-2026-000003", agent!.id, new Date("2026-11-26T18:00:00Z")), // later: not listed
      request("DSR-2026-000004", agent!.id, new Date("2026-11-20T18:00:00Z"), "completed"), // closed: not listed
      request("DSR-2026-000005", other!.id, new Date("2026-11-24T06:00:00Z")),
      request("DSR-2026-000006", idle!.id, new Date("2026-12-24T06:00:00Z")),
    ]);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("sends nothing before the reminder hour or on a day off", async () => {
    expect(await sendDeadlineReminders(database.db, new Date("2026-11-23T02:00:00Z"))).toBe(0); // 07:00 Almaty
    expect(await sendDeadlineReminders(database.db, new Date("2026-11-22T05:00:00Z"))).toBe(0); // Sunday
  });

  it("lists each assignee's overdue and due-soon requests once a day, in their language", async () => {
    expect(await sendDeadlineReminders(database.db, monday10)).toBe(2);
    const [mail] = await remindersTo("agent@example.kz");
    expect(mail?.locale).toBe("ru");
    expect(mail?.textBody).toContain("DSR-2026-000001");
    expect(mail?.textBody).toContain("DSR-2026-000002");
    expect(mail?.textBody).not.toContain("DSR-2026-000003");
    expect(mail?.textBody).not.toContain("DSR-2026-000004");
    expect(mail?.subject).toMatch(/1.*1/);
    expect((await remindersTo("other@example.kz"))[0]?.locale).toBe("en");
    expect(await remindersTo("idle@example.kz")).toEqual([]);

    expect(await sendDeadlineReminders(database.db, new Date(monday10.getTime() + 3_600_000))).toBe(0);
    expect(await sendDeadlineReminders(database.db, new Date(monday10.getTime() + 86_400_000))).toBe(2);
    expect(await remindersTo("agent@example.kz")).toHaveLength(2);
  });
});
