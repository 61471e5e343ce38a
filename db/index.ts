import path from "node:path";
import { getEnv } from "@/lib/env";
import { openDatabase, type DatabaseConnection, type Db } from "./client";

// One connection per process, kept on globalThis: Next.js bundles instrumentation and routes
// separately, and dev reloads modules, but PGlite must never open the same folder twice.
const holder = globalThis as unknown as { __privacyDeskDatabase?: DatabaseConnection };

export function pgliteDataDir(): string {
  return path.join(getEnv().DATA_DIR, "pglite");
}

export function getConnection(): DatabaseConnection {
  if (!holder.__privacyDeskDatabase) {
    const { DATABASE_URL } = getEnv();
    holder.__privacyDeskDatabase = openDatabase(
      DATABASE_URL ? { databaseUrl: DATABASE_URL } : { pgliteDataDir: pgliteDataDir() },
    );
  }
  return holder.__privacyDeskDatabase;
}

/** The app's database handle. Pages and actions go through lib/, which awaits readiness first. */
export function getDb(): Db {
  return getConnection().db;
}

/** Where the data lives, for log lines (never includes a password). */
export function describeDatabase(): string {
  const { DATABASE_URL } = getEnv();
  if (DATABASE_URL) {
    const url = new URL(DATABASE_URL);
    return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
  }
  return `embedded PGlite in ${path.resolve(pgliteDataDir())}`;
}
