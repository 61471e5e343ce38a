import { integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/** Fixed-window counters for public forms, kept in PostgreSQL so every app instance shares them. */
export const rateLimitCounters = pgTable(
  "rate_limit_counters",
  {
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    hits: integer("hits").notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.key, table.windowStart] })],
);

/**
 * Failed sign-in attempts per key ("password:<address>:<ip>", "two-factor:<staff id>"): after a few
 * free attempts each further one must wait for next_allowed_at, which doubles with every failure
 * (a progressive delay, never a hard lock). Updated with one conditional upsert, so concurrent
 * attempts are counted exactly.
 */
export const signInThrottle = pgTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  nextAllowedAt: timestamp("next_allowed_at", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
