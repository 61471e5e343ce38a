/** The expected refusals of the policy admin functions; the dashboard translates each code (policyAdmin.errors). */
export const POLICY_ADMIN_ERROR_CODES = [
  /** Only admins publish policy versions. */
  "not_allowed",
  /** This language already has this version: versions are never edited, publish a new one. */
  "exists",
  /** A new version cannot take effect before today. */
  "in_past",
  /** The same version in another language takes effect on another day (a version is one event). */
  "date_mismatch",
] as const;
export type PolicyAdminErrorCode = (typeof POLICY_ADMIN_ERROR_CODES)[number];

export class PolicyAdminError extends Error {
  constructor(
    readonly code: PolicyAdminErrorCode,
    /** For date_mismatch: the date the other languages have. */
    readonly effectiveOn: string | null = null,
  ) {
    super(`policy admin: ${code}${effectiveOn ? ` (${effectiveOn})` : ""}`);
    this.name = "PolicyAdminError";
  }
}
