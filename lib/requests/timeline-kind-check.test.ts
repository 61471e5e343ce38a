import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { rowsOf } from "@/lib/audit/record-audit-event";
import { TIMELINE_KINDS } from "./timeline-events";

describe.each(testEngines())("request_events.kind on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  }, 120_000);
  afterAll(async () => {
    await database?.drop();
  });

  // A kind added to the union without a migration (npm run db:generate) would be refused on write.
  it("is checked against exactly the kinds of the typed union", async () => {
    const [constraint] = rowsOf<{ definition: string }>(
      await database.db.execute(sql`select pg_get_constraintdef(oid) as definition from pg_constraint where conname = 'request_events_kind_check'`),
    );
    const allowed = [...(constraint?.definition ?? "").matchAll(/'([a-z_]+)'/g)].map((match) => match[1]);
    expect(allowed.sort()).toEqual([...TIMELINE_KINDS].sort());
  });

  it("refuses a kind the code does not know", async () => {
    const insert = (kind: string) =>
      database.db.execute(sql`insert into request_events (request_id, kind, actor_type) values (gen_random_uuid(), ${kind}, 'system')`);
    const refusal = await insert("made_up").then(
      () => null,
      (error: unknown) => error,
    );
    // drizzle wraps the driver's error: the constraint is named in its cause.
    expect(refusal).toMatchObject({ cause: { message: expect.stringMatching(/request_events_kind_check/) } });
  });
});
