import { reportDatabaseUnavailable } from "@/lib/health/database-availability";
import { DatabaseUnavailableError, isDatabaseUnavailableError } from "@/lib/health/database-unavailable";
import type { Db } from "./client";
import { getConnection, getDb } from "./index";
import { migrateDatabase } from "./migrate";

/** What the app needs in a migrated database before it counts as ready (the operator's seed data). */
export type DatabasePreparation = (db: Db) => Promise<void>;

// On globalThis: Next.js bundles instrumentation (which registers the preparation at start-up)
// and the routes (which await readiness) separately, and dev reloads modules.
const holder = globalThis as unknown as { __privacyDeskReady?: Promise<void>; __privacyDeskPreparation?: DatabasePreparation };

/**
 * Says what a migrated database still needs before it is ready. Registered by the process's
 * start-up (lib/startup/ensure-app-ready.ts), so that db/ does not import the app's domain code.
 */
export function setDatabasePreparation(prepare: DatabasePreparation): void {
  holder.__privacyDeskPreparation = prepare;
}

/**
 * Migrates and prepares the database once per process. A failure (say, the database is down) is
 * not remembered, so the next caller tries again instead of the process having to restart.
 */
export function ensureDatabaseReady(): Promise<void> {
  holder.__privacyDeskReady ??= (async () => {
    const prepare = holder.__privacyDeskPreparation;
    // A process that skipped its start-up would run on a database without rules or policy.
    if (!prepare) throw new Error("the database's preparation is not registered: the process must start through lib/startup (ensureAppReady)");
    const connection = getConnection();
    await migrateDatabase(connection);
    await prepare(connection.db);
  })().catch((error: unknown) => {
    holder.__privacyDeskReady = undefined;
    throw error;
  });
  return holder.__privacyDeskReady;
}

/**
 * The database, once it is migrated and prepared: what lib/ functions called from pages use. A
 * database that cannot be reached is a DatabaseUnavailableError (a 503 "try again shortly", not a 500).
 */
export async function readyDb(): Promise<Db> {
  try {
    await ensureDatabaseReady();
  } catch (error) {
    if (!isDatabaseUnavailableError(error)) throw error;
    reportDatabaseUnavailable();
    throw new DatabaseUnavailableError(error);
  }
  return getDb();
}
