// npm run bench:pages [-- --clients 200 --seconds 60]   (after `npx next build`)
//
// The public mix — home, a request form, a status page, the health check — from `clients`
// concurrent keep-alive clients for `seconds` against the production build (PGlite in a fresh
// DATA_DIR, or DATABASE_URL), then the same paths against a node:http server answering with the
// very bytes the app sent (same run, same machine): requests per second of each, their ratio
// (goal ≥ 50 %), errors (goal 0) and the status page's p99 (goal ≤ 1 s). Then, as the ceiling of
// what Next itself serves here, the same clients against a Next route handler answering a constant
// string on the same server (GET /api/bench/constant, on only with BENCHMARK_BASELINE=true). With
// each: the load average and the CPU per answer of the server process and, on PostgreSQL, of its
// backends (/proc), which the machine's other load disturbs less than the rates.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { runLoad, percentile, type LoadResult } from "./support/load";
import { databaseCpuMs, processTreeCpuMs } from "./support/process-cpu";
import { startNext, startProcess, type Server } from "./support/servers";
import { seedStatusToken } from "./support/status-token";

const APP_PORT = 3192;
const STATIC_PORT = 3193;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? fallback : Number(process.argv[at + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} takes a positive number`);
  return value;
}

const CEILING_PATH = "/api/bench/constant";

type Measured = { result: LoadResult; load: string; cpuMs: number; dbCpuMs: number | null };

const load1 = () => loadavg()[0]!.toFixed(1);

/** A load run with the load average around it and the CPU per answer of `pid` (and of database `database`'s backends). */
async function measured(pid: number, database: string | null, run: () => Promise<LoadResult>): Promise<Measured> {
  const before = load1();
  const cpuBefore = processTreeCpuMs(pid);
  const dbCpuBefore = database ? databaseCpuMs(database) : 0;
  const result = await run();
  const answers = Math.max(1, result.requests);
  return {
    result,
    load: `${before} → ${load1()}`,
    cpuMs: (processTreeCpuMs(pid) - cpuBefore) / answers,
    dbCpuMs: database ? (databaseCpuMs(database) - dbCpuBefore) / answers : null,
  };
}

function report(name: string, { result, load, cpuMs, dbCpuMs }: Measured, label: (path: string) => string) {
  const rate = result.requests / result.seconds;
  const cpu = `CPU per answer: server ${cpuMs.toFixed(2)} ms${dbCpuMs === null ? "" : `, PostgreSQL ${dbCpuMs.toFixed(2)} ms`}`;
  console.log(`\n${name}: ${rate.toFixed(0)} req/s, ${result.requests} answers, ${result.errors} errors in ${result.seconds.toFixed(1)} s; ${cpu}; load average ${load}`);
  console.log("| path | answers | p50 ms | p99 ms | errors | statuses |");
  console.log("| --- | --- | --- | --- | --- | --- |");
  for (const [pagePath, stats] of result.perPath) {
    const statuses = [...stats.statuses].map(([code, count]) => `${code}×${count}`).join(" ");
    console.log(`| ${label(pagePath)} | ${stats.latencies.length} | ${percentile(stats.latencies, 50).toFixed(1)} | ${percentile(stats.latencies, 99).toFixed(1)} | ${stats.errors} | ${statuses} |`);
  }
  return rate;
}

async function main() {
  const clients = option("clients", 200);
  const seconds = option("seconds", 60);
  const dataDir = path.resolve(".data", "bench", "public-pages");
  rmSync(dataDir, { recursive: true, force: true });
  const databaseUrl = process.env.DATABASE_URL;
  const database = databaseUrl ? decodeURIComponent(new URL(databaseUrl).pathname.slice(1)) : null;
  const token = await seedStatusToken({ dataDir, databaseUrl });
  const paths = ["/kk", "/ru/requests/new/access", `/kk/r/${token}`, "/api/health"];
  const label = (p: string) => (p.includes("/r/") ? "/kk/r/‹token›" : p);
  const servers: Server[] = [];
  try {
    const app = await startNext({ port: APP_PORT, readyPath: "/api/health", env: { DATA_DIR: dataDir, APP_URL: `http://127.0.0.1:${APP_PORT}`, BENCHMARK_BASELINE: "true" } });
    servers.push(app);
    // Warm up (first render of each static page) and capture the bytes for the baseline.
    const captured = [];
    for (const pagePath of paths) {
      const response = await fetch(app.url + pagePath);
      if (response.status !== 200) throw new Error(`${label(pagePath)} answered ${response.status}`);
      captured.push({ path: pagePath, contentType: response.headers.get("content-type") ?? "text/html", body: Buffer.from(await response.arrayBuffer()).toString("base64") });
    }
    const bytesFile = path.join(dataDir, "static-pages.json");
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(bytesFile, JSON.stringify(captured));

    console.log(`${clients} clients × ${seconds} s, mix: ${paths.map(label).join(", ")} (the machine may be shared: compare the ratio)`);
    const appResult = await measured(app.child.pid!, database, () => runLoad({ base: app.url, paths, clients, seconds }));
    const ceiling = (await fetch(app.url + CEILING_PATH)).status === 200 ? await measured(app.child.pid!, null, () => runLoad({ base: app.url, paths: [CEILING_PATH], clients, seconds })) : null;
    await app.stop();
    servers.pop();

    const staticServer = await startProcess([path.resolve("node_modules/tsx/dist/cli.mjs"), "bench/support/static-server.ts", String(STATIC_PORT), bytesFile], `http://127.0.0.1:${STATIC_PORT}/api/health`);
    servers.push(staticServer);
    const staticResult = await measured(staticServer.child.pid!, null, () => runLoad({ base: staticServer.url, paths, clients, seconds }));

    const appRate = report("production build", appResult, label);
    const staticRate = report("static file server, same bytes", staticResult, label);
    const ceilingRate = ceiling ? report(`ceiling: a Next route handler answering a constant string (${CEILING_PATH}), same server`, ceiling, label) : null;
    const statusP99 = percentile(appResult.result.perPath.get(paths[2]!)!.latencies, 99);
    console.log(`\nratio ${((appRate / staticRate) * 100).toFixed(0)} % of the static server's req/s (goal ≥ 50 %); errors ${appResult.result.errors} (goal 0); status page p99 ${statusP99.toFixed(0)} ms (goal ≤ 1000)`);
    if (ceilingRate !== null) console.log(`ceiling: Next's constant route handler ${((ceilingRate / staticRate) * 100).toFixed(0)} % of the static server's req/s; the mix ${((appRate / ceilingRate) * 100).toFixed(0)} % of the ceiling`);
  } finally {
    for (const server of servers.reverse()) await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
