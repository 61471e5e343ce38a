import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { requests, type Request } from "@/db/schema";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { getEnv } from "@/lib/env";
import { extendDueAt } from "../deadlines/compute-due-at";
import { getDeadlineRule, loadWorkingCalendar } from "../deadlines/deadline-repository";
import { recordRequestChange } from "../record-request-change";
import { AppError } from "@/lib/errors/app-error";
import { pauseOutcome } from "./resume-clock";
import { extendDeadlineSchema } from "./schemas";
import { assertCan } from "@/lib/auth/assert-can";
import { parseInput } from "@/lib/errors/field-errors";
import { assertOpen, emailRequester, lockRequest, requesterDate, staffActor } from "./staff-context";

/**
 * Extends an open request's deadline once, with a reason, by at most what its deadline rule
 * allows (e.g. GDPR: two more months), counted from the current due date. The notice must go out
 * before the deadline passes; the requester gets it from a template, with the reason.
 */
export async function extendDeadline(db: Db, input: z.input<typeof extendDeadlineSchema>, actor: CurrentStaff, now = new Date()): Promise<Request> {
  const data = parseInput(extendDeadlineSchema, input);
  assertCan(actor, "requests.work");
  return db.transaction(async (tx) => {
    const request = await lockRequest(tx, data.requestId);
    assertOpen(request);
    const rule = request.deadlineRuleId ? await getDeadlineRule(tx, request.deadlineRuleId) : null;
    if (!rule || !request.dueAt) throw new AppError("conflict", { reason: "no_deadline" });
    if (rule.extensionAmount === null || rule.extensionUnit === null) throw new AppError("conflict", { reason: "no_extension", details: { ruleId: rule.id } });
    if (request.extendedAt) throw new AppError("conflict", { reason: "already_extended", details: { extendedAt: request.extendedAt.toISOString() } });
    const amount = data.amount ?? rule.extensionAmount;
    if (amount > rule.extensionAmount) throw new AppError("conflict", { reason: "beyond_extension", details: { max: rule.extensionAmount, unit: rule.extensionUnit } });
    // A paused clock's due date is not final yet; it is judged as it would stand if it restarted now.
    const standing = request.pausedAt ? ((await pauseOutcome(tx, request, request.pausedAt, now)).dueAt ?? request.dueAt) : request.dueAt;
    if (standing.getTime() < now.getTime()) throw new AppError("conflict", { reason: "deadline_passed", details: { dueAt: request.dueAt.toISOString() } });

    const calendar = await loadWorkingCalendar(tx, rule.jurisdiction);
    const dueAt = extendDueAt({ dueAt: request.dueAt, amount, unit: rule.extensionUnit, calendar, timeZone: getEnv().OPERATOR_TIME_ZONE });
    const [updated] = await tx
      .update(requests)
      .set({ dueAt, originalDueAt: request.originalDueAt ?? request.dueAt, extendedAt: now, extensionReason: data.reason })
      .where(eq(requests.id, request.id))
      .returning();
    await recordRequestChange(tx, {
      requestId: request.id,
      kind: "deadline_extended",
      actor: staffActor(actor),
      data: { from: request.dueAt.toISOString(), to: dueAt.toISOString(), amount, unit: rule.extensionUnit, ruleId: rule.id, reason: data.reason },
    });
    await emailRequester(tx, updated!, "deadline_extended", { dueDate: requesterDate(updated!, dueAt), reason: data.reason }, now);
    return updated!;
  });
}
