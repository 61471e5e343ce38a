import type { FoundCollection } from "../traverse/find-subject-rows";

/** What collecting found in one source, as stored (sealed) between collecting and delivery. */
export type CollectedSource = { sourceId: string; collections: FoundCollection[] };

/** Counts only, for the preview, the run's summary and the audit: no values. */
export type CollectionCount = { sourceId: string; table: string; rows: number; capped: boolean; categories: Record<string, string[]> };
