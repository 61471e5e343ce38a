// npm run bench:queue [-- --rows N] [-- --runs N]
//
// Every query of the staff queue (lib/requests/list-queue.ts: each view, each filter,
// search by e-mail, name and reference, the counts, paging) timed on PostgreSQL at 1,000 requests
// and at N (default 1,000,000), each in its own new database (pd_bench_<random>, dropped after),
// the runs at the two sizes interleaved so both see the same load on a shared machine.
// Prints each query's p95 at both sizes and the ratio: the goal is ≤ 1.5× — the same work at any
// size. Rows are seeded by generate_series in SQL. Needs DATABASE_URL naming a PostgreSQL server.
import { loadavg } from "node:os";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { withScratchDatabase } from "./support/scratch-database";
import { rowsOf } from "@/lib/audit/record-audit-event";
import { getEnv } from "@/lib/env";
import { listQueue } from "@/lib/requests/list-queue";
import { compactStatusCounts } from "@/lib/requests/status-counts";
import { countQueueViews } from "@/lib/requests/staff/queue-views";

function numberArgument(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  if (at === -1) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} takes a whole number ≥ 1`);
  return value;
}

const NOW = new Date("2026-06-01T06:00:00Z");

/**
 * n requests received over the year before NOW: most closed (as in a queue that has run for a
 * while), a few percent open, some unverified or expired; 20 agents; names and addresses unique.
 */
async function seed(db: Db, rows: number): Promise<{ me: string }> {
  await db.execute(sql`insert into staff (email, name, role) select 'agent' || n || '@example.kz', 'Агент ' || n, 'agent' from generate_series(1, 20) as n`);
  // Bulk load without the secondary indexes, then build them: the same end state, minutes faster.
  const indexes = rowsOf<{ name: string; definition: string }>(
    await db.execute(sql`select indexname as name, indexdef as definition from pg_indexes where tablename = 'requests' and indexdef not like 'CREATE UNIQUE%'`),
  );
  for (const index of indexes) await db.execute(sql.raw(`drop index ${index.name}`));
  await db.execute(sql`
    with agents as (select array_agg(id order by email) as ids from staff)
    insert into requests (reference, type, status, locale, jurisdiction, channel, requester_name, requester_email, details,
      consent_at, created_at, verify_by, verified_at, due_at, assignee_id, urgent, status_changed_at, closed_at)
    select
      case when st.status not in ('unverified', 'expired') then 'DSR-' || (2025 + n / 900000) || '-' || lpad((n % 900000)::text, 6, '0') end,
      (array['access', 'correction', 'deletion', 'credential_misuse'])[1 + n % 4],
      st.status,
      (array['ru', 'kk', 'en'])[1 + n % 3],
      (array['KZ', 'KZ', 'KZ', 'GDPR', 'CCPA'])[1 + n % 5],
      'web',
      (array['Айгерим', 'Иван', 'Asel', 'Dana', 'Ержан', 'Мария'])[1 + n % 6] || ' ' || (array['Серікқызы', 'Петров', 'Smith', 'Нұрланов', 'Kim'])[1 + n % 5] || ' ' || n,
      'person' || n || '@mail' || (n % 50) || '.example.kz',
      '{}'::jsonb,
      t.created, t.created, t.created + interval '14 days',
      case when st.status not in ('unverified', 'expired') then t.created + interval '1 hour' end,
      case when st.status not in ('unverified', 'expired') then t.created + interval '30 days' end,
      case when n % 3 = 0 then null else agents.ids[1 + n % 20] end,
      n % 97 = 0,
      t.created,
      case when st.status in ('completed', 'denied', 'withdrawn', 'expired') then t.created + interval '10 days' end
    from generate_series(1, ${rows}::int) as n
    cross join agents
    cross join lateral (select ${NOW.toISOString()}::timestamptz - interval '365 days' + (n::float8 / ${rows}) * interval '375 days' as created) as t
    cross join lateral (select case
      when n % 100 < 4 then 'unverified' when n % 100 < 10 then 'expired'
      when n % 100 < 13 then 'new' when n % 100 < 16 then 'in_progress' when n % 100 < 17 then 'awaiting_requester' when n % 100 < 18 then 'on_hold'
      when n % 100 < 90 then 'completed' when n % 100 < 96 then 'denied' else 'withdrawn' end as status) as st`);
  for (const index of indexes) await db.execute(sql.raw(index.definition));
  await compactStatusCounts(db);
  await db.execute(sql`vacuum (analyze) requests`);
  const [agent] = rowsOf<{ id: string }>(await db.execute(sql`select id from staff order by email limit 1`));
  return { me: agent!.id };
}

type Case = { name: string; input: (size: number, firstCursor: string | null) => Record<string, unknown> };

// A request that exists at both sizes, to find by e-mail, name and reference.
const CASES: Case[] = [
  { name: "default (open) view", input: () => ({}) },
  { name: "view = mine", input: () => ({ view: "mine" }) },
  { name: "view = unassigned", input: () => ({ view: "unassigned" }) },
  { name: "view = due today", input: () => ({ view: "due_today" }) },
  { name: "view = overdue", input: () => ({ view: "overdue" }) },
  { name: "view = urgent", input: () => ({ view: "urgent" }) },
  { name: "view = awaiting", input: () => ({ view: "awaiting" }) },
  { name: "view = all", input: () => ({ view: "all" }) },
  { name: "status = new, on_hold", input: () => ({ status: "new,on_hold" }) },
  { name: "all, status = completed", input: () => ({ view: "all", status: "completed" }) },
  { name: "type = deletion", input: () => ({ type: "deletion" }) },
  { name: "jurisdiction = GDPR", input: () => ({ jurisdiction: "GDPR" }) },
  { name: "all, with unconfirmed", input: () => ({ view: "all", status: "unverified" }) },
  { name: "search e-mail", input: (size) => ({ view: "all", q: `person${Math.floor(size / 2) + 13}@mail` }) },
  { name: "search name", input: (size) => ({ view: "all", q: `Петров ${Math.floor(size / 2) + 11}` }) },
  { name: "search reference", input: (size) => ({ view: "all", q: `2025-${String(Math.floor(size / 2) + 12).padStart(6, "0")}` }) },
  { name: "next page", input: (_, cursor) => ({ after: cursor }) },
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

type Timing = { p50: number; p95: number; found: number };

/**
 * Times one query at both sizes, the runs interleaved (1k, large, 1k, large, …): on a shared
 * machine the load changes from minute to minute, and both sizes then see the same load.
 */
async function timePair(small: () => Promise<unknown>, large: () => Promise<unknown>, runs: number): Promise<[Omit<Timing, "found">, Omit<Timing, "found">]> {
  for (let i = 0; i < 3; i++) {
    await small();
    await large();
  }
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    for (const [at, run] of [small, large].entries()) {
      const started = performance.now();
      await run();
      times[at]!.push(performance.now() - started);
    }
  }
  return times.map((list) => {
    list.sort((a, b) => a - b);
    return { p50: percentile(list, 50), p95: percentile(list, 95) };
  }) as [Omit<Timing, "found">, Omit<Timing, "found">];
}

type Seeded = { db: Db; me: string; rows: number };

async function withSeeded<T>(baseUrl: string, rows: number, run: (seeded: Seeded) => Promise<T>): Promise<T> {
  return withScratchDatabase(baseUrl, async (connection) => {
    const started = performance.now();
    const { me } = await seed(connection.db, rows);
    console.log(`seeded ${rows.toLocaleString("en")} requests in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return run({ db: connection.db, me, rows });
  });
}

async function measure(small: Seeded, large: Seeded, runs: number): Promise<Map<string, [Timing, Timing]>> {
  const results = new Map<string, [Timing, Timing]>();
  const firstCursor = async ({ db, me }: Seeded) => (await listQueue(db, {}, { id: me }, NOW)).nextCursor;
  const cursors = [await firstCursor(small), await firstCursor(large)];
  for (const c of CASES) {
    const [smallInput, largeInput] = [small, large].map((seeded, at) => c.input(seeded.rows, cursors[at]!));
    const found = await Promise.all([
      listQueue(small.db, smallInput!, { id: small.me }, NOW).then((page) => page.items.length),
      listQueue(large.db, largeInput!, { id: large.me }, NOW).then((page) => page.items.length),
    ]);
    const [atSmall, atLarge] = await timePair(
      () => listQueue(small.db, smallInput!, { id: small.me }, NOW),
      () => listQueue(large.db, largeInput!, { id: large.me }, NOW),
      runs,
    );
    results.set(c.name, [
      { ...atSmall, found: found[0]! },
      { ...atLarge, found: found[1]! },
    ]);
  }
  const [countsSmall, countsLarge] = await timePair(
    () => countQueueViews(small.db, { id: small.me }, NOW),
    () => countQueueViews(large.db, { id: large.me }, NOW),
    runs,
  );
  results.set("view counts (tabs)", [
    { ...countsSmall, found: 8 },
    { ...countsLarge, found: 8 },
  ]);
  return results;
}

async function main() {
  const baseUrl = getEnv().DATABASE_URL;
  if (!baseUrl) {
    console.error("bench:queue needs DATABASE_URL naming a PostgreSQL server, e.g.\n  DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:queue");
    process.exit(1);
  }
  const rows = numberArgument("--rows", 1_000_000);
  const runs = numberArgument("--runs", 40);
  const loadBefore = loadavg()[0]!.toFixed(1);
  const results = await withSeeded(baseUrl, 1_000, (small) => withSeeded(baseUrl, rows, (large) => measure(small, large, runs)));
  console.log(`\nlistQueue (row query + counts side by side), ${runs} runs at each size after 3 warm-ups, the two sizes interleaved; p95 in ms (p50 in brackets); load average ${loadBefore} → ${loadavg()[0]!.toFixed(1)}`);
  console.log(`${"query".padEnd(24)} ${"at 1k".padStart(16)} ${`at ${rows.toLocaleString("en")}`.padStart(18)}   ratio  rows 1k/large`);
  let worst = 0;
  for (const [name, [at1k, atLarge]] of results) {
    const ratio = atLarge.p95 / at1k.p95;
    worst = Math.max(worst, ratio);
    const cell = (t: { p50: number; p95: number }) => `${t.p95.toFixed(2)} (${t.p50.toFixed(2)})`;
    console.log(`${name.padEnd(24)} ${cell(at1k).padStart(16)} ${cell(atLarge).padStart(18)}   ${ratio.toFixed(2).padStart(5)}×  ${at1k.found}/${atLarge.found}${ratio > 1.5 ? "  > 1.5×" : ""}`);
  }
  console.log(`worst ratio: ${worst.toFixed(2)}× (goal ≤ 1.5×)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
