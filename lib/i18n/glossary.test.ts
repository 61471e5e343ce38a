import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/locales";
import { GLOSSARY, glossaryViolations } from "./glossary";

const MESSAGES = path.join(import.meta.dirname, "messages");

/** Every message of a locale's catalogues as ["file.json key.path", text]. */
function messagesOf(locale: string): [string, string][] {
  const out: [string, string][] = [];
  const walk = (where: string, value: unknown) => {
    if (typeof value === "string") out.push([where, value]);
    else if (value && typeof value === "object") for (const [key, child] of Object.entries(value)) walk(where ? `${where}.${key}` : key, child);
  };
  for (const file of readdirSync(path.join(MESSAGES, locale)).filter((f) => f.endsWith(".json"))) {
    walk("", JSON.parse(readFileSync(path.join(MESSAGES, locale, file), "utf8")));
  }
  return out;
}

describe("glossary", () => {
  it.each(LOCALES)("%s catalogues use no forbidden synonym of a glossary term", (locale) => {
    const found = messagesOf(locale).flatMap(([where, text]) => glossaryViolations(locale, text, where).map((v) => `${where} — ${v}`));
    expect(found).toEqual([]);
  });

  it("names a term in every language for every concept, and never forbids its own term", () => {
    for (const entry of GLOSSARY) {
      for (const locale of LOCALES) {
        expect(entry.term[locale].trim()).not.toBe("");
        expect(glossaryViolations(locale, entry.term[locale])).toEqual([]);
      }
    }
  });

  it("flags the synonyms issue 14 found, whatever their case ending", () => {
    expect(glossaryViolations("kk", "Өтініш берушінің аты-жөні")).toHaveLength(1);
    expect(glossaryViolations("kk", "мәртебе бетінің сілтемелері")).toHaveLength(2); // a status word and a page word
    expect(glossaryViolations("kk", "Заңды ұстап қалу белгіленді")).toHaveLength(1);
    expect(glossaryViolations("kk", "Заңдық ұстап қалу белгіленді")).toEqual([]);
    expect(glossaryViolations("kk", "Қол жеткізу", "reports.types.access")).toHaveLength(1);
    expect(glossaryViolations("ru", "Доступ", "staffAdmin.list.actions")).toEqual([]);
    expect(glossaryViolations("kk", "деректерге қол жеткізу құқығы")).toEqual([]);
    expect(glossaryViolations("kk", "аккаунтты бөгде адам пайдалануы")).toHaveLength(1);
    expect(glossaryViolations("kk", "Сұраныс нөмірі")).toHaveLength(1);
    expect(glossaryViolations("ru", "Ответ на ваше обращение")).toHaveLength(1);
    expect(glossaryViolations("ru", "не обращайте внимания")).toEqual([]);
    expect(glossaryViolations("ru", "ссылки на страницу статуса")).toHaveLength(1);
    expect(glossaryViolations("ru", "Чужой доступ к аккаунту")).toHaveLength(1);
    expect(glossaryViolations("en", "shown on their status page")).toHaveLength(1);
    // One English term for a request turned down: "Denied" came back in staff status, reports and exports once.
    expect(glossaryViolations("en", "Denied")).toHaveLength(1);
    expect(glossaryViolations("en", "Why we denied the request")).toHaveLength(1);
    expect(glossaryViolations("en", "Denials by reason")).toHaveLength(1);
    expect(glossaryViolations("en", "Deny the request")).toHaveLength(1);
    expect(glossaryViolations("en", "Declined")).toEqual([]);
    expect(glossaryViolations("en", "Access denied")).toEqual([]);
  });
});
