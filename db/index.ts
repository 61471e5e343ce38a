import path from "node:path";
import { getEnv } from "@/lib/env";
import postgres from "postgres";
import { openDatabase, postgresSettings, type DatabaseConnection, type Db } from "./client";

// One connection per process, kept on globalThis: Next.js bundles instrumentation and routes
// separately, and dev reloads modules, but PGlite must never open the same folder twice.
const holder = globalThis as unknown as { __privacyDeskDatabase?: DatabaseConnection; __privacyDeskHealthSql?: postgres.Sql };

export function pgliteDataDir(): string {
  return path.join(getEnv().DATA_DIR, "pglite");
}

export function getConnection(): DatabaseConnection {
  if (!holder.__privacyDeskDatabase) {
    const env = getEnv();
    holder.__privacyDeskDatabase = openDatabase(
      env.DATABASE_URL
        ? {
            databaseUrl: env.DATABASE_URL,
            poolSize: env.DATABASE_POOL_SIZE,
            connectTimeoutSeconds: env.DATABASE_CONNECT_TIMEOUT_SECONDS,
            statementTimeoutSeconds: env.DATABASE_STATEMENT_TIMEOUT_SECONDS,
            lockTimeoutSeconds: env.DATABASE_LOCK_TIMEOUT_SECONDS,
          }
        : { pgliteDataDir: pgliteDataDir() },
    );
  }
  return holder.__privacyDeskDatabase;
}

/**
 * A connection of its own for health checks on PostgreSQL, so a probe never queues behind
 * request work in a busy pool (null on PGlite, which is one connection for everything).
 */
export function getHealthCheckSql(): postgres.Sql | null {
  const env = getEnv();
  if (!env.DATABASE_URL) return null;
  holder.__privacyDeskHealthSql ??= postgres(env.DATABASE_URL, {
    ...postgresSettings({ poolSize: 1, connectTimeoutSeconds: Math.min(env.DATABASE_CONNECT_TIMEOUT_SECONDS, 3), statementTimeoutSeconds: 3, lockTimeoutSeconds: 3 }),
  });
  return holder.__privacyDeskHealthSql;
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
