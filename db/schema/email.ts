import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { requests } from "./requests";

/** "bounced": the server took it, but a delivery-status report came back for it later. */
export const OUTBOX_STATUSES = ["pending", "sent", "failed", "bounced"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * Every email the system sends, written in the same transaction as the change that caused it
 * (the transactional outbox). A worker delivers due rows; nothing is sent from a request handler.
 */
export const outboxEmails = pgTable(
  "outbox_emails",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    requestId: uuid("request_id").references(() => requests.id, { onDelete: "set null" }),
    /** Which template produced it, e.g. "verification_code". */
    template: text("template").notNull(),
    locale: text("locale").notNull(),
    fromAddress: text("from_address").notNull(),
    toAddress: text("to_address").notNull(),
    replyTo: text("reply_to"),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    /** Extra headers (Auto-Submitted, In-Reply-To, References …). */
    headers: jsonb("headers").$type<Record<string, string>>().notNull(),
    /** Stable Message-ID, fixed when the row is written, so a resend is recognisably the same mail. */
    messageId: text("message_id").notNull(),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    transport: text("transport"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    bouncedAt: timestamp("bounced_at", { withTimezone: true }),
    /** From the delivery-status report: recipient, status code and the remote server's diagnostic. */
    bounceDetail: text("bounce_detail"),
  },
  (table) => [
    uniqueIndex("outbox_emails_message_id_idx").on(table.messageId),
    index("outbox_emails_due_idx").on(table.status, table.nextAttemptAt),
    index("outbox_emails_request_idx").on(table.requestId),
    index("outbox_emails_to_idx").on(table.toAddress, table.createdAt),
  ],
);

export type OutboxEmail = typeof outboxEmails.$inferSelect;
export type NewOutboxEmail = typeof outboxEmails.$inferInsert;
