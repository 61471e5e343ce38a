import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { getEnv } from "@/lib/env";
import { LOCALES } from "@/lib/i18n/locales";
import { loadMessages } from "./messages";
import { getPageFormatter, getPageTranslations } from "./page-translations";

/** The namespaces the status page and the site's frame word with these translators. */
const NAMESPACES = ["status", "requestTypes", "intake", "categories", "intake.options", "email", "nav", "footer", "error", "meta"] as const;

function leaves(value: unknown, prefix = ""): [string, string][] {
  if (typeof value === "string") return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}

/** Values for a message's arguments (counts for plurals, words otherwise) and a wrapper for each of its tags. */
function sampleValues(message: string, count: number): Record<string, string | number | ((chunks: string) => string)> {
  const names = [...new Set([...message.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((match) => match[1]!))];
  const tags = [...new Set([...message.matchAll(/<(\w+)>/g)].map((match) => match[1]!))];
  return {
    ...Object.fromEntries(names.map((name) => [name, message.includes(`{${name},`) ? count : `«${name}»`])),
    ...Object.fromEntries(tags.map((tag) => [tag, (chunks: string) => `[${tag}:${chunks}]`])),
  };
}

describe.each(LOCALES)("page translations in %s", (locale) => {
  it("word every message of the page's namespaces as next-intl's getTranslations does (a translator per request, the operator's time zone)", async () => {
    const messages = await loadMessages(locale);
    let compared = 0;
    for (const namespace of NAMESPACES) {
      const kept = await getPageTranslations({ locale, namespace });
      const fresh = createTranslator({ locale, messages, namespace, timeZone: getEnv().OPERATOR_TIME_ZONE });
      const part = namespace.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messages);
      for (const [key, message] of leaves(part)) {
        for (const count of [0, 1, 2, 5, 21]) {
          const values = sampleValues(message, count);
          const word = (t: typeof fresh) => (message.includes("<") ? t.markup(key as never, values as never) : t(key as never, values as never));
          expect(word(kept as never), `${namespace}.${key}`).toBe(word(fresh as never));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it("keep one translator per language and namespace for the process", async () => {
    const first = await getPageTranslations({ locale, namespace: "status" });
    expect(await getPageTranslations({ locale, namespace: "status" })).toBe(first);
    expect(await getPageTranslations({ locale, namespace: "nav" })).not.toBe(first);
    const other = LOCALES.find((l) => l !== locale)!;
    expect(await getPageTranslations({ locale: other, namespace: "status" })).not.toBe(first);
  });

  it("format dates in the operator's time zone, with one formatter per language", () => {
    const date = new Date("2026-03-01T20:30:00Z");
    const options = { dateStyle: "long", timeStyle: "short" } as const;
    const expected = new Intl.DateTimeFormat(locale, { ...options, timeZone: getEnv().OPERATOR_TIME_ZONE }).format(date);
    expect(getPageFormatter(locale).dateTime(date, options)).toBe(expected);
    expect(getPageFormatter(locale)).toBe(getPageFormatter(locale));
  });
});
