// npm run bench:page-weight   (after `npx next build`)
//
// First-load JavaScript of each public page — every script the HTML loads, gzip-compressed the
// way a server would send it — beside a bare Next page ("hello" in an empty App Router app)
// built with the same Next version in the same run, and their ratio (goal ≤ 1.2×). Also the
// page's own HTML (gzip), which carries the RSC payload and the client components' messages.
// The bare app is built once into .data/bench/bare-next-<version> and reused afterwards.
// With --lighthouse, also Lighthouse (mobile, from npm through npx, Chromium at CHROME_PATH or
// /usr/bin/chromium) on /kk, a request form and a status page, and on the bare page as the
// baseline: performance and accessibility, the metrics the score is made of, the LCP element and
// the render-blocking files, with the load average (the machine is shared: compare with the bare
// page's score from the same run).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { loadavg } from "node:os";
import { gzipSync } from "node:zlib";
import { kb, startNext, type Server } from "./support/servers";
import { seedStatusToken } from "./support/status-token";

const require = createRequire(import.meta.url);
const NEXT_VERSION: string = require("next/package.json").version;
const APP_PORT = 3190;
const BARE_PORT = 3191;

/** An empty App Router app next to ours (so it resolves the same node_modules), built once. */
function buildBareApp(): string {
  const dir = path.resolve(".data", "bench", `bare-next-${NEXT_VERSION}`);
  if (existsSync(path.join(dir, ".next", "BUILD_ID"))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "app"), { recursive: true });
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "bare-next", private: true }));
  writeFileSync(path.join(dir, "next.config.mjs"), "export default {};\n");
  writeFileSync(path.join(dir, "app", "layout.jsx"), 'export default function Layout({ children }) {\n  return <html lang="en"><body>{children}</body></html>;\n}\n');
  writeFileSync(path.join(dir, "app", "page.jsx"), "export default function Page() {\n  return <main><h1>Hello</h1></main>;\n}\n");
  console.log(`building a bare Next ${NEXT_VERSION} app in ${dir} (once) …`);
  execFileSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { cwd: dir, stdio: "ignore" });
  return dir;
}

const SCRIPT_SRC = /<script\b[^>]*\bsrc="([^"]+)"/g;
const PRELOADED_SCRIPT = /<link\b[^>]*\brel="(?:modulepreload|preload)"[^>]*\bas="script"[^>]*\bhref="([^"]+)"|<link\b[^>]*\bhref="([^"]+)"[^>]*\bas="script"/g;

export type PageWeight = { path: string; status: number; html: number; js: number; scripts: number };

/** The page's HTML (gzip) and the gzip size of every distinct script it loads. */
export async function pageWeight(base: string, pagePath: string): Promise<PageWeight> {
  const response = await fetch(base + pagePath);
  const html = await response.text();
  const sources = new Set<string>();
  for (const match of html.matchAll(SCRIPT_SRC)) sources.add(match[1]!);
  for (const match of html.matchAll(PRELOADED_SCRIPT)) sources.add((match[1] ?? match[2])!);
  let js = 0;
  for (const source of sources) {
    const script = await fetch(new URL(source.replaceAll("&amp;", "&"), base));
    js += gzipSync(Buffer.from(await script.arrayBuffer())).byteLength;
  }
  return { path: pagePath, status: response.status, html: gzipSync(Buffer.from(html)).byteLength, js, scripts: sources.size };
}

type LighthouseResult = {
  performance: number;
  accessibility: number;
  /** What the score is made of, and where a page loses it: each metric's value as Lighthouse words it. */
  metrics: { fcp: string; lcp: string; tbt: string; cls: string; si: string; lcpElement: string; renderBlocking: string; serverResponse: string; mainThread: string };
};

/** Lighthouse (mobile, its default simulated throttling) on one URL; its whole report is kept at `output`. */
function lighthouse(url: string, output: string): LighthouseResult {
  execFileSync(
    "npx",
    ["-y", "lighthouse@12.8.2", url, "--quiet", "--only-categories=performance,accessibility", "--output=json", `--output-path=${output}`, "--chrome-flags=--headless --no-sandbox"],
    { stdio: "ignore", env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium" } },
  );
  const report = JSON.parse(readFileSync(output, "utf8"));
  const audit = (id: string): { displayValue?: string; details?: { items?: { node?: { snippet?: string }; items?: { node?: { snippet?: string } }[]; url?: string }[] } } => report.audits[id] ?? {};
  const shown = (id: string) => audit(id).displayValue ?? "—";
  const lcpItems = audit("largest-contentful-paint-element").details?.items ?? [];
  const lcpNode = lcpItems.flatMap((item) => (item.node ? [item.node] : (item.items ?? []).flatMap((inner) => (inner.node ? [inner.node] : []))))[0];
  const blocking = (audit("render-blocking-resources").details?.items ?? []).map((item) => path.basename(item.url ?? "")).join(", ");
  const { categories } = report;
  return {
    performance: Math.round(categories.performance.score * 100),
    accessibility: Math.round(categories.accessibility.score * 100),
    metrics: {
      fcp: shown("first-contentful-paint"),
      lcp: shown("largest-contentful-paint"),
      tbt: shown("total-blocking-time"),
      cls: shown("cumulative-layout-shift"),
      si: shown("speed-index"),
      lcpElement: (lcpNode?.snippet ?? "—").replaceAll("|", "\\|"),
      renderBlocking: blocking || "none",
      serverResponse: shown("server-response-time"),
      mainThread: shown("mainthread-work-breakdown"),
    },
  };
}

/** Asks for a page once (rendering it into the cache); once more if a kept-alive socket closed under the first ask. */
async function warm(url: string): Promise<void> {
  try {
    await (await fetch(url)).arrayBuffer();
  } catch {
    await (await fetch(url)).arrayBuffer();
  }
}

async function main() {
  if (!existsSync(".next/BUILD_ID")) throw new Error("no production build: run `npx next build` first");
  const bareDir = buildBareApp();
  const dataDir = path.resolve(".data", "bench", "page-weight");
  rmSync(dataDir, { recursive: true, force: true });
  const databaseUrl = process.env.DATABASE_URL;
  const token = await seedStatusToken({ dataDir, databaseUrl });
  const servers: Server[] = [];
  try {
    const app = await startNext({ port: APP_PORT, readyPath: "/api/health", env: { DATA_DIR: dataDir, APP_URL: `http://127.0.0.1:${APP_PORT}` } });
    servers.push(app);
    const bare = await startNext({ cwd: bareDir, port: BARE_PORT });
    servers.push(bare);
    const baseline = await pageWeight(bare.url, "/");
    const pages = [
      "/kk",
      "/ru/policy",
      "/ru/policy/1.0",
      ...["access", "correction", "deletion", "credential_misuse"].map((type) => `/en/requests/new/${type}`),
      "/kk/requests/find",
      `/kk/r/${token}`,
    ];
    console.log(`\nFirst-load JS (gzip) vs a bare Next ${NEXT_VERSION} page: ${kb(baseline.js)} in ${baseline.scripts} scripts; goal ≤ 1.2×\n`);
    console.log("| page | status | first-load JS (gzip) | scripts | ratio to bare | HTML (gzip) |");
    console.log("| --- | --- | --- | --- | --- | --- |");
    let worst = 0;
    for (const pagePath of pages) {
      const weight = await pageWeight(app.url, pagePath);
      const ratio = weight.js / baseline.js;
      worst = Math.max(worst, ratio);
      const shown = pagePath.startsWith("/kk/r/") ? "/kk/r/‹token›" : pagePath;
      console.log(`| ${shown} | ${weight.status} | ${kb(weight.js)} | ${weight.scripts} | ${ratio.toFixed(2)}× | ${kb(weight.html)} |`);
    }
    console.log(`| bare Next page | ${baseline.status} | ${kb(baseline.js)} | ${baseline.scripts} | 1.00× | ${kb(baseline.html)} |`);
    console.log(`\nworst ratio ${worst.toFixed(2)}× (goal ≤ 1.2×): ${worst <= 1.2 ? "met" : "NOT met"}`);
    if (process.argv.includes("--lighthouse")) {
      // Each page is asked for once before Lighthouse loads it: a static page is rendered on its
      // first request in a language and served from the cache after, which is what visitors get.
      // The bare Next page is the baseline: what the framework alone scores on this machine now.
      const runs = [
        ...["/kk", "/kk/requests/new/access", `/kk/r/${token}`].map((pagePath) => ({ url: app.url + pagePath, shown: pagePath.startsWith("/kk/r/") ? "/kk/r/‹token›" : pagePath })),
        { url: `${bare.url}/`, shown: "bare Next page (baseline)" },
      ];
      console.log(`\nLighthouse mobile (simulated throttling); load average ${loadavg()[0]!.toFixed(1)} at the start`);
      console.log("| page | performance | accessibility | FCP | LCP | TBT | CLS | Speed Index | main-thread work | server response | render-blocking | LCP element |");
      console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
      for (const [index, run] of runs.entries()) {
        await warm(run.url);
        const result = lighthouse(run.url, path.join(dataDir, `lighthouse-${index}.json`));
        const m = result.metrics;
        console.log(`| ${run.shown} | ${result.performance} | ${result.accessibility} | ${m.fcp} | ${m.lcp} | ${m.tbt} | ${m.cls} | ${m.si} | ${m.mainThread} | ${m.serverResponse} | ${m.renderBlocking} | \`${m.lcpElement}\` |`);
      }
      console.log(`load average ${loadavg()[0]!.toFixed(1)} at the end; reports in ${dataDir}/lighthouse-*.json`);
    }
  } finally {
    for (const server of servers.reverse()) await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
