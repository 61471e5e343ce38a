// Starts `next start` for the end-to-end tests on a fresh PGlite folder, or, when DATABASE_URL
// points at PostgreSQL, on that database — or on a fresh one beside it named with DATABASE_SUFFIX,
// so two servers never share data. Usage: node e2e/support/start-server.mjs PORT DATA_DIR [DATABASE_SUFFIX]
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import postgres from "postgres";

const [port = "3100", dataDir = ".data/e2e", databaseSuffix = ""] = process.argv.slice(2);
rmSync(dataDir, { recursive: true, force: true });

/** DATABASE_URL for the server: the given one, or a new empty database beside it. */
async function databaseUrl() {
  const base = process.env.DATABASE_URL;
  if (!base || !databaseSuffix) return base;
  const url = new URL(base);
  const name = `${url.pathname.slice(1)}_${databaseSuffix}`;
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unusable database name ${name}`);
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  url.pathname = `/${name}`;
  return url.toString();
}

const DATABASE_URL = await databaseUrl();

// The sample app's map plus an HTTP endpoint (access and "secure this account") that
// e2e/fulfilment.spec.ts serves on 127.0.0.1 at this port (E2E_ENDPOINT_PORT in e2e/support/http-endpoint.ts).
const E2E_ENDPOINT_PORT = 3199;
mkdirSync(dataDir, { recursive: true });
const mapFile = path.resolve(dataDir, "e2e-data-map.yaml");
writeFileSync(
  mapFile,
  `${readFileSync("db/seed/fulfilment/sample-app-map.yaml", "utf8")}
http_sources:
  - id: auth
    title: Auth service
    timeout_seconds: 5
    calls:
      access: http://127.0.0.1:${E2E_ENDPOINT_PORT}/access
      secure_account: http://127.0.0.1:${E2E_ENDPOINT_PORT}/secure
    collections:
      - table: accounts
        fields:
          - { column: login, category: identity_contacts }
          - { column: last_login_ip, category: device }
`,
);
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const server = spawn(process.execPath, [nextBin, "start", "-H", "127.0.0.1", "-p", port], {
  stdio: "inherit",
  env: {
    ...process.env,
    ...(DATABASE_URL ? { DATABASE_URL } : {}),
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
    FULFILMENT_MAP: mapFile,
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
