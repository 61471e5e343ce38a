import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { staff, type Staff } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { authenticateStaff } from "./authenticate-staff";
import { retryAfterMinutes } from "./sign-in-throttle";
import { issueSignInTicket, readSignInTicket } from "./sign-in-ticket";
import { createStaffSession } from "./staff-sessions";
import { twoFactorRequired, verifySecondFactor } from "./two-factor";

/**
 * What the sign-in form is told, as a fixed code (next-auth passes a thrown message on to the
 * browser's URL, so nothing else ever goes there): "invalid", "delayed:<minutes>",
 * "two_factor_required" (ask for the code and send everything again), "two_factor_invalid".
 */
export type SignInRefusal = "invalid" | `delayed:${number}` | "two_factor_required" | "two_factor_invalid" | "ticket_expired";

export type SignedInUser = { id: string; email: string; name: string; sessionId: string; sessionVersion: number };
/** A refusal of the code step carries a ticket (sign-in-ticket.ts) for the next try, instead of the password. */
export type AuthorizeOutcome = { ok: true; user: SignedInUser } | { ok: false; refusal: SignInRefusal; ticket?: string; email?: string };

/**
 * Either the password, or — for the code step — the ticket the password step gave (then the
 * password is not sent again; "ticket_expired" when it is too old or the account changed).
 */
export type SignInAttempt = { email: string; password: string; code?: string; ticket?: string; ip: string; userAgent?: string | null };

/**
 * The whole staff sign-in: password (authenticate-staff.ts), then the second factor when the
 * account has one, then a server-side session record whose id goes into the cookie. An account
 * that must have 2FA but has none yet gets a session limited to enrolling it.
 */
export async function authorizeStaff(db: Db, attempt: SignInAttempt, now = new Date()): Promise<AuthorizeOutcome> {
  let member: Staff;
  if (attempt.ticket) {
    const ticketed = await staffOfTicket(db, attempt.ticket, now);
    if (!ticketed) return { ok: false, refusal: "ticket_expired" };
    member = ticketed;
  } else {
    const password = await authenticateStaff(db, attempt, now);
    if (!password.ok) return { ok: false, refusal: password.error === "delayed" ? `delayed:${retryAfterMinutes(password.retryAfterSeconds)}` : "invalid" };
    member = password.staff;
  }

  let secondFactor: "totp" | "recovery_code" | "enrolment_pending" | "none" = "none";
  if (member.totpSecret) {
    const ticket = attempt.ticket ?? issueSignInTicket(member, now);
    const code = attempt.code?.trim() ?? "";
    if (!code) return { ok: false, refusal: "two_factor_required", ticket, email: member.email };
    const checked = await verifySecondFactor(db, member, code, { ip: attempt.ip }, now);
    if (!checked.ok) {
      return { ok: false, refusal: checked.error === "delayed" ? `delayed:${retryAfterMinutes(checked.retryAfterSeconds)}` : "two_factor_invalid", ticket, email: member.email };
    }
    secondFactor = checked.method;
  } else if (twoFactorRequired(member.role)) {
    secondFactor = "enrolment_pending";
  }

  const session = await db.transaction(async (tx) => {
    await tx.update(staff).set({ lastSignInAt: now }).where(eq(staff.id, member.id));
    const created = await createStaffSession(tx, { staffId: member.id, ip: attempt.ip, userAgent: attempt.userAgent, stage: secondFactor === "enrolment_pending" ? "two_factor_enrolment" : "active" }, now);
    await recordAuditEvent(tx, { actorType: "staff", actorId: member.id, action: "staff.signed_in", entityType: "staff", entityId: member.id, data: { ip: attempt.ip, secondFactor } });
    return created;
  });
  return { ok: true, user: { id: member.id, email: member.email, name: member.name, sessionId: session.id, sessionVersion: member.sessionVersion } };
}

/** The account a code-step ticket was issued for, if the ticket is genuine, fresh and the account unchanged. */
async function staffOfTicket(db: Db, ticket: string, now: Date): Promise<Staff | null> {
  const read = readSignInTicket(ticket, now);
  if (!read) return null;
  const [member] = await db.select().from(staff).where(eq(staff.id, read.staffId)).limit(1);
  return member && read.check(member) ? member : null;
}
