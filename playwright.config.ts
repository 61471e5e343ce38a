import { existsSync } from "node:fs";
import { chromium, defineConfig, devices } from "@playwright/test";

export const E2E_PORT = 3100;
export const E2E_DATA_DIR = ".data/e2e";

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
  workers: 1,
  forbidOnly: true,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
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
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    // Serves the production build (npm run test:e2e builds it first) on a fresh embedded database,
    // or on DATABASE_URL when that is set.
    command: `node e2e/support/start-server.mjs ${E2E_PORT} ${E2E_DATA_DIR}`,
    url: `http://127.0.0.1:${E2E_PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
