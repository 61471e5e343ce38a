import { check, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bytea, oneOf } from "./columns";
import { requests } from "./requests";
import { staff } from "./staff";

/**
 * Connection URLs of the data map's sources (lib/fulfilment), sealed with AES-256-GCM under
 * FULFILMENT_ENCRYPTION_KEY: a copy of this table alone opens nothing.
 */
export const fulfilmentSources = pgTable("fulfilment_sources", {
  /** The source's id in the data map. */
  id: text("id").primaryKey(),
  urlSealed: bytea("url_sealed").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text("updated_by").notNull(),
});

export const FULFILMENT_STEPS = ["access", "erasure", "correction"] as const;
export type FulfilmentStep = (typeof FULFILMENT_STEPS)[number];

/**
 * access: collecting → preview → delivered. erasure: planning → awaiting_approval → approved →
 * executing → done. correction: awaiting_approval → executing → done. failed: a source failed;
 * the run resumes from the sources not done.
 */
export const FULFILMENT_RUN_STATUSES = ["collecting", "preview", "delivered", "planning", "awaiting_approval", "approved", "executing", "done", "failed"] as const;
export type FulfilmentRunStatus = (typeof FULFILMENT_RUN_STATUSES)[number];

/** One fulfilment step of one request: the unique index makes a second start of the same step impossible. */
export const fulfilmentRuns = pgTable(
  "fulfilment_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    step: text("step", { enum: FULFILMENT_STEPS }).notNull(),
    status: text("status", { enum: FULFILMENT_RUN_STATUSES }).notNull(),
    mapVersion: integer("map_version").notNull(),
    startedBy: uuid("started_by").references(() => staff.id, { onDelete: "set null" }),
    approvedBy: uuid("approved_by").references(() => staff.id, { onDelete: "set null" }),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Counts and choices only (no personal data): per-source results, categories, the correction plan. */
    summary: jsonb("summary").$type<Record<string, unknown>>().notNull().default({}),
    /** The access package (ZIP), sealed; removed once delivered. */
    packageSealed: bytea("package_sealed"),
    error: text("error"),
  },
  (table) => [uniqueIndex("fulfilment_runs_request_step_idx").on(table.requestId, table.step), check("fulfilment_runs_step_check", oneOf(table.step, FULFILMENT_STEPS)), check("fulfilment_runs_status_check", oneOf(table.status, FULFILMENT_RUN_STATUSES))],
);

export type FulfilmentRun = typeof fulfilmentRuns.$inferSelect;

export const FULFILMENT_SOURCE_STATES = ["pending", "done", "failed"] as const;

/** A run's progress per source, so a run cut short resumes with the sources not done. */
export const fulfilmentRunSources = pgTable(
  "fulfilment_run_sources",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => fulfilmentRuns.id, { onDelete: "cascade" }),
    sourceId: text("source_id").notNull(),
    state: text("state", { enum: FULFILMENT_SOURCE_STATES }).notNull().default("pending"),
    /** Counts only. */
    result: jsonb("result").$type<Record<string, unknown>>(),
    /** Rows collected for an access package, sealed. */
    payloadSealed: bytea("payload_sealed"),
    error: text("error"),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (table) => [primaryKey({ columns: [table.runId, table.sourceId] }), check("fulfilment_run_sources_state_check", oneOf(table.state, FULFILMENT_SOURCE_STATES))],
);
