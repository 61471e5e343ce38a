import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { calendarDays, deadlineRules } from "@/db/schema";
import { rowsOf } from "@/lib/audit/record-audit-event";
import { getEnv } from "@/lib/env";
import { workingDaysOnClock } from "./time-left";
import { createWorkingCalendar, type CalendarException, type WorkingCalendar } from "./working-calendar";

type Clocked = { id: string; deadlineRuleId: string | null; dueAt: Date | null; pausedAt: Date | null };

/** The rules that count working days (by id: their jurisdiction) and the calendars of those jurisdictions. */
export type WorkingDayRules = { jurisdictionOf: Map<string, string>; calendars: Map<string, WorkingCalendar> };

/**
 * Every working-day rule and its jurisdiction's calendar, in one statement: a few dozen rows,
 * whichever requests are shown, so the queue reads them side by side with its page instead of
 * after it (two more round trips on every page).
 */
export async function loadWorkingDayRules(db: Executor): Promise<WorkingDayRules> {
  const [row] = rowsOf<{ rules: { id: string; jurisdiction: string }[] | string; days: (CalendarException & { jurisdiction: string })[] | string }>(
    await db.execute(sql`select
      (select coalesce(json_agg(json_build_object('id', ${deadlineRules.id}, 'jurisdiction', ${deadlineRules.jurisdiction})), '[]')
        from ${deadlineRules} where ${deadlineRules.unit} = 'working_days') as rules,
      (select coalesce(json_agg(json_build_object('jurisdiction', ${calendarDays.jurisdiction}, 'day', ${calendarDays.day}, 'kind', ${calendarDays.kind})), '[]')
        from ${calendarDays} where ${calendarDays.jurisdiction} in (select jurisdiction from ${deadlineRules} where ${deadlineRules.unit} = 'working_days')) as days`),
  );
  // json arrives parsed from postgres.js and PGlite alike; text only if a driver leaves it so.
  const parsed = <T>(value: T | string): T => (typeof value === "string" ? (JSON.parse(value) as T) : value);
  const rules = parsed(row!.rules);
  const days = parsed(row!.days);
  const jurisdictionOf = new Map(rules.map((rule) => [rule.id, rule.jurisdiction]));
  const calendars = new Map<string, WorkingCalendar>();
  for (const jurisdiction of new Set(jurisdictionOf.values())) {
    calendars.set(jurisdiction, createWorkingCalendar(days.filter((day) => day.jurisdiction === jurisdiction)));
  }
  return { jurisdictionOf, calendars };
}

/**
 * The working days on the clock (left, or lost when overdue: workingDaysOnClock) of each request
 * whose rule counts working days, keyed by request id (the others are absent): on the calendar of
 * the rule's jurisdiction, which its due date was computed on.
 */
export function workingDaysOnClockOf({ jurisdictionOf, calendars }: WorkingDayRules, items: readonly Clocked[], now: Date): Map<string, number> {
  const left = new Map<string, number>();
  const timeZone = getEnv().OPERATOR_TIME_ZONE;
  for (const item of items) {
    const jurisdiction = item.dueAt && item.deadlineRuleId ? jurisdictionOf.get(item.deadlineRuleId) : undefined;
    const days = jurisdiction ? workingDaysOnClock(calendars.get(jurisdiction)!, item, now, timeZone) : null;
    if (days !== null) left.set(item.id, days);
  }
  return left;
}

/** workingDaysOnClockOf, the rules and calendars read first. */
export async function loadWorkingDaysOnClock(db: Executor, items: readonly Clocked[], now: Date): Promise<Map<string, number>> {
  if (!items.some((item) => item.dueAt && item.deadlineRuleId)) return new Map();
  return workingDaysOnClockOf(await loadWorkingDayRules(db), items, now);
}
