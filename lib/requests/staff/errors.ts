/**
 * The expected refusals of the staff request functions. Each carries a code the dashboard
 * translates (dashboard.errors.<code>); anything else thrown is unexpected and only logged.
 */
export type StaffErrorCode = "not_found" | "not_allowed" | "conflict" | "invalid";

export abstract class StaffActionError extends Error {
  abstract readonly code: StaffErrorCode;
}

/** No such request (or one staff cannot see yet: unverified or expired before verification). */
export class NotFoundError extends StaffActionError {
  readonly code = "not_found" as const;
  constructor(readonly entity: "request" | "staff" = "request") {
    super(`${entity} not found`);
    this.name = "NotFoundError";
  }
}

/** The actor's role may not do this (compliance is read-only on requests). */
export class NotAllowedError extends StaffActionError {
  readonly code = "not_allowed" as const;
  constructor(readonly action: string, readonly role: string) {
    super(`role ${role} may not ${action}`);
    this.name = "NotAllowedError";
  }
}

export const CONFLICT_REASONS = [
  /** The lifecycle table does not allow this action from the request's current status. */
  "wrong_status",
  /** The request is closed: nothing more may change on it. */
  "closed",
  /** The deadline rule allows no extension. */
  "no_extension",
  /** The deadline was extended once already. */
  "already_extended",
  /** Asked for more than the rule's extension. */
  "beyond_extension",
  /** The request has no due date or deadline rule to extend. */
  "no_deadline",
  /** The notice of an extension must reach the requester before the deadline passes. */
  "deadline_passed",
  /** The chosen assignee is not an active agent or admin. */
  "bad_assignee",
] as const;
export type ConflictReason = (typeof CONFLICT_REASONS)[number];

/** The request's state does not allow the action (wrong status, extension rules, …). */
export class ConflictError extends StaffActionError {
  readonly code = "conflict" as const;
  constructor(
    readonly reason: ConflictReason,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`conflict: ${reason}${Object.keys(details).length ? ` ${JSON.stringify(details)}` : ""}`);
    this.name = "ConflictError";
  }
}

/** The input failed its zod schema; fieldErrors are message codes ("required", "tooLong:5000"). */
export class InvalidInputError extends StaffActionError {
  readonly code = "invalid" as const;
  constructor(readonly fieldErrors: Record<string, string>) {
    super(`invalid input: ${Object.entries(fieldErrors).map(([field, message]) => `${field}=${message}`).join(", ")}`);
    this.name = "InvalidInputError";
  }
}
