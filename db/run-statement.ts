import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Db } from "./client";

type PostgresJsClient = { unsafe(query: string, params: unknown[], options: { prepare: boolean }): PromiseLike<unknown> };

const dialect = new PgDialect();

function postgresJsClient(db: Db): PostgresJsClient | null {
  const client = (db as { $client?: unknown }).$client as Partial<PostgresJsClient & { begin: unknown }> | undefined;
  return client && typeof client.unsafe === "function" && typeof client.begin === "function" ? (client as PostgresJsClient) : null;
}

/**
 * Several INSERTs as one statement: the first is the main one, the others run beside it as
 * data-modifying WITH queries. PostgreSQL runs it as a unit (all rows or none) and checks foreign
 * keys at its end, so rows may point at the main one's row.
 */
export function insertsAsOneStatement(main: SQLWrapper, ...others: SQLWrapper[]): SQL {
  // getSQL(): a query builder put into sql`` directly is taken for a subquery and parenthesised.
  if (others.length === 0) return main.getSQL();
  const queries = others.map((other, i) => sql`${sql.identifier(`w${i}`)} as (${other.getSQL()})`);
  return sql`with ${sql.join(queries, sql`, `)} ${main.getSQL()}`;
}

/**
 * Runs one statement as a transaction of its own: on PostgreSQL prepared through postgres.js (one
 * round trip once the connection knows it, no BEGIN and COMMIT round trips; see PREPARED_WRITES in
 * client.ts), on PGlite through drizzle.
 */
export async function runStatement(db: Db, statement: SQL): Promise<void> {
  const client = postgresJsClient(db);
  if (!client) {
    await db.execute(statement);
    return;
  }
  const query = dialect.sqlToQuery(statement);
  await client.unsafe(query.sql, query.params, { prepare: true });
}
