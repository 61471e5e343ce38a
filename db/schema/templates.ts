import { check, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { LOCALES } from "../../lib/i18n/locales";
import { oneOf } from "./columns";
import { staff } from "./staff";

/**
 * Reply templates staff start from, one row per template key and language. The body may use
 * variables such as {{requester.name}}, {{request.ref}} and {{request.dueAt}}.
 */
export const replyTemplates = pgTable(
  "reply_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    key: text("key").notNull(),
    locale: text("locale", { enum: LOCALES }).notNull(),
    name: text("name").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => staff.id, { onDelete: "set null" }),
  },
  (table) => [uniqueIndex("reply_templates_key_locale_idx").on(table.key, table.locale), check("reply_templates_locale_check", oneOf(table.locale, LOCALES))],
);

export type ReplyTemplate = typeof replyTemplates.$inferSelect;
