import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import postgres from "postgres";
import type { DatabaseConnection } from "./client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

// Any constant works; it only has to be the same for every instance of the app.
const MIGRATION_LOCK_KEY = 7_240_113;

/**
 * Applies the committed drizzle migrations. On PostgreSQL, a session advisory lock makes
 * instances that start together take turns instead of racing on the same migration.
 */
export async function migrateDatabase(connection: DatabaseConnection, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  if (connection.engine === "pglite") {
    await migratePglite(connection.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  // A connection of its own: the advisory lock belongs to a session, and the migrator must run on it.
  const session = postgres(connection.url, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await session`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzlePostgres(session), { migrationsFolder });
  } finally {
    await session.end({ timeout: 5 });
  }
}
