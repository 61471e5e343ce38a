import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { staff, staffInvites, type Staff } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { getEnv } from "@/lib/env";
import { formatDateTime, getTranslator } from "@/lib/i18n/translator";
import { generateToken, hashToken } from "@/lib/security/tokens";
import { AppError } from "@/lib/errors/app-error";
import { assertCan } from "../assert-can";
import { staffInviteUrl } from "../invite-link";
import { inviteStaffSchema, type InviteStaffInput } from "../staff-admin-schemas";
import { STAFF_INVITE_TTL_HOURS, type StaffActor, type StaffSummary, summary, actingAdmin, retirePendingInvites } from "./common";

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
