import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { LOCALES } from "../../lib/i18n/locales";
import { oneOf } from "./columns";

export const STAFF_ROLES = ["agent", "compliance", "admin"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** People who work the dashboard. A disabled account loses access on its next request. */
export const staff = pgTable(
  "staff",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Lower-cased. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: STAFF_ROLES }).notNull(),
    /** argon2id; null until an invited person sets a password. */
    passwordHash: text("password_hash"),
    locale: text("locale", { enum: LOCALES }).notNull().default("ru"),
    /** No longer used (sign-in failures are counted in sign_in_throttle); kept to spare a destructive migration. */
    failedSignIns: integer("failed_sign_ins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    /** TOTP (RFC 6238) shared secret, base32; set once enrolment is confirmed with a code. */
    totpSecret: text("totp_secret"),
    /** A secret being enrolled (shown as a QR code) until the first code confirms it. */
    totpPendingSecret: text("totp_pending_secret"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    /** The last accepted TOTP time step: a code is accepted once (RFC 6238 §5.2). */
    totpLastStep: integer("totp_last_step"),
    /** Bumped on password change, role change or disabling: older sessions stop working. */
    sessionVersion: integer("session_version").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("staff_email_idx").on(table.email), check("staff_locale_check", oneOf(table.locale, LOCALES))],
);

export type Staff = typeof staff.$inferSelect;

/** A set-password link sent to a new colleague; only the token's hash is kept. */
export const staffInvites = pgTable(
  "staff_invites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    invitedBy: uuid("invited_by").references(() => staff.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("staff_invites_token_idx").on(table.tokenHash)],
);

export const STAFF_SESSION_STAGES = ["active", "two_factor_enrolment"] as const;
export type StaffSessionStage = (typeof STAFF_SESSION_STAGES)[number];

/**
 * A signed-in device. The session cookie carries only this row's id (in the next-auth JWT); every
 * request checks the row, so signing out, "sign out everywhere", the idle timeout and the absolute
 * lifetime end the session on the server, whatever happens to copies of the cookie.
 */
export const staffSessions = pgTable(
  "staff_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    /** "two_factor_enrolment": password checked, but the account must set up 2FA before anything else. */
    stage: text("stage", { enum: STAFF_SESSION_STAGES }).notNull().default("active"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    /** The absolute end, whatever the activity. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    ip: text("ip").notNull(),
    /** The browser's User-Agent, shortened: only to tell devices apart in the list. */
    userAgent: text("user_agent").notNull().default(""),
  },
  (table) => [index("staff_sessions_staff_idx").on(table.staffId)],
);
export type StaffSession = typeof staffSessions.$inferSelect;

/** Single-use recovery codes for two-factor sign-in; only their SHA-256 is kept. */
export const staffRecoveryCodes = pgTable(
  "staff_recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => staff.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("staff_recovery_codes_hash_idx").on(table.staffId, table.codeHash)],
);
