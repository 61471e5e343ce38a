import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxEmails } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { sendStatusLinks, STATUS_LINK_MAILS_PER_DAY } from "./send-status-links";
import { fileVerifiedRequest } from "./testing";

describe.each(testEngines())("security: the lost-link page on %s", (engine) => {
  let database: TestDatabase;
  let n = 0;
  const t0 = new Date("2026-11-24T09:00:00Z");
  const linkMails = async (to: string) =>
    (await database.db.select().from(outboxEmails).where(and(eq(outboxEmails.toAddress, to), eq(outboxEmails.template, "status_links")))).length;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await fileVerifiedRequest(database.db, { email: "known@example.kz", at: t0 });
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("answers a known and an unknown address before any per-address work, along the same path", async () => {
    const deferred: (() => Promise<void>)[] = [];
    const before = await linkMails("known@example.kz");
    for (const email of ["known@example.kz", "unknown@example.kz"]) {
      expect(await sendStatusLinks(database.db, { email, locale: "en", ip: `192.0.2.${++n}` }, t0, (work) => deferred.push(work))).toEqual({ ok: true });
    }
    // Both answered, both left exactly one piece of work for later, and nothing was looked up or sent yet.
    expect(deferred).toHaveLength(2);
    expect(await linkMails("known@example.kz")).toBe(before);
    for (const work of deferred) await work();
    expect(await linkMails("known@example.kz")).toBe(before + 1);
    expect(await linkMails("unknown@example.kz")).toBe(0);
  });

  it(`sends at most ${STATUS_LINK_MAILS_PER_DAY} link e-mails a day to one address, however many ask`, async () => {
    const day = new Date("2026-11-26T09:00:00Z");
    const before = await linkMails("known@example.kz");
    for (let i = 0; i < STATUS_LINK_MAILS_PER_DAY + 2; i++) {
      expect(await sendStatusLinks(database.db, { email: "known@example.kz", locale: "ru", ip: `198.51.100.${++n}` }, new Date(day.getTime() + i * 3_600_000))).toEqual({ ok: true });
    }
    expect(await linkMails("known@example.kz")).toBe(before + STATUS_LINK_MAILS_PER_DAY);
  });
});
