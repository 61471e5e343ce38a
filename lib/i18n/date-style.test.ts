import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Dates read one way on every page: the long style ("3 желтоқсан 2026 ж.", "3 декабря 2026 г."),
 * never the medium or short one beside it ("03 жел.", "03.12.2026") — issue 14 found both on one
 * Kazakh page. Month-only labels (a report's chart) set `month` themselves and are not affected.
 */
const ROOTS = ["app", "components", "lib"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("date formats", () => {
  it("never format a date in the medium or short style", () => {
    const files = ROOTS.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .flatMap((line, index) => (/dateStyle:\s*["'](medium|short)["']/.test(line) ? [`${file}:${index + 1}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
