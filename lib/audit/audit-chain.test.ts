import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { recordAuditEvent } from "./record-audit-event";
import { verifyAuditChain } from "./verify-audit-chain";

describe.each(testEngines())("audit chain on %s", (engine) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.drop();
  });

  async function appendEvents(count: number) {
    for (let i = 0; i < count; i++) {
      await database.db.transaction((tx) =>
        recordAuditEvent(tx, {
          actorType: "system",
          action: "test.event_recorded",
          entityType: "test",
          entityId: String(i),
          data: { index: i, note: "қазақша «мәтін»", nested: { b: 2, a: [1, "x"] } },
        }),
      );
    }
  }

  /** Runs raw SQL with the append-only triggers off, as a superuser tampering with the table would. */
  async function tamper(statement: string) {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql.raw("set local session_replication_role = replica"));
      await tx.execute(sql.raw(statement));
    });
  }

  it("links each row to the one before and verifies clean", async () => {
    await appendEvents(5);
    const report = await verifyAuditChain(database.db);
    expect(report).toMatchObject({ ok: true, checked: 5 });
  });

  it("refuses UPDATE, DELETE and TRUNCATE", async () => {
    await expect(database.db.execute(sql`update audit_log set action = 'x.y'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    await expect(database.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 5 });
  });

  it("rolls the audit row back with the transaction that failed", async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await recordAuditEvent(tx, { actorType: "system", action: "test.rolled_back", entityType: "test" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 5 });
  });

  it("detects a row edited behind the trigger's back", async () => {
    const rows = await database.db.execute(sql`select min(id) + 2 as id from audit_log`);
    const target = Number((Array.isArray(rows) ? rows : (rows as { rows: { id: number }[] }).rows)[0]!.id);
    await tamper(`update audit_log set data = jsonb_set(data, '{index}', '99') where id = ${target}`);
    expect(await verifyAuditChain(database.db)).toEqual({ ok: false, checked: 2, brokenAtId: target, reason: "content_changed" });
  });
});

describe.each(testEngines())("audit chain tampering on %s", (engine) => {
  let database: TestDatabase;
  let ids: number[];

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    ids = [];
    for (let i = 0; i < 4; i++) {
      const row = await database.db.transaction((tx) =>
        recordAuditEvent(tx, { actorType: "staff", actorId: "s1", action: "test.step", entityType: "test", data: { i } }),
      );
      ids.push(row.id);
    }
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("detects a deleted row", async () => {
    const copy = await createTestDatabase(engine);
    try {
      for (let i = 0; i < 3; i++) {
        await copy.db.transaction((tx) => recordAuditEvent(tx, { actorType: "system", action: "test.step", entityType: "t" }));
      }
      await copy.db.transaction(async (tx) => {
        await tx.execute(sql.raw("set local session_replication_role = replica"));
        await tx.execute(sql.raw("delete from audit_log where id = (select min(id) + 1 from audit_log)"));
      });
      const report = await verifyAuditChain(copy.db);
      expect(report).toMatchObject({ ok: false, checked: 1, reason: "link_broken" });
    } finally {
      await copy.drop();
    }
  });

  it("detects two rows swapped", async () => {
    const [a, b] = [ids[1]!, ids[2]!];
    await database.db.transaction(async (tx) => {
      await tx.execute(sql.raw("set local session_replication_role = replica"));
      await tx.execute(sql.raw(`update audit_log set id = -1 where id = ${a}`));
      await tx.execute(sql.raw(`update audit_log set id = ${a} where id = ${b}`));
      await tx.execute(sql.raw(`update audit_log set id = ${b} where id = -1`));
    });
    expect(await verifyAuditChain(database.db)).toEqual({ ok: false, checked: 1, brokenAtId: a, reason: "link_broken" });
  });
});
