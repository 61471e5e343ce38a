import { bigint, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const AUDIT_ACTOR_TYPES = ["staff", "requester", "system", "email"] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

/**
 * Append-only, hash-chained record of every state change. The database refuses UPDATE, DELETE
 * and TRUNCATE (trigger in migration 0001); each row's hash covers its content and the previous
 * row's hash, so an edit made around the trigger is still detectable (lib/audit/verify-audit-chain.ts).
 * The id is taken from the sequence before hashing, because the hash covers it.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "date" }).notNull(),
    actorType: text("actor_type", { enum: AUDIT_ACTOR_TYPES }).notNull(),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    requestId: text("request_id"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull().unique(),
  },
  (table) => [
    index("audit_log_request_idx").on(table.requestId, table.id),
    index("audit_log_occurred_at_idx").on(table.occurredAt),
    // The audit page filters by action and lists the actions recorded.
    index("audit_log_action_idx").on(table.action),
  ],
);

export type AuditLogRow = typeof auditLog.$inferSelect;
