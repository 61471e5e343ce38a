import { and, asc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { QueryBuilder } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { auditCheckpoint, auditLog, auditSeal, requests } from "@/db/schema";
import { streamCursor } from "./export-cursor";
import type { ExportColumn, ExportRow } from "./export-encoders";
import { exportPeriod, type ExportFilters } from "./export-filters";
import { exportColumn, exportSelection, isoText, type ExportCellSql } from "./export-sql";

/**
 * The audit log as stored, with its seals (seq, hashes) so the copy can be checked against the
 * chain (lib/audit/verify-audit-chain.ts), plus the request's reference for people reading it.
 * A row that ends a signed checkpoint carries that checkpoint in the last three columns (empty on
 * other rows): CSV stays one table, and a copy cut short no longer reaches the signed head.
 */
const AUDIT_LOG = [
  exportColumn("id", "number", auditLog.id),
  exportColumn("occurred_at", "code", isoText(auditLog.occurredAt)),
  exportColumn("actor_type", "code", auditLog.actorType),
  exportColumn("actor_id", "text", auditLog.actorId),
  exportColumn("action", "code", auditLog.action),
  exportColumn("entity_type", "text", auditLog.entityType),
  exportColumn("entity_id", "text", auditLog.entityId),
  exportColumn("request_id", "text", auditLog.requestId),
  exportColumn("request_reference", "code", requests.reference),
  exportColumn("data", "json", auditLog.data),
  exportColumn("seq", "number", auditSeal.seq),
  exportColumn("prev_hash", "code", auditSeal.prevHash),
  exportColumn("hash", "code", auditSeal.hash),
  exportColumn("checkpoint_signed_at", "code", isoText(auditCheckpoint.signedAt)),
  exportColumn("checkpoint_key_id", "text", auditCheckpoint.keyId),
  exportColumn("checkpoint_signature", "text", auditCheckpoint.signature),
];

export const AUDIT_LOG_COLUMNS: readonly ExportColumn[] = AUDIT_LOG.map(({ key, kind }) => ({ key, kind }));

/**
 * The period is when the event happened. Type, status and jurisdiction are the request's: with
 * any of them, only events about requests that match (the request's current status).
 */
function auditLogConditions(filters: ExportFilters, timeZone: string): SQL[] {
  const where: SQL[] = [];
  const { start, end } = exportPeriod(filters, timeZone);
  if (start) where.push(gte(auditLog.occurredAt, start));
  if (end) where.push(lt(auditLog.occurredAt, end));
  if (filters.status) where.push(eq(requests.status, filters.status));
  if (filters.type) where.push(eq(requests.type, filters.type));
  if (filters.jurisdiction) where.push(eq(requests.jurisdiction, filters.jurisdiction));
  return where;
}

/** The audit log's SELECT, in chain order; rows still waiting for their seal last, by id. */
export function auditLogQuery(filters: ExportFilters, timeZone: string, cell?: ExportCellSql) {
  return new QueryBuilder()
    .select(exportSelection(AUDIT_LOG, cell))
    .from(auditLog)
    // request_id is text (events may name things that are not requests); compare as text.
    .leftJoin(auditSeal, eq(auditSeal.auditId, auditLog.id))
    .leftJoin(auditCheckpoint, eq(auditCheckpoint.seq, auditSeal.seq))
    .leftJoin(requests, eq(sql`${requests.id}::text`, auditLog.requestId))
    .where(and(...auditLogConditions(filters, timeZone)))
    .orderBy(sql`${auditSeal.seq} asc nulls last`, asc(auditLog.id));
}

export function streamAuditLog(db: Db, filters: ExportFilters, timeZone: string): AsyncGenerator<ExportRow[], void, undefined> {
  return streamCursor<ExportRow>(db, auditLogQuery(filters, timeZone));
}
