import type { RequestStatus } from "@/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { rolesWith } from "@/lib/auth/permissions";

/**
 * The one table of allowed status changes (DESIGN.md "Lifecycle"). Everything that changes a
 * request's status asks this module first; nothing else decides what may follow what.
 */
export type LifecycleRole = "requester" | "agent" | "compliance" | "admin" | "system";

export const OPEN_STATUSES = ["new", "in_progress", "awaiting_requester", "on_hold"] as const satisfies readonly RequestStatus[];
export const CLOSED_STATUSES = ["completed", "denied", "withdrawn", "expired"] as const satisfies readonly RequestStatus[];

export type LifecycleAction =
  | "verify"
  | "expire"
  | "start"
  | "ask_requester"
  | "requester_replied"
  | "hold"
  | "resume"
  | "complete"
  | "deny"
  | "reopen"
  | "withdraw";

type Move = { action: LifecycleAction; from: readonly RequestStatus[]; to: RequestStatus; roles: readonly LifecycleRole[] };

/** The staff moves are for those who work requests (lib/auth/permissions.ts). */
const STAFF_WHO_WORK = rolesWith("requests.work");

/**
 * A request is answered only once someone has worked on it: a new one is started first (issue 15:
 * "complete" and "deny" offered on a request nobody had opened).
 */
const WORKED_STATUSES = ["in_progress", "awaiting_requester", "on_hold"] as const satisfies readonly RequestStatus[];

export const LIFECYCLE: readonly Move[] = [
  { action: "verify", from: ["unverified"], to: "new", roles: ["requester"] },
  { action: "expire", from: ["unverified"], to: "expired", roles: ["system"] },
  { action: "start", from: ["new"], to: "in_progress", roles: STAFF_WHO_WORK },
  { action: "ask_requester", from: ["in_progress"], to: "awaiting_requester", roles: STAFF_WHO_WORK },
  { action: "requester_replied", from: ["awaiting_requester"], to: "in_progress", roles: ["requester", "system"] },
  { action: "hold", from: ["in_progress"], to: "on_hold", roles: STAFF_WHO_WORK },
  { action: "resume", from: ["on_hold"], to: "in_progress", roles: STAFF_WHO_WORK },
  { action: "complete", from: WORKED_STATUSES, to: "completed", roles: STAFF_WHO_WORK },
  { action: "deny", from: WORKED_STATUSES, to: "denied", roles: STAFF_WHO_WORK },
  // The requester contested the denial (they may reply to it): staff take the request up again.
  { action: "reopen", from: ["denied"], to: "in_progress", roles: STAFF_WHO_WORK },
  { action: "withdraw", from: OPEN_STATUSES, to: "withdrawn", roles: ["requester"] },
];

/** The status a request moves to, or null when this role may not do this from that status. */
export function nextStatus(from: RequestStatus, action: LifecycleAction, role: LifecycleRole): RequestStatus | null {
  const move = LIFECYCLE.find((m) => m.action === action && m.from.includes(from) && m.roles.includes(role));
  return move?.to ?? null;
}

/** Like nextStatus, but refuses a move the table does not allow: AppError "conflict" (wrong status, or closed). */
export function applyTransition(from: RequestStatus, action: LifecycleAction, role: LifecycleRole): RequestStatus {
  const to = nextStatus(from, action, role);
  if (!to) throw new AppError("conflict", { reason: isOpen(from) ? "wrong_status" : "closed", details: { status: from, action, role } });
  return to;
}

export function isOpen(status: RequestStatus): boolean {
  return (OPEN_STATUSES as readonly RequestStatus[]).includes(status);
}

/**
 * Whether the requester may still write on the request: while it is open, and after a denial,
 * which the denial e-mail invites them to contest by replying (staff see the reply; the request
 * does not reopen by itself).
 */
export function acceptsRequesterMessages(status: RequestStatus): boolean {
  return isOpen(status) || status === "denied";
}
