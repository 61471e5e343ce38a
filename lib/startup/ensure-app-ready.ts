import { getConnection, getDb } from "@/db";
import type { Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
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

/** The database, once it is migrated: what lib/ functions called from pages use. */
export async function readyDb(): Promise<Db> {
  await ensureAppReady();
  return getDb();
}
