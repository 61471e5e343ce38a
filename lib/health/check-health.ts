import { sql } from "drizzle-orm";
import { getHealthCheckSql } from "@/db";
import { errorMessage, log } from "@/lib/log";
import { ensureDatabaseReady, readyDb } from "@/db/ready";

export type Health = { status: "ok" | "unavailable"; database: "up" | "down" };

const TIMEOUT_MS = 5_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref()),
  ]);
}

/**
 * `select 1`, on PostgreSQL over the health check's own connection (db/index.ts), so that it
 * answers at once however busy the request pool is. Throws when the database does not answer.
 */
async function selectOne(): Promise<void> {
  const healthSql = getHealthCheckSql();
  if (healthSql) await healthSql`select 1`;
  else await (await readyDb()).execute(sql`select 1`);
}

/** Is the database reachable and migrated (migrations run once per process, then are remembered)? */
export async function probeDatabase(timeoutMs = TIMEOUT_MS): Promise<void> {
  await withTimeout(
    ensureDatabaseReady().then(selectOne),
    timeoutMs,
  );
}

/** Is the database reachable and migrated? Details go to the log, not to the caller. */
export async function checkHealth(): Promise<Health> {
  try {
    await probeDatabase();
    return { status: "ok", database: "up" };
  } catch (error) {
    log.error(`health check: database unreachable: ${errorMessage(error)}`);
    return { status: "unavailable", database: "down" };
  }
}
