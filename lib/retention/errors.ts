/**
 * The expected refusals of the retention functions; each code is translated by the dashboard
 * (retention.errors.<code>). Anything else thrown is unexpected and only logged.
 */
export const RETENTION_ERROR_CODES = [
  /** The actor's role may not do this. */
  "not_allowed",
  /** No such request (or one staff cannot see: never verified). */
  "not_found",
  /** The request's personal data is gone already: a hold would protect nothing. */
  "anonymised",
  /** A hold is already in place (someone else placed it since the page was loaded). */
  "already_on_hold",
  /** There is no hold to lift (someone else lifted it since the page was loaded). */
  "not_on_hold",
] as const;
export type RetentionErrorCode = (typeof RETENTION_ERROR_CODES)[number];

export class RetentionError extends Error {
  constructor(readonly code: RetentionErrorCode) {
    super(`retention: ${code}`);
    this.name = "RetentionError";
  }
}
