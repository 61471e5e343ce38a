// DATABASE_URL=postgres://… npm run bench:submit [-- --seconds 20] [-- --port 3194] [-- --cpu-prof DIR]   (after `npx next build`)
//
// The request form's real submission, replayed over HTTP exactly as the page's script sends it
// (a multipart POST to /api/requests with the form's `locale`, its answers as JSON in `payload` and
// the honeypot, from the page's origin, a new e-mail address each time), against the production
// build on PostgreSQL, at 1, 10 and 50 concurrent clients; then, on the same server in the same run,
// the baseline: a Next route handler doing one INSERT (POST /api/bench/insert,
// BENCHMARK_BASELINE=true) with the same body. Prints req/s, p50 and p99 of each, their ratios and
// the goals (≥ 50 % of the baseline's req/s at c50, p99 ≤ 3×, throughput growing from c1 to c10),
// with the load average, since the machine may be shared. Runs in a throw-away database on the
// DATABASE_URL server. `--cpu-prof DIR`: the server runs under `node --cpu-prof` and leaves its
// profile there when stopped.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { percentile, runLoad, type LoadRequest, type LoadResult } from "./support/load";
import { databaseCpuMs, processCpuMs } from "./support/process-cpu";
import { startNext } from "./support/servers";

/** Where the request form's script posts (SUBMIT_URL in app/[locale]/(site)/requests/new/[type]/request-form.tsx). */
const FORM_PATH = "/api/requests";
const BASELINE_PATH = "/api/bench/insert";
const LEVELS = [1, 10, 50];

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? fallback : Number(process.argv[at + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} takes a positive number`);
  return value;
}

function cpuProfileDir(): string | null {
  const at = process.argv.indexOf("--cpu-prof");
  return at === -1 ? null : path.resolve(process.argv[at + 1] ?? ".next-profiles");
}

const BOUNDARY = "----privacydeskbench7MA4YWxkTrZu0gW";

function multipart(fields: [string, string][]): Buffer {
  const parts = fields.map(([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return Buffer.from(`${parts.join("")}--${BOUNDARY}--\r\n`, "utf8");
}

/** The body the form's script sends (onValid in request-form.tsx): its FormData's fields in its order. */
function submissionBody(n: number): Buffer {
  const values = {
    type: "access",
    name: "Айгерим Серікқызы",
    email: `bench-${n}-${randomBytes(3).toString("hex")}@example.kz`,
    phone: "",
    jurisdiction: "KZ",
    onBehalf: false,
    subjectName: "",
    comment: "Прошу предоставить мои данные.",
    consent: true,
    categories: ["device", "geolocation"],
    format: "pdf",
  };
  return multipart([
    ["locale", "ru"],
    ["payload", JSON.stringify(values)],
    ["website", ""],
  ]);
}

type Row = { clients: number; app: Stats; baseline: Stats; load: string };
type Stats = { rate: number; p50: number; p99: number; errors: number; answers: number; cpuMs: number; dbCpuMs: number };

/** A run's figures; `cpuMs` is the server's CPU per answer, which the machine's other load disturbs less than the rates. */
async function measured(pid: number, database: string, run: () => Promise<LoadResult>, key: string): Promise<Stats> {
  const cpuBefore = processCpuMs(pid);
  const dbCpuBefore = databaseCpuMs(database);
  const result = await run();
  const latencies = result.perPath.get(key)!.latencies;
  return {
    rate: result.requests / result.seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    errors: result.errors,
    answers: result.requests,
    cpuMs: (processCpuMs(pid) - cpuBefore) / Math.max(1, result.requests),
    dbCpuMs: (databaseCpuMs(database) - dbCpuBefore) / Math.max(1, result.requests),
  };
}

const load1 = () => loadavg()[0]!.toFixed(1);

async function main() {
  const seconds = option("seconds", 20);
  // Its own port, so it can run beside another agent's server.
  const PORT = option("port", 3194);
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) throw new Error("bench:submit runs on PostgreSQL: set DATABASE_URL to a server where it may create a database");
  const name = `pd_bench_submit_${randomBytes(4).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const benchDb = postgres(url.toString(), { max: 1, onnotice: () => {} });
  await benchDb.unsafe("create table bench_baseline (id bigserial primary key, created_at timestamptz not null default now(), payload text not null)");
  await benchDb.end();

  const dataDir = path.resolve(".data", "bench", "submit");
  rmSync(dataDir, { recursive: true, force: true });
  const app = await startNext({
    port: PORT,
    readyPath: "/api/health",
    env: {
      DATABASE_URL: url.toString(),
      DATA_DIR: dataDir,
      APP_URL: `http://127.0.0.1:${PORT}`,
      BENCHMARK_BASELINE: "true",
      RATE_LIMIT_PER_IP: "100000",
      RATE_LIMIT_PER_EMAIL: "100000",
      DEV_MAILBOX: "false",
      DEMO_DATA: "false",
      LOG_LEVEL: "warn",
    },
    nodeArgs: cpuProfileDir() ? ["--cpu-prof", `--cpu-prof-dir=${cpuProfileDir()}`] : [],
  });
  const headers = (extra: Record<string, string>) => ({ "Content-Type": `multipart/form-data; boundary=${BOUNDARY}`, Origin: app.url, ...extra });
  const submission = (_: string, n: number): LoadRequest => ({ method: "POST", headers: headers({ Accept: "application/json" }), body: submissionBody(n) });
  const baseline = (_: string, n: number): LoadRequest => ({ method: "POST", headers: headers({}), body: submissionBody(n) });
  const filed = (status: number, body: string) => status === 200 && body.includes('"ok":true');
  const inserted = (status: number, body: string) => status === 200 && body.includes('"ok":true');
  const rows: Row[] = [];
  try {
    // Warm-up: the first load of the form's route, and the check that both answer as expected.
    for (const [build, pathName, check] of [
      [submission, FORM_PATH, filed],
      [baseline, BASELINE_PATH, inserted],
    ] as const) {
      const warm = await runLoad({ base: app.url, paths: [pathName], clients: 2, seconds: 3, build, accept: check });
      if (warm.errors > 0 || warm.requests === 0) {
        const sample = build(pathName, -2);
        const response = await fetch(app.url + pathName, { method: sample.method, headers: sample.headers, body: new Uint8Array(sample.body) });
        throw new Error(`warm-up of ${pathName}: ${warm.errors} of ${warm.requests} answers were not a success; one answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
      }
    }
    const responseBytes = await fetch(app.url + FORM_PATH, { method: "POST", headers: submission("", 0).headers, body: new Uint8Array(submissionBody(-1)) }).then(async (r) => (await r.arrayBuffer()).byteLength);
    console.log(`form's answer: ${responseBytes} bytes; ${seconds} s per run; load average before: ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
    for (const clients of LEVELS) {
      const before = load1();
      const pid = app.child.pid!;
      const appStats = await measured(pid, name, () => runLoad({ base: app.url, paths: [FORM_PATH], clients, seconds, build: submission, accept: filed }), FORM_PATH);
      const baseStats = await measured(pid, name, () => runLoad({ base: app.url, paths: [BASELINE_PATH], clients, seconds, build: baseline, accept: inserted }), BASELINE_PATH);
      rows.push({ clients, app: appStats, baseline: baseStats, load: `${before}–${load1()}` });
      const row = rows.at(-1)!;
      console.log(`c${clients}: form ${row.app.rate.toFixed(0)} req/s, baseline ${row.baseline.rate.toFixed(0)} req/s (load ${row.load})`);
    }
  } finally {
    await app.stop();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }

  console.log("\n| clients | request form req/s | p50 ms | p99 ms | errors | CPU ms/answer: server · PostgreSQL | baseline (route + 1 INSERT) req/s | p50 ms | p99 ms | CPU ms/answer: server · PostgreSQL | req/s ratio | p99 ratio | load average (1 min) |");
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const { clients, app: a, baseline: b, load } of rows) {
    console.log(
      `| ${clients} | ${a.rate.toFixed(0)} | ${a.p50.toFixed(0)} | ${a.p99.toFixed(0)} | ${a.errors} | ${a.cpuMs.toFixed(1)} · ${a.dbCpuMs.toFixed(1)} | ${b.rate.toFixed(0)} | ${b.p50.toFixed(0)} | ${b.p99.toFixed(0)} | ${b.cpuMs.toFixed(1)} · ${b.dbCpuMs.toFixed(1)} | ${((a.rate / b.rate) * 100).toFixed(0)} % | ${(a.p99 / b.p99).toFixed(1)}× | ${load} |`,
    );
  }
  const c50 = rows.find((r) => r.clients === 50)!;
  const c1 = rows.find((r) => r.clients === 1)!;
  const c10 = rows.find((r) => r.clients === 10)!;
  const goals = [
    `c50 req/s ${((c50.app.rate / c50.baseline.rate) * 100).toFixed(0)} % of the baseline (goal ≥ 50 %): ${c50.app.rate >= 0.5 * c50.baseline.rate ? "met" : "not met"}`,
    `c50 p99 ${(c50.app.p99 / c50.baseline.p99).toFixed(1)}× the baseline's (goal ≤ 3×): ${c50.app.p99 <= 3 * c50.baseline.p99 ? "met" : "not met"}`,
    `throughput c1 → c10: ${c1.app.rate.toFixed(0)} → ${c10.app.rate.toFixed(0)} req/s (goal: grows): ${c10.app.rate > c1.app.rate ? "met" : "not met"}`,
  ];
  console.log(`\n${goals.join("\n")}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
