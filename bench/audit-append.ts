// npm run bench:audit [-- --concurrency 20 --seconds 10 --work-ms 5]
//
// Many concurrent audited writes on PostgreSQL, three ways, each for the same time with the same
// number of clients, in a new database (pd_bench_<random>, dropped at the end):
//   project  — the app's recordAuditEvent (one INSERT, no shared lock), with the sealer running
//              beside the writers every 250 ms as the job loop would;
//   locked   — the previous design: a global advisory xact lock, read the last hash, hash, insert;
//   bare     — the same row inserted into a table with no trigger and no chain (the floor).
// Each transaction also changes one other row and spends --work-ms inside the transaction (the
// other statements and work of a real change), which is what a global lock makes everyone wait
// through. Prints transactions per second and latency for each, and the ratios. The chain is
// sealed and verified at the end. Needs DATABASE_URL naming a PostgreSQL server.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Db, Tx } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import * as schema from "@/db/schema";
import { auditSealLag } from "@/lib/audit/audit-seal-lag";
import { GENESIS_HASH, hashAuditRow } from "@/lib/audit/hash";
import { recordAuditEvent, rowsOf } from "@/lib/audit/record-audit-event";
import { sealAuditLog } from "@/lib/audit/seal-audit-log";
import { newAuditSigningKey } from "@/lib/audit/audit-signing-key";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { getEnv } from "@/lib/env";

function numberArgument(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at === -1) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} takes a number ≥ 0`);
  return value;
}

const CONCURRENCY = numberArgument("concurrency", 20);
const SECONDS = numberArgument("seconds", 10);
const WORK_MS = numberArgument("work-ms", 5);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const event = (client: number, n: number) => ({
  actorType: "system" as const,
  actorId: "bench",
  action: "bench.changed",
  entityType: "bench",
  entityId: String(n),
  requestId: null,
  data: { client, n, note: "қазақша «мәтін»" },
});

/** The audit write of the previous design, kept here as the baseline. */
async function lockedRecord(tx: Tx, client: number, n: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(7240114)`);
  const [previous] = rowsOf<{ hash: string }>(await tx.execute(sql`select hash from bench_audit_locked order by id desc limit 1`));
  const [{ id }] = rowsOf<{ id: string }>(await tx.execute(sql`select nextval('bench_audit_locked_id_seq')::text as id`)) as [{ id: string }];
  const row = { id: Number(id), occurredAt: new Date(), ...event(client, n), prevHash: previous?.hash ?? GENESIS_HASH };
  const hash = hashAuditRow(row);
  await tx.execute(sql`insert into bench_audit_locked values (${row.id}, ${row.occurredAt.toISOString()}, 'system', 'bench', 'bench.changed', 'bench', ${row.entityId}, null, ${JSON.stringify(row.data)}::jsonb, ${row.prevHash}, ${hash})`);
}

async function bareRecord(tx: Tx, client: number, n: number) {
  const e = event(client, n);
  await tx.execute(sql`insert into bench_audit_bare (occurred_at, actor_type, actor_id, action, entity_type, entity_id, data) values (now(), 'system', 'bench', 'bench.changed', 'bench', ${e.entityId}, ${JSON.stringify(e.data)}::jsonb)`);
}

type Variant = (tx: Tx, client: number, n: number) => Promise<unknown>;

async function measure(db: Db, record: Variant): Promise<{ perSecond: number; p50: number; p99: number; done: number }> {
  const latencies: number[] = [];
  const until = Date.now() + SECONDS * 1000;
  let counter = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, client) => {
      while (Date.now() < until) {
        const n = counter++;
        const started = performance.now();
        await db.transaction(async (tx) => {
          await tx.execute(sql`update bench_counter set n = n + 1 where id = ${1 + (n % 100)}`);
          await record(tx, client, n);
          if (WORK_MS > 0) await pause(WORK_MS);
        });
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { perSecond: latencies.length / SECONDS, p50: at(0.5), p99: at(0.99), done: latencies.length };
}

async function main() {
  const baseUrl = getEnv().DATABASE_URL;
  if (!baseUrl) throw new Error("DATABASE_URL must name a PostgreSQL server");
  const name = `pd_bench_${randomBytes(6).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const client = postgres(url.toString(), { max: CONCURRENCY + 2, onnotice: () => {} });
  const db = drizzle(client, { schema }) as unknown as Db;
  try {
    await migrateDatabase({ engine: "postgres", db, sql: client, url: url.toString(), close: async () => {} });
    await db.execute(sql.raw(`
      create table bench_counter (id int primary key, n bigint not null);
      insert into bench_counter select g, 0 from generate_series(1, 100) g;
      create sequence bench_audit_locked_id_seq;
      create table bench_audit_locked (id bigint primary key, occurred_at timestamptz not null, actor_type text not null, actor_id text, action text not null,
        entity_type text not null, entity_id text, request_id text, data jsonb not null, prev_hash text not null, hash text not null unique);
      create table bench_audit_bare (id bigserial primary key, occurred_at timestamptz not null, actor_type text not null, actor_id text, action text not null,
        entity_type text not null, entity_id text, request_id text, data jsonb not null);`));
    console.log(`audited writes on PostgreSQL: ${CONCURRENCY} clients × ${SECONDS} s each, ${WORK_MS} ms of other work inside each transaction`);

    const key = newAuditSigningKey();
    let sealing = true;
    let maxPending = 0;
    const sealer = (async () => {
      while (sealing) {
        await sealAuditLog(db, { key });
        maxPending = Math.max(maxPending, (await auditSealLag(db)).pending);
        await pause(250);
      }
    })();
    const project = await measure(db, (tx, c, n) => recordAuditEvent(tx, event(c, n)));
    sealing = false;
    await sealer;
    const locked = await measure(db, lockedRecord);
    const bare = await measure(db, bareRecord);

    const sealStarted = performance.now();
    await sealAuditLog(db, { key, wait: true, maxBatches: 1_000 });
    const sealMs = performance.now() - sealStarted;
    const report = await verifyAuditChain(db, { trustedKeys: [key] });

    const line = (label: string, r: typeof project) => `${label.padEnd(8)} ${r.perSecond.toFixed(0).padStart(6)} tx/s   p50 ${r.p50.toFixed(1).padStart(7)} ms   p99 ${r.p99.toFixed(1).padStart(7)} ms   (${r.done} transactions)`;
    console.log(line("project", project));
    console.log(line("locked", locked));
    console.log(line("bare", bare));
    console.log(`ratio project / locked (old design): ${(project.perSecond / locked.perSecond).toFixed(2)}×   p99 ${(project.p99 / locked.p99).toFixed(2)}×`);
    console.log(`ratio project / bare insert:         ${(project.perSecond / bare.perSecond).toFixed(2)}×   p99 ${(project.p99 / bare.p99).toFixed(2)}×`);
    console.log(`sealer: at most ${maxPending} rows pending while writing; final seal ${sealMs.toFixed(0)} ms; verify ${report.ok ? `ok, ${report.checked} rows, ${report.checkpoints} checkpoints` : `BROKEN ${JSON.stringify(report)}`}`);
    if (!report.ok || report.checked !== project.done) process.exitCode = 1;
  } finally {
    await client.end({ timeout: 5 });
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
