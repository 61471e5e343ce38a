import type { SourceQuery } from "../connectors/source-client";
import type { MapSource } from "./map-schema";

/** Column types mask and hash can write to: they write text (a fixed value, or "hmac:" and 64 hex digits). */
const TEXT_TYPES = new Set(["text", "character varying", "character", "citext"]);

/**
 * The connection test: every table and column the map names for this source exists in the live
 * database, and every field erased by mask or hash is a text column. Returns problems as people
 * read them ("column `users.phone_number` does not exist"); `where` puts the map's line in front
 * of a problem that belongs to one field (parse-data-map.ts lineOfPath).
 */
export async function checkLiveSchema(query: SourceQuery, source: MapSource, where: (path: (string | number)[]) => string = () => ""): Promise<string[]> {
  const rows = await query("select table_name, column_name, data_type from information_schema.columns where table_schema = $1", [source.schema]);
  const columns = new Map<string, Set<string>>();
  const types = new Map<string, string>();
  for (const row of rows) {
    const table = String(row.table_name);
    if (!columns.has(table)) columns.set(table, new Set());
    columns.get(table)!.add(String(row.column_name));
    types.set(`${table}.${String(row.column_name)}`, String(row.data_type));
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
    collection.fields.forEach((field, f) => {
      const type = types.get(`${collection.table}.${field.column}`);
      if ((field.erase === "mask" || field.erase === "hash") && type && !TEXT_TYPES.has(type)) {
        const c = source.collections.indexOf(collection);
        problems.push(`${where(["collections", c, "fields", f, "erase"])}column \`${collection.table}.${field.column}\` is ${type}: ${field.erase} writes text, so it works only on text columns (use set_null or keep, or delete the row)`);
      }
    });
    for (const reference of collection.references) {
      need(collection.table, reference.column);
      const [table, column] = reference.to.split(".") as [string, string];
      if (columns.has(table)) need(table, column);
    }
  }
  return [...new Set(problems)];
}
