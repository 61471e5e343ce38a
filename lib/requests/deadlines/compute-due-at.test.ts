import { describe, expect, it } from "vitest";
import type { DeadlineUnit } from "@/db/schema/deadlines";
import calendarKz from "@/db/seed/deadlines/calendar-kz.json";
import { computeDueAt, extendDueAt, localDateOf, localWallTimeToInstant } from "./compute-due-at";
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
  pausedMs?: number;
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
    name: "KZ access paused two days awaiting the requester",
    startedAt: "2026-03-20T10:00:00+05:00",
    amount: 3,
    unit: "working_days",
    timeZone: ALMATY,
    pausedMs: 2 * DAY,
    due: "2026-04-01T23:59:59.999+05:00",
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
    name: "a pause moves a day deadline by exactly the time paused (3 h)",
    startedAt: "2026-01-15T10:00:00-08:00",
    amount: 45,
    unit: "calendar_days",
    timeZone: LOS_ANGELES,
    calendar: weekendsOnly,
    pausedMs: 3 * HOUR,
    due: "2026-03-02T02:59:59.999-08:00",
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
  it.each(cases)("$name", ({ startedAt, amount, unit, timeZone, calendar = kz, pausedMs, due }) => {
    const dueAt = computeDueAt({ startedAt: new Date(startedAt), amount, unit, calendar, timeZone, pausedMs });
    expect(dueAt.toISOString()).toBe(new Date(due).toISOString());
  });

  it("refuses a negative or fractional amount and a negative pause", () => {
    const base = { startedAt: new Date("2026-03-20T10:00:00+05:00"), unit: "working_days" as const, calendar: kz, timeZone: ALMATY };
    expect(() => computeDueAt({ ...base, amount: -1 })).toThrow(RangeError);
    expect(() => computeDueAt({ ...base, amount: 1.5 })).toThrow(RangeError);
    expect(() => computeDueAt({ ...base, amount: 1, pausedMs: -5 })).toThrow(RangeError);
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
