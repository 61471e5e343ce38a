import { check, date, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { LOCALES } from "../../lib/i18n/locales";
import { oneOf } from "./columns";

/**
 * Published privacy-policy texts, one row per language and version. Rows are never edited:
 * a change is a new version with its own effective date, so past versions stay readable.
 */
export const policyVersions = pgTable(
  "policy_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    locale: text("locale", { enum: LOCALES }).notNull(),
    version: text("version").notNull(),
    title: text("title").notNull(),
    /** Markdown (headings, lists, paragraphs); rendered without raw HTML. */
    body: text("body").notNull(),
    effectiveOn: date("effective_on", { mode: "string" }).notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    publishedBy: text("published_by"),
  },
  (table) => [uniqueIndex("policy_versions_locale_version_idx").on(table.locale, table.version), check("policy_versions_locale_check", oneOf(table.locale, LOCALES))],
);

export type PolicyVersion = typeof policyVersions.$inferSelect;
export type NewPolicyVersion = typeof policyVersions.$inferInsert;
