import { csvRecord, neutraliseFormula, UTF8_BOM } from "./csv";
import type { CcpaRequestType, CcpaTable } from "./reports";

export type CcpaCsvLabels = {
  requestType: string;
  received: string;
  compliedInWholeOrPart: string;
  denied: string;
  medianDays: string;
  types: Record<CcpaRequestType, string>;
};

/**
 * The §7102 table as a CSV file in the page's language: a BOM so spreadsheets read it as UTF-8,
 * counts as plain integers and days with one decimal and a full stop (a machine-readable file,
 * whatever the language of the headers), an empty cell where nothing was answered.
 */
export function ccpaTableCsv(table: CcpaTable, labels: CcpaCsvLabels): string {
  const text = (value: string) => neutraliseFormula(value);
  const header = csvRecord([labels.requestType, labels.received, labels.compliedInWholeOrPart, labels.denied, labels.medianDays].map(text));
  const rows = table.rows.map((row) =>
    csvRecord([text(labels.types[row.ccpa]), String(row.received), String(row.compliedInWholeOrPart), String(row.denied), row.medianDays === null ? "" : row.medianDays.toFixed(1)]),
  );
  return UTF8_BOM + header + rows.join("");
}

/** ccpa-7102-2025-all-requests.csv / ccpa-7102-2025-ccpa-requests.csv */
export function ccpaCsvFilename(table: Pick<CcpaTable, "year" | "scope">): string {
  return `ccpa-7102-${table.year}-${table.scope}-requests.csv`;
}
