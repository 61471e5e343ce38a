import { canonicalJson } from "@/lib/audit/hash";

/** Longer values are cut: the full row stays in the database and in exports. */
const MAX_VALUE_CHARS = 300;

export type AuditDataView = {
  /** A before → after pair, when the event recorded one (from/to or before/after). */
  change: { before: string; after: string } | null;
  /** Every other key, in the order recorded. */
  fields: { key: string; value: string }[];
};

const CHANGE_PAIRS = [
  ["from", "to"],
  ["before", "after"],
] as const;

function show(value: unknown): string {
  const text = value === null || value === undefined ? "—" : typeof value === "string" ? value : canonicalJson(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

/** An audit row's data as a reader sees it: the change it made, if any, and the rest as key: value. */
export function describeAuditData(data: Record<string, unknown>): AuditDataView {
  const pair = CHANGE_PAIRS.find(([before, after]) => before in data && after in data);
  const fields = Object.entries(data)
    .filter(([key]) => !pair || (key !== pair[0] && key !== pair[1]))
    .map(([key, value]) => ({ key, value: show(value) }));
  return { change: pair ? { before: show(data[pair[0]]), after: show(data[pair[1]]) } : null, fields };
}
