import { getConnection, getDb } from "@/db";
import type { Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { reportDatabaseUnavailable } from "@/lib/health/database-availability";
import { DatabaseUnavailableError, isDatabaseUnavailableError } from "@/lib/health/database-unavailable";
import { seedOperatorData } from "./seed-operator-data";

const holder = globalThis as unknown as { __privacyDeskReady?: Promise<void> };

/**
 * Migrates and seeds the database once per process. A failure (say, the database is down) is
 * not remembered, so the next caller tries again instead of the process having to restart.
 */
export function ensureAppReady(): Promise<void> {
  holder.__privacyDeskReady ??= (async () => {
    const connection = getConnection();
    await migrateDatabase(connection);
    await seedOperatorData(connection.db);
  })().catch((error: unknown) => {
    holder.__privacyDeskReady = undefined;
    throw error;
  });
  return holder.__privacyDeskReady;
}

/**
 * The database, once it is migrated: what lib/ functions called from pages use. A database that
 * cannot be reached is a DatabaseUnavailableError (a 503 "try again shortly", not a 500).
 */
export async function readyDb(): Promise<Db> {
  try {
    await ensureAppReady();
  } catch (error) {
    if (!isDatabaseUnavailableError(error)) throw error;
    reportDatabaseUnavailable();
    throw new DatabaseUnavailableError(error);
  }
  return getDb();
}
