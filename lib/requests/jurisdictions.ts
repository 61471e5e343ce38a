/** The jurisdictions a requester can choose; each has its deadline rules and working-day calendar. No imports: db/schema and the browser use it. */
export const JURISDICTIONS = ["KZ", "GDPR", "CCPA", "OTHER"] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

/** What a request is filed under: "OTHER" becomes the operator's DEFAULT_JURISDICTION; filters offer these. */
export const FILED_JURISDICTIONS = ["KZ", "GDPR", "CCPA"] as const satisfies readonly Jurisdiction[];

export function isJurisdiction(value: unknown): value is Jurisdiction {
  return typeof value === "string" && (JURISDICTIONS as readonly string[]).includes(value);
}
