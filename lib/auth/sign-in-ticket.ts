import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { Staff } from "@/db/schema";
import { getAuthSecret } from "./auth-secret";

/** How long the code step may follow the password step. */
export const SIGN_IN_TICKET_MS = 5 * 60_000;

type TicketBody = { s: string; v: number; p: string; e: number };

/**
 * Proof that this staff member's password was just checked, for the second step of sign-in
 * (the authenticator code), so the password is never sent — or kept in the page — twice. It is
 * HMAC-signed with the session key, lives 5 minutes, and dies with a password change, a new
 * session version (sign out everywhere, role change) or a disabled account. It only lets its
 * holder try codes, which are delayed per account like passwords.
 */
export function issueSignInTicket(member: Pick<Staff, "id" | "sessionVersion" | "passwordHash">, now = new Date()): string {
  const body: TicketBody = { s: member.id, v: member.sessionVersion, p: passwordStamp(member.passwordHash), e: now.getTime() + SIGN_IN_TICKET_MS };
  const encoded = Buffer.from(JSON.stringify(body)).toString("base64url");
  return `${encoded}.${sign(encoded)}`;
}

/** The staff id a ticket was issued for, when it is genuine and unexpired; else null. */
export function readSignInTicket(ticket: string, now = new Date()): { staffId: string; check: (member: Pick<Staff, "sessionVersion" | "passwordHash" | "disabledAt">) => boolean } | null {
  const [encoded, signature, extra] = ticket.split(".");
  if (!encoded || !signature || extra !== undefined || encoded.length > 500) return null;
  const expected = Buffer.from(sign(encoded));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let body: TicketBody;
  try {
    body = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8")) as TicketBody;
  } catch {
    return null;
  }
  if (typeof body.s !== "string" || typeof body.e !== "number" || body.e <= now.getTime()) return null;
  return {
    staffId: body.s,
    check: (member) => !member.disabledAt && member.sessionVersion === body.v && passwordStamp(member.passwordHash) === body.p,
  };
}

function sign(encoded: string): string {
  return createHmac("sha256", getAuthSecret()).update(`privacy-desk sign-in ticket\n${encoded}`).digest("base64url");
}

/** A short digest of the password hash: the ticket dies when the password changes, and carries nothing of it. */
function passwordStamp(passwordHash: string | null): string {
  return createHash("sha256").update(passwordHash ?? "").digest("base64url").slice(0, 16);
}
