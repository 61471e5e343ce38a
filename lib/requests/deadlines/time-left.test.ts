import { describe, expect, it } from "vitest";
import calendarKz from "@/db/seed/deadlines/calendar-kz.json";
import type { Locale } from "@/lib/i18n/locales";
import { getTranslator } from "@/lib/i18n/translator";
import { msLeftOf, timeLeft, timeLeftMessage, workingDaysOnClock } from "./time-left";
import { createWorkingCalendar } from "./working-calendar";

const HOUR = 3_600_000;
const ZONE = "Asia/Almaty"; // UTC+5
/** Kazakhstan's shipped calendar: weekends, and 16 December 2026 (Wednesday) off. */
const KZ = createWorkingCalendar(calendarKz.days.map(({ day, kind }) => ({ day, kind: kind as "holiday" | "working_day" })));
/** A local time in Almaty as an instant. */
const almaty = (local: string) => new Date(`${local}+05:00`);
/** Where a working-day rule's due date falls: the end of its last day (compute-due-at.ts). */
const endOf = (day: string) => almaty(`${day}T23:59:59.999`);

describe("timeLeft", () => {
  it("counts hours under two days and whole days beyond", () => {
    expect(timeLeft(47.9 * HOUR)).toEqual({ overdue: false, unit: "hours", count: 47, urgency: "soon" });
    expect(timeLeft(48 * HOUR)).toEqual({ overdue: false, unit: "days", count: 2, urgency: "soon" });
    expect(timeLeft(100 * HOUR)).toEqual({ overdue: false, unit: "days", count: 4, urgency: "later" });
  });

  it("says 'due today' under 24 hours and counts an overdue request's begun hours", () => {
    expect(timeLeft(5 * HOUR).urgency).toBe("today");
    expect(timeLeft(-1)).toEqual({ overdue: true, unit: "hours", count: 1, urgency: "overdue" });
    expect(timeLeft(-3 * HOUR)).toEqual({ overdue: true, unit: "hours", count: 3, urgency: "overdue" });
    expect(timeLeft(-50 * HOUR)).toEqual({ overdue: true, unit: "days", count: 2, urgency: "overdue" });
  });

  it("under a working-day rule counts working days from two days on; hours, overdue and urgency as always", () => {
    expect(timeLeft(100 * HOUR, 2)).toEqual({ overdue: false, unit: "working_days", count: 2, urgency: "later" });
    expect(timeLeft(47 * HOUR, 2)).toEqual({ overdue: false, unit: "hours", count: 47, urgency: "soon" });
  });

  it("overdue under a working-day rule: working days once one is lost, hours until then, however long", () => {
    expect(timeLeft(-50 * HOUR, 2)).toEqual({ overdue: true, unit: "working_days", count: 2, urgency: "overdue" });
    expect(timeLeft(-30 * HOUR, 1)).toEqual({ overdue: true, unit: "working_days", count: 1, urgency: "overdue" });
    expect(timeLeft(-3 * HOUR, 0)).toEqual({ overdue: true, unit: "hours", count: 3, urgency: "overdue" });
    // A long weekend after the due day: no working day lost yet, so no calendar days either.
    expect(timeLeft(-80 * HOUR, 0)).toEqual({ overdue: true, unit: "hours", count: 80, urgency: "overdue" });
  });
});

describe("msLeftOf", () => {
  const now = new Date("2026-11-30T12:00:00Z");
  it("measures to the due date, frozen at the pause while paused, and is null without a due date", () => {
    const dueAt = new Date("2026-11-30T15:00:00Z");
    expect(msLeftOf({ dueAt, pausedAt: null }, now)).toBe(3 * HOUR);
    expect(msLeftOf({ dueAt, pausedAt: new Date("2026-11-30T10:00:00Z") }, now)).toBe(5 * HOUR);
    expect(msLeftOf({ dueAt: null, pausedAt: null }, now)).toBeNull();
  });
});

describe("workingDaysOnClock (Kazakhstan's calendar, Almaty dates)", () => {
  it.each([
    ["Monday morning → Wednesday", "2026-11-30T10:00", "2026-12-02", 2],
    ["Friday → Tuesday: the weekend does not count", "2026-12-04T10:00", "2026-12-08", 2],
    ["Tuesday → Friday: Independence Day (Wednesday) does not count", "2026-12-15T10:00", "2026-12-18", 2],
    ["late on Monday evening, 23:30 in Almaty, 18:30 UTC: still Monday", "2026-11-30T23:30", "2026-12-02", 2],
    ["due today", "2026-12-02T09:00", "2026-12-02", 0],
    ["overdue, the day after the due day: no whole working day lost yet", "2026-12-03T09:00", "2026-12-02", 0],
    ["overdue: Thursday 3 and Friday 4 lost by Saturday", "2026-12-05T09:00", "2026-12-02", 2],
    ["overdue over a weekend: Friday due, Monday still loses nothing whole", "2026-12-07T10:00", "2026-12-04", 0],
    ["overdue over Independence Day: Tuesday due, by Friday only Thursday 17 is lost", "2026-12-18T10:00", "2026-12-15", 1],
    ["overdue, late on Wednesday evening in Almaty (18:30 UTC): Tuesday lost, Wednesday not yet whole", "2026-12-02T23:30", "2026-11-30", 1],
  ])("%s", (_, now, dueDay, expected) => {
    expect(workingDaysOnClock(KZ, { dueAt: endOf(dueDay), pausedAt: null }, almaty(now), ZONE)).toBe(expected);
  });

  it("a paused clock counts from the day it stopped, and no due date is null", () => {
    const paused = { dueAt: endOf("2026-12-08"), pausedAt: almaty("2026-12-01T10:00") };
    // Wednesday 2 … Tuesday 8 December: 5 working days, whatever today is.
    expect(workingDaysOnClock(KZ, paused, almaty("2026-12-07T10:00"), ZONE)).toBe(5);
    expect(workingDaysOnClock(KZ, { dueAt: null, pausedAt: null }, almaty("2026-12-07T10:00"), ZONE)).toBeNull();
    // Paused on Friday 4 December, two working days after a Tuesday due day: Wednesday and Thursday lost, then frozen.
    const pausedLate = { dueAt: endOf("2026-12-01"), pausedAt: almaty("2026-12-04T10:00") };
    expect(workingDaysOnClock(KZ, pausedLate, almaty("2026-12-21T10:00"), ZONE)).toBe(2);
  });
});

/**
 * The words staff read, from the catalogues themselves (dashboard.deadline): every case in every
 * language. Kazakh writes the count and its unit as one phrase, with no ending on the number.
 */
describe("time left in words", () => {
  const cases: { name: string; now: string; dueDay: string; pausedAt?: string; workingDayRule: boolean; words: Record<Locale, string> }[] = [
    {
      name: "2 working days (Monday → Wednesday)",
      now: "2026-11-30T10:00",
      dueDay: "2026-12-02",
      workingDayRule: true,
      words: { en: "2 working days left", ru: "Осталось 2 рабочих дня", kk: "2 жұмыс күні қалды" },
    },
    {
      name: "over a weekend and a holiday: 5 working days, not 10 days (Friday 11 → Monday 21 December)",
      now: "2026-12-11T10:00",
      dueDay: "2026-12-21",
      workingDayRule: true,
      // Mon 14, Tue 15, Thu 17, Fri 18, Mon 21: Wednesday 16 is Independence Day.
      words: { en: "5 working days left", ru: "Осталось 5 рабочих дней", kk: "5 жұмыс күні қалды" },
    },
    {
      name: "one working day over a weekend",
      now: "2026-12-04T10:00",
      dueDay: "2026-12-07",
      workingDayRule: true,
      words: { en: "1 working day left", ru: "Остался 1 рабочий день", kk: "1 жұмыс күні қалды" },
    },
    {
      name: "the same dates under a calendar-day rule",
      now: "2026-12-04T10:00",
      dueDay: "2026-12-07",
      workingDayRule: false,
      words: { en: "3 days left", ru: "Осталось 3 дня", kk: "3 күн қалды" },
    },
    {
      name: "under two days: hours, whatever the rule",
      now: "2026-12-01T10:00",
      dueDay: "2026-12-02",
      workingDayRule: true,
      words: { en: "37 hours left", ru: "Осталось 37 часов", kk: "37 сағат қалды" },
    },
    {
      name: "overdue by 3 hours",
      now: "2026-12-03T02:59",
      dueDay: "2026-12-02",
      workingDayRule: true,
      words: { en: "3 hours overdue", ru: "Просрочен на 3 часа", kk: "Мерзімі өткеннен бері: 3 сағат" },
    },
    {
      name: "overdue by 1 working day (Monday due, Wednesday morning: Tuesday lost)",
      now: "2026-12-02T09:00",
      dueDay: "2026-11-30",
      workingDayRule: true,
      words: { en: "1 working day overdue", ru: "Просрочен на 1 рабочий день", kk: "Мерзімі өткеннен бері: 1 жұмыс күні" },
    },
    {
      name: "overdue by 3 working days over a weekend, not 5 days (Wednesday due, Tuesday: Thursday, Friday, Monday lost)",
      now: "2026-12-08T10:00",
      dueDay: "2026-12-02",
      workingDayRule: true,
      words: { en: "3 working days overdue", ru: "Просрочен на 3 рабочих дня", kk: "Мерзімі өткеннен бері: 3 жұмыс күні" },
    },
    {
      name: "overdue by 5 working days over Independence Day (Friday 4 due, Monday 14: Mon 7 … Fri 11 lost)",
      now: "2026-12-14T10:00",
      dueDay: "2026-12-04",
      workingDayRule: true,
      words: { en: "5 working days overdue", ru: "Просрочен на 5 рабочих дней", kk: "Мерзімі өткеннен бері: 5 жұмыс күні" },
    },
    {
      name: "overdue by 21 working days: Russian's 'one' form after 21",
      now: "2027-01-05T10:00",
      dueDay: "2026-12-01",
      workingDayRule: true,
      // 2 … 31 December less weekends and the 16th: 21 working days; 1, 2 January are holidays, 3, 4 a weekend.
      words: { en: "21 working days overdue", ru: "Просрочен на 21 рабочий день", kk: "Мерзімі өткеннен бері: 21 жұмыс күні" },
    },
    {
      name: "overdue past a weekend, no working day lost yet: hours (Friday due, Monday 10:00 in Almaty)",
      now: "2026-12-07T10:00",
      dueDay: "2026-12-04",
      workingDayRule: true,
      words: { en: "59 hours overdue", ru: "Просрочен на 59 часов", kk: "Мерзімі өткеннен бері: 59 сағат" },
    },
    {
      name: "overdue late on a Thursday evening in Almaty (18:30 UTC): Tuesday due, only Wednesday lost",
      now: "2026-12-03T23:30",
      dueDay: "2026-12-01",
      workingDayRule: true,
      words: { en: "1 working day overdue", ru: "Просрочен на 1 рабочий день", kk: "Мерзімі өткеннен бері: 1 жұмыс күні" },
    },
    {
      name: "a paused clock stays at what was lost when it stopped (Tuesday due, paused Friday, read weeks later)",
      now: "2026-12-28T10:00",
      dueDay: "2026-12-01",
      pausedAt: "2026-12-04T10:00",
      workingDayRule: true,
      words: { en: "2 working days overdue", ru: "Просрочен на 2 рабочих дня", kk: "Мерзімі өткеннен бері: 2 жұмыс күні" },
    },
    {
      name: "the same overdue under a calendar-day rule: calendar days",
      now: "2026-12-08T10:00",
      dueDay: "2026-12-02",
      workingDayRule: false,
      words: { en: "5 days overdue", ru: "Просрочен на 5 дней", kk: "Мерзімі өткеннен бері: 5 күн" },
    },
  ];

  it.each(cases)("$name", async ({ now, dueDay, pausedAt, workingDayRule, words }) => {
    const request = { dueAt: endOf(dueDay), pausedAt: pausedAt ? almaty(pausedAt) : null };
    const at = almaty(now);
    const left = timeLeft(msLeftOf(request, at)!, workingDayRule ? workingDaysOnClock(KZ, request, at, ZONE) : null);
    const { key, count } = timeLeftMessage(left);
    for (const locale of Object.keys(words) as Locale[]) {
      const t = await getTranslator(locale);
      expect(t(`dashboard.deadline.${key}`, { count }), locale).toBe(words[locale]);
    }
  });
});
