import { z } from "zod";
import type { Executor, Tx } from "@/db/client";
import { rowInsert } from "@/db/run-statement";
import { AUDIT_ACTOR_TYPES, auditLog } from "@/db/schema";

export const auditEventSchema = z.object({
  actorType: z.enum(AUDIT_ACTOR_TYPES),
  actorId: z.string().max(200).nullish(),
  action: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, "action looks like domain.verb"),
  entityType: z.string().min(1).max(100),
  entityId: z.string().max(200).nullish(),
  requestId: z.string().max(200).nullish(),
  data: z.record(z.string(), z.unknown()).default({}),
});

export type AuditEvent = z.input<typeof auditEventSchema>;

/**
 * Appends one event to the audit log. Call it inside the transaction that makes the change it
 * records, so the change and its audit row commit or roll back together. It is one INSERT with
 * no lock shared between writers: the row is linked into the hash chain after it commits, by the
 * sealer (seal-audit-log.ts), so concurrent changes never wait for each other here. Only the
 * row's id and transaction id come back: nothing else the caller does not already have crosses
 * the wire inside the transaction.
 */
export async function recordAuditEvent(tx: Tx, event: AuditEvent): Promise<{ id: number; xactId: number }> {
  const [inserted] = await auditEventInsert(tx, event)
    // Prepared: see PREPARED_WRITES in db/client.ts.
    .prepare("audit_event")
    .execute();
  return inserted!;
}

/** recordAuditEvent's INSERT, not run. */
export function auditEventInsert(db: Executor, event: AuditEvent) {
  return db
    .insert(auditLog)
    .values(auditEventRow(event).values)
    .returning({ id: auditLog.id, xactId: auditLog.xactId });
}

/** The audit row of an event, checked: for a caller that sends it within a statement of its own making (fileRequest). */
export function auditEventRow(event: AuditEvent) {
  const parsed = auditEventSchema.parse(event);
  return rowInsert(auditLog, {
    // Millisecond precision, so the time read back from the database hashes the same everywhere.
    occurredAt: new Date(Math.floor(Date.now())),
    actorType: parsed.actorType,
    actorId: parsed.actorId ?? null,
    action: parsed.action,
    entityType: parsed.entityType,
    entityId: parsed.entityId ?? null,
    requestId: parsed.requestId ?? null,
    // Round-trip through JSON so what is stored is plain JSON (no undefined, no Dates).
    data: JSON.parse(JSON.stringify(parsed.data)) as Record<string, unknown>,
  });
}

/** postgres.js returns rows as the result itself; PGlite wraps them in `.rows`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
