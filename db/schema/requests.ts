import { sql } from "drizzle-orm";
import { LOCALES } from "../../lib/i18n/locales";
import { JURISDICTIONS } from "../../lib/requests/jurisdictions";
import { REQUEST_TYPES } from "../../lib/requests/request-types";
import { TIMELINE_KINDS } from "../../lib/requests/timeline-events";
import { oneOf } from "./columns";
import { staff } from "./staff";
import { bigint, bigserial, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";

/** Denial reason codes (after the Data Rights Protocol), shown to the requester with how to complain. */
export const DENIAL_REASONS = ["suspected_fraud", "insufficient_verification", "no_match", "not_covered", "outside_jurisdiction", "manifestly_unfounded", "other"] as const;
export type DenialReason = (typeof DENIAL_REASONS)[number];

export const REQUEST_STATUSES = [
  "unverified",
  "expired",
  "new",
  "in_progress",
  "awaiting_requester",
  "on_hold",
  "completed",
  "denied",
  "withdrawn",
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/**
 * One data-subject request. Contact details and free text are personal data (retention
 * anonymises them later); type, dates and outcome stay for the compliance record.
 */
export const requests = pgTable(
  "requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** DSR-2026-000123; given on verification, so unverified attempts use no numbers. */
    reference: text("reference").unique(),
    type: text("type", { enum: REQUEST_TYPES }).notNull(),
    status: text("status", { enum: REQUEST_STATUSES }).notNull().default("unverified"),
    locale: text("locale", { enum: LOCALES }).notNull(),
    jurisdiction: text("jurisdiction", { enum: JURISDICTIONS }).notNull(),
    channel: text("channel").notNull().default("web"),
    requesterName: text("requester_name").notNull(),
    /** Lower-cased; the address the codes and replies go to. */
    requesterEmail: text("requester_email").notNull(),
    requesterPhone: text("requester_phone"),
    onBehalf: boolean("on_behalf").notNull().default(false),
    representativeRelation: text("representative_relation"),
    subjectName: text("subject_name"),
    /** Type-specific answers from the form (validated by lib/validation/request-forms.ts). */
    details: jsonb("details").$type<Record<string, unknown>>().notNull(),
    urgent: boolean("urgent").notNull().default(false),
    duplicateOfId: uuid("duplicate_of_id").references((): AnyPgColumn => requests.id),
    consentAt: timestamp("consent_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** An unverified request is dropped from view after this moment. */
    verifyBy: timestamp("verify_by", { withTimezone: true }).notNull(),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    dueAt: timestamp("due_at", { withTimezone: true }),
    deadlineRuleId: text("deadline_rule_id"),
    /** The due date the rule first gave, before any extension or pause. */
    originalDueAt: timestamp("original_due_at", { withTimezone: true }),
    extendedAt: timestamp("extended_at", { withTimezone: true }),
    extensionReason: text("extension_reason"),
    /** Set while the clock is paused (awaiting the requester, where the rule pauses). */
    pausedAt: timestamp("paused_at", { withTimezone: true }),
    /** Total time the clock has been paused so far. */
    pausedMs: bigint("paused_ms", { mode: "number" }).notNull().default(0),
    /** Days the pauses so far moved the due date by, in the rule's unit (working days, or calendar days for calendar-day and month rules). */
    pausedDays: integer("paused_days").notNull().default(0),
    assigneeId: uuid("assignee_id").references(() => staff.id, { onDelete: "set null" }),
    /** One of DENIAL_REASONS when denied; shown to the requester. */
    denialReason: text("denial_reason"),
    /** What staff told the requester when completing or denying. */
    outcomeNote: text("outcome_note"),
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** Unguessable token in the Reply-To address (support+<token>@domain) that routes e-mail answers here. */
    replyToken: text("reply_token").unique(),
    /** A legal hold (litigation, an authority's inquiry) keeps the request from being anonymised. */
    legalHold: boolean("legal_hold").notNull().default(false),
    legalHoldReason: text("legal_hold_reason"),
    legalHoldSetAt: timestamp("legal_hold_set_at", { withTimezone: true }),
    legalHoldSetBy: uuid("legal_hold_set_by").references(() => staff.id, { onDelete: "set null" }),
    /** When retention removed the personal data (lib/retention/anonymise-expired-requests.ts). */
    anonymisedAt: timestamp("anonymised_at", { withTimezone: true }),
  },
  (table) => [
    // The database refuses a value outside the lists too (the types only hold inside the app).
    check("requests_type_check", oneOf(table.type, REQUEST_TYPES)),
    check("requests_locale_check", oneOf(table.locale, LOCALES)),
    check("requests_jurisdiction_check", oneOf(table.jurisdiction, JURISDICTIONS)),
    index("requests_status_due_idx").on(table.status, table.dueAt),
    // Duplicates and lost links look an address up by equality; the queue's search by an address (a term with
    // "@") by its beginning, LIKE 'ivan.petrov@gm%' — which a btree serves only with text_pattern_ops outside the C collation.
    index("requests_email_type_idx").on(table.requesterEmail.op("text_pattern_ops"), table.type),
    index("requests_assignee_idx").on(table.assigneeId, table.status),
    // The queue's keyset order (lib/requests/list-queue.ts): due date, requests without one last.
    index("requests_queue_order_idx").on(sql`coalesce(${table.dueAt}, 'infinity'::timestamptz)`, table.id),
    // The open requests alone in the queue's order (lib/requests/staff/queue-views.ts): the default view, overdue,
    // due today and their counts read only these, however many closed requests pile up. The statuses are
    // OPEN_STATUSES written out: the queries name them as literals so the planner matches this predicate.
    // Type and jurisdiction ride along (after id, so the order is the same): a filter on one of them is checked
    // in the index, and only the rows shown are read from the table (migration 0021).
    index("requests_open_queue_idx")
      .on(sql`coalesce(${table.dueAt}, 'infinity'::timestamptz)`, table.id, table.type, table.jurisdiction)
      .where(sql`${table.status} in ('new', 'in_progress', 'awaiting_requester', 'on_hold')`),
    // …and the urgent ones among them (the Urgent view and its count).
    index("requests_open_urgent_idx")
      .on(sql`coalesce(${table.dueAt}, 'infinity'::timestamptz)`, table.id)
      .where(sql`${table.urgent} and ${table.status} in ('new', 'in_progress', 'awaiting_requester', 'on_hold')`),
    // One person's open requests (and the unassigned ones) in queue order: the Mine and Unassigned views read
    // their own rows in order instead of walking every open request for the few that match (and count from it).
    index("requests_open_assignee_queue_idx")
      .on(table.assigneeId, sql`coalesce(${table.dueAt}, 'infinity'::timestamptz)`, table.id)
      .where(sql`${table.status} in ('new', 'in_progress', 'awaiting_requester', 'on_hold')`),
    // Due dates of the open requests with the pause: Overdue and Due today are counted from the index alone.
    index("requests_open_due_idx")
      .on(table.dueAt, table.pausedAt)
      .where(sql`${table.status} in ('new', 'in_progress', 'awaiting_requester', 'on_hold')`),
    // Attempts never confirmed (no due date, so last in the queue's order): "all" filtered to them reads these alone.
    index("requests_unconfirmed_queue_idx")
      .on(sql`coalesce(${table.dueAt}, 'infinity'::timestamptz)`, table.id)
      .where(sql`${table.status} in ('unverified', 'expired')`),
    // Retention's search for closed requests still holding personal data.
    index("requests_retention_idx").on(table.closedAt).where(sql`${table.anonymisedAt} is null`),
    // The queue's search inside e-mail addresses and names (ilike '%…%'): pg_trgm, 3+ characters.
    index("requests_email_trgm_idx").using("gin", table.requesterEmail.op("gin_trgm_ops")),
    index("requests_name_trgm_idx").using("gin", table.requesterName.op("gin_trgm_ops")),
    // …and, for a term of 6 characters or more with a rare part, its rarest 6-character pieces, spaces and dots
    // included (search_grams, migration 0025): a full name or an address's name part is found through a few
    // short lists instead of every trigram's long one (lib/requests/search-grams.ts).
    index("requests_email_grams_idx").using("gin", sql`search_grams(${table.requesterEmail})`),
    index("requests_name_grams_idx").using("gin", sql`search_grams(${table.requesterName})`),
    // The request log export's order (lib/compliance/export-request-log.ts): read in order, no sort.
    index("requests_created_idx").on(table.createdAt, table.id),
  ],
);

export type Request = typeof requests.$inferSelect;
export type NewRequest = typeof requests.$inferInsert;

/** Private links to a request's status page. Only the SHA-256 of the token is stored. */
export const requestAccessTokens = pgTable(
  "request_access_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("request_access_tokens_hash_idx").on(table.tokenHash)],
);

/** A 6-digit code (and a one-click link with the same effect) proving the requester owns the address. */
export const verificationChallenges = pgTable(
  "verification_challenges",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    linkTokenHash: text("link_token_hash").notNull(),
    attempts: integer("attempts").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
  },
  (table) => [
    uniqueIndex("verification_challenges_link_idx").on(table.linkTokenHash),
    index("verification_challenges_request_idx").on(table.requestId),
  ],
);

/** The request's timeline: what happened, by whom, and whether the requester sees it. */
export const requestEvents = pgTable(
  "request_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    actorType: text("actor_type").notNull(),
    actorId: text("actor_id"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    visibleToRequester: boolean("visible_to_requester").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("request_events_request_idx").on(table.requestId, table.id),
    // The database refuses a kind the code does not know (the one list: lib/requests/timeline-events.ts).
    check("request_events_kind_check", oneOf(table.kind, TIMELINE_KINDS)),
  ],
);

export const MESSAGE_DIRECTIONS = ["inbound", "outbound", "internal"] as const;

/** Messages on a request: from the requester (inbound), from staff (outbound), staff notes (internal). */
export const requestMessages = pgTable(
  "request_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => requests.id, { onDelete: "cascade" }),
    direction: text("direction", { enum: MESSAGE_DIRECTIONS }).notNull(),
    authorType: text("author_type").notNull(),
    authorId: text("author_id"),
    channel: text("channel").notNull().default("portal"),
    body: text("body").notNull(),
    /** For staff replies: the outbox row that carries it by e-mail. */
    outboxEmailId: uuid("outbox_email_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("request_messages_request_idx").on(table.requestId, table.createdAt)],
);
