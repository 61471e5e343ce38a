import { existsSync } from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";

/**
 * Two production servers, each on a fresh database of its own (never DATABASE_URL's itself, which
 * the integration tests write to before the servers start), each working through its own
 * half of the specs one file at a time: the specs stay in a fixed order against one server (some
 * read the demo data others changed), and two run at once, so a 2-core machine keeps busy while a
 * browser waits on a page. New specs go to the first server unless listed for the second.
 */
// E2E_FIRST_PORT moves both (e.g. when 3100 is taken by a server of one's own).
const FIRST_PORT = Number(process.env.E2E_FIRST_PORT ?? 3100);
export const E2E_SERVERS = [
  { name: "server-1", port: FIRST_PORT, dataDir: ".data/e2e", databaseSuffix: "e2e1" },
  { name: "server-2", port: FIRST_PORT + 1, dataDir: ".data/e2e-2", databaseSuffix: "e2e2" },
] as const;
/**
 * Specs served by the second server; everything else goes to the first. Both halves take about as
 * long (measured per spec in CI's output: server-1 ≈ 570 s, server-2 ≈ 520 s of test time on a quiet machine).
 */
const SECOND_SERVER_SPECS = [
  "**/intake.spec.ts",
  "**/request-workspace.spec.ts",
  "**/security/**",
  "**/inbound-mail.spec.ts",
  "**/no-javascript.spec.ts",
  "**/public-site.spec.ts",
  "**/authorization.spec.ts",
  "**/dashboard-layout/kk.spec.ts",
];

/** The data folder of the server a test runs against (demo logins and session files live there). */
export function e2eDataDir(baseURL: string | undefined): string {
  const server = E2E_SERVERS.find((candidate) => baseURL === serverUrl(candidate.port));
  if (!server) throw new Error(`no e2e server at ${baseURL}`);
  return server.dataDir;
}

function serverUrl(port: number): string {
  return `http://127.0.0.1:${port}`;
}

/** Playwright's own Chromium where it is installed; Debian's otherwise (browsers can't be downloaded everywhere). */
function chromiumExecutable(): string | undefined {
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // not installed: fall through
  }
  return "/usr/bin/chromium";
}

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: E2E_SERVERS.length,
  forbidOnly: true,
  retries: 0,
  // Two servers and two browsers share the machine: a long flow gets a minute before it counts as hung.
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: E2E_SERVERS.map((server, index) => ({
    name: server.name,
    workers: 1,
    ...(index === 0 ? { testIgnore: SECOND_SERVER_SPECS } : { testMatch: SECOND_SERVER_SPECS }),
    use: { ...devices["Desktop Chrome"], channel: undefined, baseURL: serverUrl(server.port) },
  })),
  // Serves the production build (npm run test:e2e builds it first) on a fresh embedded database,
  // or on a fresh PostgreSQL database beside DATABASE_URL's when that is set.
  webServer: E2E_SERVERS.map((server) => ({
    command: `node e2e/support/start-server.mjs ${server.port} ${server.dataDir} ${server.databaseSuffix}`,
    url: `${serverUrl(server.port)}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
  })),
});
