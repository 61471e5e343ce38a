import postgres from "postgres";
import type { SourceClient, SourceQuery } from "./source-client";

export type PostgresSourceOptions = { statementTimeoutSeconds: number; connectTimeoutSeconds?: number };

/**
 * A source reached with postgres.js. One connection (a run works one source at a time), a
 * statement timeout sent in the start-up packet, and the session itself marked read-only for
 * reads: `BEGIN READ ONLY` makes PostgreSQL refuse any write.
 */
export function openPostgresSource(url: string, options: PostgresSourceOptions): SourceClient {
  const sql = postgres(url, {
    max: 1,
    connect_timeout: options.connectTimeoutSeconds ?? 10,
    idle_timeout: 10,
    onnotice: () => {},
    // Values come back as the database wrote them: no date or JSON parsing surprises in a package.
    connection: { statement_timeout: options.statementTimeoutSeconds * 1000, application_name: "privacy-desk-fulfilment" },
  });
  const run = (tx: postgres.TransactionSql): SourceQuery => (text, params = []) => tx.unsafe(text, params as postgres.ParameterOrJSON<never>[]) as unknown as Promise<Record<string, unknown>[]>;
  return {
    read: (work) => sql.begin("read only", (tx) => work(run(tx))) as Promise<never>,
    write: (work) => sql.begin("read write", (tx) => work(run(tx))) as Promise<never>,
    close: () => sql.end({ timeout: 5 }),
  };
}
