import { and, desc, eq, gte, inArray, like, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { AUDIT_ACTOR_TYPES, auditLog, requests, staff, type AuditActorType } from "@/db/schema";
import type { CurrentStaff } from "@/lib/auth/current-staff";
import { getEnv } from "@/lib/env";
import { localWallTimeToInstant } from "@/lib/requests/deadlines/compute-due-at";
import { addCalendarDays } from "@/lib/requests/deadlines/working-calendar";
import { referenceQuery } from "@/lib/requests/list-queue";
import { assertCan } from "@/lib/auth/assert-can";
import { isUuid } from "@/lib/text/uuid";
import { dateInputToIso } from "@/lib/validation/date-input";

export const AUDIT_PAGE_SIZE = 50;


/** An empty field in a GET form means "any". */
const blankAsMissing = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsMissing, schema.optional()).catch(undefined);

/** The audit page's filters, parsed from its URL; anything malformed is ignored, not an error. */
export const auditLogFiltersSchema = z.object({
  actorType: optional(z.enum(AUDIT_ACTOR_TYPES)),
  /** A staff member's id. */
  actor: optional(z.string().refine(isUuid)),
  /** A request reference in any case (with or without "DSR-"), or a request id. */
  request: optional(z.string().trim().max(60)),
  /** An action code ("request.completed"), or a prefix: "request." / "request" / "staff.sign*". */
  action: optional(z.string().trim().toLowerCase().max(100).regex(/^[a-z0-9_.]+\*?$/)),
  /** Local dates (operator time zone), both inclusive. */
  from: optional(z.string().transform(dateInputToIso).pipe(z.iso.date())),
  to: optional(z.string().transform(dateInputToIso).pipe(z.iso.date())),
  /** Keyset cursor: show rows older than this id. */
  before: optional(z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)),
});

export type AuditLogFilters = z.output<typeof auditLogFiltersSchema>;

export type AuditLogItem = {
  id: number;
  occurredAt: Date;
  actor: { type: AuditActorType; id: string | null; staffName: string | null; requestReference: string | null };
  action: string;
  entityType: string;
  entityId: string | null;
  request: { id: string; reference: string | null } | null;
  data: Record<string, unknown>;
};

/** Names for the ids the page's rows mention (in their data too): staff id → name, request id → reference. */
export type AuditNames = { staff: Record<string, string>; requests: Record<string, string | null> };

export type AuditLogPage = { items: AuditLogItem[]; filters: AuditLogFilters; nextBefore: number | null; names: AuditNames };

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** "request." / "request" / "staff.sign*" match by prefix; a full code ("request.completed") exactly. */
function actionCondition(action: string): SQL {
  if (action.endsWith("*")) return like(auditLog.action, `${escapeLike(action.slice(0, -1))}%`);
  if (action.endsWith(".")) return like(auditLog.action, `${escapeLike(action)}%`);
  // Every code is domain.verb: a bare domain means all of its actions.
  if (!action.includes(".")) return like(auditLog.action, `${escapeLike(action)}.%`);
  return eq(auditLog.action, action);
}

/** The request id a typed reference or id names, or null when there is no such request. */
async function resolveRequestId(db: Executor, typed: string): Promise<string | null> {
  if (isUuid(typed)) return typed.toLowerCase();
  const reference = referenceQuery(typed);
  if (!reference) return null;
  const [row] = await db.select({ id: requests.id }).from(requests).where(eq(requests.reference, reference)).limit(1);
  return row?.id ?? null;
}

async function filterConditions(db: Executor, filters: AuditLogFilters, timeZone: string): Promise<SQL[] | null> {
  const where: SQL[] = [];
  if (filters.actorType) where.push(eq(auditLog.actorType, filters.actorType));
  if (filters.actor) where.push(eq(auditLog.actorType, "staff"), eq(auditLog.actorId, filters.actor));
  if (filters.request) {
    const requestId = await resolveRequestId(db, filters.request);
    if (!requestId) return null;
    where.push(eq(auditLog.requestId, requestId));
  }
  if (filters.action) where.push(actionCondition(filters.action));
  if (filters.from) where.push(gte(auditLog.occurredAt, localWallTimeToInstant(filters.from, 0, timeZone)));
  if (filters.to) where.push(lt(auditLog.occurredAt, localWallTimeToInstant(addCalendarDays(filters.to, 1), 0, timeZone)));
  return where;
}

/** Staff names and request references for one page's rows, in two small lookups rather than a join per row. */
/** The ids an event's data mentions (top level and one level down: a before/after record), for names. */
export function idsInAuditData(data: Record<string, unknown>): string[] {
  const found: string[] = [];
  const visit = (value: unknown, depth: number) => {
    if (typeof value === "string" && isUuid(value)) found.push(value.toLowerCase());
    else if (depth < 2 && typeof value === "object" && value !== null) for (const child of Object.values(value)) visit(child, depth + 1);
  };
  visit(data, 0);
  return found;
}

type NamedRow = { actorType: AuditActorType; actorId: string | null; requestId: string | null; entityType: string; entityId: string | null; data: Record<string, unknown> };

/**
 * Names for the ids on a page, two queries whatever its size: staff (actors, a staff entity, ids
 * in the data such as an assignee) and requests (their reference; a requester acts under their
 * request's id). An id in the data is looked up in both: it is one or the other, or neither.
 */
async function namesFor(db: Executor, rows: NamedRow[]) {
  const inData = rows.flatMap((r) => idsInAuditData(r.data));
  const staffIds = [
    ...new Set([
      ...rows.flatMap((r) => [r.actorType === "staff" ? r.actorId : null, r.entityType === "staff" ? r.entityId : null]).filter((id): id is string => Boolean(id && isUuid(id))),
      ...inData,
    ]),
  ];
  const requestIds = [
    ...new Set([
      ...rows.flatMap((r) => [r.requestId, r.actorType === "requester" ? r.actorId : null]).filter((id): id is string => Boolean(id && isUuid(id))),
      ...inData,
    ]),
  ];
  const staffRows = staffIds.length ? await db.select({ id: staff.id, name: staff.name }).from(staff).where(inArray(staff.id, staffIds)) : [];
  const requestRows = requestIds.length ? await db.select({ id: requests.id, reference: requests.reference }).from(requests).where(inArray(requests.id, requestIds)) : [];
  return {
    staffNames: new Map(staffRows.map((r) => [r.id, r.name])),
    references: new Map(requestRows.map((r) => [r.id, r.reference])),
  };
}

/**
 * One page of the audit log for compliance officers and admins: every recorded action, newest
 * first, filtered by who acted, on which request, which action and when (local dates in the
 * operator's time zone). Keyset paging on the id, so pages stay fast and never skip a row.
 */
export async function listAuditLog(db: Executor, input: Record<string, unknown>, me: Pick<CurrentStaff, "role">, timeZone = getEnv().OPERATOR_TIME_ZONE): Promise<AuditLogPage> {
  assertCan(me, "compliance.read");
  const filters = auditLogFiltersSchema.parse(input);
  const where = await filterConditions(db, filters, timeZone);
  if (!where) return { items: [], filters, nextBefore: null, names: { staff: {}, requests: {} } };
  if (filters.before) where.push(lt(auditLog.id, filters.before));

  const rows = await db
    .select({
      id: auditLog.id,
      occurredAt: auditLog.occurredAt,
      actorType: auditLog.actorType,
      actorId: auditLog.actorId,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      requestId: auditLog.requestId,
      data: auditLog.data,
    })
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1);

  const pageRows = rows.slice(0, AUDIT_PAGE_SIZE);
  const { staffNames, references } = await namesFor(db, pageRows);
  const items = pageRows.map(
    (row): AuditLogItem => ({
      id: row.id,
      occurredAt: row.occurredAt,
      actor: {
        type: row.actorType,
        id: row.actorId,
        staffName: row.actorType === "staff" && row.actorId ? (staffNames.get(row.actorId) ?? null) : null,
        requestReference: row.actorType === "requester" && row.actorId ? (references.get(row.actorId) ?? null) : null,
      },
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      request: row.requestId ? { id: row.requestId, reference: references.get(row.requestId) ?? null } : null,
      data: row.data,
    }),
  );
  return {
    items,
    filters,
    nextBefore: rows.length > AUDIT_PAGE_SIZE ? items[items.length - 1]!.id : null,
    names: { staff: Object.fromEntries(staffNames), requests: Object.fromEntries(references) },
  };
}
