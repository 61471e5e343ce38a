import { describe, expect, it } from "vitest";
import { gramsOf, rareGrams, RARE_ROWS, type GramStatistics } from "./search-grams";

describe("gramsOf", () => {
  it("cuts the lower-cased text into its distinct 6-character pieces, spaces and punctuation included", () => {
    expect(gramsOf("Даурен Морозов")).toEqual(["даурен", "аурен ", "урен м", "рен мо", "ен мор", "н моро", " мороз", "морозо", "орозов"]);
    expect(gramsOf("ivan.petrov@gmail")).toContain("petrov");
    expect(gramsOf("aaaaaaaa")).toEqual(["aaaaaa"]);
  });

  it("counts characters, not UTF-16 units, and has none for a term shorter than a piece", () => {
    expect(gramsOf("𝒜𝒷𝒸𝒹𝑒𝒻")).toEqual(["𝒜𝒷𝒸𝒹𝑒𝒻"]);
    expect(gramsOf("Петро")).toEqual([]);
  });
});

describe("rareGrams", () => {
  const statistics: GramStatistics = {
    rows: 1_000_000,
    frequency: new Map([
      ["даурен", 0.0139],
      ["аурен ", 0.0139],
      ["урен м", 0.00067],
      ["рен мо", 0.00035],
      ["ен мор", 0.00035],
      ["н моро", 0.0039],
      [" мороз", 0.0169],
      ["морозо", 0.0169],
      ["орозов", 0.0169],
    ]),
  };

  it("picks the term's three rarest pieces when the rarest is held by fewer rows than RARE_ROWS", () => {
    expect(rareGrams("Даурен Морозов", statistics)?.sort()).toEqual(["ен мор", "рен мо", "урен м"]);
  });

  it("counts a piece the statistics do not list as rarer than any listed", () => {
    expect(rareGrams("Даурен Морозович", statistics)).toContain("розови");
  });

  it("leaves a common term to the queue's order: every piece common, too short, or no statistics yet", () => {
    expect(rareGrams("Морозов", statistics)).toBeNull();
    expect(rareGrams("Мороз", statistics)).toBeNull();
    expect(rareGrams("Даурен Морозов", undefined)).toBeNull();
    expect(rareGrams("Даурен Морозов", statistics, 300)).toBeNull();
    expect(rareGrams("Даурен Морозов", statistics, RARE_ROWS)).not.toBeNull();
  });
});
