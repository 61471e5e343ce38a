import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { inboundEmails, requests } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { readFixtureBytes } from "@/lib/inbound/fixtures";
import { seedDeadlineData } from "@/lib/requests/deadlines/deadline-repository";
import { verifiedRequestRow } from "@/lib/requests/testing";
import { HOUSEKEEPING_JOBS, runHousekeepingJobs } from "./worker";

describe("runHousekeepingJobs", () => {
  it("runs every job although one before it throws, and names the one that failed", async () => {
    const ran: string[] = [];
    const jobs = [
      { name: "first", run: async () => void ran.push("first") },
      {
        name: "broken",
        run: async () => {
          throw new Error("boom");
        },
      },
      { name: "retention", run: async () => void ran.push("retention") },
    ];
    expect(await runHousekeepingJobs({} as Db, new Date(), jobs)).toEqual(["broken"]);
    expect(ran).toEqual(["first", "retention"]);
  });

  it("runs retention after the inbound job in the worker's own list", () => {
    const names = HOUSEKEEPING_JOBS.map((job) => job.name);
    expect(names.indexOf("retention")).toBeGreaterThan(names.indexOf("stalled and failed inbound e-mails"));
  });
});

describe.each(testEngines())("housekeeping with bad mail waiting on %s", (engine) => {
  let database: TestDatabase;
  const now = new Date("2026-11-30T06:00:00Z");
  const longAgo = new Date("2015-01-10T10:00:00Z");

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedDeadlineData(database.db);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("processes stalled mail with a NUL subject, retries failed mail on schedule, and retention still anonymises", async () => {
    const db = database.db;
    const [expired] = await db
      .insert(requests)
      .values(verifiedRequestRow(900_001, longAgo, { status: "completed", closedAt: longAgo, statusChangedAt: longAgo }))
      .returning();
    const stored = async (name: string, values: Partial<typeof inboundEmails.$inferInsert>) => {
      const raw = readFixtureBytes(name);
      const [row] = await db
        .insert(inboundEmails)
        .values({ sourceKey: `test:${name}`, raw, rawSize: raw.byteLength, receivedAt: longAgo, ...values })
        .returning();
      return row!;
    };
    // Stored before a crash, never processed: the worker's job picks it up.
    const nul = await stored("nul-subject.eml", { status: "received" });
    // Failed once, its next try due; and one whose tries are used up (left to staff).
    const due = await stored("malformed.eml", { status: "failed", attempts: 1, nextAttemptAt: new Date(now.getTime() - 1000) });
    const givenUp = await stored("cr-only-bounce.eml", { status: "failed", attempts: 5, nextAttemptAt: null });

    expect(await runHousekeepingJobs(db, now)).toEqual([]);

    const row = async (id: string) => (await db.select().from(inboundEmails).where(eq(inboundEmails.id, id)))[0]!;
    expect(await row(nul.id)).toMatchObject({ status: "unmatched", subject: "Ответ по запросу", attempts: 1 });
    expect(await row(due.id)).toMatchObject({ status: "failed", attempts: 2 });
    expect((await row(due.id)).nextAttemptAt!.getTime()).toBe(now.getTime() + 5 * 60_000);
    expect(await row(givenUp.id)).toMatchObject({ status: "failed", attempts: 5 });
    const [after] = await db.select().from(requests).where(eq(requests.id, expired!.id));
    expect(after!.anonymisedAt).not.toBeNull();
  });
});
