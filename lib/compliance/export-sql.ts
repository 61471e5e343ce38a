import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { ExportColumn, ExportColumnKind } from "./export-encoders";

/**
 * A timestamp as ISO 8601 in UTC with milliseconds (2026-11-24T06:00:00.000Z), made by the
 * database: every exported value leaves it as text, so both engines and psql give the same bytes.
 */
export function isoText(timestamp: SQLWrapper): SQL<string | null> {
  return sql<string | null>`to_char(${timestamp} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

export type ExportColumnSql = ExportColumn & { value: SQL };

export const exportColumn = (key: string, kind: ExportColumnKind, value: SQLWrapper): ExportColumnSql => ({ key, kind, value: sql`(${value})::text` });

/** What a column's value becomes in the select list: the text itself, or (COPY, export-copy.ts) its CSV cell. */
export type ExportCellSql = (column: ExportColumnSql) => SQL;

/** The select list: each value as text under its column key, which is also the key of the rows the cursor returns. */
export function exportSelection(columns: readonly ExportColumnSql[], cell: ExportCellSql = (column) => column.value): Record<string, SQL.Aliased> {
  return Object.fromEntries(columns.map((column) => [column.key, cell(column).as(column.key)]));
}
