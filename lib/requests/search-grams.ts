import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/lib/audit/record-audit-event";
import { errorMessage, log } from "@/lib/log";

/**
 * The queue's search inside names and addresses through their 6-character pieces (migration 0025:
 * search_grams() and a GIN index of it per column). A text that contains a term contains each of the
 * term's pieces, so the rows holding a few of them are all the rows to check. Those few are picked
 * by how common each piece is (the indexes' statistics): a full name's pieces that span its two words
 * ("ен мор"), or an address's that span a name and a year, are held by a few hundred rows where each
 * trigram is held by tens of thousands.
 */
export const GRAM_LENGTH = 6;

/** A term is looked up by its pieces when at most this many rows are expected to hold its rarest one; else the queue's order is walked. */
export const RARE_ROWS = 2000;

/** The pieces read: the rarest few (each adds its list to read; three narrow any term to a handful of rows). */
const MOST_GRAMS = 3;

/** How long the statistics are kept before they are read again (ANALYZE runs in the background). */
const STATISTICS_TTL_MS = 10 * 60_000;

export type SearchColumn = "name" | "email";

/** How common each piece is in one column: the fraction of rows holding it, for pieces held by at least ~1 row in 10,000. */
export type GramStatistics = { rows: number; frequency: ReadonlyMap<string, number> };

export type SearchStatistics = Partial<Record<SearchColumn, GramStatistics>>;

/**
 * The distinct 6-character pieces of `text` lower-cased, as search_grams() makes them (by characters,
 * not UTF-16 units). JavaScript and PostgreSQL may lower-case a rare character differently: the pieces
 * picked here only choose which to read, and the SQL takes those of its own that match (searchByGrams).
 */
export function gramsOf(text: string): string[] {
  const characters = Array.from(text.toLowerCase());
  const grams = new Set<string>();
  for (let at = 0; at + GRAM_LENGTH <= characters.length; at++) grams.add(characters.slice(at, at + GRAM_LENGTH).join(""));
  return [...grams];
}

/**
 * The rarest pieces of `term` to look it up by, or null when the term is better found by walking the
 * queue's order: shorter than a piece, no statistics yet (never analysed), or every piece common.
 */
export function rareGrams(term: string, statistics: GramStatistics | undefined, rareRows = RARE_ROWS): string[] | null {
  if (!statistics) return null;
  const grams = gramsOf(term);
  if (!grams.length) return null;
  // A piece below the statistics' threshold is rarer than any listed: 0.
  const ranked = grams.map((gram) => ({ gram, rows: (statistics.frequency.get(gram) ?? 0) * statistics.rows })).sort((a, b) => a.rows - b.rows);
  if (ranked[0]!.rows >= rareRows) return null;
  return ranked.slice(0, MOST_GRAMS).map((entry) => entry.gram);
}

const INDEXES: Record<string, SearchColumn> = { requests_name_grams_idx: "name", requests_email_grams_idx: "email" };

async function readStatistics(db: Db): Promise<SearchStatistics> {
  const rows = rowsOf<{ index: string; grams: string[] | null; frequencies: number[] | null; rows: number }>(
    await db.execute(sql`
      select s.tablename as index, s.most_common_elems::text::text[] as grams, s.most_common_elem_freqs as frequencies,
        (select reltuples from pg_class where oid = 'requests'::regclass) as rows
      from pg_stats as s
      where s.schemaname = current_schema() and s.tablename in ('requests_name_grams_idx', 'requests_email_grams_idx')`),
  );
  const statistics: SearchStatistics = {};
  for (const row of rows) {
    const frequency = new Map<string, number>();
    // most_common_elem_freqs ends with three more numbers (least and most frequency, share of nulls).
    row.grams?.forEach((gram, at) => frequency.set(gram, Number(row.frequencies![at])));
    statistics[INDEXES[row.index]!] = { rows: Math.max(0, Number(row.rows)), frequency };
  }
  return statistics;
}

const cache = new WeakMap<Db, { at: number; statistics: Promise<SearchStatistics> }>();

/** The pieces' statistics of both columns, read once per database every few minutes. */
export function searchStatistics(db: Db, now = Date.now()): Promise<SearchStatistics> {
  const kept = cache.get(db);
  if (kept && now - kept.at < STATISTICS_TTL_MS) return kept.statistics;
  // Unreadable statistics (a role without access to them) leave every term to ilike, as before migration 0025.
  const statistics = readStatistics(db).catch((error: unknown): SearchStatistics => {
    log.warn("queue search: index statistics unreadable, searching by ilike alone", { error: errorMessage(error) });
    return {};
  });
  cache.set(db, { at: now, statistics });
  return statistics;
}

/** Forgets the kept statistics (after ANALYZE in a test). */
export function forgetSearchStatistics(db: Db): void {
  cache.delete(db);
}
