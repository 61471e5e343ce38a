import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { readFile, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import { getEnv } from "@/lib/env";
import { openDatabase, type DatabaseConnection } from "./client";
import { MIGRATIONS_FOLDER, migrateDatabase } from "./migrate";

export type Engine = DatabaseConnection["engine"];

/**
 * The engines integration tests run on: PGlite always, and PostgreSQL too when DATABASE_URL
 * names a server (CI sets it). Each test database is new and migrated.
 */
export function testEngines(): Engine[] {
  return getEnv().DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

export type TestDatabase = DatabaseConnection & { drop: () => Promise<void> };

/**
 * A migrated test database is a copy of one migrated once, not a fresh run of every migration:
 * on PGlite, initdb and the migrations cost ~2 s per test file; on PostgreSQL, `create database
 * … template` copies in a fraction of the migrations' time. The copy is of the committed
 * migrations as they are now (their hash names the PostgreSQL template and the PGlite tarball).
 */
export async function createTestDatabase(engine: Engine, { migrate = true } = {}): Promise<TestDatabase> {
  if (engine === "pglite") {
    const connection = openDatabase({ pgliteDataDir: null, loadDataDir: migrate ? await migratedPgliteDump() : undefined });
    return { ...connection, drop: connection.close };
  }
  const baseUrl = getEnv().DATABASE_URL;
  if (!baseUrl) throw new Error("DATABASE_URL must name a PostgreSQL server for postgres integration tests");
  const name = `pd_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  const template = migrate ? await migratedPostgresTemplate(baseUrl) : "template1";
  await admin.unsafe(`create database ${name} template ${template}`);
  const connection = openDatabase({ databaseUrl: databaseUrl(baseUrl, name) });
  return {
    ...connection,
    drop: async () => {
      await connection.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * An empty PostgreSQL database beside DATABASE_URL's, for a test that runs the app's own
 * connection (`getDb()`, migrated by `ensureAppReady`) with DATABASE_URL pointed at it: such a
 * test must never write to DATABASE_URL's own database, which others (CI's) use after it.
 */
export async function createScratchPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  // Read from the environment, not getEnv(): the settings are parsed once, and the test has yet to point them here.
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) throw new Error("DATABASE_URL must name a PostgreSQL server");
  const name = `pd_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  return {
    url: databaseUrl(baseUrl, name),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

function databaseUrl(baseUrl: string, name: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A hash of every committed migration (SQL and drizzle's journal). */
export function migrationsHash(folder = MIGRATIONS_FOLDER): string {
  const hash = createHash("sha256");
  const files = readdirSync(folder, { recursive: true, encoding: "utf8" }).sort();
  for (const file of files) {
    if (!/\.(sql|json)$/.test(file)) continue;
    hash.update(file).update("\0").update(readFileSync(path.join(folder, file))).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

let pgliteDump: Promise<Blob> | undefined;

/**
 * A migrated PGlite data folder as a tarball, made once per machine and set of migrations and
 * kept in the temp folder: Vitest runs each test file in a process of its own, so a copy kept in
 * memory would be made again for every file. Processes that find none make it at once; the
 * write-then-rename keeps a half-written one from being read.
 */
function migratedPgliteDump(): Promise<Blob> {
  pgliteDump ??= (async () => {
    const file = path.join(tmpdir(), `privacy-desk-pglite-${migrationsHash()}.tar`);
    const cached = await readFile(file).catch(() => null);
    if (cached) return new Blob([cached]);
    const connection = openDatabase({ pgliteDataDir: null });
    try {
      await migrateDatabase(connection);
      const dump = await (connection as { pglite: PGlite }).pglite.dumpDataDir("none");
      const partial = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
      await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
      await rename(partial, file);
      return dump;
    } finally {
      await connection.close();
    }
  })();
  return pgliteDump;
}

// Any constant: test processes that start together take turns building the template.
const TEMPLATE_LOCK_KEY = 7_240_114;
const postgresTemplates = new Map<string, Promise<string>>();

/**
 * The migrated template database on this server, built once (by whichever test process gets
 * there first) under a new name and renamed when complete, so a half-built one is never copied.
 */
function migratedPostgresTemplate(baseUrl: string): Promise<string> {
  let template = postgresTemplates.get(baseUrl);
  if (!template) {
    template = buildPostgresTemplate(baseUrl);
    postgresTemplates.set(baseUrl, template);
  }
  return template;
}

async function buildPostgresTemplate(baseUrl: string): Promise<string> {
  const name = `pd_template_${migrationsHash()}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    await admin`select pg_advisory_lock(${TEMPLATE_LOCK_KEY})`;
    const [existing] = await admin`select 1 from pg_database where datname = ${name}`;
    if (existing) return name;
    const building = `${name}_building_${randomBytes(4).toString("hex")}`;
    await admin.unsafe(`create database ${building}`);
    const connection = openDatabase({ databaseUrl: databaseUrl(baseUrl, building), poolSize: 1 });
    try {
      await migrateDatabase(connection);
    } finally {
      await connection.close();
    }
    await admin.unsafe(`alter database ${building} rename to ${name}`);
    return name;
  } finally {
    await admin`select pg_advisory_unlock(${TEMPLATE_LOCK_KEY})`.catch(() => {});
    await admin.end();
  }
}
