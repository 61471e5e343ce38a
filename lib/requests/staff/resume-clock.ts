import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { requests, type DeadlineUnit, type Request } from "@/db/schema";
import { SYSTEM_ACTOR, type Actor } from "@/lib/audit/actor";
import { getEnv } from "@/lib/env";
import { resumeDueAt } from "../deadlines/compute-due-at";
import { getDeadlineRule, loadWorkingCalendar } from "../deadlines/deadline-repository";
import { recordRequestChange } from "../record-request-change";

type ClockFields = Pick<Request, "id" | "pausedAt" | "pausedMs" | "pausedDays" | "dueAt" | "originalDueAt" | "deadlineRuleId">;

/**
 * Starts a paused clock again. The due date moves by the pause counted in the rule's unit
 * (lib/requests/deadlines/compute-due-at.ts, resumeDueAt: working days for working-day rules);
 * pausedMs and pausedDays keep the totals, originalDueAt the first due date. Does nothing when
 * the clock is running. Call it inside the transaction that takes the request out of the paused
 * status; it writes its own (staff-only) timeline event and audit row. Returns the request with
 * the new values.
 */
export async function resumeClock<R extends ClockFields>(tx: Tx, request: R, now = new Date(), actor: Actor = SYSTEM_ACTOR): Promise<R> {
  if (!request.pausedAt) return request;
  const pause = await pauseOutcome(tx, request, request.pausedAt, now);
  const pausedMs = request.pausedMs + pause.pausedMs;
  const pausedDays = request.pausedDays + pause.pausedDays;
  const dueAt = pause.dueAt;
  const originalDueAt = request.originalDueAt ?? request.dueAt;
  await tx.update(requests).set({ pausedAt: null, pausedMs, pausedDays, dueAt, originalDueAt }).where(eq(requests.id, request.id));
  await recordRequestChange(tx, {
    requestId: request.id,
    kind: "clock_resumed",
    actor,
    data: {
      pausedMs: pause.pausedMs,
      pausedDays: pause.pausedDays,
      unit: pause.unit,
      totalPausedMs: pausedMs,
      totalPausedDays: pausedDays,
      from: request.dueAt?.toISOString() ?? null,
      to: dueAt?.toISOString() ?? null,
    },
    visibleToRequester: false,
  });
  return { ...request, pausedAt: null, pausedMs, pausedDays, dueAt, originalDueAt };
}

/**
 * What a pause from `pausedAt` to `until` does to the request's due date, by its rule's unit.
 * Also what a paused deadline would be if the clock started again at `until`.
 */
export async function pauseOutcome(
  tx: Tx,
  request: Pick<Request, "dueAt" | "deadlineRuleId">,
  pausedAt: Date,
  until: Date,
): Promise<{ dueAt: Date | null; pausedMs: number; pausedDays: number; unit: DeadlineUnit | null }> {
  const rule = request.deadlineRuleId ? await getDeadlineRule(tx, request.deadlineRuleId) : null;
  const pausedMs = Math.max(0, until.getTime() - pausedAt.getTime());
  if (!request.dueAt) return { dueAt: null, pausedMs, pausedDays: 0, unit: rule?.unit ?? null };
  // A request without its rule (deleted by hand) keeps the old exact-time behaviour.
  if (!rule) return { dueAt: new Date(request.dueAt.getTime() + pausedMs), pausedMs, pausedDays: 0, unit: null };
  const calendar = await loadWorkingCalendar(tx, rule.jurisdiction);
  const moved = resumeDueAt({ dueAt: request.dueAt, pausedAt, resumedAt: until, unit: rule.unit, calendar, timeZone: getEnv().OPERATOR_TIME_ZONE });
  return { ...moved, unit: rule.unit };
}
