import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { CATALOGUE_FILES } from "./messages";

function load(locale: string, file: string): unknown {
  return JSON.parse(readFileSync(path.join(import.meta.dirname, "messages", locale, `${file}.json`), "utf8"));
}

/** Every leaf of a nested catalogue as [key path, message]. */
function leaves(value: unknown, prefix = ""): [string, unknown][] {
  if (value === null || typeof value !== "object") return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    leaves(child, prefix ? `${prefix}.${key}` : key),
  );
}

/** The ICU arguments and rich-text tags a message uses, e.g. {operator} and <link>. */
function placeholders(message: unknown): string {
  return [...String(message).matchAll(/\{(\w+)|<(\w+)>/g)]
    .map((m) => m[1] ?? `<${m[2]}>`)
    .sort()
    .join(",");
}

describe.each(CATALOGUE_FILES)("message catalogue %s.json", (file) => {
  const reference = new Map(leaves(load("ru", file)));

  it.each(LOCALES.filter((l) => l !== "ru"))("%s has exactly the keys of ru", (locale) => {
    expect(leaves(load(locale, file)).map(([key]) => key).sort()).toEqual([...reference.keys()].sort());
  });

  it.each(LOCALES)("%s has no empty messages", (locale) => {
    const empty = leaves(load(locale, file)).filter(([key, message]) => key !== "" && (typeof message !== "string" || message.trim() === ""));
    expect(empty).toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== "ru"))("%s uses the same arguments and tags as ru", (locale) => {
    const mismatched = leaves(load(locale, file)).filter(([key, message]) => placeholders(message) !== placeholders(reference.get(key)));
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });
});

describe("message catalogues", () => {
  it("never define the same top-level key in two files", () => {
    const owners = CATALOGUE_FILES.flatMap((file) => Object.keys(load("ru", file) as object).map((key) => `${key}`));
    expect(owners.length).toBe(new Set(owners).size);
  });

  // A formatted date or number cannot take the case ending Kazakh needs before these words
  // ("2027 ж. 28 ақпан, 23:59 дейін"): such values come as label + value ("Жауап беру мерзімі: {date}").
  it("kk never puts дейін, бастап, кейін or бері right after a plain argument (a plural says its own ending)", () => {
    const caseless = /\{\w+\}\s*(дейін|бастап|кейін|бері)/iu;
    const found = CATALOGUE_FILES.flatMap((file) => leaves(load("kk", file)).filter(([, message]) => caseless.test(String(message))).map(([key]) => `${file}: ${key}`));
    expect(found).toEqual([]);
  });
});
