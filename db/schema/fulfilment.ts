import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bytea, oneOf } from "./columns";
import { requests } from "./requests";
import { staff } from "./staff";

/**
 * The secret of each data map source (lib/fulfilment): a database's connection URL, or an HTTP
 * endpoint's signing key (url_sealed holds either; the seal's aad says which), sealed with AES-256-GCM under
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

export const HTTP_CALL_PURPOSES = ["access", "erasure", "secure_account"] as const;
export type HttpCallPurpose = (typeof HTTP_CALL_PURPOSES)[number];
export const HTTP_CALL_STATUSES = ["pending", "done", "failed"] as const;
export type HttpCallStatus = (typeof HTTP_CALL_STATUSES)[number];

/**
 * Signed calls to the operator's HTTP endpoints (the data map's http_sources), a queue like the
 * e-mail outbox (lib/jobs/leased-queue.ts): written in the transaction that decides them, sent by
 * the worker with retries and back-off. The row's id is the call's Idempotency-Key, the same on
 * every try. One call per request, endpoint and purpose.
 */
export const fulfilmentHttpCalls = pgTable(
  "fulfilment_http_calls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    /** The access or erasure run the answer belongs to; null for "secure this account". */
    runId: uuid("run_id").references(() => fulfilmentRuns.id, { onDelete: "cascade" }),
    sourceId: text("source_id").notNull(),
    purpose: text("purpose", { enum: HTTP_CALL_PURPOSES }).notNull(),
    /** 0 goes first (securing an account); 1 for the rest. */
    priority: integer("priority").notNull().default(1),
    status: text("status", { enum: HTTP_CALL_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** What went wrong last (status code, time-out), never the answer's body. */
    lastError: text("last_error"),
    /** The JSON body sent (the requester's identities), sealed. */
    bodySealed: bytea("body_sealed").notNull(),
    /** Counts and action names from the answer, never rows. */
    answer: jsonb("answer").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("fulfilment_http_calls_request_source_purpose_idx").on(table.requestId, table.sourceId, table.purpose),
    index("fulfilment_http_calls_due_idx").on(table.status, table.priority, table.nextAttemptAt),
    check("fulfilment_http_calls_purpose_check", oneOf(table.purpose, HTTP_CALL_PURPOSES)),
    check("fulfilment_http_calls_status_check", oneOf(table.status, HTTP_CALL_STATUSES)),
  ],
);

export type FulfilmentHttpCall = typeof fulfilmentHttpCalls.$inferSelect;
