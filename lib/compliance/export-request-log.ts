import { and, asc, eq, gte, isNotNull, lt, sql, type SQL } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { requests, staff } from "@/db/schema";
import { streamCursor } from "./export-cursor";
import type { ExportColumn, ExportRow } from "./export-encoders";
import { exportPeriod, type ExportFilters } from "./export-filters";
import { exportColumn, exportSelection, isoText, type ExportCellSql } from "./export-sql";
import { daysToRespond, onTimeAt, responded } from "./request-outcome";

/**
 * The request log: one row per request, what a regulator asks for — what was asked, when, by when
 * it was due, whether it was extended, when and how it was answered, and whether on time. No
 * requester's name or contact details: the log proves handling, it is not a copy of the data.
 * Keys are stable English snake_case (the file is for machines too); the page explains each.
 */
const REQUEST_LOG = (now: Date) => [
  exportColumn("reference", "code", requests.reference),
  exportColumn("type", "code", requests.type),
  exportColumn("jurisdiction", "code", requests.jurisdiction),
  exportColumn("channel", "text", requests.channel),
  exportColumn("status", "code", requests.status),
  exportColumn("received_at", "code", isoText(requests.createdAt)),
  exportColumn("verified_at", "code", isoText(requests.verifiedAt)),
  exportColumn("due_at", "code", isoText(requests.dueAt)),
  exportColumn("original_due_at", "code", isoText(requests.originalDueAt)),
  exportColumn("extended", "boolean", sql`${requests.extendedAt} is not null`),
  exportColumn("extended_at", "code", isoText(requests.extendedAt)),
  exportColumn("extension_reason", "text", requests.extensionReason),
  exportColumn("responded_at", "code", sql`case when ${responded} then ${isoText(requests.closedAt)} end`),
  exportColumn("outcome", "text", requests.outcomeNote),
  exportColumn("denial_reason", "text", requests.denialReason),
  exportColumn("assignee", "text", staff.name),
  exportColumn("assignee_email", "text", staff.email),
  exportColumn("days_to_respond", "number", daysToRespond),
  exportColumn("on_time", "boolean", onTimeAt(now)),
];

export const REQUEST_LOG_COLUMNS: readonly ExportColumn[] = REQUEST_LOG(new Date(0)).map(({ key, kind }) => ({ key, kind }));

/** Received requests by default; unconfirmed attempts (no reference yet) only when that status is asked for. */
function requestLogConditions(filters: ExportFilters, timeZone: string): SQL[] {
  const where: SQL[] = [];
  const { start, end } = exportPeriod(filters, timeZone);
  if (start) where.push(gte(requests.createdAt, start));
  if (end) where.push(lt(requests.createdAt, end));
  if (filters.status) where.push(eq(requests.status, filters.status));
  else where.push(isNotNull(requests.verifiedAt));
  if (filters.type) where.push(eq(requests.type, filters.type));
  if (filters.jurisdiction) where.push(eq(requests.jurisdiction, filters.jurisdiction));
  return where;
}

/** The request log's SELECT, in order of receipt (requests_created_idx); `now` decides "on time" for requests still open. */
export function requestLogQuery(filters: ExportFilters, timeZone: string, now: Date, cell?: ExportCellSql) {
  return new QueryBuilder()
    .select(exportSelection(REQUEST_LOG(now), cell))
    .from(requests)
    .leftJoin(staff, eq(staff.id, requests.assigneeId))
    .where(and(...requestLogConditions(filters, timeZone)))
    .orderBy(asc(requests.createdAt), asc(requests.id));
}

export function streamRequestLog(db: Db, filters: ExportFilters, timeZone: string, now = new Date()): AsyncGenerator<ExportRow[], void, undefined> {
  return streamCursor<ExportRow>(db, requestLogQuery(filters, timeZone, now));
}
