/**
 * The expected refusals of the unmatched-mail actions. Each carries a code the dashboard
 * translates (mail.errors.<code>); the shared ones (invalid input, role not allowed) are the
 * staff request functions' errors (lib/requests/staff/errors.ts).
 */
export const INBOUND_ERROR_CODES = [
  /** No inbound e-mail with this id. */
  "not_found",
  /** The e-mail is not (or no longer) in a status this action applies to. */
  "wrong_status",
  /** No confirmed request has the reference that was typed. */
  "unknown_reference",
  /** The stored message still cannot be read as e-mail. */
  "unparseable",
  /** Another stored e-mail already has this Message-ID: this one is a copy. */
  "duplicate",
] as const;
export type InboundErrorCode = (typeof INBOUND_ERROR_CODES)[number];

export class InboundMailError extends Error {
  constructor(
    readonly code: InboundErrorCode,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`inbound e-mail: ${code}${Object.keys(details).length ? ` ${JSON.stringify(details)}` : ""}`);
    this.name = "InboundMailError";
  }
}
