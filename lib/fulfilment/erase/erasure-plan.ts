import type { DataCategory } from "@/lib/requests/request-types";
import { deletionOrder } from "../map/collection-graph";
import type { FieldErasure, LocalizedReason, MapCollection, MapSource } from "../map/map-schema";
import type { FoundCollection, Row } from "../traverse/find-subject-rows";

/** Hashed values start with this, so a second run leaves them alone. */
export const HASH_PREFIX = "hmac:";

export type FieldStep = { column: string; erase: FieldErasure; rows: number; reason?: LocalizedReason };
export type CollectionStep =
  | { table: string; action: "delete_row"; rows: number }
  | { table: string; action: "fields"; rows: number; fields: FieldStep[] }
  | { table: string; action: "keep"; rows: number; reason: LocalizedReason | "outside_categories" };

/** Counts only: what erasing would do (dry run) or did (execution) to one source. */
export type SourceErasure = { sourceId: string; collections: CollectionStep[] };

/** Would this strategy change this value? (Running twice changes nothing more.) */
export function fieldNeedsChange(erase: FieldErasure, value: unknown, mask: string | undefined): boolean {
  if (value === null || value === undefined) return false;
  if (erase === "set_null") return true;
  if (erase === "mask") return String(value) !== mask;
  if (erase === "hash") return !String(value).startsWith(HASH_PREFIX);
  return false;
}

function inCategories(collection: MapCollection, categories: readonly DataCategory[] | null): boolean {
  return categories === null || collection.fields.every((field) => categories.includes(field.category));
}

/**
 * What erasure does to the rows found, per collection in deletion order (rows pointing at others
 * first). `categories`: null erases everything the map allows; a list erases only fields of those
 * categories, and deletes a row only when all its fields are in them (a row also holding other
 * data is kept, marked "outside the chosen categories").
 */
export function planErasure(source: MapSource, found: FoundCollection[], categories: readonly DataCategory[] | null): SourceErasure {
  const rowsOf = new Map<string, Row[]>(found.map((collection) => [collection.table, collection.rows]));
  const byTable = new Map(source.collections.map((collection) => [collection.table, collection]));
  const steps: CollectionStep[] = [];
  for (const table of deletionOrder(source)) {
    const collection = byTable.get(table)!;
    const rows = rowsOf.get(table) ?? [];
    if (collection.erase === "keep") {
      steps.push({ table, action: "keep", rows: rows.length, reason: collection.reason! });
    } else if (collection.erase === "delete_row") {
      if (inCategories(collection, categories)) steps.push({ table, action: "delete_row", rows: rows.length });
      else steps.push({ table, action: "keep", rows: rows.length, reason: "outside_categories" });
    } else {
      const fields: FieldStep[] = collection.fields
        .filter((field) => categories === null || categories.includes(field.category))
        .map((field) => ({
          column: field.column,
          erase: field.erase!,
          rows: field.erase === "keep" ? rows.filter((row) => row[field.column] !== null).length : rows.filter((row) => fieldNeedsChange(field.erase!, row[field.column], field.mask)).length,
          ...(field.erase === "keep" ? { reason: field.reason } : {}),
        }));
      steps.push({ table, action: "fields", rows: rows.length, fields });
    }
  }
  return { sourceId: source.id, collections: steps };
}

/** Rows changed or deleted (kept ones not counted): 0 on a second run. */
export function changedRows(erasure: SourceErasure): number {
  return erasure.collections.reduce((sum, step) => {
    if (step.action === "delete_row") return sum + step.rows;
    if (step.action === "fields") return sum + step.fields.filter((field) => field.erase !== "keep").reduce((s, field) => s + field.rows, 0);
    return sum;
  }, 0);
}
