import { UTF8_BOM, csvRecord, neutraliseFormula } from "@/lib/compliance/csv";
import { DATA_CATEGORIES, type DataCategory } from "@/lib/requests/request-types";
import { toJsonValue } from "../connectors/source-client";
import { describedSource, type DataMap } from "../map/map-schema";
import type { CollectedSource, CollectionCount } from "./collected-data";
import { createZip } from "./zip";

/** The summary's words, in the requester's language (from the "fulfilment" catalogue). */
export type PackageLabels = {
  title: string;
  intro: string;
  categories: Record<DataCategory, string>;
  nothingFound: string;
  capped: (table: string, count: number) => string;
  filesNote: string;
  lang: string;
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function cellText(value: unknown): string {
  const json = toJsonValue(value);
  if (json === null) return "";
  return typeof json === "object" ? JSON.stringify(json) : String(json);
}

/**
 * The access package: data.json (everything found in the chosen categories, machine-readable),
 * one CSV per collection (UTF-8 with BOM, formula-safe), and summary.html in the requester's
 * language grouped by the policy's categories — zipped. Also the counts for the preview.
 */
export function buildAccessPackage(input: { map: DataMap; collected: CollectedSource[]; categories: readonly DataCategory[]; reference: string; labels: PackageLabels }): {
  zip: Buffer;
  counts: CollectionCount[];
} {
  const { map, collected, labels } = input;
  const chosen = DATA_CATEGORIES.filter((category) => input.categories.includes(category));
  const counts: CollectionCount[] = [];
  const json: { reference: string; dataMapVersion: number; sources: unknown[] } = { reference: input.reference, dataMapVersion: map.version, sources: [] };
  const csvFiles: { name: string; data: Buffer }[] = [];
  const byCategory = new Map<DataCategory, string[]>(chosen.map((category) => [category, []]));

  for (const found of collected) {
    const source = describedSource(map, found.sourceId);
    if (!source) continue;
    const sourceJson: { id: string; title: string; collections: unknown[] } = { id: source.id, title: source.title, collections: [] };
    for (const collection of source.collections) {
      const fields = collection.fields.filter((field) => chosen.includes(field.category));
      const rows = found.collections.find((candidate) => candidate.table === collection.table);
      if (fields.length === 0 || !rows) continue;
      const columns = fields.map((field) => field.column);
      const categories: Record<string, string[]> = {};
      for (const field of fields) (categories[field.category] ??= []).push(field.column);
      counts.push({ sourceId: source.id, table: collection.table, rows: rows.rows.length, capped: rows.capped, categories });
      if (rows.rows.length === 0) continue;
      sourceJson.collections.push({
        table: collection.table,
        capped: rows.capped,
        rows: rows.rows.map((row) => Object.fromEntries(columns.map((column) => [column, toJsonValue(row[column])]))),
      });
      csvFiles.push({
        name: `csv/${source.id}-${collection.table}.csv`,
        data: Buffer.from(UTF8_BOM + csvRecord(columns) + rows.rows.map((row) => csvRecord(columns.map((column) => neutraliseFormula(cellText(row[column]))))).join(""), "utf8"),
      });
      for (const [category, categoryColumns] of Object.entries(categories) as [DataCategory, string[]][]) {
        const head = `<tr>${categoryColumns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join("")}</tr>`;
        const body = rows.rows.map((row) => `<tr>${categoryColumns.map((column) => `<td>${escapeHtml(cellText(row[column]))}</td>`).join("")}</tr>`).join("");
        const cap = rows.capped ? `<p><strong>${escapeHtml(labels.capped(collection.table, rows.rows.length))}</strong></p>` : "";
        byCategory.get(category)!.push(`<h3>${escapeHtml(source.title)}: ${escapeHtml(collection.table)}</h3>${cap}<table>${head}${body}</table>`);
      }
    }
    json.sources.push(sourceJson);
  }

  const sections = chosen
    .map((category) => {
      const parts = byCategory.get(category)!;
      return `<section><h2>${escapeHtml(labels.categories[category])}</h2>${parts.length > 0 ? parts.join("") : `<p>${escapeHtml(labels.nothingFound)}</p>`}</section>`;
    })
    .join("");
  const summary =
    `<!doctype html><html lang="${escapeHtml(labels.lang)}"><head><meta charset="utf-8"><title>${escapeHtml(labels.title)}</title>` +
    `<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left}</style></head>` +
    `<body><h1>${escapeHtml(labels.title)}</h1><p>${escapeHtml(labels.intro)}</p><p>${escapeHtml(labels.filesNote)}</p>${sections}</body></html>`;

  const zip = createZip([
    { name: "summary.html", data: Buffer.from(summary, "utf8") },
    { name: "data.json", data: Buffer.from(JSON.stringify(json, null, 2), "utf8") },
    ...csvFiles,
  ]);
  return { zip, counts };
}
