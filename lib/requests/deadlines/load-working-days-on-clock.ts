import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { deadlineRules } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { loadWorkingCalendar } from "./deadline-repository";
import { workingDaysOnClock } from "./time-left";
import type { WorkingCalendar } from "./working-calendar";

type Clocked = { id: string; deadlineRuleId: string | null; dueAt: Date | null; pausedAt: Date | null };

/**
 * The working days on the clock (left, or lost when overdue: workingDaysOnClock) of each request
 * whose rule counts working days, keyed by request id (the others are absent): on the calendar of the rule's jurisdiction, which its due date was computed
 * on. One query for the rules, one per jurisdiction among them.
 */
export async function loadWorkingDaysOnClock(db: Executor, items: readonly Clocked[], now: Date): Promise<Map<string, number>> {
  const left = new Map<string, number>();
  const ruleIds = [...new Set(items.filter((item) => item.dueAt && item.deadlineRuleId).map((item) => item.deadlineRuleId!))];
  if (ruleIds.length === 0) return left;
  const rules = await db
    .select({ id: deadlineRules.id, jurisdiction: deadlineRules.jurisdiction })
    .from(deadlineRules)
    .where(and(inArray(deadlineRules.id, ruleIds), eq(deadlineRules.unit, "working_days")));
  const jurisdictionOf = new Map(rules.map((rule) => [rule.id, rule.jurisdiction]));
  const calendars = new Map<string, WorkingCalendar>();
  for (const jurisdiction of new Set(jurisdictionOf.values())) calendars.set(jurisdiction, await loadWorkingCalendar(db, jurisdiction));
  const timeZone = getEnv().OPERATOR_TIME_ZONE;
  for (const item of items) {
    const jurisdiction = item.deadlineRuleId ? jurisdictionOf.get(item.deadlineRuleId) : undefined;
    const days = jurisdiction ? workingDaysOnClock(calendars.get(jurisdiction)!, item, now, timeZone) : null;
    if (days !== null) left.set(item.id, days);
  }
  return left;
}
