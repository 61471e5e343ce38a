import { and, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { DENIAL_REASONS, requests, type DenialReason, type RequestStatus } from "@/db/schema";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getEnv } from "@/lib/env";
import { OPEN_STATUSES } from "@/lib/requests/lifecycle";
import { REQUEST_TYPES, type RequestType } from "@/lib/requests/request-types";
import { REQUEST_TYPE_REGISTRY, type CcpaRight } from "@/lib/requests/types";
import { localBounds, monthsOf, reportPeriodSchema, yearIn, type ReportPeriod } from "./report-period";
import { daysToRespond, onTimeAt, responded } from "./request-outcome";
import { assertCan } from "@/lib/auth/assert-can";
import { isOneOf } from "@/lib/text/is-one-of";

/**
 * The compliance reports: pure reads of the requests table (the page checks the role; the
 * audited CSV download goes through downloadCcpaTable). A request counts as received once the
 * requester confirmed it (verified_at set): unconfirmed attempts are not requests yet. Requests
 * are counted by the month they were received in the operator's time zone, and their outcome is
 * read through request-outcome.ts.
 */

export type TypeFigures = {
  received: number;
  /** Completed or denied. */
  answered: number;
  /** Answered by the due date. */
  onTime: number;
  /** Answered, or still open but already past due: the requests whose timeliness is known. */
  timed: number;
  /** onTime / timed, 0…1; null when nothing is timed yet. */
  onTimeRate: number | null;
  /** Calendar days from receipt to the answer, one decimal; null without answers. */
  medianDays: number | null;
  p90Days: number | null;
};

export const OUTCOMES = ["completed", "denied", "withdrawn", "open"] as const;
export type Outcome = (typeof OUTCOMES)[number];
type OutcomeCounts = Record<Outcome, number>;

export type ComplianceReport = {
  period: ReportPeriod;
  /** Every month of the period, in order, with the requests received per type. */
  months: { month: string; counts: Record<RequestType, number> }[];
  byType: Record<RequestType, TypeFigures>;
  total: TypeFigures;
  outcomes: { byType: Record<RequestType, OutcomeCounts>; total: OutcomeCounts; denialReasons: Record<DenialReason, number> };
  /** The state at `now`, whatever the period. */
  current: { open: number; overdue: number };
};

const operatorTimeZone = () => getEnv().OPERATOR_TIME_ZONE;

const complianceReportInput = z.object({ from: z.string(), to: z.string(), now: z.date(), timeZone: z.string().min(1).optional() });

/** Confirmed requests of a known type received within the local period. */
function receivedWithin(period: ReportPeriod, timeZone: string): SQL {
  const { start, end } = localBounds(period);
  const local = sql`(${requests.createdAt} at time zone ${timeZone})`;
  return and(isNotNull(requests.verifiedAt), inArray(requests.type, REQUEST_TYPES), sql`${local} >= ${start}::timestamp`, sql`${local} < ${end}::timestamp`)!;
}

const percentileDays = (fraction: number) =>
  sql<number | null>`round((percentile_cont(${sql.raw(String(fraction))}) within group (order by ${daysToRespond}))::numeric, 1)::float8`;

function byTypeRecord<T>(make: () => T): Record<RequestType, T> {
  return Object.fromEntries(REQUEST_TYPES.map((type) => [type, make()])) as Record<RequestType, T>;
}

const emptyFigures = (): TypeFigures => ({ received: 0, answered: 0, onTime: 0, timed: 0, onTimeRate: null, medianDays: null, p90Days: null });
const emptyOutcomes = (): OutcomeCounts => ({ completed: 0, denied: 0, withdrawn: 0, open: 0 });

function outcomeOf(status: RequestStatus): Outcome | null {
  if (status === "completed" || status === "denied" || status === "withdrawn") return status;
  return (OPEN_STATUSES as readonly RequestStatus[]).includes(status) ? "open" : null;
}

/** Requests per month by type, timeliness, days to respond, outcomes, and what is open now. */
export async function loadComplianceReport(
  db: Executor,
  input: { from: string; to: string; now: Date; timeZone?: string },
): Promise<ComplianceReport> {
  const { now, timeZone = operatorTimeZone(), ...rest } = complianceReportInput.parse(input);
  const period = reportPeriodSchema.parse(rest);
  const within = receivedWithin(period, timeZone);
  const onTime = onTimeAt(now);

  // Grouped by position: the time zone is a bound parameter, so the same expression written
  // twice (select and group by) would not count as the same one.
  const perMonth = await db
    .select({
      month: sql<string>`to_char(date_trunc('month', ${requests.createdAt} at time zone ${timeZone}), 'YYYY-MM')`,
      type: requests.type,
      count: sql<number>`count(*)::int`,
    })
    .from(requests)
    .where(within)
    .groupBy(sql`1`, sql`2`);

  // rollup adds the all-types row (type null) with its own median and 90th percentile.
  const timing = await db
    .select({
      type: sql<RequestType | null>`${requests.type}`,
      received: sql<number>`count(*)::int`,
      answered: sql<number>`(count(*) filter (where ${responded}))::int`,
      onTime: sql<number>`(count(*) filter (where ${onTime}))::int`,
      timed: sql<number>`(count(*) filter (where ${onTime} is not null))::int`,
      medianDays: percentileDays(0.5),
      p90Days: percentileDays(0.9),
    })
    .from(requests)
    .where(within)
    .groupBy(sql`rollup(${requests.type})`);

  const outcomeRows = await db
    .select({ type: requests.type, status: requests.status, denialReason: requests.denialReason, count: sql<number>`count(*)::int` })
    .from(requests)
    .where(within)
    .groupBy(requests.type, requests.status, requests.denialReason);

  const [current] = await db
    .select({
      open: sql<number>`count(*)::int`,
      overdue: sql<number>`(count(*) filter (where ${onTime} = false))::int`,
    })
    .from(requests)
    .where(inArray(requests.status, OPEN_STATUSES));

  const months = monthsOf(period).map((month) => ({ month, counts: byTypeRecord(() => 0) }));
  const monthAt = new Map(months.map((entry) => [entry.month, entry]));
  for (const row of perMonth) monthAt.get(row.month)!.counts[row.type] = row.count;

  const byType = byTypeRecord(emptyFigures);
  let total = emptyFigures();
  for (const { type, ...figures } of timing) {
    const complete = { ...figures, onTimeRate: figures.timed > 0 ? figures.onTime / figures.timed : null };
    if (type === null) total = complete;
    else byType[type] = complete;
  }

  const outcomes = { byType: byTypeRecord(emptyOutcomes), total: emptyOutcomes(), denialReasons: Object.fromEntries(DENIAL_REASONS.map((r) => [r, 0])) as Record<DenialReason, number> };
  for (const row of outcomeRows) {
    const outcome = outcomeOf(row.status);
    if (!outcome) continue;
    outcomes.byType[row.type][outcome] += row.count;
    outcomes.total[outcome] += row.count;
    if (outcome === "denied") {
      const reason: DenialReason = isOneOf(DENIAL_REASONS, row.denialReason) ? row.denialReason : "other";
      outcomes.denialReasons[reason] += row.count;
    }
  }

  return { period, months, byType, total, outcomes, current: current ?? { open: 0, overdue: 0 } };
}

/**
 * CCPA (11 CCR §7102(a)(1)) request types, in the regulation's order. Each portal type says which
 * one it counts under (`ccpa` in lib/requests/types); the portal takes no requests to opt out of
 * sale/sharing or to limit use, and an account-misuse report is not a CCPA request.
 */
export const CCPA_REQUEST_TYPES = ["delete", "correct", "know"] as const satisfies readonly CcpaRight[];
export type CcpaRequestType = (typeof CCPA_REQUEST_TYPES)[number];

/** All requests, or only those filed under the CCPA (§7102(b) allows either, if the disclosure says which). */
export const CCPA_SCOPES = ["all", "ccpa"] as const;
export type CcpaScope = (typeof CCPA_SCOPES)[number];

export type CcpaRow = { ccpa: CcpaRequestType; type: RequestType; received: number; compliedInWholeOrPart: number; denied: number; medianDays: number | null };
export type CcpaTable = { year: number; scope: CcpaScope; rows: CcpaRow[] };

export const ccpaTableInput = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  scope: z.enum(CCPA_SCOPES).default("all"),
  timeZone: z.string().min(1).optional(),
});
export type CcpaTableInput = z.input<typeof ccpaTableInput>;

/**
 * The §7102 metrics for one calendar year: requests received that year (by the local date
 * received), how many were complied with in whole or in part (completed), denied, and the median
 * days to the substantive answer (completed or denied).
 */
export async function loadCcpaTable(db: Executor, input: CcpaTableInput): Promise<CcpaTable> {
  const { year, scope, timeZone = operatorTimeZone() } = ccpaTableInput.parse(input);
  const within = receivedWithin({ from: `${year}-01`, to: `${year}-12` }, timeZone);
  const rows = await db
    .select({
      type: requests.type,
      received: sql<number>`count(*)::int`,
      compliedInWholeOrPart: sql<number>`(count(*) filter (where ${requests.status} = 'completed'))::int`,
      denied: sql<number>`(count(*) filter (where ${requests.status} = 'denied'))::int`,
      medianDays: percentileDays(0.5),
    })
    .from(requests)
    .where(scope === "ccpa" ? and(within, eq(requests.jurisdiction, "CCPA")) : within)
    .groupBy(requests.type);
  const byType = new Map(rows.map((row) => [row.type, row]));
  return {
    year,
    scope,
    rows: CCPA_REQUEST_TYPES.flatMap((ccpa) =>
      REQUEST_TYPES.filter((type) => REQUEST_TYPE_REGISTRY[type].ccpa === ccpa).map((type) => {
        const row = byType.get(type);
        return { ccpa, type, received: row?.received ?? 0, compliedInWholeOrPart: row?.compliedInWholeOrPart ?? 0, denied: row?.denied ?? 0, medianDays: row?.medianDays ?? null };
      }),
    ),
  };
}

/** The years a report can cover: from the first confirmed request (or last year) to this year, newest first. */
export async function loadReportYears(db: Executor, { now, timeZone = operatorTimeZone() }: { now: Date; timeZone?: string }): Promise<number[]> {
  const [first] = await db
    .select({ year: sql<number | null>`min(extract(year from ${requests.createdAt} at time zone ${timeZone}))::int` })
    .from(requests)
    .where(isNotNull(requests.verifiedAt));
  const thisYear = yearIn(now, timeZone);
  const firstYear = Math.min(first?.year ?? thisYear, thisYear - 1);
  return Array.from({ length: thisYear - firstYear + 1 }, (_, i) => thisYear - i);
}

/** The CCPA table for a download: role-checked, and recorded in the audit log as it is read. */
export async function downloadCcpaTable(db: Executor, input: CcpaTableInput, actor: Pick<CurrentStaff, "id" | "role">): Promise<CcpaTable> {
  assertCan(actor, "compliance.read");
  const parsed = ccpaTableInput.parse(input);
  return db.transaction(async (tx) => {
    const table = await loadCcpaTable(tx, parsed);
    await recordAuditEvent(tx, {
      actorType: "staff",
      actorId: actor.id,
      action: "report.downloaded",
      entityType: "report",
      entityId: `ccpa_7102:${table.year}:${table.scope}`,
      data: { report: "ccpa_7102", year: table.year, scope: table.scope, format: "csv" },
    });
    return table;
  });
}
