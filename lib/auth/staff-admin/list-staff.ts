import { asc, isNull, max, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { staff, staffInvites } from "@/db/schema";
import { assertCan } from "../assert-can";
import { type StaffActor, type StaffSummary } from "./common";

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
