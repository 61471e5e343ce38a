import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { rowsOf } from "@/lib/audit/record-audit-event";
import { hitRateLimits, pruneRateLimits } from "./rate-limit";

describe.each(testEngines())("rate limits on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.drop();
  });

  const rule = { key: "file-request:email:a@example.com", limit: 3, windowMinutes: 60 };
  const t0 = new Date("2026-11-24T10:05:00Z");

  it("trips after the limit and says when to come back", async () => {
    for (let i = 0; i < 3; i++) expect(await hitRateLimits(database.db, [rule], t0)).toEqual({ allowed: true });
    expect(await hitRateLimits(database.db, [rule], t0)).toEqual({ allowed: false, retryAfterMinutes: 55 });
    // Another key is counted on its own.
    expect(await hitRateLimits(database.db, [{ ...rule, key: "file-request:email:b@example.com" }], t0)).toEqual({ allowed: true });
  });

  it("refuses when any one of several rules is over", async () => {
    const ip = { key: "file-request:ip:127.0.0.1", limit: 100, windowMinutes: 60 };
    expect(await hitRateLimits(database.db, [ip, rule], new Date("2026-11-24T10:50:30Z"))).toEqual({ allowed: false, retryAfterMinutes: 10 });
  });

  it("counts each of several rules in one statement, a counter named twice once, each against its own limit", async () => {
    const at = new Date("2026-11-24T12:00:00Z");
    const tight = { key: "links:subject:c@example.com", limit: 1, windowMinutes: 60 };
    const loose = { key: "links:ip:10.0.0.1", limit: 5, windowMinutes: 60 };
    // The same counter twice (as a stricter rule on the same key): one hit, not an upsert error.
    expect(await hitRateLimits(database.db, [loose, tight, { ...tight, limit: 2 }], at)).toEqual({ allowed: true });
    expect(await hitRateLimits(database.db, [loose, tight], at)).toEqual({ allowed: false, retryAfterMinutes: 60 });
    // The loose one went on counting: two hits so far, three more allowed.
    for (let i = 0; i < 3; i++) expect(await hitRateLimits(database.db, [loose], at)).toEqual({ allowed: true });
    expect(await hitRateLimits(database.db, [loose], at)).toEqual({ allowed: false, retryAfterMinutes: 60 });
    expect(await hitRateLimits(database.db, [], at)).toEqual({ allowed: true });
  });

  it("recovers when the window has passed", async () => {
    expect(await hitRateLimits(database.db, [rule], new Date("2026-11-24T11:00:00Z"))).toEqual({ allowed: true });
  });

  it("prunes old windows", async () => {
    await pruneRateLimits(database.db, new Date("2026-11-24T11:00:00Z"));
    for (let i = 0; i < 2; i++) await hitRateLimits(database.db, [rule], new Date("2026-11-24T11:10:00Z"));
    expect(await hitRateLimits(database.db, [rule], new Date("2026-11-24T11:10:00Z"))).toEqual({ allowed: false, retryAfterMinutes: 50 });
  });

  it("counts in the same windows inside a transaction, where its statement is built for that transaction", async () => {
    const key = { key: "links-mail:tx@example.com", limit: 1, windowMinutes: 60 };
    await database.db.transaction(async (tx) => {
      expect(await hitRateLimits(tx, [key], t0)).toEqual({ allowed: true });
      expect(await hitRateLimits(tx, [key], t0)).toEqual({ allowed: false, retryAfterMinutes: 55 });
    });
    expect(await hitRateLimits(database.db, [key], t0)).toEqual({ allowed: false, retryAfterMinutes: 55 });
  });

  it("keeps its counters in an unlogged table: a hit writes no WAL, so its commit never waits for a flush", async () => {
    const [row] = rowsOf<{ persistence: string }>(await database.db.execute(sql`select relpersistence as persistence from pg_class where relname = 'rate_limit_counters'`));
    expect(row?.persistence).toBe("u");
  });
});
