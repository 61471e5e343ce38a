import { getTableName, is, Param, Placeholder, SQL, sql } from "drizzle-orm";
import { PgDialect, type PgTable } from "drizzle-orm/pg-core";
import type { Db, Executor, Tx } from "./client";

type PostgresJsClient = { unsafe(query: string, params: unknown[], options: { prepare: boolean }): PromiseLike<unknown> };

const dialect = new PgDialect();

function postgresJsClient(db: Db): PostgresJsClient | null {
  const client = (db as { $client?: unknown }).$client as Partial<PostgresJsClient & { begin: unknown }> | undefined;
  return client && typeof client.unsafe === "function" && typeof client.begin === "function" ? (client as PostgresJsClient) : null;
}

/** One row for one table, as the write path's row builders make it, to be sent in a statement of the caller's making. */
export type RowInsert<T extends PgTable = PgTable> = { readonly table: T; readonly values: T["$inferInsert"] };

export function rowInsert<T extends PgTable>(table: T, values: T["$inferInsert"]): RowInsert<T> {
  return { table, values };
}

function valuesOf(row: RowInsert): Readonly<Record<string, unknown>> {
  return row.values as Record<string, unknown>;
}

/**
 * Several INSERTs as one statement: the first row is the main one, the others are inserted beside
 * it by data-modifying WITH queries. PostgreSQL runs it as a unit (all rows or none) and checks
 * foreign keys at its end, so rows may point at the main one's row.
 */
export type OneStatement = { readonly rows: readonly RowInsert[] };

export function insertsAsOneStatement(main: RowInsert, ...others: RowInsert[]): OneStatement {
  return { rows: [main, ...others] };
}

/**
 * Runs one statement as a transaction of its own. On PostgreSQL it is prepared through postgres.js
 * (one round trip once the connection knows it, no BEGIN and COMMIT; see PREPARED_WRITES in
 * client.ts) and, for rows, its SQL text is built once per shape (statementTemplate); on PGlite
 * drizzle builds and runs it.
 */
export async function runStatement(db: Db, statement: OneStatement | SQL): Promise<void> {
  const client = postgresJsClient(db);
  if (!client) {
    await db.execute(is(statement, SQL) ? statement : statementSql(db, statement.rows, (_row, _key, value) => value));
    return;
  }
  if (is(statement, SQL)) {
    const query = dialect.sqlToQuery(statement);
    await client.unsafe(query.sql, query.params, { prepare: true });
    return;
  }
  const template = statementTemplate(db, statement.rows);
  await client.unsafe(template.text, template.values(statement.rows), { prepare: true });
}

/** Runs the statement inside the caller's transaction (a submission with files): drizzle builds it with its values. */
export async function runStatementIn(tx: Tx, statement: OneStatement): Promise<void> {
  await tx.execute(statementSql(tx, statement.rows, (_row, _key, value) => value));
}

/** The statement as drizzle builds it with its values, each time: what a template must reproduce (tested). */
export function builtStatement(db: Executor, statement: OneStatement): { sql: string; params: unknown[] } {
  return dialect.sqlToQuery(statementSql(db, statement.rows, (_row, _key, value) => value));
}

/** The rows' statement, each defined value given by `valueOf` (the value itself, or a placeholder for a template). */
function statementSql(db: Executor, rows: readonly RowInsert[], valueOf: (row: number, key: string, value: unknown) => unknown): SQL {
  const inserts = rows.map((rowInsert, row) => {
    const values = valuesOf(rowInsert);
    const given = Object.fromEntries(definedKeys(values).map((key) => [key, valueOf(row, key, values[key])]));
    // getSQL(): a query builder put into sql`` directly is taken for a subquery and parenthesised.
    return db.insert(rowInsert.table).values(given as never).getSQL();
  });
  const [main, ...others] = inserts;
  if (others.length === 0) return main!;
  const queries = others.map((other, i) => sql`${sql.identifier(`w${i}`)} as (${other})`);
  return sql`with ${sql.join(queries, sql`, `)} ${main}`;
}

/** Undefined means "the column's default", as drizzle reads it: such a key is not part of the statement. */
function definedKeys(values: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(values).filter((key) => values[key] !== undefined);
}

type Template = {
  text: string;
  /** The parameters' values for these rows, each encoded by its column as drizzle encodes it. */
  values: (rows: readonly RowInsert[]) => unknown[];
};

// A shape is which columns of which tables a statement sets; the write path has a handful.
const MAX_TEMPLATES = 200;
const templates = new Map<string, Template>();

function shapeOf(rows: readonly RowInsert[]): string {
  return rows.map((row) => `${getTableName(row.table)}(${definedKeys(valuesOf(row)).join(",")})`).join(" ");
}

/**
 * The statement's SQL text and how to fill in its parameters, built by drizzle once per shape with
 * placeholders: building it with the values each time (drizzle's walk over the SQL tree, a Param
 * per value) cost more CPU than the rest of a submission's own code. The values are encoded with
 * the same column encoders drizzle uses, and null stays SQL NULL as in drizzle's own build.
 */
export function statementTemplate(db: Executor, rows: readonly RowInsert[]): Template {
  const shape = shapeOf(rows);
  const known = templates.get(shape);
  if (known) return known;
  const query = dialect.sqlToQuery(statementSql(db, rows, (row, key) => sql.placeholder(`${row}.${key}`)));
  const slots = query.params.map((param) => {
    if (!is(param, Param) || !is(param.value, Placeholder)) throw new Error(`a statement template holds a value that is not a row's: ${shape}`);
    const name = param.value.name;
    const dot = name.indexOf(".");
    return { row: Number(name.slice(0, dot)), key: name.slice(dot + 1), encoder: param.encoder };
  });
  const template: Template = {
    text: query.sql,
    values: (given) =>
      slots.map(({ row, key, encoder }) => {
        const value = valuesOf(given[row]!)[key];
        return value === null ? null : encoder.mapToDriverValue(value);
      }),
  };
  if (templates.size < MAX_TEMPLATES) templates.set(shape, template);
  return template;
}
