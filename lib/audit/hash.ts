import { createHash } from "node:crypto";
import type { AuditActorType } from "@/db/schema";

/** The hash that starts the chain, standing in for "no previous row". */
export const GENESIS_HASH = "0".repeat(64);

export type HashedAuditFields = {
  id: number;
  occurredAt: Date;
  actorType: AuditActorType;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  requestId: string | null;
  data: Record<string, unknown>;
  prevHash: string;
};

/**
 * JSON with object keys sorted at every level, so the same content always hashes the same
 * way even after a round trip through jsonb (which reorders keys).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** SHA-256 over the previous row's hash and this row's content, hex encoded. */
export function hashAuditRow(row: HashedAuditFields): string {
  const content = canonicalJson({
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actorType: row.actorType,
    actorId: row.actorId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    requestId: row.requestId,
    data: row.data,
  });
  return createHash("sha256").update(row.prevHash).update("\n").update(content).digest("hex");
}
