// Shared by the page benchmarks: start the production build (or any Next app folder) on a port,
// wait for it, measure a process tree's memory, stop it.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { setTimeout as sleep } from "node:timers/promises";
import { sumOverProcessTree } from "./process-tree";

const NEXT_BIN = createRequire(import.meta.url).resolve("next/dist/bin/next");

export type Server = { child: ChildProcess; url: string; stop: () => Promise<void> };

/**
 * `next start` in `cwd` on `port` with these settings; resolves once `readyPath` answers 200.
 * `nodeArgs` go to node itself (`--cpu-prof`, which NODE_OPTIONS may not carry).
 */
export async function startNext({ cwd = process.cwd(), port, env = {}, readyPath = "/", nodeArgs = [] }: { cwd?: string; port: number; env?: Record<string, string>; readyPath?: string; nodeArgs?: string[] }): Promise<Server> {
  const child = spawn(process.execPath, [...nodeArgs, NEXT_BIN, "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}${readyPath}`, child);
  return { child, url, stop: () => stopChild(child) };
}

/** A command (node script) that serves HTTP on `url`; resolves once `readyUrl` answers 200. */
export async function startProcess(args: string[], readyUrl: string, env: Record<string, string> = {}): Promise<Server> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
  await waitFor(readyUrl, child);
  return { child, url: new URL(readyUrl).origin, stop: () => stopChild(child) };
}

async function waitFor(url: string, child: ChildProcess) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server for ${url} exited with ${child.exitCode}`);
    try {
      // Bounded: a server that accepts the connection but never answers must not hang the bench.
      if ((await fetch(url, { signal: AbortSignal.timeout(5_000) })).status === 200) return;
    } catch {
      // not listening yet, or no answer within 5 s
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer 200 within 180 s`);
}

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, sleep(10_000).then(() => child.kill("SIGKILL"))]);
}

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
export function treeRss(pid: number): number {
  return sumOverProcessTree(pid, (member) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${member}/status`, "utf8"))?.[1] ?? 0) * 1024);
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;
