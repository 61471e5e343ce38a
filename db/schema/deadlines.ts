import { check, date, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { REQUEST_TYPES } from "../../lib/requests/request-types";
import { oneOf } from "./columns";

export const DEADLINE_UNITS = ["hours", "working_days", "calendar_days", "months"] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

/**
 * Deadline rules as data (DESIGN.md "Deadlines"): jurisdiction × request type → how long.
 * Versioned: a change is a new row with a later valid_from; requests keep the rule they got.
 */
export const deadlineRules = pgTable(
  "deadline_rules",
  {
    id: text("id").primaryKey(),
    jurisdiction: text("jurisdiction").notNull(),
    requestType: text("request_type", { enum: REQUEST_TYPES }).notNull(),
    amount: integer("amount").notNull(),
    unit: text("unit", { enum: DEADLINE_UNITS }).notNull(),
    startsAtEvent: text("starts_at_event").notNull(),
    extensionAmount: integer("extension_amount"),
    extensionUnit: text("extension_unit", { enum: DEADLINE_UNITS }),
    acknowledgeWithinAmount: integer("acknowledge_within_amount"),
    acknowledgeWithinUnit: text("acknowledge_within_unit", { enum: DEADLINE_UNITS }),
    pausesWhile: text("pauses_while"),
    source: text("source").notNull(),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("deadline_rules_lookup_idx").on(table.jurisdiction, table.requestType, table.validFrom),
    // Like requests.type: the database refuses a type the code does not know (lib/requests/request-types.ts).
    check("deadline_rules_request_type_check", oneOf(table.requestType, REQUEST_TYPES)),
  ],
);

export type DeadlineRule = typeof deadlineRules.$inferSelect;

/**
 * Calendar exceptions per jurisdiction: a weekday off (holiday) or a weekend day worked
 * (a day moved by decree). Plain weekends need no rows.
 */
export const calendarDays = pgTable(
  "calendar_days",
  {
    jurisdiction: text("jurisdiction").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    kind: text("kind", { enum: ["holiday", "working_day"] }).notNull(),
    name: text("name").notNull(),
  },
  (table) => [primaryKey({ columns: [table.jurisdiction, table.day] })],
);
