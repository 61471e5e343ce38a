// npm run bench:export [-- --rows N]
//
// Seeds N requests (default 1,000,000) into a new PostgreSQL database, exports them as CSV the
// way the app does on PostgreSQL (COPY … TO STDOUT through postgres.js, lib/compliance/export-copy.ts,
// read to a byte-counting sink; with --cursor, the cursor path PGlite uses) and then runs
// the same SELECT through `psql \copy … to /dev/null with csv header`, printing rows per second for
// both, their ratio, and this process's resident memory before and at its peak: the peak should
// barely move between --rows 100000 and a million, because only one batch is in memory at a time.
// Needs DATABASE_URL naming a PostgreSQL server (the database in it is only used to create and
// drop pd_bench_<random>) and psql on PATH.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { withScratchDatabase } from "./support/scratch-database";
import { csvCellSql, openCopyCsvStream, postgresClientOf } from "@/lib/compliance/export-copy";
import { csvEncoder } from "@/lib/compliance/export-encoders";
import { REQUEST_LOG_COLUMNS, requestLogQuery, streamRequestLog } from "@/lib/compliance/export-request-log";
import { openExportStream } from "@/lib/compliance/export-stream";
import { getEnv } from "@/lib/env";

const run = promisify(execFile);
const TIME_ZONE = "Asia/Almaty";
const MB = 1_048_576;

function rowsArgument(): number {
  const at = process.argv.indexOf("--rows");
  if (at === -1) return 1_000_000;
  const rows = Number(process.argv[at + 1]);
  if (!Number.isInteger(rows) || rows < 1) throw new Error("--rows takes a whole number ≥ 1, e.g. --rows 100000");
  return rows;
}

/** Peak resident memory, sampled every 50 ms while `work` runs. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakRss: number }> {
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }, 50);
  try {
    const result = await work();
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    return { result, peakRss };
  } finally {
    clearInterval(sampler);
  }
}

async function seed(db: Db, rows: number) {
  await db.execute(sql`insert into staff (email, name, role) select 'agent' || n || '@example.kz', 'Агент ' || n, 'agent' from generate_series(1, 20) as n`);
  // Statuses, channels, extensions and assignees vary with n so every column of the log has work to do.
  await db.execute(sql`
    with agents as (select array_agg(id order by email) as ids from staff)
    insert into requests (reference, type, status, locale, jurisdiction, channel, requester_name, requester_email, details,
      consent_at, created_at, verify_by, verified_at, due_at, original_due_at, extended_at, extension_reason,
      assignee_id, denial_reason, outcome_note, closed_at, status_changed_at)
    select
      'DSR-B-' || lpad(n::text, 7, '0'),
      (array['access', 'correction', 'deletion', 'credential_misuse'])[1 + n % 4],
      st.status,
      (array['ru', 'kk', 'en'])[1 + n % 3],
      (array['KZ', 'KZ', 'KZ', 'GDPR', 'CCPA'])[1 + n % 5],
      case when n % 10 = 0 then 'email' else 'web' end,
      'Заявитель ' || n, 'person' || n || '@example.kz', '{}'::jsonb,
      t.created, t.created, t.created + interval '14 days', t.created + interval '1 hour',
      t.created + interval '30 days' + case when n % 7 = 0 then interval '30 days' else interval '0' end,
      t.created + interval '30 days',
      case when n % 7 = 0 then t.created + interval '20 days' end,
      case when n % 7 = 0 then 'Сложный запрос: нужно больше времени' end,
      case when n % 3 = 0 then null else agents.ids[1 + n % array_length(agents.ids, 1)] end,
      case when st.status = 'denied' then 'no_match' end,
      case when st.status in ('completed', 'denied') then 'Ответ отправлен: "данные", выгрузка, =итог' end,
      case when st.status in ('completed', 'denied', 'withdrawn') then t.created + (n % 45) * interval '1 day' + interval '3 hours' end,
      t.created
    from generate_series(1, ${rows}::int) as n
    cross join agents
    cross join lateral (select timestamptz '2025-01-01 00:00+00' + n * interval '30 seconds' as created) as t
    cross join lateral (select (array['completed', 'completed', 'completed', 'denied', 'in_progress', 'new', 'awaiting_requester', 'withdrawn', 'on_hold', 'completed'])[1 + n % 10] as status) as st`);
  // Sets hint bits and statistics now, so neither contestant pays for the first read after the bulk insert.
  await db.execute(sql`vacuum (analyze) requests`);
}

/** Our export, read to the end by a sink that only counts bytes; first byte = the first row's bytes (after BOM and header). */
async function exportToSink(db: Db, now: Date, viaCursor: boolean): Promise<{ rows: number; bytes: number; firstRowMs: number }> {
  const started = performance.now();
  let rows = 0;
  const onEnd = (end: { rows: number }) => {
    rows = end.rows;
  };
  const client = postgresClientOf(db);
  const body =
    viaCursor || !client
      ? await openExportStream(streamRequestLog(db, {}, TIME_ZONE, now), csvEncoder(REQUEST_LOG_COLUMNS), onEnd)
      : await openCopyCsvStream(client, requestLogQuery({}, TIME_ZONE, now, csvCellSql), REQUEST_LOG_COLUMNS, onEnd);
  const headBytes = new TextEncoder().encode(csvEncoder(REQUEST_LOG_COLUMNS).head).byteLength;
  let bytes = 0;
  let firstRowMs = NaN;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (Number.isNaN(firstRowMs) && bytes > headBytes) firstRowMs = performance.now() - started;
  }
  return { rows, bytes, firstRowMs };
}

/** The same SELECT as text for psql, whose \copy takes no bind parameters: each $n becomes a quoted literal, on one line. */
function inlineQuery(now: Date): string {
  const { sql: text, params } = requestLogQuery({}, TIME_ZONE, now).toSQL();
  return text.replace(/\$(\d+)/g, (_, n: string) => `'${String(params[Number(n) - 1]).replaceAll("'", "''")}'`).replace(/\s+/g, " ");
}

async function main() {
  const baseUrl = getEnv().DATABASE_URL;
  if (!baseUrl) {
    console.error("bench:export needs DATABASE_URL naming a PostgreSQL server, e.g.\n  DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:export -- --rows 200000");
    process.exit(1);
  }
  const rows = rowsArgument();
  await withScratchDatabase(baseUrl, async (connection, databaseUrl) => {
    let started = performance.now();
    await seed(connection.db, rows);
    console.log(`seeded ${rows.toLocaleString("en")} requests in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const now = new Date();
    // With --expose-gc (the npm script passes it), "before" is the live memory, not garbage left by seeding.
    (globalThis as { gc?: () => void }).gc?.();
    const rssBefore = process.memoryUsage.rss();
    started = performance.now();
    const viaCursor = process.argv.includes("--cursor");
    const { result: exported, peakRss } = await withPeakRss(() => exportToSink(connection.db, now, viaCursor));
    const ourSeconds = (performance.now() - started) / 1000;
    if (exported.rows !== rows) throw new Error(`the export gave ${exported.rows} rows, expected ${rows}`);

    started = performance.now();
    const psql = await run("psql", [databaseUrl, "-X", "-v", "ON_ERROR_STOP=1", "-c", `\\copy (${inlineQuery(now)}) to '/dev/null' with csv header`], { maxBuffer: 1 << 20 });
    const psqlSeconds = (performance.now() - started) / 1000;
    const psqlRows = Number(/COPY (\d+)/.exec(psql.stdout)?.[1]);
    if (psqlRows !== rows) throw new Error(`psql copied ${psql.stdout.trim()}, expected ${rows} rows`);

    const ourRate = rows / ourSeconds;
    const psqlRate = rows / psqlSeconds;
    console.log(`our CSV export : ${viaCursor ? "cursor" : "COPY"}, ${rows.toLocaleString("en")} rows, ${(exported.bytes / MB).toFixed(1)} MB in ${ourSeconds.toFixed(2)} s = ${Math.round(ourRate).toLocaleString("en")} rows/s; first row after ${exported.firstRowMs.toFixed(0)} ms (goal < 1,000 ms)`);
    console.log(`psql \\copy     : ${psqlRows.toLocaleString("en")} rows in ${psqlSeconds.toFixed(2)} s = ${Math.round(psqlRate).toLocaleString("en")} rows/s (process start included)`);
    console.log(`ratio          : our export runs at ${(ourRate / psqlRate).toFixed(2)}× the speed of psql \\copy (goal ≥ 0.5×)`);
    console.log(`memory (RSS)   : ${(rssBefore / MB).toFixed(0)} MB before the export, ${(peakRss / MB).toFixed(0)} MB at its peak (+${((peakRss - rssBefore) / MB).toFixed(0)} MB; goal ≤ 100 MB)`);
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
