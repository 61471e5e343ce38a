import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, auditSeal } from "@/db/schema";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { auditSealLag } from "./audit-seal-lag";
import { recordAuditEvent, rowsOf } from "./record-audit-event";
import { sealAuditLog } from "./seal-audit-log";
import { verifyAuditChain } from "./verify-audit-chain";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** The seals in chain order with their rows' (xact_id, id). */
async function sealedChain(database: TestDatabase) {
  return database.db
    .select({ seq: auditSeal.seq, auditId: auditSeal.auditId, xactId: auditLog.xactId })
    .from(auditSeal)
    .innerJoin(auditLog, eq(auditLog.id, auditSeal.auditId))
    .orderBy(asc(auditSeal.seq));
}

describe.each(testEngines())("sealing concurrent writers on %s", (engine) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("seals every committed row exactly once, in order, with no gaps, while writers and the sealer run together", async () => {
    const WRITERS = 60;
    const committed: number[] = [];
    let writing = true;
    // The sealer keeps running while the writers commit, roll back and finish out of order.
    const sealer = (async () => {
      let runs = 0;
      while (writing) {
        await sealAuditLog(database.db, { checkpoint: "never", batchSize: 7 });
        runs += 1;
        await pause(3);
      }
      return runs;
    })();
    const writers = Array.from({ length: WRITERS }, (_, w) =>
      database.db
        .transaction(async (tx) => {
          const ids: number[] = [];
          for (let e = 0; e < 1 + (w % 3); e++) {
            const row = await recordAuditEvent(tx, { actorType: "system", action: "test.concurrent", entityType: "writer", entityId: String(w), data: { w, e } });
            ids.push(row.id);
            // Later writers sleep less, so transactions commit in a different order than they began.
            await pause((WRITERS - w) % 11);
          }
          if (w % 5 === 0) throw new Error("rolled back on purpose");
          return ids;
        })
        .then(
          (ids) => committed.push(...ids),
          () => undefined,
        ),
    );
    await Promise.all(writers);
    writing = false;
    expect(await sealer).toBeGreaterThan(0);
    await sealAuditLog(database.db, { checkpoint: "never", wait: true });

    const chain = await sealedChain(database);
    expect(chain.map((seal) => seal.seq)).toEqual(Array.from({ length: committed.length }, (_, i) => i + 1));
    expect(chain.map((seal) => seal.auditId).sort((a, b) => a - b)).toEqual([...committed].sort((a, b) => a - b));
    // The chain order is (xact_id, id): each seal's row comes after the one before.
    for (let i = 1; i < chain.length; i++) {
      const [prev, next] = [chain[i - 1]!, chain[i]!];
      expect(prev.xactId < next.xactId || (prev.xactId === next.xactId && prev.auditId < next.auditId)).toBe(true);
    }
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: committed.length, pending: 0 });
    expect(await auditSealLag(database.db)).toEqual({ pending: 0, oldestPendingAt: null, oldestPendingSeconds: 0 });
  });

  it("reports rows not yet sealed as the seal lag", async () => {
    const before = Date.now();
    await database.db.transaction((tx) => recordAuditEvent(tx, { actorType: "system", action: "test.lagging", entityType: "t" }));
    const lag = await auditSealLag(database.db, new Date(before + 5_000));
    expect(lag.pending).toBe(1);
    expect(lag.oldestPendingSeconds).toBeGreaterThan(3);
    expect(lag.oldestPendingSeconds).toBeLessThanOrEqual(5);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, pending: 1 });
    await sealAuditLog(database.db, { checkpoint: "never" });
    expect((await auditSealLag(database.db)).pending).toBe(0);
  });
});

describe.each(testEngines().filter((engine) => engine === "postgres"))("the sealer's watermark on %s", (engine) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("does not seal past a transaction still open, so an older row that commits late keeps its place", async () => {
    const wrote = deferred();
    const release = deferred();
    // A writes first (smaller transaction id) and stays open; B writes and commits after it.
    const a = database.db.transaction(async (tx) => {
      const row = await recordAuditEvent(tx, { actorType: "system", action: "test.slow", entityType: "t" });
      wrote.resolve();
      await release.promise;
      return row.id;
    });
    await wrote.promise;
    const b = (await database.db.transaction((tx) => recordAuditEvent(tx, { actorType: "system", action: "test.fast", entityType: "t" }))).id;

    expect(await sealAuditLog(database.db, { checkpoint: "never" })).toMatchObject({ sealed: 0 });
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 0, pending: 1 });

    release.resolve();
    const aId = await a;
    expect(await sealAuditLog(database.db, { checkpoint: "never" })).toMatchObject({ sealed: 2 });
    expect((await sealedChain(database)).map((seal) => seal.auditId)).toEqual([aId, b]);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 2, pending: 0 });
  });

  it("lets one sealer at a time work: another finds it busy, or waits when asked to", async () => {
    await database.db.transaction((tx) => recordAuditEvent(tx, { actorType: "system", action: "test.waiting", entityType: "t" }));
    const holding = deferred();
    const release = deferred();
    const other = database.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(7240115)`);
      holding.resolve();
      await release.promise;
    });
    await holding.promise;
    expect(await sealAuditLog(database.db, { checkpoint: "never" })).toMatchObject({ sealed: 0, busy: true });
    const waiting = sealAuditLog(database.db, { checkpoint: "never", wait: true });
    await pause(50);
    release.resolve();
    await other;
    expect(await waiting).toMatchObject({ sealed: 1, busy: false, headSeq: 3 });
    const [row] = rowsOf<{ n: string }>(await database.db.execute(sql`select count(*)::text as n from audit_seal`));
    expect(row!.n).toBe("3");
  });
});
