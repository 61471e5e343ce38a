/**
 * The request forms' fixed lists and limits. No imports (no zod): the form in the browser uses
 * them with its first load; the schemas (./form-fields.ts, ./correction.ts) use the same.
 */

export const REPRESENTATIVE_RELATIONS = ["parent_guardian", "legal_representative", "authorized_agent"] as const;

export const MAX_CORRECTIONS = 10;
