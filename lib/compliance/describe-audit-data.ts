import { canonicalJson } from "@/lib/audit/hash";

/** Longer values are cut: the full row stays in the database and in exports. */
const MAX_VALUE_CHARS = 300;

/** One field's before → after (undefined: the field was not there on that side). */
export type AuditChange = { field: string; before: unknown; after: unknown };

export type AuditDataView = {
  /** What the event changed, field by field (from/to or before/after in the recorded data). */
  changes: AuditChange[];
  /** Every other key, in the order recorded, with its value as recorded. */
  fields: { key: string; value: unknown }[];
};

const CHANGE_PAIRS = [
  ["from", "to"],
  ["before", "after"],
] as const;

/** A scalar pair is one field's change; this names that field for the actions that record one. */
const FIELD_OF_ACTION: Record<string, string> = {
  "request.status_changed": "status",
  "request.assigned": "assignee",
  "request.deadline_extended": "dueAt",
  "request.clock_resumed": "dueAt",
  "staff.role_changed": "role",
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A value as text, cut at MAX_VALUE_CHARS; objects as canonical JSON. */
export function auditValueText(value: unknown): string {
  const text = value === null || value === undefined ? "—" : typeof value === "string" ? value : canonicalJson(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

/** Two records compared key by key: the keys whose values differ (all keys when none do, e.g. a removal's record). */
function fieldChanges(before: Record<string, unknown>, after: Record<string, unknown>): AuditChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changes = keys.map((field) => ({ field, before: before[field], after: after[field] }));
  const differing = changes.filter((change) => canonicalJson(change.before ?? null) !== canonicalJson(change.after ?? null));
  return differing.length > 0 ? differing : changes;
}

/**
 * An audit row's data as a reader sees it: before → after per field, and the rest as key: value.
 * A pair of records (a calendar day, a retention setting) becomes one change per field that
 * differs; a pair of plain values one change of the field the action is about. A lone `before`
 * record (something removed) is shown as its fields going away.
 */
export function describeAuditData(action: string, data: Record<string, unknown>): AuditDataView {
  const pair = CHANGE_PAIRS.find(([before, after]) => before in data && after in data) ?? ("before" in data && isRecord(data.before) ? (["before", "after"] as const) : undefined);
  const fields = Object.entries(data)
    .filter(([key]) => !pair || (key !== pair[0] && key !== pair[1]))
    .map(([key, value]) => ({ key, value }));
  if (!pair) return { changes: [], fields };
  const before = data[pair[0]];
  const after = data[pair[1]];
  if ((isRecord(before) || before === null || before === undefined) && (isRecord(after) || after === null || after === undefined) && (isRecord(before) || isRecord(after))) {
    return { changes: fieldChanges(isRecord(before) ? before : {}, isRecord(after) ? after : {}), fields };
  }
  return { changes: [{ field: FIELD_OF_ACTION[action] ?? "value", before, after }], fields };
}
