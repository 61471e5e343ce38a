import { z } from "zod";
import type { Db } from "@/db/client";
import type { StaffRole } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { sealAuditLog } from "@/lib/audit/seal-audit-log";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { getEnv } from "@/lib/env";
import { errorMessage, log as logger } from "@/lib/log";
import { localDateOf } from "@/lib/requests/deadlines/compute-due-at";
import { AUDIT_LOG_COLUMNS, auditLogQuery, streamAuditLog } from "./export-audit-log";
import { csvCellSql, openCopyCsvStream, postgresClientOf } from "./export-copy";
import { exportEncoder } from "./export-encoders";
import { EXPORT_LOGS, exportQuerySchema, type ExportLog } from "./export-filters";
import { REQUEST_LOG_COLUMNS, requestLogQuery, streamRequestLog } from "./export-request-log";
import { openExportStream, type ExportStreamEnd } from "./export-stream";
import { can } from "@/lib/auth/permissions";

export type ExportIssue = { field: string; message: string };

export type CreatedExport =
  | { ok: true; log: ExportLog; filename: string; contentType: string; body: ReadableStream<Uint8Array> }
  | { ok: false; error: "forbidden" | "unknown_log" }
  | { ok: false; error: "invalid"; issues: ExportIssue[] };

const FILE_STEM: Record<ExportLog, string> = { requests: "request-log", audit: "audit-log" };

/**
 * Starts an export of the request log or the audit log for a compliance officer or admin. The
 * export is itself audited ("export.created": who, which log, which format and filters), in its
 * own transaction committed before the first row is read, so even an export cut short is on record.
 */
export async function createExport(
  db: Db,
  input: { log: string; query: Record<string, unknown> },
  me: Pick<CurrentStaff, "id"> & { role: StaffRole },
  { now = new Date(), timeZone = getEnv().OPERATOR_TIME_ZONE }: { now?: Date; timeZone?: string } = {},
): Promise<CreatedExport> {
  if (!can(me.role, "compliance.read")) return { ok: false, error: "forbidden" };
  const exportLog = z.enum(EXPORT_LOGS).safeParse(input.log);
  if (!exportLog.success) return { ok: false, error: "unknown_log" };
  const parsed = exportQuerySchema.safeParse(input.query);
  if (!parsed.success) {
    return { ok: false, error: "invalid", issues: parsed.error.issues.map((issue) => ({ field: issue.path.join(".") || "query", message: issue.message })) };
  }
  const { format, ...filters } = parsed.data;

  await db.transaction(async (tx) => {
    await recordAuditEvent(tx, { actorType: "staff", actorId: me.id, action: "export.created", entityType: "export", data: { log: exportLog.data, format, filters } });
  });

  // The copy of the audit log ends at a signed checkpoint, including the export's own record.
  if (exportLog.data === "audit") await sealAuditLog(db, { checkpoint: "head", wait: true });
  const columns = exportLog.data === "requests" ? REQUEST_LOG_COLUMNS : AUDIT_LOG_COLUMNS;
  const encoder = exportEncoder(format, columns);
  const onEnd = ({ outcome, rows, bytes, error }: ExportStreamEnd) => {
    const details = { log: exportLog.data, format, rows, bytes, staffId: me.id };
    if (outcome === "failed") logger.error("export failed", { ...details, error: errorMessage(error) });
    else logger.info(`export ${outcome}`, details);
  };
  // CSV on PostgreSQL: COPY, the same bytes without a JavaScript object per row (export-copy.ts).
  const copyClient = format === "csv" ? postgresClientOf(db) : null;
  const body = copyClient
    ? await openCopyCsvStream(copyClient, exportLog.data === "requests" ? requestLogQuery(filters, timeZone, now, csvCellSql) : auditLogQuery(filters, timeZone, csvCellSql), columns, onEnd)
    : await openExportStream(exportLog.data === "requests" ? streamRequestLog(db, filters, timeZone, now) : streamAuditLog(db, filters, timeZone), encoder, onEnd);
  return { ok: true, log: exportLog.data, filename: `${FILE_STEM[exportLog.data]}-${localDateOf(now, timeZone)}.${encoder.extension}`, contentType: encoder.contentType, body };
}
