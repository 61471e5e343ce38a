import { date, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * Published privacy-policy texts, one row per language and version. Rows are never edited:
 * a change is a new version with its own effective date, so past versions stay readable.
 */
export const policyVersions = pgTable(
  "policy_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    locale: text("locale").notNull(),
    version: text("version").notNull(),
    title: text("title").notNull(),
    /** Markdown (headings, lists, paragraphs); rendered without raw HTML. */
    body: text("body").notNull(),
    effectiveOn: date("effective_on", { mode: "string" }).notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    publishedBy: text("published_by"),
  },
  (table) => [uniqueIndex("policy_versions_locale_version_idx").on(table.locale, table.version)],
);

export type PolicyVersion = typeof policyVersions.$inferSelect;
export type NewPolicyVersion = typeof policyVersions.$inferInsert;
