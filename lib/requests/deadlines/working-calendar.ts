/** A calendar date, YYYY-MM-DD, as people in the operator's time zone see it — never a UTC instant. */
export type IsoDate = string;

/** A day that differs from the weekend rule: a weekday off, or a weekend day worked by decree. */
export type CalendarException = { day: IsoDate; kind: "holiday" | "working_day" };

export type WorkingCalendar = {
  isWorkingDay(isoDate: IsoDate): boolean;
  /** The date `n` working days after `isoDate`; the event day itself never counts (DESIGN.md). */
  addWorkingDays(isoDate: IsoDate, n: number): IsoDate;
  /** How many working days lie from `firstDay` to `lastDay`, both included. */
  countWorkingDays(firstDay: IsoDate, lastDay: IsoDate): number;
};

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SATURDAY = 6;
const SUNDAY = 0;

/** Days since 1970-01-01; throws on anything that is not a real YYYY-MM-DD date. */
export function toDayNumber(isoDate: IsoDate): number {
  const match = ISO_DATE.exec(isoDate);
  const dayNumber = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS : NaN;
  // The round trip rejects 2026-02-30 and friends, which Date.UTC would silently roll over.
  if (!Number.isInteger(dayNumber) || fromDayNumber(dayNumber) !== isoDate) {
    throw new RangeError(`expected a date as YYYY-MM-DD, got ${JSON.stringify(isoDate)}`);
  }
  return dayNumber;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(isoDate: IsoDate): number {
  return new Date(toDayNumber(isoDate) * DAY_MS).getUTCDay();
}

export function addCalendarDays(isoDate: IsoDate, n: number): IsoDate {
  assertCount(n);
  return fromDayNumber(toDayNumber(isoDate) + n);
}

/** Same day number `n` months later, clamped to that month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(isoDate: IsoDate, n: number): IsoDate {
  assertCount(n);
  toDayNumber(isoDate); // validates
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  const monthIndex = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex % 12;
  const daysInTarget = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const target = new Date(Date.UTC(targetYear, targetMonth, Math.min(day, daysInTarget)));
  return target.toISOString().slice(0, 10);
}

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`expected a whole number ≥ 0, got ${n}`);
}

/** Saturday and Sunday off, except where an exception row says otherwise. */
export function createWorkingCalendar(exceptions: readonly CalendarException[] = []): WorkingCalendar {
  const kindByDay = new Map<number, CalendarException["kind"]>();
  for (const exception of exceptions) kindByDay.set(toDayNumber(exception.day), exception.kind);

  const isWorkingDayNumber = (dayNumber: number): boolean => {
    const kind = kindByDay.get(dayNumber);
    if (kind) return kind === "working_day";
    const weekday = new Date(dayNumber * DAY_MS).getUTCDay();
    return weekday !== SATURDAY && weekday !== SUNDAY;
  };

  return {
    isWorkingDay: (isoDate) => isWorkingDayNumber(toDayNumber(isoDate)),

    addWorkingDays(isoDate, n) {
      assertCount(n);
      const start = toDayNumber(isoDate);
      // Bad data (every weekday a holiday for years) must fail loudly, not spin forever.
      const limit = start + n * 7 + 3_660;
      let dayNumber = start;
      for (let counted = 0; counted < n; ) {
        dayNumber += 1;
        if (dayNumber > limit) throw new RangeError(`no ${n} working days within ten years after ${isoDate}`);
        if (isWorkingDayNumber(dayNumber)) counted += 1;
      }
      return fromDayNumber(dayNumber);
    },

    countWorkingDays(firstDay, lastDay) {
      const last = toDayNumber(lastDay);
      let total = 0;
      for (let dayNumber = toDayNumber(firstDay); dayNumber <= last; dayNumber++) {
        if (isWorkingDayNumber(dayNumber)) total += 1;
      }
      return total;
    },
  };
}
