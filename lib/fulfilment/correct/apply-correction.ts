import { quoteIdent, type SourceQuery } from "../connectors/source-client";
import type { MapSource } from "../map/map-schema";
import { findSubjectRows } from "../traverse/find-subject-rows";
import type { Identities } from "../traverse/identities";

/**
 * Writes one corrected value into the person's rows of one table, inside the caller's write
 * transaction, only where it differs (a second run changes nothing). Returns the rows changed and
 * the previous values (for the caller to hash into the audit; never stored as they are).
 */
export async function applyCorrection(query: SourceQuery, source: MapSource, identities: Identities, change: { table: string; column: string; value: string }): Promise<{ rows: number; previous: string[] }> {
  const collection = source.collections.find((candidate) => candidate.table === change.table);
  if (!collection || !collection.fields.some((field) => field.column === change.column)) throw new Error(`correction target ${change.table}.${change.column} is not in the map`);
  const found = (await findSubjectRows(query, source, identities, null)).find((candidate) => candidate.table === change.table)!;
  const keys = found.rows.map((row) => String(row[collection.key]));
  if (keys.length === 0) return { rows: 0, previous: [] };
  const table = `${quoteIdent(source.schema)}.${quoteIdent(change.table)}`;
  const column = quoteIdent(change.column);
  const keyList = keys.map((_, i) => `$${i + 2}`).join(", ");
  const previous = found.rows.map((row) => (row[change.column] === null || row[change.column] === undefined ? "" : String(row[change.column])));
  // Untyped parameter: PostgreSQL reads it as the column's type (a date column takes "1990-01-02").
  const changed = await query(`update ${table} set ${column} = $1 where ${quoteIdent(collection.key)} in (${keyList}) and ${column} is distinct from $1 returning 1 as x`, [change.value, ...keys]);
  return { rows: changed.length, previous };
}
