import { jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { staff } from "./staff";

/**
 * Settings admins change in the dashboard (not deployment settings, which stay in the
 * environment): one row per key, the value validated by the code that owns the key, e.g.
 * "retention" → lib/retention/retention-policy.ts. A missing row means the built-in default.
 */
export const appSettings = pgTable("app_settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").$type<unknown>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid("updated_by").references(() => staff.id, { onDelete: "set null" }),
});

export type AppSetting = typeof appSettings.$inferSelect;
