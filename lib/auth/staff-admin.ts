import { and, asc, count, eq, gt, isNull, max, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { staff, staffInvites, type Staff } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { getEnv } from "@/lib/env";
import { type Locale } from "@/lib/i18n/locales";
import { formatDateTime, getTranslator } from "@/lib/i18n/translator";
import { hitRateLimits } from "@/lib/security/rate-limit";
import { generateToken, hashToken, looksLikeToken } from "@/lib/security/tokens";
import { MIN_PASSWORD_LENGTH } from "./create-staff";
import type { CurrentStaff } from "./current-staff";
import { AppError } from "@/lib/errors/app-error";
import { assertCan } from "./assert-can";
import { staffInviteUrl } from "./invite-link";
import { can } from "./permissions";
import { hashPassword, verifyPassword } from "./passwords";
import { changeStaffRoleSchema, inviteStaffSchema, MAX_PASSWORD_LENGTH, newPasswordSchema, setStaffDisabledSchema, type InviteStaffInput } from "./staff-admin-schemas";

/** How long an invitation link works. */
export const STAFF_INVITE_TTL_HOURS = 72;

// Role changes and disabling take turns, so two admins cannot demote each other at once and
// leave nobody in charge.
const STAFF_ADMIN_LOCK_KEY = 7_240_115;

/** The signed-in staff member doing something (from requireStaff or checkStaff). */
export type StaffActor = Pick<CurrentStaff, "id" | "role">;

/** A staff row without its secrets. */
export type StaffSummary = Pick<Staff, "id" | "email" | "name" | "role" | "locale" | "createdAt" | "lastSignInAt" | "disabledAt">;

function summary(row: Staff): StaffSummary {
  return { id: row.id, email: row.email, name: row.name, role: row.role, locale: row.locale, createdAt: row.createdAt, lastSignInAt: row.lastSignInAt, disabledAt: row.disabledAt };
}

/** Re-reads the acting admin inside the transaction: a demoted or disabled admin acts no more. */
async function actingAdmin(tx: Tx, actor: StaffActor): Promise<Staff> {
  const [row] = await tx.select().from(staff).where(eq(staff.id, actor.id)).limit(1);
  if (!row || row.disabledAt || !can(row.role, "staff.manage")) throw new AppError("forbidden");
  return row;
}

async function takeStaffAdminLock(tx: Tx) {
  await tx.execute(sql`select pg_advisory_xact_lock(${STAFF_ADMIN_LOCK_KEY})`);
}

/** Ends every invitation of this person that could still be used. */
async function retirePendingInvites(tx: Tx, staffId: string, now: Date) {
  await tx
    .update(staffInvites)
    .set({ expiresAt: now })
    .where(and(eq(staffInvites.staffId, staffId), isNull(staffInvites.usedAt), gt(staffInvites.expiresAt, now)));
}

export type InviteResult = { staff: StaffSummary; expiresAt: Date; reinvited: boolean };

/**
 * Admin only. Creates a staff account without a password and an invitation link (256-bit
 * token, only its SHA-256 kept, valid STAFF_INVITE_TTL_HOURS) and queues the invitation e-mail in
 * the new colleague's language. Inviting someone whose invitation is still pending sends a fresh
 * link (the old ones stop working) and updates name, role and language; an account that has a
 * password or is disabled answers "exists".
 */
export async function inviteStaff(db: Db, input: InviteStaffInput, actor: StaffActor, now = new Date()): Promise<InviteResult> {
  assertCan(actor, "staff.manage");
  const data = inviteStaffSchema.parse(input);
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + STAFF_INVITE_TTL_HOURS * 3_600_000);
  const t = await getTranslator(data.locale);
  return db.transaction(async (tx) => {
    const inviter = await actingAdmin(tx, actor);
    const [existing] = await tx.select().from(staff).where(eq(staff.email, data.email)).for("update");
    let member: Staff | undefined;
    if (existing) {
      if (existing.passwordHash || existing.disabledAt) throw new AppError("exists");
      await retirePendingInvites(tx, existing.id, now);
      [member] = await tx.update(staff).set({ name: data.name, role: data.role, locale: data.locale }).where(eq(staff.id, existing.id)).returning();
    } else {
      [member] = await tx.insert(staff).values({ email: data.email, name: data.name, role: data.role, locale: data.locale, passwordHash: null }).onConflictDoNothing().returning();
      // Someone else invited the same address a moment ago.
      if (!member) throw new AppError("exists");
    }
    await tx.insert(staffInvites).values({ staffId: member!.id, tokenHash: hashToken(token), invitedBy: inviter.id, createdAt: now, expiresAt });
    await enqueueEmail(tx, {
      template: "staff_invitation",
      locale: data.locale,
      to: data.email,
      variables: {
        name: data.name,
        inviterName: inviter.name,
        role: t(`staff.roles.${data.role}`),
        inviteUrl: staffInviteUrl(data.locale, token),
        expiresAt: formatDateTime(expiresAt, data.locale, getEnv().OPERATOR_TIME_ZONE),
      },
    });
    await recordAuditEvent(tx, {
      actorType: "staff",
      actorId: inviter.id,
      action: existing ? "staff.reinvited" : "staff.invited",
      entityType: "staff",
      entityId: member!.id,
      data: { email: data.email, role: data.role, expiresAt: expiresAt.toISOString() },
    });
    return { staff: summary(member!), expiresAt, reinvited: Boolean(existing) };
  });
}

const acceptInviteSchema = z.object({
  token: z.string().max(100),
  password: newPasswordSchema(MIN_PASSWORD_LENGTH),
});

async function usableInvite(db: Db | Tx, token: string, now: Date, lock: boolean) {
  if (!looksLikeToken(token)) return null;
  const query = db
    .select({ invite: staffInvites, member: staff })
    .from(staffInvites)
    .innerJoin(staff, eq(staff.id, staffInvites.staffId))
    .where(eq(staffInvites.tokenHash, hashToken(token)))
    .limit(1);
  const [found] = lock ? await query.for("update") : await query;
  if (!found || found.invite.usedAt || found.invite.expiresAt <= now || found.member.disabledAt) return null;
  return found;
}

/**
 * For the public set-password page: whose invitation this is, or null when the link is unknown,
 * expired, used or the account disabled (one answer for all).
 */
export async function describeInvite(db: Db, { token }: { token: string }, now = new Date()): Promise<{ name: string; email: string; locale: Locale } | null> {
  const found = await usableInvite(db, token, now, false);
  return found ? { name: found.member.name, email: found.member.email, locale: found.member.locale } : null;
}

/**
 * Public. Sets the invited person's password (argon2id) and uses up the invitation. An unknown,
 * expired or used token, or a disabled account, answers AppError("invalid_or_expired").
 */
export async function acceptInvite(db: Db, input: { token: string; password: string }, now = new Date()): Promise<{ email: string; locale: Locale }> {
  const data = acceptInviteSchema.parse(input);
  // A cheap look first, so a dead link costs no password hashing.
  if (!(await usableInvite(db, data.token, now, false))) throw new AppError("invalid_or_expired");
  const passwordHash = await hashPassword(data.password);
  return db.transaction(async (tx) => {
    const found = await usableInvite(tx, data.token, now, true);
    if (!found) throw new AppError("invalid_or_expired");
    await tx.update(staffInvites).set({ usedAt: now }).where(eq(staffInvites.id, found.invite.id));
    await retirePendingInvites(tx, found.member.id, now);
    await tx
      .update(staff)
      .set({ passwordHash, failedSignIns: 0, lockedUntil: null, sessionVersion: sql`${staff.sessionVersion} + 1` })
      .where(eq(staff.id, found.member.id));
    await recordAuditEvent(tx, {
      actorType: "staff",
      actorId: found.member.id,
      action: "staff.invite_accepted",
      entityType: "staff",
      entityId: found.member.id,
      data: { inviteId: found.invite.id },
    });
    return { email: found.member.email, locale: found.member.locale };
  });
}

/**
 * Admin only. Changes a colleague's role and ends their sessions (sessionVersion). The last
 * active admin cannot be demoted, so an admin alone cannot lock everyone out of administration.
 */
/** `input` is checked by changeStaffRoleSchema (the role comes from a form). */
export async function changeStaffRole(db: Db, input: { staffId: string; role: string }, actor: StaffActor): Promise<StaffSummary> {
  assertCan(actor, "staff.manage");
  const data = changeStaffRoleSchema.parse(input);
  return db.transaction(async (tx) => {
    await takeStaffAdminLock(tx);
    await actingAdmin(tx, actor);
    const [target] = await tx.select().from(staff).where(eq(staff.id, data.staffId)).for("update");
    if (!target) throw new AppError("not_found");
    if (target.role === data.role) return summary(target);
    if (target.role === "admin" && !target.disabledAt) {
      const [admins] = await tx
        .select({ n: count() })
        .from(staff)
        .where(and(eq(staff.role, "admin"), isNull(staff.disabledAt)));
      if ((admins?.n ?? 0) <= 1) throw new AppError("last_admin");
    }
    const [updated] = await tx
      .update(staff)
      .set({ role: data.role, sessionVersion: sql`${staff.sessionVersion} + 1` })
      .where(eq(staff.id, target.id))
      .returning();
    await recordAuditEvent(tx, {
      actorType: "staff",
      actorId: actor.id,
      action: "staff.role_changed",
      entityType: "staff",
      entityId: target.id,
      data: { from: target.role, to: data.role },
    });
    return summary(updated!);
  });
}

/**
 * Admin only. Disables (or enables again) a colleague's account; either way their sessions end,
 * and a disabled account cannot sign in. Nobody can disable themself.
 */
export async function setStaffDisabled(db: Db, input: z.input<typeof setStaffDisabledSchema>, actor: StaffActor, now = new Date()): Promise<StaffSummary> {
  assertCan(actor, "staff.manage");
  const data = setStaffDisabledSchema.parse(input);
  if (data.disabled && data.staffId === actor.id) throw new AppError("cannot_disable_self");
  return db.transaction(async (tx) => {
    await takeStaffAdminLock(tx);
    await actingAdmin(tx, actor);
    const [target] = await tx.select().from(staff).where(eq(staff.id, data.staffId)).for("update");
    if (!target) throw new AppError("not_found");
    if (Boolean(target.disabledAt) === data.disabled) return summary(target);
    const [updated] = await tx
      .update(staff)
      .set({ disabledAt: data.disabled ? now : null, sessionVersion: sql`${staff.sessionVersion} + 1` })
      .where(eq(staff.id, target.id))
      .returning();
    await recordAuditEvent(tx, {
      actorType: "staff",
      actorId: actor.id,
      action: data.disabled ? "staff.disabled" : "staff.enabled",
      entityType: "staff",
      entityId: target.id,
      data: {},
    });
    return summary(updated!);
  });
}

const changeOwnPasswordSchema = z.object({
  currentPassword: z.string().min(1, "required").max(MAX_PASSWORD_LENGTH, `tooLong:${MAX_PASSWORD_LENGTH}`),
  newPassword: newPasswordSchema(MIN_PASSWORD_LENGTH),
});

/**
 * Any staff member changes their own password after giving the current one. Every session,
 * the caller's included, ends (sessionVersion), so the caller signs in again with the new one.
 * Attempts are limited like sign-ins (STAFF_LOCKOUT_ATTEMPTS per STAFF_LOCKOUT_MINUTES).
 */
export async function changeOwnPassword(db: Db, input: z.input<typeof changeOwnPasswordSchema>, actor: StaffActor, now = new Date()): Promise<void> {
  const data = changeOwnPasswordSchema.parse(input);
  const env = getEnv();
  const limited = await hitRateLimits(db, [{ key: `staff-password-change:${actor.id}`, limit: env.STAFF_LOCKOUT_ATTEMPTS, windowMinutes: env.STAFF_LOCKOUT_MINUTES }], now);
  if (!limited.allowed) throw new AppError("rate_limited", { retryAfterMinutes: limited.retryAfterMinutes });
  const [me] = await db.select().from(staff).where(eq(staff.id, actor.id)).limit(1);
  if (!me || me.disabledAt) throw new AppError("forbidden");
  const valid = me.passwordHash ? await verifyPassword(me.passwordHash, data.currentPassword) : false;
  const passwordHash = valid ? await hashPassword(data.newPassword) : null;
  await db.transaction(async (tx) => {
    if (!passwordHash) {
      await recordAuditEvent(tx, { actorType: "staff", actorId: me.id, action: "staff.password_change_failed", entityType: "staff", entityId: me.id, data: {} });
      return;
    }
    // Only if the password is still the one just checked: a concurrent change wins, this one fails.
    const [updated] = await tx
      .update(staff)
      .set({ passwordHash, failedSignIns: 0, lockedUntil: null, sessionVersion: sql`${staff.sessionVersion} + 1` })
      .where(and(eq(staff.id, me.id), eq(staff.passwordHash, me.passwordHash!)))
      .returning({ id: staff.id });
    if (!updated) throw new AppError("wrong_password");
    await recordAuditEvent(tx, { actorType: "staff", actorId: me.id, action: "staff.password_changed", entityType: "staff", entityId: me.id, data: {} });
  });
  if (!passwordHash) throw new AppError("wrong_password");
}

export type StaffStatus = "active" | "invited" | "invite_expired" | "disabled";
export type StaffListItem = StaffSummary & { status: StaffStatus; inviteExpiresAt: Date | null; twoFactor: boolean };

/** Admin only. Every staff account, by name, with its status and pending invitation. */
export async function listStaff(db: Db, actor: StaffActor, now = new Date()): Promise<StaffListItem[]> {
  assertCan(actor, "staff.manage");
  const rows = await db
    .select({
      id: staff.id,
      email: staff.email,
      name: staff.name,
      role: staff.role,
      locale: staff.locale,
      createdAt: staff.createdAt,
      lastSignInAt: staff.lastSignInAt,
      disabledAt: staff.disabledAt,
      hasPassword: sql<boolean>`${staff.passwordHash} is not null`,
      twoFactor: sql<boolean>`${staff.totpSecret} is not null`,
    })
    .from(staff)
    .orderBy(asc(sql`lower(${staff.name})`), asc(staff.email));
  const invites = await db
    .select({ staffId: staffInvites.staffId, expiresAt: max(staffInvites.expiresAt) })
    .from(staffInvites)
    .where(isNull(staffInvites.usedAt))
    .groupBy(staffInvites.staffId);
  const inviteExpiry = new Map(invites.map((invite) => [invite.staffId, invite.expiresAt ? new Date(invite.expiresAt) : null]));
  return rows.map(({ hasPassword, ...row }) => {
    const inviteExpiresAt = hasPassword ? null : (inviteExpiry.get(row.id) ?? null);
    const status: StaffStatus = row.disabledAt ? "disabled" : hasPassword ? "active" : inviteExpiresAt && inviteExpiresAt > now ? "invited" : "invite_expired";
    return { ...row, twoFactor: Boolean(row.twoFactor), status, inviteExpiresAt };
  });
}
