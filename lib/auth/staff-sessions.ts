import { and, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { staff, staffSessions, type Staff, type StaffSession, type StaffSessionStage } from "@/db/schema";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getEnv } from "@/lib/env";
import { isUuid } from "@/lib/text/uuid";

const MINUTE = 60_000;
// last_seen_at is written at most this often per session: enough for an idle timeout counted in
// minutes, without a write on every page view.
const TOUCH_EVERY_MS = MINUTE;

export function sessionLifetimes() {
  const env = getEnv();
  return { idleMs: env.STAFF_SESSION_IDLE_MINUTES * MINUTE, absoluteMs: env.STAFF_SESSION_MAX_HOURS * 60 * MINUTE };
}

/** The signing-in browser, shortened to what tells devices apart in the account page's list. */
export function shortUserAgent(userAgent: string | null | undefined): string {
  return (userAgent ?? "").replace(/[\u0000-\u001F\u007F]/g, "").slice(0, 200);
}

/** Opens a session record for a staff member who just proved who they are; its id goes into the cookie. */
export async function createStaffSession(
  db: Executor,
  { staffId, ip, userAgent, stage = "active" }: { staffId: string; ip: string; userAgent?: string | null; stage?: StaffSessionStage },
  now = new Date(),
): Promise<StaffSession> {
  const [created] = await db
    .insert(staffSessions)
    .values({ staffId, ip, userAgent: shortUserAgent(userAgent), stage, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + sessionLifetimes().absoluteMs) })
    .returning();
  return created!;
}

export type ValidSession = { session: StaffSession; staff: Staff };

/**
 * The session and its staff member when the session is still good: not revoked, not idle longer
 * than STAFF_SESSION_IDLE_MINUTES, younger than STAFF_SESSION_MAX_HOURS, the account enabled and
 * the session not older than its last password or role change (sessionVersion). Marks it seen.
 */
export async function validateStaffSession(db: Db, { sessionId, sessionVersion }: { sessionId: string; sessionVersion: number }, now = new Date()): Promise<ValidSession | null> {
  if (!isUuid(sessionId)) return null;
  const [row] = await db.select({ session: staffSessions, staff }).from(staffSessions).innerJoin(staff, eq(staff.id, staffSessions.staffId)).where(eq(staffSessions.id, sessionId)).limit(1);
  if (!row) return null;
  const { session, staff: member } = row;
  const { idleMs } = sessionLifetimes();
  if (session.revokedAt || session.expiresAt <= now || session.lastSeenAt.getTime() + idleMs <= now.getTime()) return null;
  if (member.disabledAt || member.sessionVersion !== sessionVersion) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db.update(staffSessions).set({ lastSeenAt: now }).where(and(eq(staffSessions.id, session.id), isNull(staffSessions.revokedAt)));
  }
  return { session, staff: member };
}

/** Ends one session (sign-out). Safe to call twice. */
export async function revokeStaffSession(db: Db, sessionId: string, now = new Date()): Promise<void> {
  if (!isUuid(sessionId)) return;
  await db.transaction(async (tx) => {
    const [ended] = await tx
      .update(staffSessions)
      .set({ revokedAt: now })
      .where(and(eq(staffSessions.id, sessionId), isNull(staffSessions.revokedAt)))
      .returning({ staffId: staffSessions.staffId });
    if (ended) await recordAuditEvent(tx, { actorType: "staff", actorId: ended.staffId, action: "staff.signed_out", entityType: "staff", entityId: ended.staffId, data: {} });
  });
}

/** "Sign out everywhere": ends every session of the staff member, or every one but `except`. */
export async function revokeAllStaffSessions(db: Db, staffId: string, { except, actorId = staffId }: { except?: string; actorId?: string } = {}, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const conditions = [eq(staffSessions.staffId, staffId), isNull(staffSessions.revokedAt)];
    if (except) conditions.push(ne(staffSessions.id, except));
    const ended = await tx.update(staffSessions).set({ revokedAt: now }).where(and(...conditions)).returning({ id: staffSessions.id });
    await recordAuditEvent(tx, { actorType: "staff", actorId, action: "staff.sessions_revoked", entityType: "staff", entityId: staffId, data: { sessions: ended.length } });
    return ended.length;
  });
}

export type SessionListItem = Pick<StaffSession, "id" | "createdAt" | "lastSeenAt" | "expiresAt" | "ip" | "userAgent"> & { current: boolean };

/** The account page's "signed-in devices": the staff member's live sessions, most recently used first. */
export async function listStaffSessions(db: Db, { staffId, currentSessionId }: { staffId: string; currentSessionId: string }, now = new Date()): Promise<SessionListItem[]> {
  const idleCutoff = new Date(now.getTime() - sessionLifetimes().idleMs);
  const rows = await db
    .select()
    .from(staffSessions)
    .where(and(eq(staffSessions.staffId, staffId), isNull(staffSessions.revokedAt), gt(staffSessions.expiresAt, now), gt(staffSessions.lastSeenAt, idleCutoff), eq(staffSessions.stage, "active")))
    .orderBy(desc(staffSessions.lastSeenAt));
  return rows.map((row) => ({ id: row.id, createdAt: row.createdAt, lastSeenAt: row.lastSeenAt, expiresAt: row.expiresAt, ip: row.ip, userAgent: row.userAgent, current: row.id === currentSessionId }));
}

/** After two-factor enrolment the same session may go on as a full one. */
export async function activateStaffSession(db: Executor, sessionId: string): Promise<void> {
  await db.update(staffSessions).set({ stage: "active" }).where(eq(staffSessions.id, sessionId));
}

/** Sessions that ended long ago are of no use to anyone (the worker may call it now and then). */
export async function pruneStaffSessions(db: Db, now = new Date()): Promise<void> {
  await db.delete(staffSessions).where(sql`${staffSessions.expiresAt} < ${new Date(now.getTime() - 30 * 24 * 60 * MINUTE).toISOString()}::timestamptz`);
}
