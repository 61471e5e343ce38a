import { eq } from "drizzle-orm";
import { getServerSession } from "next-auth";
import type { Staff, StaffRole } from "@/db/schema";
import { staff } from "@/db/schema";
import { readyDb } from "@/lib/startup/ensure-app-ready";
import { authOptions } from "./auth-options";

export type CurrentStaff = Pick<Staff, "id" | "email" | "name" | "role" | "locale">;

/**
 * The signed-in staff member, re-read from the staff table on every call: a disabled account,
 * or a session older than the last password or role change, counts as signed out.
 */
export async function getCurrentStaff(): Promise<CurrentStaff | null> {
  const session = (await getServerSession(authOptions())) as { staffId?: string; sessionVersion?: number } | null;
  if (!session?.staffId) return null;
  const db = await readyDb();
  const [row] = await db.select().from(staff).where(eq(staff.id, session.staffId)).limit(1);
  if (!row || row.disabledAt || row.sessionVersion !== (session.sessionVersion ?? 0)) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role, locale: row.locale };
}

export type StaffCheck = { ok: true; staff: CurrentStaff } | { ok: false; status: 401 | 403 };

/** For server actions and route handlers: 401 without a valid session, 403 for a role not allowed. */
export async function checkStaff(roles?: readonly StaffRole[]): Promise<StaffCheck> {
  const current = await getCurrentStaff();
  if (!current) return { ok: false, status: 401 };
  if (roles && !roles.includes(current.role)) return { ok: false, status: 403 };
  return { ok: true, staff: current };
}
