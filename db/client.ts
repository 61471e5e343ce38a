import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite, types as pgliteTypes } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { log } from "@/lib/log";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The drizzle database, whichever engine is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle: domain functions that write take one of these. */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Executor = Db | Tx;

export type DatabaseConnection =
  | { engine: "postgres"; db: Db; sql: postgres.Sql; url: string; close: () => Promise<void> }
  | { engine: "pglite"; db: Db; pglite: PGlite; close: () => Promise<void> };

/** PostgreSQL connection settings (lib/env.ts's DATABASE_* for the app). Time-outs in seconds; 0 = none. */
export type PostgresOptions = { poolSize?: number; connectTimeoutSeconds?: number; statementTimeoutSeconds?: number; lockTimeoutSeconds?: number };

export type DatabaseTarget =
  | ({ databaseUrl: string } & PostgresOptions)
  // loadDataDir: an in-memory database started from a dumped data folder (tests start from a migrated one).
  | { pgliteDataDir: string | null; loadDataDir?: Blob };

/**
 * PGlite's own bytea conversions go byte by byte in JavaScript (15 s to store a 40 MB e-mail);
 * Node's hex codec does the same in a fraction of a second.
 */
const FAST_BYTEA = {
  serializers: {
    [pgliteTypes.BYTEA]: (value: Uint8Array) => `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex")}`,
  },
  parsers: {
    [pgliteTypes.BYTEA]: (value: string) => Buffer.from(value.slice(2), "hex"),
  },
};

// pg_trgm serves the queue's search (migration 0010 creates the extension; PGlite must have it loaded).
const PGLITE_OPTIONS = { serializers: FAST_BYTEA.serializers, parsers: FAST_BYTEA.parsers, extensions: { pg_trgm } };

/**
 * drizzle's query log (LOG_LEVEL=debug): the SQL text only. Its default logger prints the
 * parameters too, which are names, e-mail addresses and message text.
 */
const queryLogger = { logQuery: (query: string) => log.debug("query", { sql: query }) };

/**
 * postgres.js settings. The time-outs go to the server in the start-up packet: a statement or a
 * lock wait that runs too long fails with a clean error instead of holding a pooled connection
 * (and the request behind it) for as long as it likes.
 */
export function postgresSettings({ poolSize = 10, connectTimeoutSeconds = 5, statementTimeoutSeconds = 0, lockTimeoutSeconds = 0 }: PostgresOptions) {
  return {
    max: poolSize,
    connect_timeout: connectTimeoutSeconds,
    idle_timeout: 30,
    onnotice: () => {},
    connection: {
      statement_timeout: statementTimeoutSeconds * 1000,
      lock_timeout: lockTimeoutSeconds * 1000,
    },
  } satisfies postgres.Options<Record<string, never>>;
}

/**
 * PREPARED_WRITES: drizzle sends its queries to postgres.js unprepared, and postgres.js then
 * describes a statement with parameters in a round trip of its own before running it (to learn the
 * parameters' types): two round trips, and a parse and plan each time. The write path's fixed
 * statements (the public form's rate limits, a new request, every timeline event and audit row,
 * a verification code, an outbox e-mail) are built with `.prepare(name)`: postgres.js keeps each
 * one prepared per connection, so after its first use it costs one round trip and no parse. The
 * hottest two are also built only once: a new request's statement (a template per shape,
 * db/run-statement.ts) and the rate limits' upsert (placeholders, lib/security/rate-limit.ts) —
 * drizzle's building of a statement costs more CPU than PostgreSQL's running of it. On PGlite
 * `.prepare` changes nothing. Queries are not prepared by default: a generic plan would
 * ignore the values the queue's searches are planned for.
 */

/** Opens a connection: postgres.js against a server, or PGlite on disk (or in memory for null). */
export function openDatabase(target: DatabaseTarget): DatabaseConnection {
  if ("databaseUrl" in target) {
    const sql = postgres(target.databaseUrl, postgresSettings(target));
    const db = drizzlePostgres(sql, { schema, logger: queryLogger }) as unknown as Db;
    return { engine: "postgres", db, sql, url: target.databaseUrl, close: () => sql.end({ timeout: 5 }) };
  }
  let pglite: PGlite;
  if (target.pgliteDataDir) {
    const dataDir = path.resolve(target.pgliteDataDir);
    mkdirSync(path.dirname(dataDir), { recursive: true });
    pglite = new PGlite(dataDir, PGLITE_OPTIONS);
  } else {
    pglite = new PGlite({ ...PGLITE_OPTIONS, loadDataDir: target.loadDataDir });
  }
  const db = drizzlePglite(pglite, { schema, logger: queryLogger }) as unknown as Db;
  return { engine: "pglite", db, pglite, close: () => pglite.close() };
}
