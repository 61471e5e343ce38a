import { createTranslator } from "next-intl";
import { describe, expect, it, vi } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { loadMessages } from "./messages";
import { formatPlainMessage, PLAIN_NAMESPACES, plainTranslator } from "./plain-translator";

/** Every leaf of a nested catalogue part as [key path, message]. */
function leaves(value: unknown, prefix = ""): [string, string][] {
  if (typeof value === "string") return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}

/** Values for a message's arguments: each number-ish count a plural meets, words for the rest. */
function sampleValues(message: string): Record<string, string | number>[] {
  const names = [...new Set([...message.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((match) => match[1]!))];
  const counts = [0, 1, 2, 3, 4, 5, 11, 12, 21, 22, 25, 101, 1000, 1234567];
  return counts.map((count) => Object.fromEntries(names.map((name) => [name, /\{\s*\w+\s*,/.test(message) && message.includes(`{${name},`) ? count : `«${name} ${count}»`])));
}

describe.each(LOCALES)("the plain translator in %s", (locale) => {
  it("words every message of the plain namespaces exactly as next-intl does", async () => {
    const messages = await loadMessages(locale);
    const intl = createTranslator({ locale, messages });
    const differences: string[] = [];
    let compared = 0;
    for (const namespace of PLAIN_NAMESPACES) {
      const part = namespace.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messages);
      for (const [key, message] of leaves(part)) {
        for (const values of sampleValues(message)) {
          const theirs = intl(`${namespace}.${key}` as Parameters<typeof intl>[0], values);
          let ours: string;
          try {
            ours = formatPlainMessage(message, values, locale);
          } catch (error) {
            ours = `(${(error as Error).message})`;
          }
          compared++;
          if (ours !== theirs) differences.push(`${namespace}.${key} ${JSON.stringify(values)}: ${JSON.stringify(ours)} ≠ ${JSON.stringify(theirs)}`);
        }
      }
    }
    expect(differences).toEqual([]);
    expect(compared).toBeGreaterThan(1000);
  });
});

describe("plainTranslator", () => {
  const messages = { fields: { name: "Name", chosen: "{count, plural, =0 {none} one {# file} other {# files}} by {who}" } };

  it("words nested keys, arguments and plural branches (exact ones first)", () => {
    const t = plainTranslator(messages, "en", "intake");
    expect(t("fields.name")).toBe("Name");
    expect(t("fields.chosen", { count: 0, who: "Ann" })).toBe("none by Ann");
    expect(t("fields.chosen", { count: 1, who: "Ann" })).toBe("1 file by Ann");
    expect(t("fields.chosen", { count: 1500, who: "Ann" })).toBe("1,500 files by Ann");
  });

  it("shows the key of a message it cannot word, as next-intl does, and says why in the console", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const t = plainTranslator(messages, "en", "intake");
    expect(t("fields.chosen", { count: 2 })).toBe("intake.fields.chosen");
    expect(t("fields.missing" as "fields.name")).toBe("intake.fields.missing");
    expect(error).toHaveBeenCalledTimes(2);
    error.mockRestore();
  });

  it.each([
    ["{kind, select, a {A} other {B}}", { kind: "a" }],
    ["{price, number}", { price: 2 }],
    ["Press <b>here</b>", {}],
    ["'{literal}'", {}],
    ["{open", {}],
  ])("refuses what it does not know rather than guessing: %s", (message, values) => {
    expect(() => formatPlainMessage(message, values, "en")).toThrow();
  });
});
