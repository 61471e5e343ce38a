import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { staff, staffInvites } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { type Locale } from "@/lib/i18n/locales";
import { hashToken, looksLikeToken } from "@/lib/security/tokens";
import { MIN_PASSWORD_LENGTH } from "../create-staff";
import { AppError } from "@/lib/errors/app-error";
import { hashPassword } from "../passwords";
import { newPasswordSchema } from "../staff-admin-schemas";
import { retirePendingInvites } from "./common";

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
