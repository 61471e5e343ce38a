import { sql } from "drizzle-orm";
import { bigint, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const AUDIT_ACTOR_TYPES = ["staff", "requester", "system", "email"] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

/**
 * Append-only record of every state change, written in the change's own transaction with no lock
 * shared between writers. The database refuses UPDATE, DELETE and TRUNCATE (trigger in migration
 * 0001). A row is linked into the hash chain later, by the sealer (lib/audit/seal-audit-log.ts),
 * which appends its seal to audit_seal; see that table.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint("id", { mode: "number" })
      .primaryKey()
      .default(sql`nextval('audit_log_id_seq')`),
    occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "date" }).notNull(),
    actorType: text("actor_type", { enum: AUDIT_ACTOR_TYPES }).notNull(),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    requestId: text("request_id"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    /**
     * The writing transaction's id (pg_current_xact_id), set by a BEFORE INSERT trigger whatever
     * the writer sends; 0 for rows written before sealing existed. The chain order is
     * (xact_id, id): once xact_id is below every running transaction's, no row can still appear
     * before it.
     */
    xactId: bigint("xact_id", { mode: "number" }).notNull().default(0),
  },
  (table) => [
    index("audit_log_request_idx").on(table.requestId, table.id),
    index("audit_log_occurred_at_idx").on(table.occurredAt),
    // The audit page filters by action and lists the actions recorded.
    index("audit_log_action_idx").on(table.action),
    // The sealer's cursor: rows after the last sealed (xact_id, id).
    index("audit_log_chain_order_idx").on(table.xactId, table.id),
  ],
);

export type AuditLogRow = typeof auditLog.$inferSelect;

/**
 * The hash chain, one seal per audit row, appended by the single sealer in chain order (seq is
 * 1, 2, 3, … without gaps). Each hash covers the audited row's content and the previous seal's
 * hash, so an edit, deletion or reordering made around the triggers still shows. Append-only too:
 * a seal is written once and never changed, and audit_log itself is never updated.
 */
export const auditSeal = pgTable("audit_seal", {
  seq: bigint("seq", { mode: "number" }).primaryKey(),
  auditId: bigint("audit_id", { mode: "number" })
    .notNull()
    .unique()
    .references(() => auditLog.id),
  prevHash: text("prev_hash").notNull(),
  hash: text("hash").notNull().unique(),
  sealedAt: timestamp("sealed_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

export type AuditSealRow = typeof auditSeal.$inferSelect;

/**
 * A signed statement "the chain had this hash at this seq" (Ed25519, lib/audit/checkpoint-signing.ts).
 * A copy or a database cut short after a checkpoint no longer reaches the signed head. Append-only.
 */
export const auditCheckpoint = pgTable("audit_checkpoint", {
  seq: bigint("seq", { mode: "number" }).primaryKey(),
  auditId: bigint("audit_id", { mode: "number" }).notNull(),
  chainHash: text("chain_hash").notNull(),
  signedAt: timestamp("signed_at", { withTimezone: true, mode: "date" }).notNull(),
  keyId: text("key_id").notNull(),
  signature: text("signature").notNull(),
});

export type AuditCheckpointRow = typeof auditCheckpoint.$inferSelect;
