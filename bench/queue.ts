// npm run bench:queue [-- --rows N] [-- --runs N] [-- --seed realistic|synthetic]
//
// Every query of the staff queue (lib/requests/list-queue.ts: each view, each filter,
// search by e-mail, name and reference, the counts, paging) timed on PostgreSQL at 1,000 requests
// and at N (default 1,000,000), each in its own new database (pd_bench_<random>, dropped after),
// the runs at the two sizes interleaved so both see the same load on a shared machine.
// Prints each query's p95 at both sizes and the ratio: the goal is ≤ 1.5× — the same work at any
// size. Rows are seeded by generate_series in SQL (bench/support/queue-seed.ts: --seed realistic, the
// default, draws names and addresses as real ones look; synthetic is the seed of the earlier figures).
// Needs DATABASE_URL naming a PostgreSQL server.
import { loadavg } from "node:os";
import type { Db } from "@/db/client";
import { QUEUE_NOW as NOW, QUEUE_SEEDS, searchTerms, seedQueue, type QueueSeed, type SearchTerms } from "./support/queue-seed";
import { withScratchDatabase } from "./support/scratch-database";
import { getEnv } from "@/lib/env";
import { listQueue } from "@/lib/requests/list-queue";
import { countQueueViews } from "@/lib/requests/staff/queue-views";

function numberArgument(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  if (at === -1) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} takes a whole number ≥ 1`);
  return value;
}

type Case = { name: string; input: (terms: SearchTerms, firstCursor: string | null) => Record<string, unknown> };

// The searches look for one request in the middle of each database (searchTerms), as staff type it: its
// address, the address before the "@", its name, the surname alone, its reference.
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
  { name: "search e-mail", input: (terms) => ({ view: "all", q: terms.email }) },
  { name: "search e-mail part", input: (terms) => ({ view: "all", q: terms.emailPart }) },
  { name: "search name", input: (terms) => ({ view: "all", q: terms.name }) },
  { name: "search surname", input: (terms) => ({ view: "all", q: terms.namePart }) },
  { name: "search reference", input: (terms) => ({ view: "all", q: terms.reference }) },
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

type Seeded = { db: Db; me: string; rows: number; terms: SearchTerms };

async function withSeeded<T>(baseUrl: string, rows: number, people: QueueSeed, run: (seeded: Seeded) => Promise<T>): Promise<T> {
  return withScratchDatabase(baseUrl, async (connection) => {
    const started = performance.now();
    const { me } = await seedQueue(connection.db, rows, people);
    console.log(`seeded ${rows.toLocaleString("en")} requests (${people}) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return run({ db: connection.db, me, rows, terms: await searchTerms(connection.db, rows, people) });
  });
}

async function measure(small: Seeded, large: Seeded, runs: number): Promise<Map<string, [Timing, Timing]>> {
  const results = new Map<string, [Timing, Timing]>();
  const firstCursor = async ({ db, me }: Seeded) => (await listQueue(db, {}, { id: me }, NOW)).nextCursor;
  const cursors = [await firstCursor(small), await firstCursor(large)];
  console.log(`search terms: at 1k ${JSON.stringify(small.terms)}, at ${large.rows.toLocaleString("en")} ${JSON.stringify(large.terms)}`);
  for (const c of CASES) {
    const [smallInput, largeInput] = [small, large].map((seeded, at) => c.input(seeded.terms, cursors[at]!));
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
  const seedAt = process.argv.indexOf("--seed");
  const people = (seedAt === -1 ? "realistic" : process.argv[seedAt + 1]) as QueueSeed;
  if (!QUEUE_SEEDS.includes(people)) throw new Error(`--seed takes one of ${QUEUE_SEEDS.join(", ")}`);
  const loadBefore = loadavg()[0]!.toFixed(1);
  const results = await withSeeded(baseUrl, 1_000, people, (small) => withSeeded(baseUrl, rows, people, (large) => measure(small, large, runs)));
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
