import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";

const NEXT_BIN = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

/** Starts the production build on its own port with extra settings; collects what it prints. */
function startServer(port: number, env: Record<string, string>) {
  // node runs Next directly (not through npx), so killing the child really stops the server.
  const child = spawn(process.execPath, [NEXT_BIN, "start", "-H", "127.0.0.1", "-p", String(port)], {
    env: { ...process.env, DATA_DIR: `.data/e2e-startup-${port}`, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** Stops the server and waits until it has exited, so its port is free for the next run. */
async function stop(server: { child: ChildProcess; exited: Promise<unknown> }) {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGTERM");
  await server.exited;
}

test("a malformed setting stops start-up with a message naming it", async () => {
  const server = startServer(3201, { DEFAULT_LOCALE: "de", OPERATOR_SUPPORT_EMAIL: "not-an-address" });
  try {
    const code = await Promise.race([server.exited, new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 20_000))]);
    expect(code).not.toBe("timeout");
    expect(code).not.toBe(0);
    expect(server.output()).toContain("DEFAULT_LOCALE: expected one of ru, kk, en");
    expect(server.output()).toContain("OPERATOR_SUPPORT_EMAIL: expected an e-mail address");
  } finally {
    await stop(server);
  }
});

test("an unreachable database gives 503 from health and a readable log line, not a crash", async ({ request }) => {
  // Port 1 on loopback: nothing listens there, so every connection is refused at once.
  const server = startServer(3202, { DATABASE_URL: "postgres://postgres@127.0.0.1:1/privacy_desk" });
  try {
    await expect.poll(() => server.output(), { timeout: 20_000 }).toContain("database unreachable");
    const response = await request.get("http://127.0.0.1:3202/api/health");
    expect(response.status()).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", database: "down" });
    expect(server.output()).toMatch(/database unreachable \(PostgreSQL at 127\.0\.0\.1:1\/privacy_desk\): .*ECONNREFUSED/);
    // Still serving: a second probe gets the same answer from the same process.
    expect((await request.get("http://127.0.0.1:3202/api/health")).status()).toBe(503);
    expect(server.child.exitCode).toBeNull();
  } finally {
    await stop(server);
  }
});
