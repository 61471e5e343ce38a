import type { MapCollection, MapSource } from "../map/map-schema";
import { collectionGraph } from "../map/collection-graph";
import { quoteIdent, type SourceQuery } from "../connectors/source-client";
import type { Identities } from "./identities";

export type Row = Record<string, unknown>;

/** What a search found in one collection: rows by key, and whether it stopped at the cap. */
export type FoundCollection = { table: string; rows: Row[]; capped: boolean };

// Values per IN list: far below PostgreSQL's 65,535 parameters, and a plan per size stays cheap.
const CHUNK = 500;

function chunks<T>(values: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(values.slice(i, i + CHUNK));
  return out;
}

/** The columns a search reads of a collection: its key, its fields, and what references use. */
export function columnsOf(collection: MapCollection, source: MapSource): string[] {
  const graph = collectionGraph(source);
  const columns = new Set<string>([collection.key, ...collection.fields.map((field) => field.column)]);
  for (const edge of graph.edgesFrom(collection.table)) columns.add(edge.fromColumn);
  return [...columns];
}

function params(count: number, offset = 0): string {
  return Array.from({ length: count }, (_, i) => `$${i + 1 + offset}`).join(", ");
}

/**
 * Finds every row of one source that belongs to the person: rows whose identity fields match,
 * then rows that references lead to, in either direction the map allows, until nothing new
 * turns up (each row once, so reference cycles end). At most `rowCap` rows per collection;
 * a collection with more is marked capped. Values always travel as parameters.
 */
export async function findSubjectRows(query: SourceQuery, source: MapSource, identities: Identities, rowCap: number | null): Promise<FoundCollection[]> {
  const graph = collectionGraph(source);
  const schema = quoteIdent(source.schema);
  const found = new Map<string, Map<string, Row>>(source.collections.map((collection) => [collection.table, new Map()]));
  const capped = new Set<string>();
  const selectList = new Map(source.collections.map((collection) => [collection.table, columnsOf(collection, source).map(quoteIdent).join(", ")]));
  const limit = rowCap === null ? "" : ` limit ${rowCap + 1}`;

  /** Adds rows not seen yet; returns the new ones. */
  const take = (table: string, key: string, rows: Row[]): Row[] => {
    const known = found.get(table)!;
    const fresh: Row[] = [];
    for (const row of rows) {
      const id = String(row[key]);
      if (known.has(id)) continue;
      if (rowCap !== null && known.size >= rowCap) {
        capped.add(table);
        break;
      }
      known.set(id, row);
      fresh.push(row);
    }
    return fresh;
  };

  const queue: { table: string; rows: Row[] }[] = [];
  for (const table of graph.identityTables) {
    const collection = graph.byTable.get(table)!;
    const conditions: string[] = [];
    const values: string[] = [];
    for (const field of collection.fields) {
      if (!field.identity) continue;
      const wanted = identities[field.identity];
      if (wanted.length === 0) continue;
      const column = quoteIdent(field.column);
      const expression =
        field.identity === "email" ? `lower(${column}::text)` : field.identity === "phone" ? `regexp_replace(${column}::text, '[^0-9]', '', 'g')` : `${column}::text`;
      conditions.push(`${expression} in (${params(wanted.length, values.length)})`);
      values.push(...wanted);
    }
    if (conditions.length === 0) continue;
    const rows = await query(`select ${selectList.get(table)} from ${schema}.${quoteIdent(table)} where ${conditions.join(" or ")}${limit}`, values);
    const fresh = take(table, collection.key, rows);
    if (fresh.length > 0) queue.push({ table, rows: fresh });
  }

  while (queue.length > 0) {
    const { table, rows } = queue.shift()!;
    for (const edge of graph.edgesFrom(table)) {
      const target = graph.byTable.get(edge.to)!;
      const values = [...new Set(rows.map((row) => row[edge.fromColumn]).filter((value) => value !== null && value !== undefined).map(String))];
      for (const part of chunks(values)) {
        if (rowCap !== null && capped.has(edge.to)) break;
        // Untyped parameters: PostgreSQL reads them as the column's own type, so its index serves.
        const rows = await query(`select ${selectList.get(edge.to)} from ${schema}.${quoteIdent(edge.to)} where ${quoteIdent(edge.toColumn)} in (${params(part.length)})${limit}`, part);
        const fresh = take(edge.to, target.key, rows);
        if (fresh.length > 0) queue.push({ table: edge.to, rows: fresh });
      }
    }
  }
  return source.collections.map((collection) => ({ table: collection.table, rows: [...found.get(collection.table)!.values()], capped: capped.has(collection.table) }));
}
