import { describe, expect, it } from "vitest";
import en from "./messages/en.json";
import kk from "./messages/kk.json";
import ru from "./messages/ru.json";

/** Every key path of a nested catalogue, e.g. "home.hero.title". */
function keyPaths(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object") return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    keyPaths(child, prefix ? `${prefix}.${key}` : key),
  );
}

/** The ICU placeholders and rich-text tags a message uses, e.g. {operator} and <link>. */
function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)|<(\w+)>/g)].map((m) => m[1] ?? `<${m[2]}>`).sort();
}

function leaves(catalogue: unknown): Map<string, string> {
  const map = new Map<string, string>();
  for (const path of keyPaths(catalogue)) {
    const value = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], catalogue);
    map.set(path, value as string);
  }
  return map;
}

describe("message catalogues", () => {
  const reference = leaves(ru);

  it.each([
    ["kk", kk],
    ["en", en],
  ])("%s has exactly the keys of ru", (_name, catalogue) => {
    expect([...leaves(catalogue).keys()].sort()).toEqual([...reference.keys()].sort());
  });

  it.each([
    ["ru", ru],
    ["kk", kk],
    ["en", en],
  ])("%s has no empty messages", (_name, catalogue) => {
    const empty = [...leaves(catalogue)].filter(([, message]) => typeof message !== "string" || message.trim() === "");
    expect(empty).toEqual([]);
  });

  it.each([
    ["kk", kk],
    ["en", en],
  ])("%s uses the same placeholders and tags as ru in every message", (_name, catalogue) => {
    const translated = leaves(catalogue);
    const mismatched = [...reference].filter(
      ([path, message]) => placeholders(message).join() !== placeholders(translated.get(path) ?? "").join(),
    );
    expect(mismatched.map(([path]) => path)).toEqual([]);
  });
});
