/** Who may read the audit log, exports and reports: compliance officers and admins (agents work requests). */
export const COMPLIANCE_ROLES = ["compliance", "admin"] as const;

/** Retention settings and policy publishing: admins only (legal holds: COMPLIANCE_ROLES). */
export const ADMIN_ROLES = ["admin"] as const;
