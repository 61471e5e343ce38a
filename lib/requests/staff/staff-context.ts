import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { requests, type Request, type RequestStatus } from "@/db/schema";
import type { Actor } from "@/lib/audit/actor";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import type { EmailTemplate, EmailVariables } from "@/lib/email/render-email";
import { getEnv } from "@/lib/env";
import { formatDateTime, getTranslator } from "@/lib/i18n/translator";
import { issueStatusLink } from "../complete-verification";
import { getDeadlineRule } from "../deadlines/deadline-repository";
import { applyTransition, CLOSED_STATUSES, isOpen, type LifecycleAction } from "../lifecycle";
import { recordRequestChange } from "../record-request-change";
import type { TimelineEvent, TimelineEventData } from "../timeline-events";
import { AppError } from "@/lib/errors/app-error";
import { resumeClock } from "./resume-clock";

export function staffActor(actor: CurrentStaff): Actor {
  return { type: "staff", id: actor.id };
}

/**
 * The request row, locked for the rest of the transaction. A request whose address was never
 * verified is invisible to staff, so it is "not found" like one that does not exist.
 */
export async function lockRequest(tx: Tx, id: string): Promise<Request> {
  const [row] = await tx.select().from(requests).where(eq(requests.id, id)).for("update");
  if (!row || !row.verifiedAt) throw new AppError("not_found");
  return row;
}

export function assertOpen(request: Request): void {
  if (!isOpen(request.status)) throw new AppError("conflict", { reason: "closed", details: { status: request.status } });
}

/** The status this staff member's action leads to, per the lifecycle table, or AppError("conflict"). */
export function targetStatus(request: Request, action: LifecycleAction, actor: CurrentStaff): RequestStatus {
  return applyTransition(request.status, action, actor.role);
}

type MoveKind = "status_changed" | "completed" | "denied";
/** A status move's own timeline data (from and to are added). */
type MoveEvent = { [K in MoveKind]: { kind: K; data: Omit<TimelineEventData[K], "from" | "to"> } }[MoveKind];

function moveEvent(event: MoveEvent | undefined, from: RequestStatus, to: RequestStatus): TimelineEvent<MoveKind> {
  switch (event?.kind) {
    case undefined:
      return { kind: "status_changed", data: { from, to } };
    case "status_changed":
      return { kind: event.kind, data: { from, to, ...event.data } };
    case "completed":
      return { kind: event.kind, data: { from, to, ...event.data } };
    case "denied":
      return { kind: event.kind, data: { from, to, ...event.data } };
  }
}

export type StatusMove = {
  action: LifecycleAction;
  actor: CurrentStaff;
  now: Date;
  /** The timeline event beyond from → to: "status_changed" unless the move has its own (completed, denied). */
  event?: MoveEvent;
  /** Other columns to set with the status (denial reason, outcome note; a reopened request's closing date …). */
  set?: Partial<Pick<Request, "denialReason" | "outcomeNote" | "closedAt">>;
};

/**
 * Moves a locked request through the lifecycle table and keeps its clock right: the clock stops
 * when the request enters the status its deadline rule pauses in, and starts again (moving the
 * due date) when it leaves it. Writes the timeline event and audit row.
 */
export async function moveRequest(tx: Tx, request: Request, move: StatusMove): Promise<Request> {
  const to = targetStatus(request, move.action, move.actor);
  const actor = staffActor(move.actor);
  const rule = request.deadlineRuleId ? await getDeadlineRule(tx, request.deadlineRuleId) : null;
  let current = request;
  if (current.pausedAt && rule?.pausesWhile !== to) current = await resumeClock(tx, current, move.now, actor);
  const pause = !current.pausedAt && current.dueAt !== null && rule?.pausesWhile === to;
  const closing = (CLOSED_STATUSES as readonly RequestStatus[]).includes(to);
  const [updated] = await tx
    .update(requests)
    .set({
      ...move.set,
      status: to,
      statusChangedAt: move.now,
      ...(pause ? { pausedAt: move.now } : {}),
      ...(closing ? { closedAt: move.now } : {}),
    })
    .where(eq(requests.id, request.id))
    .returning();
  await recordRequestChange(tx, { requestId: request.id, actor, ...moveEvent(move.event, request.status, to) });
  if (pause) {
    await recordRequestChange(tx, {
      requestId: request.id,
      kind: "clock_paused",
      actor,
      data: { ruleId: rule!.id, while: to, dueAt: current.dueAt?.toISOString() ?? null },
      visibleToRequester: false,
    });
  }
  return updated!;
}

/** Templates that tell the requester about their request: each gets the name, reference and a fresh status link. */
type RequesterTemplate = "information_requested" | "deadline_extended" | "request_denied" | "request_completed" | "request_reopened";
type OwnVariables<T extends RequesterTemplate> = Omit<EmailVariables[T], "name" | "reference" | "statusUrl">;

/** Issues a new private status link (only its hash is kept) and queues the email in the requester's language. */
export async function emailRequester<T extends RequesterTemplate & EmailTemplate>(
  tx: Tx,
  request: Request,
  template: T,
  variables: OwnVariables<T>,
  now: Date,
) {
  const statusUrl = await issueStatusLink(tx, request, now);
  return enqueueEmail(tx, {
    requestId: request.id,
    template,
    locale: request.locale,
    to: request.requesterEmail,
    replyToRequest: true,
    variables: { ...variables, name: request.requesterName, reference: request.reference ?? "", statusUrl } as unknown as EmailVariables[T],
  });
}

/** A date as the requester reads it: their language, the operator's time zone. */
export function requesterDate(request: Request, date: Date): string {
  return formatDateTime(date, request.locale, getEnv().OPERATOR_TIME_ZONE);
}

export async function requestTypeTitle(request: Request): Promise<string> {
  const t = await getTranslator(request.locale);
  return t(`requestTypes.${request.type}.title`);
}
