import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { getEnv } from "@/lib/env";
import { openDatabase, type DatabaseConnection } from "./client";
import { migrateDatabase } from "./migrate";

export type Engine = DatabaseConnection["engine"];

/**
 * The engines integration tests run on: PGlite always, and PostgreSQL too when DATABASE_URL
 * names a server (CI sets it). Each test database is new and migrated.
 */
export function testEngines(): Engine[] {
  return getEnv().DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

export type TestDatabase = DatabaseConnection & { drop: () => Promise<void> };

export async function createTestDatabase(engine: Engine, { migrate = true } = {}): Promise<TestDatabase> {
  if (engine === "pglite") {
    const connection = openDatabase({ pgliteDataDir: null });
    if (migrate) await migrateDatabase(connection);
    return { ...connection, drop: connection.close };
  }
  const baseUrl = getEnv().DATABASE_URL;
  if (!baseUrl) throw new Error("DATABASE_URL must name a PostgreSQL server for postgres integration tests");
  const name = `pd_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const connection = openDatabase({ databaseUrl: url.toString() });
  if (migrate) await migrateDatabase(connection);
  return {
    ...connection,
    drop: async () => {
      await connection.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
