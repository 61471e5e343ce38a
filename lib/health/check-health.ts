import { sql } from "drizzle-orm";
import { errorMessage, log } from "@/lib/log";
import { readyDb } from "@/lib/startup/ensure-app-ready";

export type Health = { status: "ok" | "unavailable"; database: "up" | "down" };

const TIMEOUT_MS = 5_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref()),
  ]);
}

/** Is the database reachable and migrated? Details go to the log, not to the caller. */
export async function checkHealth(): Promise<Health> {
  try {
    await withTimeout(
      readyDb().then((db) => db.execute(sql`select 1`)),
      TIMEOUT_MS,
    );
    return { status: "ok", database: "up" };
  } catch (error) {
    log.error(`health check: database unreachable: ${errorMessage(error)}`);
    return { status: "unavailable", database: "down" };
  }
}
