import { ensureDatabaseReady, setDatabasePreparation } from "@/db/ready";
import { seedOperatorData } from "./seed-operator-data";

/**
 * Tells db/ready what a ready database holds beyond its migrations: the operator's seed data
 * (deadline rules, calendars, reply templates, the first policy). Every process entry point calls
 * this (through ensureAppReady or directly) before anything awaits readyDb().
 */
export function registerDatabasePreparation(): void {
  setDatabasePreparation((db) => seedOperatorData(db));
}

/** Migrates and seeds the database once per process (start-up, scripts, health probes). */
export function ensureAppReady(): Promise<void> {
  registerDatabasePreparation();
  return ensureDatabaseReady();
}
