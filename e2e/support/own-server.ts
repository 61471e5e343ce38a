import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";

const NEXT_BIN = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

export type OwnServer = { child: ChildProcess; exited: Promise<number | null>; output: () => string; url: string };

/** Starts the production build on its own port with extra settings; collects what it prints. */
export function startServer(port: number, env: Record<string, string>): OwnServer {
  // A fresh embedded database each time: rate-limit counters of an earlier run, or of the shared
  // server's tests when CI sets DATABASE_URL, must not carry over. A test may still pass its own.
  const dataDir = `.data/e2e-startup-${port}`;
  rmSync(dataDir, { recursive: true, force: true });
  const inherited = { ...process.env };
  delete inherited.DATABASE_URL;
  // node runs Next directly (not through npx), so killing the child really stops the server.
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-H", "127.0.0.1", "-p", String(port)], {
    env: { ...inherited, DATA_DIR: dataDir, APP_URL: `http://127.0.0.1:${port}`, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output, url: `http://127.0.0.1:${port}` };
}

/** Waits until the server answers its health check. */
export async function waitUntilHealthy(server: OwnServer): Promise<void> {
  await expect
    .poll(async () => (await fetch(`${server.url}/api/health`).catch(() => null))?.status ?? 0, { timeout: 180_000, intervals: [500] })
    .toBe(200);
}

/** Stops the server and waits until it has exited, so its port is free for the next run. */
export async function stop(server: { child: ChildProcess; exited: Promise<unknown> }) {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGTERM");
  await server.exited;
}
