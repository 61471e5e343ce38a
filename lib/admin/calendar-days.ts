import { and, asc, eq, gte, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calendarDays, deadlineRules, type DeadlineRule } from "@/db/schema";
import { assertCan } from "@/lib/auth/assert-can";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { calendarDaySchema, type CalendarDayInput } from "@/lib/validation/calendar-day";

export { calendarDaySchema, type CalendarDayInput };

/** The calendar's exceptions for one jurisdiction and year, and the deadline rules in force. */
export async function getCalendarAdminView(db: Db, { jurisdiction, year }: { jurisdiction: string; year: number }, actor: Pick<CurrentStaff, "role">) {
  assertCan(actor, "calendar.manage");
  const days = await db
    .select()
    .from(calendarDays)
    .where(and(eq(calendarDays.jurisdiction, jurisdiction), gte(calendarDays.day, `${year}-01-01`), lte(calendarDays.day, `${year}-12-31`)))
    .orderBy(asc(calendarDays.day));
  const rules: DeadlineRule[] = await db.select().from(deadlineRules).orderBy(asc(deadlineRules.jurisdiction), asc(deadlineRules.requestType), asc(deadlineRules.validFrom));
  return { days, rules };
}

/**
 * Adds or replaces one exception day — a movable holiday such as Kurban Ait, or a day moved by
 * decree. Deadlines computed from now on use it; existing due dates stay as they were given.
 */
export async function saveCalendarDay(db: Db, input: CalendarDayInput, actor: Pick<CurrentStaff, "id" | "role">): Promise<void> {
  assertCan(actor, "calendar.manage");
  const day = calendarDaySchema.parse(input);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(calendarDays).where(and(eq(calendarDays.jurisdiction, day.jurisdiction), eq(calendarDays.day, day.day)));
    await tx
      .insert(calendarDays)
      .values(day)
      .onConflictDoUpdate({ target: [calendarDays.jurisdiction, calendarDays.day], set: { kind: day.kind, name: day.name } });
    await recordAuditEvent(tx, {
      actorType: "staff",
      actorId: actor.id,
      action: "calendar.day_saved",
      entityType: "calendar_day",
      entityId: `${day.jurisdiction}:${day.day}`,
      data: { before: before ?? null, after: day },
    });
  });
}

export async function removeCalendarDay(db: Db, input: { jurisdiction: string; day: string }, actor: Pick<CurrentStaff, "id" | "role">): Promise<boolean> {
  assertCan(actor, "calendar.manage");
  const { jurisdiction, day } = calendarDaySchema.pick({ jurisdiction: true, day: true }).parse(input);
  return db.transaction(async (tx) => {
    const removed = await tx.delete(calendarDays).where(and(eq(calendarDays.jurisdiction, jurisdiction), eq(calendarDays.day, day))).returning();
    if (removed.length === 0) return false;
    await recordAuditEvent(tx, {
      actorType: "staff",
      actorId: actor.id,
      action: "calendar.day_removed",
      entityType: "calendar_day",
      entityId: `${jurisdiction}:${day}`,
      data: { before: removed[0] },
    });
    return true;
  });
}
