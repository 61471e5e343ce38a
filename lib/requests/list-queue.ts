import { and, asc, count, eq, gt, ilike, inArray, isNull, lte, ne, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { outboxEmails, REQUEST_STATUSES, requests, type RequestStatus } from "@/db/schema";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { OPEN_STATUSES } from "./lifecycle";
import { JURISDICTIONS, type Jurisdiction } from "./jurisdictions";
import { REQUEST_TYPES, type RequestType } from "./request-types";
import { readStatusCounts, type StatusCounts } from "./status-counts";

export const QUEUE_PAGE_SIZE = 25;
/** "Due soon" means within this many hours. */
export const DUE_SOON_HOURS = 24;

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), z.enum(values).optional());

/** The queue's filters, parsed from the page's URL (anything malformed is ignored, not an error). */
export const queueFiltersSchema = z.object({
  status: optionalEnum(REQUEST_STATUSES).catch(undefined),
  type: optionalEnum(REQUEST_TYPES).catch(undefined),
  assignee: optionalEnum(["mine", "unassigned"] as const).catch(undefined),
  jurisdiction: optionalEnum(JURISDICTIONS).catch(undefined),
  due: optionalEnum(["soon", "overdue"] as const).catch(undefined),
  urgent: z.preprocess((value) => value === "1" || value === "true", z.boolean()).catch(false),
  unverified: z.preprocess((value) => value === "1" || value === "true", z.boolean()).catch(false),
  q: z.string().trim().max(200).optional().catch(undefined),
  after: z.string().max(200).optional().catch(undefined),
});

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
  urgent: boolean;
  duplicateOfId: string | null;
  assigneeId: string | null;
  /** An e-mail of this request could not be delivered (failed, or bounced back). */
  deliveryProblem: boolean;
};

export type QueuePage = {
  items: QueueItem[];
  nextCursor: string | null;
  counts: StatusCounts;
  /** Set when the counts were capped (filters or a search matching many requests): a count of this value means "at least". */
  countCap: number | null;
};

/** With filters or a search, each status is counted up to this many: enough to see the size of the work, bounded at any size. */
export const QUEUE_COUNT_CAP = 1000;

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

/**
 * The search box: a reference exactly (unique index), else text inside the e-mail address or the
 * name, served by the pg_trgm GIN indexes for 3 characters or more (migration 0010).
 */
export function searchCondition(q: string): SQL {
  const reference = referenceQuery(q);
  if (reference) return eq(requests.reference, reference);
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(ilike(requests.requesterEmail, like), ilike(requests.requesterName, like))!;
}

function filterConditions(filters: QueueFilters, me: Pick<CurrentStaff, "id">, now: Date): SQL[] {
  const where: SQL[] = [];
  if (filters.status) where.push(eq(requests.status, filters.status));
  else if (!filters.unverified) where.push(ne(requests.status, "unverified"));
  if (filters.type) where.push(eq(requests.type, filters.type));
  if (filters.assignee === "mine") where.push(eq(requests.assigneeId, me.id));
  if (filters.assignee === "unassigned") where.push(isNull(requests.assigneeId));
  if (filters.jurisdiction) where.push(eq(requests.jurisdiction, filters.jurisdiction));
  if (filters.urgent) where.push(eq(requests.urgent, true));
  if (filters.due) {
    where.push(inArray(requests.status, [...OPEN_STATUSES]));
    where.push(filters.due === "overdue" ? lte(requests.dueAt, now) : and(gt(requests.dueAt, now), lte(requests.dueAt, new Date(now.getTime() + DUE_SOON_HOURS * 3_600_000)))!);
  }
  if (filters.q) where.push(searchCondition(filters.q));
  return where;
}

/** Only the status filters (and whether unverified requests show): the counts are then the maintained counter's. */
function onlyStatusFilters(filters: QueueFilters): boolean {
  return !filters.type && !filters.assignee && !filters.jurisdiction && !filters.due && !filters.urgent && !filters.q;
}

/**
 * Requests per status under the queue's filters, status aside. Unfiltered (the usual page): the
 * counter table, exact and a few rows to read. Filtered: one scan stopping after QUEUE_COUNT_CAP
 * matches gives exact counts when fewer match; when more do, each status is counted on its own up
 * to the cap (from the status index), so the cost is bounded however many requests there are.
 */
async function countQueue(db: Db, filters: QueueFilters, me: Pick<CurrentStaff, "id">, now: Date): Promise<Pick<QueuePage, "counts" | "countCap">> {
  if (onlyStatusFilters(filters)) {
    const counts = await readStatusCounts(db);
    if (!filters.unverified) delete counts.unverified;
    return { counts, countCap: null };
  }
  const where = and(...filterConditions({ ...filters, status: undefined }, me, now));
  const sample = db.select({ status: requests.status }).from(requests).where(where).limit(QUEUE_COUNT_CAP + 1).as("sample");
  const sampled = await db.select({ status: sample.status, n: count() }).from(sample).groupBy(sample.status);
  const total = sampled.reduce((sum, row) => sum + row.n, 0);
  if (total <= QUEUE_COUNT_CAP) return { counts: Object.fromEntries(sampled.map((row) => [row.status, row.n])), countCap: null };

  // One statement (not one per status: that would take most of the pool for one page view).
  const statuses = REQUEST_STATUSES.filter((status) => status !== "unverified" || filters.unverified);
  const perStatus = await db
    .select({
      status: sql<RequestStatus>`counted.status`,
      n: sql<number>`(select count(*) from (select 1 from ${requests} where ${where} and ${requests.status} = counted.status limit ${QUEUE_COUNT_CAP}) as capped)`.mapWith(Number),
    })
    .from(sql`unnest(array[${sql.join(statuses.map((status) => sql`${status}`), sql`, `)}]::text[]) as counted(status)`);
  return { counts: Object.fromEntries(perStatus.filter((row) => row.n > 0).map((row) => [row.status, row.n])), countCap: QUEUE_COUNT_CAP };
}

/**
 * The staff queue: every verified request (unverified ones only when asked for), filtered,
 * searched and sorted by due date, one keyset page at a time so it stays fast at any size;
 * plus the number of requests per status under the same filters (status aside).
 */
export async function listQueue(db: Db, input: Record<string, unknown>, me: Pick<CurrentStaff, "id">, now = new Date()): Promise<QueuePage> {
  const filters = queueFiltersSchema.parse(input);
  const where = filterConditions(filters, me, now);
  const cursor = decodeCursor(filters.after);
  const pageWhere = cursor
    ? [...where, sql`(${SORT_DUE}, ${requests.id}) > (${cursor[0] === "infinity" ? sql`'infinity'::timestamptz` : sql`${cursor[0]}::timestamptz`}, ${cursor[1]}::uuid)`]
    : where;

  // Side by side: on PostgreSQL each takes its own pooled connection (PGlite runs them in turn).
  const [rows, { counts, countCap }] = await Promise.all([
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
        urgent: requests.urgent,
        duplicateOfId: requests.duplicateOfId,
        assigneeId: requests.assigneeId,
        deliveryProblem: DELIVERY_PROBLEM,
      })
      .from(requests)
      .where(and(...pageWhere))
      .orderBy(asc(SORT_DUE), asc(requests.id))
      .limit(QUEUE_PAGE_SIZE + 1),
    countQueue(db, filters, me, now),
  ]);

  const items = rows.slice(0, QUEUE_PAGE_SIZE);
  return {
    items,
    nextCursor: rows.length > QUEUE_PAGE_SIZE ? encodeCursor(items[items.length - 1]!) : null,
    counts,
    countCap,
  };
}
