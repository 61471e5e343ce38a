// Starts `next start` for the end-to-end tests on a fresh PGlite folder (ignored when
// DATABASE_URL points at PostgreSQL). Usage: node e2e/support/start-server.mjs PORT DATA_DIR
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";

const [port = "3100", dataDir = ".data/e2e"] = process.argv.slice(2);
rmSync(dataDir, { recursive: true, force: true });
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const server = spawn(process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", port], {
  stdio: "inherit",
  env: {
    ...process.env,
    DATA_DIR: dataDir,
    APP_URL: `http://127.0.0.1:${port}`,
    // The specs read codes from the development mailbox, and all of them come from one address.
    DEV_MAILBOX: "true",
    // …on a production build: a test server only, never a real deployment.
    DEV_MAILBOX_IN_PRODUCTION: "true",
    RATE_LIMIT_PER_IP: "10000",
    // A demo admin whose login the staff specs read from DATA_DIR, and sample requests.
    DEMO_DATA: "true",
    // The inbound-mail specs post signed messages with this secret (e2e/support/inbound.ts).
    INBOUND_WEBHOOK_SECRET: "e2e-inbound-webhook-secret-0123456789abcdef",
    // Seals the demo sample app's source URL (a production build has no generated key).
    FULFILMENT_ENCRYPTION_KEY: "ZTJlLWZ1bGZpbG1lbnQta2V5LTAxMjM0NTY3ODlhYmM=",
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
