/** Runs one statement: the text is built from the validated map only, every value is a parameter. */
export type SourceQuery = (text: string, params?: readonly unknown[]) => Promise<Record<string, unknown>[]>;

/** A connection to one of the operator's databases (a data map source). */
export interface SourceClient {
  /** A read-only transaction: collecting and dry runs can change nothing, whatever the SQL says. */
  read<T>(work: (query: SourceQuery) => Promise<T>): Promise<T>;
  /** One transaction: all of a source's changes commit together or not at all. */
  write<T>(work: (query: SourceQuery) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A schema, table or column name as SQL: only names the map's schema accepted reach here; quoted all the same. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A database value as plain JSON: int8 and numeric as text, times as ISO strings, bytes as base64. */
export function toJsonValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map(toJsonValue);
  return value;
}
