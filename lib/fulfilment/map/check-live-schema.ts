import type { SourceQuery } from "../connectors/source-client";
import type { MapSource } from "./map-schema";

/**
 * The connection test: every table and column the map names for this source exists in the live
 * database. Returns problems as people read them ("column `users.phone_number` does not exist").
 */
export async function checkLiveSchema(query: SourceQuery, source: MapSource): Promise<string[]> {
  const rows = await query("select table_name, column_name from information_schema.columns where table_schema = $1", [source.schema]);
  const columns = new Map<string, Set<string>>();
  for (const row of rows) {
    const table = String(row.table_name);
    if (!columns.has(table)) columns.set(table, new Set());
    columns.get(table)!.add(String(row.column_name));
  }
  const problems: string[] = [];
  const need = (table: string, column: string) => {
    if (!columns.get(table)?.has(column)) problems.push(`column \`${table}.${column}\` does not exist`);
  };
  for (const collection of source.collections) {
    if (!columns.has(collection.table)) {
      problems.push(`table \`${source.schema}.${collection.table}\` does not exist`);
      continue;
    }
    need(collection.table, collection.key);
    for (const field of collection.fields) need(collection.table, field.column);
    for (const reference of collection.references) {
      need(collection.table, reference.column);
      const [table, column] = reference.to.split(".") as [string, string];
      if (columns.has(table)) need(table, column);
    }
  }
  return [...new Set(problems)];
}
