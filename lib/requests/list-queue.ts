import { and, asc, eq, ilike, inArray, isNull, like, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { outboxEmails, REQUEST_STATUSES, requests, type RequestStatus } from "@/db/schema";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { JURISDICTIONS, type Jurisdiction } from "./jurisdictions";
import { loadWorkingDayRules, workingDaysOnClockOf } from "./deadlines/load-working-days-on-clock";
import { REQUEST_TYPES, type RequestType } from "./request-types";
import { rareGrams, searchStatistics, type GramStatistics, type SearchStatistics } from "./search-grams";
import { countQueueViews, DEFAULT_QUEUE_VIEW, QUEUE_VIEWS, statusIn, viewCondition, viewStatuses, type ViewCounts } from "./staff/queue-views";

export const QUEUE_PAGE_SIZE = 25;

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), z.enum(values).optional());

/** A multi-choice filter: "a,b" in the URL (or repeated values); unknown and repeated values are dropped. */
const listOf = <T extends string>(values: readonly T[]) =>
  z
    .unknown()
    .transform((value): T[] => {
      const parts = (Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : []).map(String);
      return [...new Set(parts.filter((part): part is T => (values as readonly string[]).includes(part)))];
    })
    .catch([]);

/**
 * The queue's view and filters, parsed from the page's URL (anything malformed is ignored, not an
 * error). A search with no view chosen looks through every request ("all"), closed ones too.
 */
export const queueFiltersSchema = z
  .object({
    view: z.enum(QUEUE_VIEWS).optional().catch(undefined),
    status: listOf(REQUEST_STATUSES),
    type: listOf(REQUEST_TYPES),
    jurisdiction: listOf(JURISDICTIONS),
    assignee: optionalEnum(["mine", "unassigned"] as const).catch(undefined),
    q: z.string().trim().max(200).optional().catch(undefined),
    after: z.string().max(200).optional().catch(undefined),
  })
  .transform((filters) => ({ ...filters, view: filters.view ?? (filters.q ? "all" : DEFAULT_QUEUE_VIEW) }));

export type QueueFilters = z.output<typeof queueFiltersSchema>;

export type QueueItem = {
  id: string;
  reference: string | null;
  type: RequestType;
  status: RequestStatus;
  requesterName: string;
  requesterEmail: string;
  jurisdiction: Jurisdiction;
  dueAt: Date | null;
  pausedAt: Date | null;
  urgent: boolean;
  duplicateOfId: string | null;
  assigneeId: string | null;
  /** An e-mail of this request could not be delivered (failed, or bounced back). */
  deliveryProblem: boolean;
  /** Under a rule that counts working days: those left by its calendar (time-left.ts); else null. */
  workingDaysOnClock: number | null;
};

export type QueuePage = {
  filters: QueueFilters;
  items: QueueItem[];
  nextCursor: string | null;
  /** Requests per view (the tabs), each up to VIEW_COUNT_CAP; the view's filters and search aside. */
  viewCounts: ViewCounts;
};

// Per row, not a join: the keyset order and page size stay those of requests alone. Column names are
// written out because drizzle leaves columns unqualified in a one-table select, and inside the
// subquery an unqualified "id" would be the outbox e-mail's.
const DELIVERY_PROBLEM = sql<boolean>`exists (select 1 from ${outboxEmails} as undelivered where undelivered.request_id = ${requests}.id and undelivered.status in ('failed', 'bounced'))`;

// Keyset paging on (due date, id): requests without a due date sort last.
const SORT_DUE = sql<Date>`coalesce(${requests.dueAt}, 'infinity'::timestamptz)`;

function encodeCursor(item: QueueItem): string {
  return Buffer.from(JSON.stringify([item.dueAt?.toISOString() ?? "infinity", item.id])).toString("base64url");
}

function decodeCursor(cursor: string | undefined): [string, string] | null {
  if (!cursor) return null;
  try {
    const [due, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [string, string];
    if (typeof due !== "string" || !/^[0-9a-f-]{36}$/i.test(id)) return null;
    // Only what encodeCursor writes: Date.parse also takes "0" or "+275760-09-13", which PostgreSQL refuses.
    if (due !== "infinity" && !(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(due) && new Date(due).toISOString() === due)) return null;
    return [due, id];
  } catch {
    return null;
  }
}

/** A request reference typed in any case, with or without the "DSR-" prefix, as stored ("DSR-2026-000123"); null when it is not one. */
export function referenceQuery(q: string): string | null {
  const match = /^(?:dsr-)?(\d{4})-(\d{1,6})$/i.exec(q);
  return match ? `DSR-${match[1]}-${match[2]!.padStart(6, "0")}` : null;
}

/** A LIKE pattern matching `text` literally (its %, _ and \\ escaped). */
const literalPattern = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * What the search box looks for, as one condition or as two alternatives ("either"):
 * - a request reference: that request (unique index);
 * - a term with "@" after its first character, i.e. an address or its beginning ("Ivan.Petrov@gm"):
 *   the addresses that begin with it, case aside (addresses are stored lower-cased), served by the
 *   btree on the address (text_pattern_ops, migration 0023) — the whole address as a help desk's
 *   customer lookup finds it, at any size;
 * - anything else (a name or part of one, a part of an address, "@gmail.com"): text inside the name
 *   or inside the address, case aside. Two alternatives, so that each is planned on its own
 *   (listQueue); each column's is searchInside's.
 */
export type SearchCondition = { one: SQL } | { either: [SQL, SQL] };

export function searchCondition(q: string, statistics: SearchStatistics = {}): SearchCondition {
  const reference = referenceQuery(q);
  if (reference) return { one: eq(requests.reference, reference) };
  if (q.indexOf("@") > 0) return { one: like(requests.requesterEmail, `${literalPattern(q.toLowerCase())}%`) };
  return { either: [searchInside(requests.requesterEmail, q, statistics.email), searchInside(requests.requesterName, q, statistics.name)] };
}

/**
 * Text inside one column, case aside. A term with a rare 6-character piece (search-grams.ts): the rows
 * holding its rarest pieces, through the column's search_grams index (migration 0025), then checked
 * whole — `lower(…) like lower(…)` is what ilike does in a UTF-8 database, written out so that the
 * planner reads only that index, not the trigram one beside it. The pieces are those of the term as
 * PostgreSQL lower-cases it: the ones picked here, where they are among them (else all of them).
 * Any other term: ilike through the pg_trgm GIN index (3 characters or more, migration 0010), or by
 * walking the queue's order when the planner expects many matches (statistics: migration 0024).
 */
function searchInside(column: typeof requests.requesterName | typeof requests.requesterEmail, q: string, statistics: GramStatistics | undefined): SQL {
  const inside = `%${literalPattern(q)}%`;
  const grams = rareGrams(q, statistics);
  if (!grams) return ilike(column, inside);
  const picked = sql`array[${sql.join(
    grams.map((gram) => sql`${gram}`),
    sql`, `,
  )}]::text[]`;
  return sql`search_grams(${column}) @> coalesce((select array_agg(gram) from unnest(search_grams(${q}::text)) as gram where gram = any(${picked})), search_grams(${q}::text))
    and lower(${column}) like lower(${inside})`;
}

/**
 * The view's statuses narrowed by the status filter (never widened: statuses the view does not
 * offer are ignored, as when a tab is changed with a filter set), then the view's own condition and the filters.
 */
function filterConditions(filters: QueueFilters, me: Pick<CurrentStaff, "id">, now: Date): SQL[] {
  const { shown, selectable } = viewStatuses(filters.view);
  const picked = filters.status.filter((status) => selectable.includes(status));
  const where: SQL[] = [statusIn(picked.length ? picked : shown)];
  const own = viewCondition(filters.view, me, now);
  if (own) where.push(own);
  if (filters.type.length) where.push(inArray(requests.type, filters.type));
  if (filters.jurisdiction.length) where.push(inArray(requests.jurisdiction, filters.jurisdiction));
  if (filters.assignee === "mine") where.push(eq(requests.assigneeId, me.id));
  if (filters.assignee === "unassigned") where.push(isNull(requests.assigneeId));
  return where;
}

/**
 * The staff queue: one saved view (open requests unless another is chosen), narrowed by the
 * filters and the search, sorted by due date, one keyset page at a time so it stays fast at any
 * size; plus the number of requests in each view, counted side by side with the page.
 */
export async function listQueue(db: Db, input: Record<string, unknown>, me: Pick<CurrentStaff, "id">, now = new Date()): Promise<QueuePage> {
  const filters = queueFiltersSchema.parse(input);
  const where = filterConditions(filters, me, now);
  const cursor = decodeCursor(filters.after);
  const pageWhere = cursor
    ? [...where, sql`(${SORT_DUE}, ${requests.id}) > (${cursor[0] === "infinity" ? sql`'infinity'::timestamptz` : sql`${cursor[0]}::timestamptz`}, ${cursor[1]}::uuid)`]
    : where;
  const search = filters.q ? searchCondition(filters.q, await searchStatistics(db)) : undefined;
  const firstInOrder = (condition: SQL) =>
    db.select({ id: requests.id }).from(requests).where(and(...pageWhere, condition)).orderBy(asc(SORT_DUE), asc(requests.id)).limit(QUEUE_PAGE_SIZE + 1);
  // Either alternative: the page is the first rows of the two alternatives' first pages together. Written
  // as one OR, the planner would choose one plan for both from their summed estimate — walking the whole
  // queue's order for a rare name because addresses rarely hold Cyrillic, or fetching and sorting thousands
  // of rows with a common name; each alone gets the plan that suits it.
  const matching = !search
    ? pageWhere
    : "one" in search
      ? [...pageWhere, search.one]
      : [sql`${requests.id} in (select id from ((${firstInOrder(search.either[0])}) union all (${firstInOrder(search.either[1])})) as either_match)`];

  // Side by side: on PostgreSQL each takes its own pooled connection (PGlite runs them in turn). The
  // working-day rules and calendars do not depend on the rows, so they are read beside them, not after.
  const [rows, viewCounts, workingDayRules] = await Promise.all([
    db
      .select({
        id: requests.id,
        reference: requests.reference,
        type: requests.type,
        status: requests.status,
        requesterName: requests.requesterName,
        requesterEmail: requests.requesterEmail,
        jurisdiction: requests.jurisdiction,
        dueAt: requests.dueAt,
        pausedAt: requests.pausedAt,
        urgent: requests.urgent,
        duplicateOfId: requests.duplicateOfId,
        assigneeId: requests.assigneeId,
        deliveryProblem: DELIVERY_PROBLEM,
        deadlineRuleId: requests.deadlineRuleId,
      })
      .from(requests)
      .where(and(...matching))
      .orderBy(asc(SORT_DUE), asc(requests.id))
      .limit(QUEUE_PAGE_SIZE + 1),
    countQueueViews(db, me, now),
    loadWorkingDayRules(db),
  ]);

  const page = rows.slice(0, QUEUE_PAGE_SIZE);
  const workingDays = workingDaysOnClockOf(workingDayRules, page, now);
  const items: QueueItem[] = page.map((row) => {
    const { deadlineRuleId, ...item } = row;
    void deadlineRuleId; // read for the working days only
    return { ...item, workingDaysOnClock: workingDays.get(item.id) ?? null };
  });
  return {
    filters,
    items,
    nextCursor: rows.length > QUEUE_PAGE_SIZE ? encodeCursor(items[items.length - 1]!) : null,
    viewCounts,
  };
}
