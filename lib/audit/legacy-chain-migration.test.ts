import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, MIGRATIONS_FOLDER } from "@/db/migrate";
import { createTestDatabase, testEngines, type TestDatabase } from "@/db/testing";
import { GENESIS_HASH, hashAuditRow } from "./hash";
import { recordAuditEvent, rowsOf } from "./record-audit-event";
import { sealAuditLog } from "./seal-audit-log";
import { verifyAuditChain } from "./verify-audit-chain";

/** The migrations folder as it was before audit_seal: the journal cut at that migration. */
function migrationsBeforeSeal(): string {
  const folder = mkdtempSync(path.join(tmpdir(), "pd-migrations-"));
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((entry) => entry.tag.endsWith("_audit_seal"));
  expect(cut).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, cut);
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

describe.each(testEngines())("audit rows chained before sealing existed, on %s", (engine) => {
  let database: TestDatabase;
  let folder: string;

  beforeAll(async () => {
    folder = migrationsBeforeSeal();
    database = await createTestDatabase(engine, { migrate: false });
    await migrateDatabase(database, folder);
    // Rows written the old way: hashed and linked by the writer, in id order, in audit_log itself.
    let prevHash = GENESIS_HASH;
    for (let i = 0; i < 3; i++) {
      const [{ id }] = rowsOf<{ id: string }>(await database.db.execute(sql`select nextval('audit_log_id_seq')::text as id`)) as [{ id: string }];
      const row = { id: Number(id), occurredAt: new Date(Date.UTC(2026, 0, 1 + i)), actorType: "system" as const, actorId: null, action: "test.legacy", entityType: "t", entityId: String(i), requestId: null, data: { i }, prevHash };
      const hash = hashAuditRow(row);
      await database.db.execute(
        sql`insert into audit_log (id, occurred_at, actor_type, actor_id, action, entity_type, entity_id, request_id, data, prev_hash, hash)
            values (${row.id}, ${row.occurredAt.toISOString()}, 'system', null, 'test.legacy', 't', ${row.entityId}, null, ${JSON.stringify(row.data)}::jsonb, ${prevHash}, ${hash})`,
      );
      prevHash = hash;
    }
    await migrateDatabase(database);
  });
  afterAll(async () => {
    await database?.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it("keeps their chain as the first seals, and new rows continue it", async () => {
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 3, pending: 0 });
    await database.db.transaction((tx) => recordAuditEvent(tx, { actorType: "system", action: "test.after_migration", entityType: "t" }));
    expect(await sealAuditLog(database.db, { checkpoint: "never" })).toMatchObject({ sealed: 1, headSeq: 4 });
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, checked: 4, pending: 0 });
  });
});
