import { and, desc, eq, lte } from "drizzle-orm";
import { z } from "zod";
import type { Db, Executor } from "@/db/client";
import { calendarDays, DEADLINE_UNITS, deadlineRules, REQUEST_STATUSES, type DeadlineRule } from "@/db/schema";
import calendarKzSeed from "@/db/seed/deadlines/calendar-kz.json";
import rulesSeed from "@/db/seed/deadlines/rules.json";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { REQUEST_TYPES, type RequestType } from "@/lib/requests/request-types";
import { computeDueAt, localDateOf } from "./compute-due-at";
import { createWorkingCalendar, type IsoDate, type WorkingCalendar } from "./working-calendar";

/** What starts a rule's clock: the request was filed ("received") or its address confirmed ("verified"). */
export const DEADLINE_START_EVENTS = ["received", "verified"] as const;
export type DeadlineStartEvent = (typeof DEADLINE_START_EVENTS)[number];

const unit = z.enum(DEADLINE_UNITS);
const jurisdiction = z.string().regex(/^[A-Z][A-Z0-9_]{1,15}$/);

const ruleSeedSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    jurisdiction,
    requestType: z.enum(REQUEST_TYPES),
    amount: z.number().int().positive(),
    unit,
    startsAtEvent: z.enum(DEADLINE_START_EVENTS),
    extensionAmount: z.number().int().positive().nullable(),
    extensionUnit: unit.nullable(),
    acknowledgeWithinAmount: z.number().int().positive().nullable(),
    acknowledgeWithinUnit: unit.nullable(),
    pausesWhile: z.enum(REQUEST_STATUSES).nullable(),
    source: z.string().min(1),
    validFrom: z.iso.date(),
  })
  .refine((r) => (r.extensionAmount === null) === (r.extensionUnit === null), "extension amount and unit go together")
  .refine((r) => (r.acknowledgeWithinAmount === null) === (r.acknowledgeWithinUnit === null), "acknowledge amount and unit go together");

const calendarSeedSchema = z.object({
  jurisdiction,
  days: z.array(z.object({ day: z.iso.date(), kind: z.enum(["holiday", "working_day"]), name: z.string().min(1) })),
});

/** The shipped defaults (db/seed/deadlines), checked so a typo fails start-up with a clear message. */
export function readDeadlineSeed() {
  const rules = z.object({ rules: z.array(ruleSeedSchema) }).parse(rulesSeed).rules;
  const days = [calendarKzSeed].flatMap((file) => {
    const calendar = calendarSeedSchema.parse(file);
    return calendar.days.map((row) => ({ jurisdiction: calendar.jurisdiction, ...row }));
  });
  return { rules, calendarDays: days };
}

/**
 * Loads the default rules and holiday calendars; safe on every start. Rules are only ever added
 * (versions), so missing ids are inserted. Calendar rows go in only for a jurisdiction's years
 * with no rows yet, so a holiday an admin removed (a decree moved it) does not come back.
 */
export async function seedDeadlineData(db: Db): Promise<{ rulesAdded: number; calendarDaysAdded: number }> {
  const seed = readDeadlineSeed();
  return db.transaction(async (tx) => {
    const addedRules = await tx.insert(deadlineRules).values(seed.rules).onConflictDoNothing().returning({ id: deadlineRules.id });

    const existing = await tx.select({ jurisdiction: calendarDays.jurisdiction, day: calendarDays.day }).from(calendarDays);
    const seededYears = new Set(existing.map((row) => `${row.jurisdiction}:${row.day.slice(0, 4)}`));
    const newDays = seed.calendarDays.filter((row) => !seededYears.has(`${row.jurisdiction}:${row.day.slice(0, 4)}`));
    const addedDays = newDays.length
      ? await tx.insert(calendarDays).values(newDays).onConflictDoNothing().returning({ day: calendarDays.day })
      : [];

    if (addedRules.length > 0 || addedDays.length > 0) {
      await recordAuditEvent(tx, {
        actorType: "system",
        action: "deadline.defaults_seeded",
        entityType: "deadline_rules",
        data: { ruleIds: addedRules.map((r) => r.id), calendarDays: addedDays.length },
      });
    }
    return { rulesAdded: addedRules.length, calendarDaysAdded: addedDays.length };
  });
}

/** Weekends plus the jurisdiction's calendar rows (none: just weekends). */
export async function loadWorkingCalendar(db: Executor, jurisdiction: string): Promise<WorkingCalendar> {
  const rows = await db
    .select({ day: calendarDays.day, kind: calendarDays.kind })
    .from(calendarDays)
    .where(eq(calendarDays.jurisdiction, jurisdiction));
  return createWorkingCalendar(rows);
}

async function latestRule(db: Executor, jurisdiction: string, requestType: RequestType, on: IsoDate): Promise<DeadlineRule | null> {
  const [rule] = await db
    .select()
    .from(deadlineRules)
    .where(and(eq(deadlineRules.jurisdiction, jurisdiction), eq(deadlineRules.requestType, requestType), lte(deadlineRules.validFrom, on)))
    .orderBy(desc(deadlineRules.validFrom), desc(deadlineRules.createdAt), desc(deadlineRules.id))
    .limit(1);
  return rule ?? null;
}

/** The rule in force on `on` (latest validFrom ≤ on); else the fallback jurisdiction's; else null. */
export async function findDeadlineRule(
  db: Executor,
  { jurisdiction, requestType, on, fallbackJurisdiction }: { jurisdiction: string; requestType: RequestType; on: IsoDate; fallbackJurisdiction?: string },
): Promise<DeadlineRule | null> {
  const own = await latestRule(db, jurisdiction, requestType, on);
  if (own || !fallbackJurisdiction || fallbackJurisdiction === jurisdiction) return own;
  return latestRule(db, fallbackJurisdiction, requestType, on);
}

/** A rule by id: requests keep the rule they got, for extensions and pauses later. */
export async function getDeadlineRule(db: Executor, id: string): Promise<DeadlineRule | null> {
  const [rule] = await db.select().from(deadlineRules).where(eq(deadlineRules.id, id)).limit(1);
  return rule ?? null;
}

export type CalculateDueAtInput = {
  jurisdiction: string;
  requestType: RequestType;
  /** The moment of the event being handled (usually verification). */
  startedAt: Date;
  timeZone: string;
  fallbackJurisdiction?: string;
  /** Earlier events, e.g. `{ received: request.createdAt }`: a rule starting on one counts from it. */
  eventTimes?: Partial<Record<DeadlineStartEvent, Date>>;
};

export type CalculatedDeadline = { dueAt: Date; ruleId: string; acknowledgeBy: Date | null };

/** Finds the rule and computes the due moment on the rule's jurisdiction's working calendar. */
export async function calculateDueAt(db: Executor, input: CalculateDueAtInput): Promise<CalculatedDeadline | null> {
  const { timeZone } = input;
  const rule = await findDeadlineRule(db, {
    jurisdiction: input.jurisdiction,
    requestType: input.requestType,
    on: localDateOf(input.startedAt, timeZone),
    fallbackJurisdiction: input.fallbackJurisdiction,
  });
  if (!rule) return null;
  const startedAt = input.eventTimes?.[rule.startsAtEvent as DeadlineStartEvent] ?? input.startedAt;
  const calendar = await loadWorkingCalendar(db, rule.jurisdiction);
  const dueAt = computeDueAt({ startedAt, amount: rule.amount, unit: rule.unit, calendar, timeZone });
  const acknowledgeBy =
    rule.acknowledgeWithinAmount !== null && rule.acknowledgeWithinUnit !== null
      ? computeDueAt({ startedAt, amount: rule.acknowledgeWithinAmount, unit: rule.acknowledgeWithinUnit, calendar, timeZone })
      : null;
  return { dueAt, ruleId: rule.id, acknowledgeBy };
}
