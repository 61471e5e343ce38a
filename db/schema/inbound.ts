import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { bytea } from "./columns";
import { requestMessages, requests } from "./requests";
import { staff } from "./staff";

/**
 * received   stored, not yet parsed (or a crash came between storing and parsing)
 * processed  parsed and applied to a request (reply, bounce or auto-reply)
 * duplicate  the same Message-ID was already ingested; nothing applied
 * unmatched  belongs to no request: waits in the dashboard's unmatched-mail queue
 * attached   was unmatched, staff attached it to a request
 * dismissed  was unmatched, staff dismissed it (with a reason)
 * failed     could not be parsed or applied; `error` says why. The worker tries again after a
 *            back-off (`nextAttemptAt`) up to a few attempts; then it waits for staff to retry or dismiss
 */
export const INBOUND_STATUSES = ["received", "processed", "duplicate", "unmatched", "attached", "dismissed", "failed"] as const;
export type InboundStatus = (typeof INBOUND_STATUSES)[number];

export const INBOUND_KINDS = ["reply", "bounce", "auto_reply"] as const;
export type InboundKind = (typeof INBOUND_KINDS)[number];

/** How the message was tied to its request. */
export const MATCH_METHODS = ["reply_token", "thread", "subject", "staff"] as const;
export type MatchMethod = (typeof MATCH_METHODS)[number];

/** Why a message that named a request was left for a person anyway. */
export const UNMATCHED_REASONS = ["sender_not_verified"] as const;
export type UnmatchedReason = (typeof UNMATCHED_REASONS)[number];

export type BounceDetail = { originalMessageId: string | null; recipient: string | null; status: string | null; action: string | null; diagnostic: string | null };

/**
 * Every e-mail that reached the support mailbox, raw bytes first (nothing received is ever lost),
 * then what parsing found and what was done with it.
 */
export const inboundEmails = pgTable(
  "inbound_emails",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Where it came from, unique per delivery: "imap:<mailbox>:<uidvalidity>:<uid>", "webhook:<sha256>". */
    sourceKey: text("source_key").notNull(),
    raw: bytea("raw").notNull(),
    rawSize: integer("raw_size").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    status: text("status", { enum: INBOUND_STATUSES }).notNull().default("received"),
    attempts: integer("attempts").notNull().default(0),
    error: text("error"),
    /** For "failed": when the worker tries again on its own; null once it has given up (staff retry). */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    /** For "unmatched": why a rule that would have matched did not attach it (e.g. the sender was not verified). */
    unmatchedReason: text("unmatched_reason", { enum: UNMATCHED_REASONS }),
    /** The Message-ID header, or one made up from the raw bytes' hash when it is missing. */
    messageId: text("message_id"),
    messageIdSynthesized: boolean("message_id_synthesized").notNull().default(false),
    kind: text("kind", { enum: INBOUND_KINDS }),
    fromAddress: text("from_address"),
    fromName: text("from_name"),
    toAddresses: jsonb("to_addresses").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    subject: text("subject"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    inReplyTo: text("in_reply_to"),
    references: jsonb("references").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** The whole text as written (quoted history included); `visibleText` is what is shown by default. */
    textBody: text("text_body"),
    visibleText: text("visible_text"),
    /** The HTML part with scripts, styles, handlers and remote content removed. */
    htmlSanitized: text("html_sanitized"),
    attachmentCount: integer("attachment_count").notNull().default(0),
    bounce: jsonb("bounce").$type<BounceDetail>(),
    requestId: uuid("request_id").references(() => requests.id, { onDelete: "set null" }),
    requestMessageId: uuid("request_message_id").references(() => requestMessages.id, { onDelete: "set null" }),
    matchedBy: text("matched_by", { enum: MATCH_METHODS }),
    duplicateOfId: uuid("duplicate_of_id").references((): AnyPgColumn => inboundEmails.id),
    processedAt: timestamp("processed_at", { withTimezone: true }),
    /** Staff who attached or dismissed an unmatched message, when and why. */
    resolvedById: uuid("resolved_by_id").references(() => staff.id, { onDelete: "set null" }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolutionNote: text("resolution_note"),
  },
  (table) => [
    uniqueIndex("inbound_emails_source_key_idx").on(table.sourceKey),
    // One original per Message-ID; later copies are stored as duplicates pointing at it.
    uniqueIndex("inbound_emails_message_id_idx").on(table.messageId).where(sql`${table.duplicateOfId} is null`),
    index("inbound_emails_status_idx").on(table.status, table.receivedAt),
    index("inbound_emails_retry_idx").on(table.nextAttemptAt).where(sql`${table.status} = 'failed'`),
    index("inbound_emails_request_idx").on(table.requestId),
  ],
);

export type InboundEmail = typeof inboundEmails.$inferSelect;

/** Where each IMAP mailbox was read up to: a new UIDVALIDITY means the UIDs start over. */
export const mailCheckpoints = pgTable("mail_checkpoints", {
  key: text("key").primaryKey(),
  uidValidity: bigint("uid_validity", { mode: "bigint" }).notNull(),
  lastUid: bigint("last_uid", { mode: "number" }).notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
