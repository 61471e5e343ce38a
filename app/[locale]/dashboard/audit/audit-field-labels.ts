/**
 * Keys of recorded audit data the page names in words (audit.details.fields.<key> in every
 * language; the type checks the catalogue has each). Any other key is shown as recorded.
 */
export const LABELLED_FIELDS = [
  "status",
  "assignee",
  "dueAt",
  "role",
  "value",
  "amount",
  "unit",
  "isDefault",
  "day",
  "kind",
  "name",
  "jurisdiction",
  "reason",
  "reference",
  "type",
  "urgent",
  "duplicateOf",
  "toName",
  "ip",
  "secondFactor",
  "sessions",
  "locale",
  "version",
  "effectiveOn",
  "ruleId",
  "files",
  "note",
] as const;

export type LabelledField = (typeof LABELLED_FIELDS)[number];

export function isLabelledField(key: string): key is LabelledField {
  return (LABELLED_FIELDS as readonly string[]).includes(key);
}
