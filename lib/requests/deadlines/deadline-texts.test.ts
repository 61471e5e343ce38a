import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import calendarKz from "@/db/seed/deadlines/calendar-kz.json";
import rules from "@/db/seed/deadlines/rules.json";
import { LOCALES } from "@/lib/i18n/locales";
import { readHolidayName, ruleSourceKey } from "./deadline-texts";

type Texts = { holidays: Record<string, string>; ruleSources: Record<string, string> };
const texts = (locale: string): Texts =>
  (JSON.parse(readFileSync(path.join(import.meta.dirname, "../../i18n/messages", locale, "calendar.json"), "utf8")) as { deadlineTexts: Texts }).deadlineTexts;

describe("readHolidayName", () => {
  it("reads a holiday and the weekend day it was moved from", () => {
    expect(readHolidayName("Victory Day (moved from Saturday 9 May)", 2026)).toEqual({ key: "victoryDay", movedFrom: "2026-05-09" });
    expect(readHolidayName("Constitution Day (moved from Sunday 30 August)", 2026)).toEqual({ key: "constitutionDay", movedFrom: "2026-08-30" });
    expect(readHolidayName("Nauryz meyrami", 2027)).toEqual({ key: "nauryz", movedFrom: null });
  });

  it("leaves a name an admin typed alone", () => {
    expect(readHolidayName("Перенос по постановлению № 123", 2027)).toEqual({ key: null, movedFrom: null });
  });
});

describe("shipped deadline data has text in every language", () => {
  it.each(LOCALES)("%s names every seeded holiday", (locale) => {
    const names = calendarKz.days.map((d) => readHolidayName(d.name, Number(d.day.slice(0, 4))));
    expect(names.filter((n) => n.key === null)).toEqual([]);
    expect(names.filter((n) => !texts(locale).holidays[n.key!])).toEqual([]);
    expect(calendarKz.days.filter((d) => d.name.includes("moved from") && readHolidayName(d.name, 2026).movedFrom === null)).toEqual([]);
  });

  it.each(LOCALES)("%s has the legal source of every seeded rule", (locale) => {
    expect(rules.rules.map((r) => ruleSourceKey(r.id)).filter((key) => !texts(locale).ruleSources[key])).toEqual([]);
  });
});
