/**
 * CSV as RFC 4180 writes it (quotes only where needed, quotes doubled, CRLF between records),
 * made safe to open in a spreadsheet: see neutraliseFormula.
 */

/** Excel reads a UTF-8 file as the local ANSI code page unless it starts with this mark (Cyrillic and Kazakh turn to mojibake). */
export const UTF8_BOM = "\uFEFF";

export const CSV_LINE_END = "\r\n";

// The characters a spreadsheet takes as the start of a formula (OWASP "CSV Injection").
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * A cell a spreadsheet would run as a formula (=cmd|' /C calc'!A0, +1+1, @SUM(…), -2+3) gets a
 * leading single quote, which makes Excel and LibreOffice show it as text instead.
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One cell, quoted when it holds a quote, comma or line break; nothing else changes. */
export function csvCell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One record, with its line end. */
export function csvRecord(cells: readonly string[]): string {
  return cells.map(csvCell).join(",") + CSV_LINE_END;
}
