import { describe, expect, it } from "vitest";
import type { DeadlineUnit } from "@/db/schema/deadlines";
import calendarKz from "@/db/seed/deadlines/calendar-kz.json";
import { computeDueAt, extendDueAt, localDateOf, localDateTimeOf, localWallTimeToInstant, resumeDueAt } from "./compute-due-at";
import { addMonths, createWorkingCalendar, dayOfWeek, type CalendarException } from "./working-calendar";

const kz = createWorkingCalendar(calendarKz.days as CalendarException[]);
const weekendsOnly = createWorkingCalendar();
// Fictional decree: Saturday 2026-03-28 is worked.
const kzWithWorkedSaturday = createWorkingCalendar([...(calendarKz.days as CalendarException[]), { day: "2026-03-28", kind: "working_day" }]);

const ALMATY = "Asia/Almaty"; // UTC+5, no DST: end of a local day is 18:59:59.999Z
const BERLIN = "Europe/Berlin";
const LOS_ANGELES = "America/Los_Angeles";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Case = {
  name: string;
  startedAt: string;
  amount: number;
  unit: DeadlineUnit;
  timeZone: string;
  calendar?: ReturnType<typeof createWorkingCalendar>;
  due: string;
};

const cases: Case[] = [
  {
    name: "KZ access filed Friday before Nauryz: Mar 23–25 off, due Monday Mar 30",
    startedAt: "2026-03-20T10:00:00+05:00",
    amount: 3,
    unit: "working_days",
    timeZone: ALMATY,
    due: "2026-03-30T23:59:59.999+05:00",
  },
  {
    name: "a weekend is skipped (Thursday + 3 working days = Tuesday)",
    startedAt: "2026-02-12T15:00:00+05:00",
    amount: 3,
    unit: "working_days",
    timeZone: ALMATY,
    due: "2026-02-17T23:59:59.999+05:00",
  },
  {
    name: "the event day is the local date: Monday 02:00 Almaty is still Sunday in UTC",
    startedAt: "2026-02-16T02:00:00+05:00",
    amount: 1,
    unit: "working_days",
    timeZone: ALMATY,
    due: "2026-02-17T23:59:59.999+05:00",
  },
  {
    name: "Women's Day on Sunday Mar 8 moves to Monday Mar 9",
    startedAt: "2026-03-06T12:00:00+05:00",
    amount: 1,
    unit: "working_days",
    timeZone: ALMATY,
    due: "2026-03-10T23:59:59.999+05:00",
  },
  {
    name: "New Year: Jan 1–2 and the weekend off, first working day Monday Jan 5",
    startedAt: "2025-12-31T17:00:00+05:00",
    amount: 1,
    unit: "working_days",
    timeZone: ALMATY,
    due: "2026-01-05T23:59:59.999+05:00",
  },
  {
    name: "New Year then Orthodox Christmas Jan 7: 3 working days end Thursday Jan 8",
    startedAt: "2025-12-31T17:00:00+05:00",
    amount: 3,
    unit: "working_days",
    timeZone: ALMATY,
    due: "2026-01-08T23:59:59.999+05:00",
  },
  {
    name: "KZ credential misuse the day before Independence Day (Dec 16)",
    startedAt: "2026-12-15T09:00:00+05:00",
    amount: 1,
    unit: "working_days",
    timeZone: ALMATY,
    due: "2026-12-17T23:59:59.999+05:00",
  },
  {
    name: "a Saturday worked by decree counts as a working day",
    startedAt: "2026-03-27T09:00:00+05:00",
    amount: 1,
    unit: "working_days",
    timeZone: ALMATY,
    calendar: kzWithWorkedSaturday,
    due: "2026-03-28T23:59:59.999+05:00",
  },
  {
    name: "GDPR one month from Jan 31 2026 is Feb 28",
    startedAt: "2026-01-31T10:00:00+01:00",
    amount: 1,
    unit: "months",
    timeZone: BERLIN,
    due: "2026-02-28T23:59:59.999+01:00",
  },
  {
    name: "GDPR one month from Jan 31 2028 is Feb 29 (leap year)",
    startedAt: "2028-01-31T10:00:00+01:00",
    amount: 1,
    unit: "months",
    timeZone: BERLIN,
    due: "2028-02-29T23:59:59.999+01:00",
  },
  {
    name: "GDPR one month across the DST change ends 23:59:59.999 summer time",
    startedAt: "2026-03-31T16:00:00+02:00",
    amount: 1,
    unit: "months",
    timeZone: BERLIN,
    due: "2026-04-30T23:59:59.999+02:00",
  },
  {
    name: "GDPR one month in Almaty",
    startedAt: "2026-05-15T09:00:00+05:00",
    amount: 1,
    unit: "months",
    timeZone: ALMATY,
    due: "2026-06-15T23:59:59.999+05:00",
  },
  {
    name: "CCPA 45 calendar days (Jan 15 → Mar 1, Pacific standard time)",
    startedAt: "2026-01-15T10:00:00-08:00",
    amount: 45,
    unit: "calendar_days",
    timeZone: LOS_ANGELES,
    calendar: weekendsOnly,
    due: "2026-03-01T23:59:59.999-08:00",
  },
  {
    name: "CCPA acknowledgement within 10 business days",
    startedAt: "2026-01-15T10:00:00-08:00",
    amount: 10,
    unit: "working_days",
    timeZone: LOS_ANGELES,
    calendar: weekendsOnly,
    due: "2026-01-29T23:59:59.999-08:00",
  },
  {
    name: "GDPR breach: 72 exact hours, across the spring DST change",
    startedAt: "2026-03-28T10:00:00+01:00",
    amount: 72,
    unit: "hours",
    timeZone: BERLIN,
    due: "2026-03-31T11:00:00+02:00",
  },
  {
    name: "72 hours ignore weekends and holidays",
    startedAt: "2026-03-20T18:00:00+05:00",
    amount: 72,
    unit: "hours",
    timeZone: ALMATY,
    due: "2026-03-23T18:00:00+05:00",
  },
];

describe("computeDueAt", () => {
  it.each(cases)("$name", ({ startedAt, amount, unit, timeZone, calendar = kz, due }) => {
    const dueAt = computeDueAt({ startedAt: new Date(startedAt), amount, unit, calendar, timeZone });
    expect(dueAt.toISOString()).toBe(new Date(due).toISOString());
  });

  it("refuses a negative or fractional amount", () => {
    const base = { startedAt: new Date("2026-03-20T10:00:00+05:00"), unit: "working_days" as const, calendar: kz, timeZone: ALMATY };
    expect(() => computeDueAt({ ...base, amount: -1 })).toThrow(RangeError);
    expect(() => computeDueAt({ ...base, amount: 1.5 })).toThrow(RangeError);
  });
});

type PauseCase = {
  name: string;
  dueAt: string;
  pausedAt: string;
  resumedAt: string;
  unit: DeadlineUnit;
  timeZone: string;
  calendar?: ReturnType<typeof createWorkingCalendar>;
  pausedDays: number;
  due: string;
};

// February 2026 in Almaty: Mon 9, Tue 10, Wed 11, Thu 12, Fri 13, Sat 14, Sun 15, Mon 16, Tue 17 …
const pauseCases: PauseCase[] = [
  {
    name: "KZ 3 working days, verified Thursday morning (due Tuesday), paused Thursday noon → Monday noon: 2 working days, due Thursday (not Saturday)",
    dueAt: "2026-02-17T23:59:59.999+05:00",
    pausedAt: "2026-02-12T12:00:00+05:00",
    resumedAt: "2026-02-16T12:00:00+05:00",
    unit: "working_days",
    timeZone: ALMATY,
    pausedDays: 2,
    due: "2026-02-19T23:59:59.999+05:00",
  },
  {
    name: "a Friday deadline paused Wednesday → Friday moves 2 working days to Tuesday (not Sunday)",
    dueAt: "2026-02-13T23:59:59.999+05:00",
    pausedAt: "2026-02-11T10:00:00+05:00",
    resumedAt: "2026-02-13T10:00:00+05:00",
    unit: "working_days",
    timeZone: ALMATY,
    pausedDays: 2,
    due: "2026-02-17T23:59:59.999+05:00",
  },
  {
    name: "a one-minute pause at 23:59 leaves a 23:59:59.999 deadline where it was (not 00:00 the next day)",
    dueAt: "2026-02-13T23:59:59.999+05:00",
    pausedAt: "2026-02-11T23:58:30+05:00",
    resumedAt: "2026-02-11T23:59:30+05:00",
    unit: "working_days",
    timeZone: ALMATY,
    pausedDays: 0,
    due: "2026-02-13T23:59:59.999+05:00",
  },
  {
    name: "a one-minute pause on the due day itself, at 23:59, leaves it too",
    dueAt: "2026-02-13T23:59:59.999+05:00",
    pausedAt: "2026-02-13T23:59:00+05:00",
    resumedAt: "2026-02-13T23:59:59+05:00",
    unit: "working_days",
    timeZone: ALMATY,
    pausedDays: 0,
    due: "2026-02-13T23:59:59.999+05:00",
  },
  {
    name: "a one-minute pause from Friday 23:59 into Saturday stops no working day",
    dueAt: "2026-02-17T23:59:59.999+05:00",
    pausedAt: "2026-02-13T23:59:30+05:00",
    resumedAt: "2026-02-14T00:00:30+05:00",
    unit: "working_days",
    timeZone: ALMATY,
    pausedDays: 0,
    due: "2026-02-17T23:59:59.999+05:00",
  },
  {
    name: "a pause from Wednesday 23:59 into Thursday: the clock was stopped when Thursday began, so Thursday counts",
    dueAt: "2026-02-13T23:59:59.999+05:00",
    pausedAt: "2026-02-11T23:59:00+05:00",
    resumedAt: "2026-02-12T00:00:00+05:00",
    unit: "working_days",
    timeZone: ALMATY,
    pausedDays: 1,
    due: "2026-02-16T23:59:59.999+05:00",
  },
  {
    name: "a pause over Nauryz (Mar 23–25 off) counts only Thursday Mar 26",
    dueAt: "2026-03-30T23:59:59.999+05:00",
    pausedAt: "2026-03-20T12:00:00+05:00",
    resumedAt: "2026-03-26T09:00:00+05:00",
    unit: "working_days",
    timeZone: ALMATY,
    pausedDays: 1,
    due: "2026-03-31T23:59:59.999+05:00",
  },
  {
    name: "a pause that outlasts the due date still moves it by the working days stopped (Fri, Mon, Tue, Wed)",
    dueAt: "2026-02-13T23:59:59.999+05:00",
    pausedAt: "2026-02-12T12:00:00+05:00",
    resumedAt: "2026-02-18T12:00:00+05:00",
    unit: "working_days",
    timeZone: ALMATY,
    pausedDays: 4,
    due: "2026-02-19T23:59:59.999+05:00",
  },
  {
    name: "calendar days: a 3-hour pause within a day changes nothing",
    dueAt: "2026-03-01T23:59:59.999-08:00",
    pausedAt: "2026-01-20T10:00:00-08:00",
    resumedAt: "2026-01-20T13:00:00-08:00",
    unit: "calendar_days",
    timeZone: LOS_ANGELES,
    calendar: weekendsOnly,
    pausedDays: 0,
    due: "2026-03-01T23:59:59.999-08:00",
  },
  {
    name: "calendar days: Tuesday 10:00 → Thursday 09:00 counts 2 days, weekend or not; ends at the end of the day",
    dueAt: "2026-03-01T23:59:59.999-08:00",
    pausedAt: "2026-01-20T10:00:00-08:00",
    resumedAt: "2026-01-22T09:00:00-08:00",
    unit: "calendar_days",
    timeZone: LOS_ANGELES,
    calendar: weekendsOnly,
    pausedDays: 2,
    due: "2026-03-03T23:59:59.999-08:00",
  },
  {
    name: "months: a pause counts in calendar days (10 days move Mar 25 to Apr 4, across the DST change)",
    dueAt: "2026-03-25T23:59:59.999+01:00",
    pausedAt: "2026-02-10T09:00:00+01:00",
    resumedAt: "2026-02-20T16:00:00+01:00",
    unit: "months",
    timeZone: BERLIN,
    pausedDays: 10,
    due: "2026-04-04T23:59:59.999+02:00",
  },
  {
    name: "hours: exact time stopped (3 h)",
    dueAt: "2026-03-31T11:00:00+02:00",
    pausedAt: "2026-03-29T10:00:00+02:00",
    resumedAt: "2026-03-29T13:00:00+02:00",
    unit: "hours",
    timeZone: BERLIN,
    pausedDays: 0,
    due: "2026-03-31T14:00:00+02:00",
  },
];

describe("resumeDueAt: a pause counts in the rule's unit", () => {
  it.each(pauseCases)("$name", ({ dueAt, pausedAt, resumedAt, unit, timeZone, calendar = kz, pausedDays, due }) => {
    const result = resumeDueAt({ dueAt: new Date(dueAt), pausedAt: new Date(pausedAt), resumedAt: new Date(resumedAt), unit, calendar, timeZone });
    expect(result.dueAt.toISOString()).toBe(new Date(due).toISOString());
    expect(result.pausedDays).toBe(pausedDays);
    expect(result.pausedMs).toBe(new Date(resumedAt).getTime() - new Date(pausedAt).getTime());
  });

  it("ends a working-day deadline on a working day for every pause over two months of the Kazakh calendar", () => {
    const due = new Date("2026-03-04T23:59:59.999+05:00");
    for (let start = 0; start < 60 * 24; start += 7) {
      const pausedAt = new Date(Date.parse("2026-02-01T00:00:00+05:00") + start * HOUR);
      for (const hours of [0.02, 1, 13, 25, 49, 73, 170]) {
        const result = resumeDueAt({ dueAt: due, pausedAt, resumedAt: new Date(pausedAt.getTime() + hours * HOUR), unit: "working_days", calendar: kz, timeZone: ALMATY });
        const { date, msOfDay } = localDateTimeOf(result.dueAt, ALMATY);
        expect(kz.isWorkingDay(date), `${pausedAt.toISOString()} +${hours} h`).toBe(true);
        expect(msOfDay).toBe(DAY - 1);
        expect(result.dueAt.getTime()).toBeGreaterThanOrEqual(due.getTime());
      }
    }
  });
});

describe("extendDueAt", () => {
  it.each([
    {
      name: "CCPA +45 calendar days from Mar 1 ends Apr 15, now Pacific daylight time",
      dueAt: "2026-03-01T23:59:59.999-08:00",
      amount: 45,
      unit: "calendar_days" as const,
      timeZone: LOS_ANGELES,
      due: "2026-04-15T23:59:59.999-07:00",
    },
    {
      name: "GDPR +2 months from Feb 28 ends Apr 28",
      dueAt: "2026-02-28T23:59:59.999+01:00",
      amount: 2,
      unit: "months" as const,
      timeZone: BERLIN,
      due: "2026-04-28T23:59:59.999+02:00",
    },
    {
      name: "working days counted after the current due date, skipping Nauryz",
      dueAt: "2026-03-20T23:59:59.999+05:00",
      amount: 2,
      unit: "working_days" as const,
      timeZone: ALMATY,
      due: "2026-03-27T23:59:59.999+05:00",
    },
    {
      name: "a paused deadline keeps its time of day",
      dueAt: "2026-03-02T02:59:59.999-08:00",
      amount: 45,
      unit: "calendar_days" as const,
      timeZone: LOS_ANGELES,
      due: "2026-04-16T02:59:59.999-07:00",
    },
    {
      name: "hours are exact",
      dueAt: "2026-03-31T11:00:00+02:00",
      amount: 24,
      unit: "hours" as const,
      timeZone: BERLIN,
      due: "2026-04-01T11:00:00+02:00",
    },
  ])("$name", ({ dueAt, amount, unit, timeZone, due }) => {
    const extended = extendDueAt({ dueAt: new Date(dueAt), amount, unit, calendar: kz, timeZone });
    expect(extended.toISOString()).toBe(new Date(due).toISOString());
  });
});

describe("Kazakhstan calendar seed", () => {
  it("gives 2026 exactly 246 working days and 2027 247", () => {
    expect(kz.countWorkingDays("2026-01-01", "2026-12-31")).toBe(246);
    expect(kz.countWorkingDays("2027-01-01", "2027-12-31")).toBe(247);
  });

  it("lists only weekdays as holidays, each with a name", () => {
    for (const row of calendarKz.days) {
      if (row.kind === "holiday") expect([1, 2, 3, 4, 5], row.day).toContain(dayOfWeek(row.day));
      expect(row.name.length).toBeGreaterThan(0);
    }
    expect(calendarKz.days.filter((row) => row.day.startsWith("2026"))).toHaveLength(15);
  });
});

describe("working calendar", () => {
  it("counts from the day after the event; zero days is the event day", () => {
    expect(kz.addWorkingDays("2026-03-20", 0)).toBe("2026-03-20");
    expect(kz.addWorkingDays("2026-03-21", 1)).toBe("2026-03-26");
    expect(kz.isWorkingDay("2026-03-26")).toBe(true);
    expect(kz.isWorkingDay("2026-03-24")).toBe(false);
    expect(kz.isWorkingDay("2026-03-28")).toBe(false);
    expect(kzWithWorkedSaturday.isWorkingDay("2026-03-28")).toBe(true);
  });

  it("adds months clamped to the month's end", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-02-28", 2)).toBe("2026-04-28");
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
    expect(addMonths("2026-12-15", 1)).toBe("2027-01-15");
  });

  it("rejects dates that do not exist", () => {
    expect(() => kz.isWorkingDay("2026-02-30")).toThrow(RangeError);
    expect(() => kz.addWorkingDays("26-3-1", 1)).toThrow(RangeError);
    expect(() => createWorkingCalendar([{ day: "2026-13-01", kind: "holiday" }])).toThrow(RangeError);
  });
});

describe("time zone arithmetic", () => {
  it("reads the local date of an instant", () => {
    expect(localDateOf(new Date("2026-02-15T21:00:00Z"), ALMATY)).toBe("2026-02-16");
    expect(localDateOf(new Date("2026-02-15T21:00:00Z"), BERLIN)).toBe("2026-02-15");
  });

  it("resolves a wall time skipped or repeated by DST like Temporal's 'compatible'", () => {
    const at = (date: string, hh: number, mm: number) => localWallTimeToInstant(date, (hh * 60 + mm) * 60_000, BERLIN).toISOString();
    expect(at("2026-03-29", 2, 30)).toBe("2026-03-29T01:30:00.000Z"); // skipped: reads 03:30 CEST
    expect(at("2026-10-25", 2, 30)).toBe("2026-10-25T00:30:00.000Z"); // repeated: the first (CEST) one
    expect(at("2026-07-01", 23, 59)).toBe("2026-07-01T21:59:00.000Z");
  });
});
