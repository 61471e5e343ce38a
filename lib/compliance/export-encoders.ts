import { CSV_LINE_END, csvCell, neutraliseFormula, UTF8_BOM } from "./csv";
import type { ExportFormat } from "./export-filters";

/**
 * How a column's text (every exported value leaves the database as text) is written:
 * text and json may hold anything a person typed; numbers and booleans come from SQL expressions;
 * code is text the app makes itself and that never starts like a formula (codes from a closed
 * list, references, ISO times, hex hashes), written without the formula check — the COPY path
 * then leaves it as it is, instead of testing every cell of a million rows.
 */
export type ExportColumnKind = "text" | "code" | "number" | "boolean" | "json";
export type ExportColumn = { key: string; kind: ExportColumnKind };
/** One row as the cursor returns it: the column key → the value as text, or null. */
export type ExportRow = Record<string, string | null>;

export type ExportEncoder = {
  contentType: string;
  extension: string;
  /** What the file starts with, before any row. */
  head: string;
  encode: (rows: readonly ExportRow[]) => string;
};

function csvValue(column: ExportColumn, value: string | null): string {
  if (value === null) return "";
  switch (column.kind) {
    case "boolean":
      return value === "true" ? "yes" : "no";
    case "number":
      return value;
    case "code":
      return csvCell(value);
    default:
      return csvCell(neutraliseFormula(value));
  }
}

/** CSV for spreadsheets: BOM, a header of the column keys, then one CRLF-terminated record per row. */
export function csvEncoder(columns: readonly ExportColumn[]): ExportEncoder {
  return {
    contentType: "text/csv; charset=utf-8; header=present",
    extension: "csv",
    head: UTF8_BOM + columns.map((column) => csvCell(column.key)).join(",") + CSV_LINE_END,
    encode: (rows) => {
      let out = "";
      for (const row of rows) out += columns.map((column) => csvValue(column, row[column.key] ?? null)).join(",") + CSV_LINE_END;
      return out;
    },
  };
}

function jsonValue(column: ExportColumn, value: string | null): string {
  if (value === null) return "null";
  switch (column.kind) {
    case "boolean":
      return value === "true" ? "true" : "false";
    case "number":
    case "json":
      // PostgreSQL's text for numeric and jsonb is already valid JSON.
      return value;
    default:
      return JSON.stringify(value);
  }
}

/**
 * JSON Lines for programs: one object per line, no BOM, values typed (numbers, true/false, nested
 * JSON). Not neutralised against formulas: it is not meant for spreadsheets, and a program
 * reading it must get the text exactly as stored.
 */
export function jsonlEncoder(columns: readonly ExportColumn[]): ExportEncoder {
  const keys = columns.map((column) => `${JSON.stringify(column.key)}:`);
  return {
    contentType: "application/x-ndjson; charset=utf-8",
    extension: "jsonl",
    head: "",
    encode: (rows) => {
      let out = "";
      for (const row of rows) out += `{${columns.map((column, i) => keys[i] + jsonValue(column, row[column.key] ?? null)).join(",")}}\n`;
      return out;
    },
  };
}

export function exportEncoder(format: ExportFormat, columns: readonly ExportColumn[]): ExportEncoder {
  return format === "csv" ? csvEncoder(columns) : jsonlEncoder(columns);
}
