import type { DataCategory } from "@/lib/requests/request-types";
import { quoteIdent, type SourceQuery } from "../connectors/source-client";
import type { MapSource } from "../map/map-schema";
import { findSubjectRows } from "../traverse/find-subject-rows";
import type { Identities } from "../traverse/identities";
import { HASH_PREFIX, planErasure, type CollectionStep, type SourceErasure } from "./erasure-plan";

function placeholders(count: number, offset: number): string {
  return Array.from({ length: count }, (_, i) => `$${i + 1 + offset}`).join(", ");
}

/**
 * Erases one source, inside the caller's write transaction: finds the person's rows again (no
 * cap: everything goes), then deletes, nulls, masks or hashes as the map says, only where a value
 * still needs it, so a second run changes nothing and counts zero. Returns what was done.
 */
export async function applyErasure(
  query: SourceQuery,
  source: MapSource,
  identities: Identities,
  categories: readonly DataCategory[] | null,
  hash: (value: string) => string,
): Promise<SourceErasure> {
  const found = await findSubjectRows(query, source, identities, null);
  const planned = planErasure(source, found, categories);
  const schema = quoteIdent(source.schema);
  const byTable = new Map(source.collections.map((collection) => [collection.table, collection]));
  const keysOf = new Map(found.map((collection) => [collection.table, collection.rows.map((row) => String(row[byTable.get(collection.table)!.key]))]));
  const done: CollectionStep[] = [];
  for (const step of planned.collections) {
    const collection = byTable.get(step.table)!;
    const keys = keysOf.get(step.table) ?? [];
    const table = `${schema}.${quoteIdent(step.table)}`;
    const key = quoteIdent(collection.key);
    if (step.action === "keep" || keys.length === 0) {
      done.push(step.action === "fields" ? { ...step, fields: step.fields.map((field) => ({ ...field, rows: field.erase === "keep" ? field.rows : 0 })) } : step.action === "delete_row" ? { ...step, rows: 0 } : step);
      continue;
    }
    if (step.action === "delete_row") {
      let deleted = 0;
      for (let i = 0; i < keys.length; i += 500) {
        const part = keys.slice(i, i + 500);
        deleted += (await query(`delete from ${table} where ${key} in (${placeholders(part.length, 0)}) returning 1 as x`, part)).length;
      }
      done.push({ ...step, rows: deleted });
      continue;
    }
    const fields = [];
    for (const field of step.fields) {
      const column = quoteIdent(field.column);
      const mapField = collection.fields.find((candidate) => candidate.column === field.column)!;
      let changed = 0;
      for (let i = 0; i < keys.length; i += 500) {
        const part = keys.slice(i, i + 500);
        if (field.erase === "set_null") {
          changed += (await query(`update ${table} set ${column} = null where ${key} in (${placeholders(part.length, 0)}) and ${column} is not null returning 1 as x`, part)).length;
        } else if (field.erase === "mask") {
          changed += (await query(`update ${table} set ${column} = $1 where ${key} in (${placeholders(part.length, 1)}) and ${column}::text is distinct from $1::text returning 1 as x`, [mapField.mask!, ...part])).length;
        } else if (field.erase === "hash") {
          const rows = await query(`select ${key} as k, ${column}::text as v from ${table} where ${key} in (${placeholders(part.length, 0)}) and ${column} is not null`, part);
          for (const row of rows) {
            const value = String(row.v);
            if (value.startsWith(HASH_PREFIX)) continue;
            changed += (await query(`update ${table} set ${column} = $1 where ${key} = $2 returning 1 as x`, [hash(value), String(row.k)])).length;
          }
        }
      }
      fields.push({ ...field, rows: field.erase === "keep" ? field.rows : changed });
    }
    done.push({ ...step, fields });
  }
  return { sourceId: source.id, collections: done };
}
