import { asc, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, auditSeal } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { recordAuditEvent, rowsOf } from "./record-audit-event";
import { sealAuditLog } from "./seal-audit-log";
import { verifyAuditChain } from "./verify-audit-chain";

async function appendEvents(database: TestDatabase, count: number, action = "test.event_recorded") {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const row = await database.db.transaction((tx) =>
      recordAuditEvent(tx, {
        actorType: "system",
        action,
        entityType: "test",
        entityId: String(i),
        data: { index: i, note: "қазақша «мәтін»", nested: { b: 2, a: [1, "x"] } },
      }),
    );
    ids.push(row.id);
  }
  return ids;
}

/** Runs raw SQL with the append-only triggers off, as a superuser tampering with the tables would. */
async function tamper(database: TestDatabase, ...statements: string[]) {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql.raw("set local session_replication_role = replica"));
    for (const statement of statements) await tx.execute(sql.raw(statement));
  });
}

const seal = (database: TestDatabase) => sealAuditLog(database.db, { checkpoint: "never" });

describe.each(testEngines())("audit chain on %s", (engine) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("keeps new rows pending until the sealer links them, then verifies clean", async () => {
    await appendEvents(database, 5);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 0, pending: 5 });
    expect(await seal(database)).toMatchObject({ sealed: 5, busy: false, headSeq: 5 });
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 5, pending: 0, checkpoints: 0, lastCheckpoint: null });
    expect(await seal(database)).toMatchObject({ sealed: 0, headSeq: 5 });
  });

  it("seals in batches, each seal linking to the one before", async () => {
    await appendEvents(database, 7);
    expect(await sealAuditLog(database.db, { checkpoint: "never", batchSize: 3 })).toMatchObject({ sealed: 7, headSeq: 12 });
    const seals = await database.db.select().from(auditSeal).orderBy(asc(auditSeal.seq));
    expect(seals.map((s) => s.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    for (let i = 1; i < seals.length; i++) expect(seals[i]!.prevHash).toBe(seals[i - 1]!.hash);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 12 });
  });

  it("stamps each row with its transaction's id, whatever the writer sends", async () => {
    const stamped = await database.db.transaction(async (tx) => {
      await tx.insert(auditLog).values({ occurredAt: new Date(), actorType: "system", action: "test.forged", entityType: "test", data: {}, xactId: 1 });
      const [current] = rowsOf<{ xid: string }>(await tx.execute(sql`select pg_current_xact_id()::text as xid`));
      const [row] = rowsOf<{ xact_id: string }>(await tx.execute(sql`select xact_id::text from audit_log where action = 'test.forged'`));
      return { xid: current!.xid, stored: row!.xact_id };
    });
    expect(stamped.stored).toBe(stamped.xid);
    expect(stamped.stored).not.toBe("1");
    await seal(database);
  });

  it("refuses UPDATE, DELETE and TRUNCATE on the log and on its seals", async () => {
    // (audit_checkpoint has the same triggers; checkpoints.test.ts tries them on a signed checkpoint.)
    for (const table of ["audit_log", "audit_seal", "audit_checkpoint"]) {
      await expect(database.db.execute(sql.raw(`truncate ${table} cascade`))).rejects.toThrow();
    }
    for (const table of ["audit_log", "audit_seal"]) {
      await expect(database.db.execute(sql.raw(`delete from ${table}`))).rejects.toThrow();
    }
    await expect(database.db.execute(sql`update audit_log set action = 'x.y'`)).rejects.toThrow();
    await expect(database.db.execute(sql`update audit_seal set hash = 'x'`)).rejects.toThrow();
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 13 });
  });

  it("rolls the audit row back with the transaction that failed", async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await recordAuditEvent(tx, { actorType: "system", action: "test.rolled_back", entityType: "test" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await seal(database)).toMatchObject({ sealed: 0 });
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 13, pending: 0 });
  });

  it("detects a row edited behind the trigger's back", async () => {
    const [first] = await database.db.select({ id: auditSeal.auditId }).from(auditSeal).where(sql`${auditSeal.seq} = 3`);
    await tamper(database, `update audit_log set data = jsonb_set(data, '{index}', '99') where id = ${first!.id}`);
    expect(await verifyAuditChain(database.db)).toEqual({ ok: false, checked: 2, brokenAtId: first!.id, reason: "content_changed" });
  });
});

describe.each(testEngines())("audit chain tampering on %s", (engine) => {
  let database: TestDatabase;
  let ids: number[];

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    ids = await appendEvents(database, 4, "test.step");
    await seal(database);
  });
  afterAll(async () => {
    await database?.drop();
  });

  /**
   * Tampers with the triggers off, as a superuser would, verifies, and rolls everything back so
   * the next test starts from the intact chain again.
   */
  async function verifyTampered(...statements: string[]) {
    let report: Awaited<ReturnType<typeof verifyAuditChain>> | undefined;
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql.raw("set local session_replication_role = replica"));
        for (const statement of statements) await tx.execute(sql.raw(statement));
        await tx.execute(sql.raw("set local session_replication_role = origin"));
        report = await verifyAuditChain(tx);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 4 });
    return report;
  }

  it("detects a deleted row, with or without its seal", async () => {
    expect(await verifyTampered(`delete from audit_log where id = ${ids[1]}`)).toEqual({ ok: false, checked: 1, brokenAtId: ids[1], reason: "link_broken" });
    expect(await verifyTampered(`delete from audit_seal where audit_id = ${ids[1]}`, `delete from audit_log where id = ${ids[1]}`)).toEqual({ ok: false, checked: 1, brokenAtId: ids[2], reason: "link_broken" });
  });

  it("detects two rows swapped (ids or seals)", async () => {
    const [a, b] = [ids[1]!, ids[2]!];
    expect(await verifyTampered(`update audit_log set id = -1 where id = ${a}`, `update audit_log set id = ${a} where id = ${b}`, `update audit_log set id = ${b} where id = -1`)).toEqual({
      ok: false,
      checked: 1,
      brokenAtId: a,
      reason: "content_changed",
    });
    expect(await verifyTampered(`update audit_seal set seq = -1 where seq = 2`, `update audit_seal set seq = 2 where seq = 3`, `update audit_seal set seq = 3 where seq = -1`)).toEqual({
      ok: false,
      checked: 1,
      brokenAtId: ids[2],
      reason: "link_broken",
    });
  });

  it("detects a row slipped in behind the sealer", async () => {
    // With the triggers off, a forged transaction id older than the chain head.
    const report = await verifyTampered(`insert into audit_log (id, occurred_at, actor_type, action, entity_type, data, xact_id) values (1000000, now(), 'system', 'test.forged', 't', '{}', 0)`);
    expect(report).toEqual({ ok: false, checked: 4, brokenAtId: 1000000, reason: "not_sealed" });
  });
});
