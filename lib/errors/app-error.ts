import type { UnseenMessage } from "@/lib/replies/unseen-message";

/**
 * Every expected refusal of a domain function, by code. A code is also its translation key
 * (`errors.<code>` in the catalogue namespace of the form that shows it; a conflict's reason
 * under `errors.conflict.<reason>`): see failureMessageKey. Anything thrown that is not an
 * AppError is unexpected, logged, and answered "unexpected".
 */
export const APP_ERROR_CODES = [
  /** The actor's role may not do this (or the actor is no longer an active admin). */
  "forbidden",
  /** No such thing (or one staff cannot see yet: an unverified request). */
  "not_found",
  /** The input failed its schema; `fieldErrors` are message codes ("required", "tooLong:5000"). */
  "invalid",
  /** The request's state does not allow the action; `reason` says why. */
  "conflict",
  /** A reply to a request nobody has verified: nothing is sent to an unproven address. */
  "not_repliable",
  /** The request got messages the reply was not written against; `messages` are the new ones. */
  "stale",
  /** Something with this name/version/e-mail exists already. */
  "exists",
  /** The request's personal data is gone already: a hold would protect nothing. */
  "anonymised",
  /** A hold is already in place (someone else placed it since the page was loaded). */
  "already_on_hold",
  /** There is no hold to lift (someone else lifted it since the page was loaded). */
  "not_on_hold",
  /** A new policy version cannot take effect before today. */
  "in_past",
  /** The same policy version in another language takes effect on another day (`effectiveOn`). */
  "date_mismatch",
  /** The inbound e-mail is not (or no longer) in a status this action applies to. */
  "wrong_status",
  /** No confirmed request has the reference that was typed. */
  "unknown_reference",
  /** The stored message still cannot be read as e-mail. */
  "unparseable",
  /** Another stored e-mail already has this Message-ID: this one is a copy. */
  "duplicate",
  /** The change would leave no active admin. */
  "last_admin",
  "cannot_disable_self",
  "wrong_password",
  /** Too many attempts; `retryAfterMinutes` says when to try again. */
  "rate_limited",
  /** Unknown, expired or used invitation: one answer for all three. */
  "invalid_or_expired",
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

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
  /** Fulfilment: the same person may not start and approve an erasure or a correction. */
  "four_eyes",
  /** Fulfilment: this step already ran (or runs) for the request. */
  "run_exists",
  /** Fulfilment: the run is not in a state that allows this (say, approving before the dry run). */
  "run_state",
  /** Fulfilment is off (no data map) or the map has no source to work on. */
  "fulfilment_off",
  /** Fulfilment: only a call to an HTTP endpoint that failed for good can be retried (a pending one is retried by the worker). */
  "call_state",
  /** Fulfilment: the data map changed since the dry run; plan again before approving. */
  "map_changed",
] as const;
export type ConflictReason = (typeof CONFLICT_REASONS)[number];

export type AppErrorOptions = {
  reason?: ConflictReason;
  fieldErrors?: Record<string, string>;
  retryAfterMinutes?: number;
  effectiveOn?: string;
  messages?: UnseenMessage[];
  /** For the log only (ids, statuses): never shown, never personal data. */
  details?: Record<string, unknown>;
};

export class AppError extends Error {
  readonly reason?: ConflictReason;
  readonly fieldErrors?: Record<string, string>;
  readonly retryAfterMinutes?: number;
  readonly effectiveOn?: string;
  readonly messages?: UnseenMessage[];
  readonly details: Record<string, unknown>;

  constructor(
    readonly code: AppErrorCode,
    options: AppErrorOptions = {},
  ) {
    const { details = {}, ...rest } = options;
    const said = { ...details, ...(rest.reason ? { reason: rest.reason } : {}), ...(rest.fieldErrors ? { fieldErrors: rest.fieldErrors } : {}) };
    super(`${code}${Object.keys(said).length ? ` ${JSON.stringify(said)}` : ""}`);
    this.name = "AppError";
    this.reason = rest.reason;
    this.fieldErrors = rest.fieldErrors;
    this.retryAfterMinutes = rest.retryAfterMinutes;
    this.effectiveOn = rest.effectiveOn;
    this.messages = rest.messages;
    this.details = details;
  }
}

export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
