import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type DatabaseConnection } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

/**
 * Runs a benchmark on a fresh, migrated PostgreSQL database created next to `baseUrl`'s, and drops
 * it afterwards whatever happens: a benchmark never writes into a database someone uses.
 */
export async function withScratchDatabase<T>(baseUrl: string, run: (connection: DatabaseConnection, databaseUrl: string) => Promise<T>): Promise<T> {
  const name = `pd_bench_${randomBytes(6).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const connection = openDatabase({ databaseUrl: url.toString() });
  try {
    await migrateDatabase(connection);
    return await run(connection, url.toString());
  } finally {
    await connection.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
