import { desc, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { AUDIT_ACTOR_TYPES, auditLog, type AuditLogRow } from "@/db/schema";
import { GENESIS_HASH, hashAuditRow } from "./hash";

// Serialises writers so each row links to the one committed before it.
const AUDIT_CHAIN_LOCK_KEY = 7_240_114;

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
 * Appends one event to the audit chain. Call it inside the transaction that makes the change it
 * records, so the change and its audit row commit or roll back together.
 */
export async function recordAuditEvent(tx: Tx, event: AuditEvent): Promise<AuditLogRow> {
  const parsed = auditEventSchema.parse(event);
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK_KEY})`);
  const [previous] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const idResult = await tx.execute<{ id: string }>(sql`select nextval('audit_log_id_seq')::text as id`);
  const row = {
    id: Number(rowsOf<{ id: string }>(idResult)[0]!.id),
    // Millisecond precision, so the timestamp read back from the database hashes the same.
    occurredAt: new Date(Math.floor(Date.now())),
    actorType: parsed.actorType,
    actorId: parsed.actorId ?? null,
    action: parsed.action,
    entityType: parsed.entityType,
    entityId: parsed.entityId ?? null,
    requestId: parsed.requestId ?? null,
    // Round-trip through JSON so what we hash is exactly what jsonb stores (no undefined, no Dates).
    data: JSON.parse(JSON.stringify(parsed.data)) as Record<string, unknown>,
    prevHash: previous?.hash ?? GENESIS_HASH,
  };
  const [inserted] = await tx
    .insert(auditLog)
    .values({ ...row, hash: hashAuditRow(row) })
    .returning();
  return inserted!;
}

/** postgres.js returns rows as the result itself; PGlite wraps them in `.rows`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
