// npm run bench:rss [-- --idle 30]   (after `npx next build`)
//
// Resident memory of the production build on PGlite — right after its first start on an empty
// DATA_DIR (migrations and demo data included), after one visit of each public page, and after
// `idle` seconds of rest — beside a bare PGlite process (a Node process that opens PGlite on an
// empty folder and runs `select 1`) measured in the same run, and their ratio.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { mb, startNext, startProcess, treeRss } from "./support/servers";

const APP_PORT = 3194;
const BARE_PORT = 3195;

const BARE_PGLITE = `
import { createServer } from "node:http";
import { PGlite } from "@electric-sql/pglite";
const db = new PGlite(process.argv[1]);
await db.query("select 1");
createServer((_, res) => res.end("ok")).listen(${BARE_PORT}, "127.0.0.1");
`;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
}

async function main() {
  const idle = option("idle", 30);
  const root = path.resolve(".data", "bench", "rss");
  rmSync(root, { recursive: true, force: true });
  // PGlite creates its data folder but not the folder above it.
  mkdirSync(root, { recursive: true });

  const bare = await startProcess(["--input-type=module", "-e", BARE_PGLITE, path.join(root, "bare-pglite")], `http://127.0.0.1:${BARE_PORT}/`);
  const bareFirst = treeRss(bare.child.pid!);
  await sleep(idle * 1000);
  const bareIdle = treeRss(bare.child.pid!);
  await bare.stop();

  const app = await startNext({ port: APP_PORT, readyPath: "/api/health", env: { DATA_DIR: path.join(root, "app"), APP_URL: `http://127.0.0.1:${APP_PORT}` } });
  const first = treeRss(app.child.pid!);
  for (const page of ["/kk", "/ru/policy", "/en/requests/new/access", "/kk/requests/find", "/en/staff/sign-in"]) await (await fetch(app.url + page)).arrayBuffer();
  const visited = treeRss(app.child.pid!);
  await sleep(idle * 1000);
  const idleRss = treeRss(app.child.pid!);
  await app.stop();

  console.log(`RSS on PGlite (process tree), idle = ${idle} s; the machine may be shared\n`);
  console.log("| moment | production build | bare PGlite process | ratio |");
  console.log("| --- | --- | --- | --- |");
  console.log(`| first start (empty DATA_DIR) | ${mb(first)} | ${mb(bareFirst)} | ${(first / bareFirst).toFixed(1)}× |`);
  console.log(`| after one visit of 5 pages | ${mb(visited)} | — | ${(visited / bareFirst).toFixed(1)}× |`);
  console.log(`| idle | ${mb(idleRss)} | ${mb(bareIdle)} | ${(idleRss / bareIdle).toFixed(1)}× |`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
