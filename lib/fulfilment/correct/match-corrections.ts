import type { Correction } from "@/lib/requests/types";
import type { DataMap } from "../map/map-schema";

export type CorrectionTarget = { sourceId: string; table: string; column: string };
/** One requested change and the mapped column it lands in (null: no mapping, staff handle it by hand). */
export type CorrectionMatch = { index: number; field: string; target: CorrectionTarget | null };

const normalise = (label: string) => label.trim().toLowerCase().replace(/\s+/g, " ").replace(/[:.]+$/, "");

/** Matches each requested change's field (what the requester typed) to the map's correction labels. */
export function matchCorrections(map: DataMap, corrections: readonly Correction[]): CorrectionMatch[] {
  return corrections.map((correction, index) => {
    const wanted = normalise(correction.field);
    const found = map.corrections.find((candidate) => candidate.field === wanted || candidate.labels.some((label) => normalise(label) === wanted));
    if (!found) return { index, field: correction.field, target: null };
    const [sourceId, table, column] = found.target.split(".") as [string, string, string];
    return { index, field: correction.field, target: { sourceId, table, column } };
  });
}
