import { DENIAL_REASONS, type DenialReason, type Request, type RequestStatus } from "@/db/schema";
import { isOneOf } from "@/lib/text/is-one-of";

/**
 * What the requester's status page and its printable receipt say about where a request stands,
 * decided here (pure, tested) so the page only renders it.
 */

/** The progress line: received → verified → in progress → answered. */
export const PROGRESS_STEPS = ["received", "verified", "in_progress", "answered"] as const;
export type ProgressStep = (typeof PROGRESS_STEPS)[number];

const STEP_OF_STATUS: Record<RequestStatus, ProgressStep> = {
  unverified: "received",
  expired: "received",
  new: "verified",
  in_progress: "in_progress",
  awaiting_requester: "in_progress",
  on_hold: "in_progress",
  completed: "answered",
  denied: "answered",
  withdrawn: "answered",
};

export type ProgressItem = { step: ProgressStep; state: "done" | "current" | "upcoming" };

export function progressLine(status: RequestStatus): ProgressItem[] {
  const current = PROGRESS_STEPS.indexOf(STEP_OF_STATUS[status]);
  return PROGRESS_STEPS.map((step, i) => ({ step, state: i < current ? "done" : i === current ? "current" : "upcoming" }));
}

export type ClosedOutcome = "completed" | "denied" | "withdrawn" | "expired";

/** An open request shows when it is due; a closed one shows how it ended and when, never a due date. */
export type DateLine = { kind: "due"; dueAt: Date } | { kind: "due_not_set" } | { kind: "closed"; outcome: ClosedOutcome; closedAt: Date | null };

export function dateLine(request: Pick<Request, "status" | "dueAt" | "closedAt">): DateLine {
  const { status } = request;
  if (status === "completed" || status === "denied" || status === "withdrawn" || status === "expired") {
    return { kind: "closed", outcome: status, closedAt: request.closedAt };
  }
  return request.dueAt ? { kind: "due", dueAt: request.dueAt } : { kind: "due_not_set" };
}

/** The receipt a requester prints or keeps: reference, type, received and (while open) due. */
export type Receipt = { reference: string; type: Request["type"]; receivedAt: Date; dueAt: Date | null };

export function receiptOf(request: Pick<Request, "reference" | "type" | "createdAt" | "status" | "dueAt" | "closedAt">): Receipt {
  const line = dateLine(request);
  return { reference: request.reference ?? "", type: request.type, receivedAt: request.createdAt, dueAt: line.kind === "due" ? line.dueAt : null };
}

/** The jurisdictions whose data-protection authority and law a denial names; any other gets the general wording. */
export const COMPLAINT_JURISDICTIONS = ["KZ", "GDPR", "CCPA"] as const;
export type ComplaintJurisdiction = (typeof COMPLAINT_JURISDICTIONS)[number] | "other";

export function complaintJurisdiction(jurisdiction: string): ComplaintJurisdiction {
  return isOneOf(COMPLAINT_JURISDICTIONS, jurisdiction) ? jurisdiction : "other";
}

/** Why a request was denied, in catalogue keys: the reason code, the law it was decided under, where to complain. */
export type DenialFacts = { reason: DenialReason; jurisdiction: ComplaintJurisdiction; note: string };

export function denialFacts(request: Pick<Request, "status" | "denialReason" | "outcomeNote" | "jurisdiction">): DenialFacts | null {
  if (request.status !== "denied") return null;
  const reason: DenialReason = isOneOf(DENIAL_REASONS, request.denialReason) ? request.denialReason : "other";
  return { reason, jurisdiction: complaintJurisdiction(request.jurisdiction), note: request.outcomeNote ?? "" };
}
